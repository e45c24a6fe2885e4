import type { Actor } from '../../core/auth/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canManageAccount, userVisibility } from './users.policy.ts';
import * as repository from './users.repository.ts';
import type { ListUsersQuery, User } from './users.schemas.ts';
import { checkUnitInScope } from '../admin-units/index.ts';

/** The accounts the actor manages. */
export async function listUsers(ctx: AppContext, actor: Actor, query: ListUsersQuery): Promise<Page<User>> {
  const visibility = userVisibility(actor);
  if (!visibility) throw forbidden();
  await checkUnitInScope(ctx.db.pool, actor, { provinceCode: query.province });
  const result = await repository.listUsers(ctx.db.pool, visibility, {
    q: query.q || undefined,
    role: query.role,
    provinceCode: query.province,
    active: query.active === undefined ? undefined : query.active === 'true',
    ...pageWindow(query),
  });
  return pageOfResult(query, result);
}

/** An account the actor manages ("not found" when it is not one of theirs). */
export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<User> {
  if (!userVisibility(actor)) throw forbidden();
  const user = await repository.findUserById(ctx.db.pool, id);
  if (!user || !canManageAccount(actor, user)) throw notFound('Tài khoản');
  return user;
}

/** The signed-in user's own account. */
export async function getOwnAccount(ctx: AppContext, actor: Actor): Promise<User> {
  const user = await repository.findUserById(ctx.db.pool, actor.userId);
  if (!user) throw notFound('Tài khoản');
  return user;
}
