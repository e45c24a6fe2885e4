import type { Actor } from '../../core/auth/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { planVisibility } from './plans.policy.ts';
import * as repository from './plans.repository.ts';
import type { ListPlansQuery, Plan } from './plans.schemas.ts';
import { checkUnitInScope } from '../admin-units/index.ts';

/** The annual plans of the reader's unit (a commune officer also sees its province's plans). */
export async function listPlans(ctx: AppContext, actor: Actor, query: ListPlansQuery): Promise<Page<Plan>> {
  const visibility = planVisibility(actor);
  if (!visibility) throw forbidden();
  await checkUnitInScope(ctx.db.pool, actor, { provinceCode: query.province, communeCode: query.commune });
  const result = await repository.listPlans(ctx.db.pool, visibility, { provinceCode: query.province, communeCode: query.commune, year: query.year, ...pageWindow(query) });
  return pageOfResult(query, result);
}
