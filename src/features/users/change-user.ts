import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { deleteSessionsOfUser } from '../../core/auth/sessions.ts';
import { generateTemporaryPassword, hashPassword } from '../../core/auth/passwords.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canManageAccount } from './users.policy.ts';
import * as repository from './users.repository.ts';
import type { UpdateUserInput, User } from './users.schemas.ts';
import { normaliseAssignment, validateAssignment } from './validate-assignment.ts';

/**
 * The shape of every change an administrator makes to an account: lock the row, check the actor
 * may manage it, compare versions (optimistic locking), apply, audit — in one transaction.
 */
async function changeAccount(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number,
  action: string,
  apply: (tx: Sql, before: User, now: Date) => Promise<void>,
  requestId?: string,
): Promise<User> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findUserById(tx, id, { forUpdate: true });
    if (!before || !canManageAccount(actor, before)) throw notFound('Tài khoản');
    if (before.version !== expectedVersion) {
      throw conflict('Tài khoản vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    }
    const now = ctx.clock.now();
    await apply(tx, before, now);
    const after = (await repository.findUserById(tx, id))!;
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action,
      entityType: 'user',
      entityId: id,
      before,
      after,
      requestId,
      occurredAt: now,
    });
    return after;
  });
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
  requestId?: string,
): Promise<User> {
  const current = await repository.findUserById(ctx.db.pool, id);
  if (!current || !canManageAccount(actor, current)) throw notFound('Tài khoản');
  const scopeChanged = ['role', 'provinceCode', 'communeCode', 'producerId'].some((key) => key in input);
  let assignment = { role: current.role, provinceCode: current.provinceCode, communeCode: current.communeCode, producerId: current.producerId };
  if (scopeChanged) {
    assignment = {
      role: input.role ?? current.role,
      provinceCode: input.provinceCode !== undefined ? input.provinceCode : current.provinceCode,
      communeCode: input.communeCode !== undefined ? input.communeCode : current.communeCode,
      producerId: input.producerId !== undefined ? input.producerId : current.producerId,
    };
    const issues = await validateAssignment(ctx.db.pool, assignment);
    if (issues.length > 0) throw invalidInput(issues);
    assignment = await normaliseAssignment(ctx.db.pool, assignment);
    if (!canManageAccount(actor, assignment)) throw forbidden('Bạn không được giao vai trò hoặc địa bàn này.');
  }
  if (id === actor.userId && scopeChanged && assignment.role !== actor.role) {
    throw forbidden('Bạn không thể tự đổi vai trò của chính mình.');
  }
  return changeAccount(
    ctx,
    actor,
    id,
    input.version,
    'user.updated',
    async (tx, _before, now) => {
      await repository.updateUser(
        tx,
        id,
        { displayName: input.displayName, email: input.email, locale: input.locale, ...(scopeChanged ? assignment : {}) },
        now,
      );
      // New powers or a narrower scope take effect at once: the user signs in again.
      if (scopeChanged) await deleteSessionsOfUser(tx, id);
    },
    requestId,
  );
}

export async function setUserActive(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { version: number; active: boolean },
  requestId?: string,
): Promise<User> {
  if (id === actor.userId && !input.active) {
    throw new AppError('INVALID_TRANSITION', 'Bạn không thể tự khóa tài khoản của chính mình.', undefined, 'You cannot deactivate yourself.');
  }
  return changeAccount(
    ctx,
    actor,
    id,
    input.version,
    input.active ? 'user.activated' : 'user.deactivated',
    async (tx, before, now) => {
      if (before.isActive === input.active) {
        throw new AppError(
          'INVALID_TRANSITION',
          input.active ? 'Tài khoản đang hoạt động.' : 'Tài khoản đã bị khóa trước đó.',
          undefined,
          input.active ? 'Already active.' : 'Already deactivated.',
        );
      }
      await repository.updateUser(tx, id, { isActive: input.active }, now);
      if (!input.active) await deleteSessionsOfUser(tx, id);
    },
    requestId,
  );
}

/** Issues a temporary password, shown once to the administrator; the user must change it at login. */
export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { version: number },
  requestId?: string,
): Promise<{ user: User; temporaryPassword: string }> {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await changeAccount(
    ctx,
    actor,
    id,
    input.version,
    'user.password_reset',
    async (tx, _before, now) => {
      await repository.updateUser(tx, id, { passwordHash, mustChangePassword: true }, now);
      await deleteSessionsOfUser(tx, id);
    },
    requestId,
  );
  return { user, temporaryPassword };
}
