import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { generateTemporaryPassword, hashPassword } from '../../core/auth/passwords.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canManageAccount } from './users.policy.ts';
import * as repository from './users.repository.ts';
import type { CreateUserInput, User } from './users.schemas.ts';
import { normaliseAssignment, validateAssignment } from './validate-assignment.ts';

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: CreateUserInput,
  requestId?: string,
): Promise<{ user: User; temporaryPassword: string | null }> {
  const issues = await validateAssignment(ctx.db.pool, input);
  if (issues.length > 0) throw invalidInput(issues);
  const assignment = await normaliseAssignment(ctx.db.pool, input);
  if (!canManageAccount(actor, assignment)) throw forbidden('Bạn không được tạo tài khoản với vai trò hoặc địa bàn này.');

  const temporaryPassword = input.password ? null : generateTemporaryPassword();
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    let id: string;
    try {
      id = await repository.insertUser(tx, {
        ...input,
        ...assignment,
        passwordHash,
        mustChangePassword: temporaryPassword !== null,
        now,
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw conflict(`Tên đăng nhập "${input.username}" đã có người dùng.`, 'Username taken.');
      }
      throw error;
    }
    const user = (await repository.findUserById(tx, id))!;
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      after: user,
      requestId,
      occurredAt: now,
    });
    return { user, temporaryPassword };
  });
}
