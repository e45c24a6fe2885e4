import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canViewPlan, planActionsFor } from './business-plans.policy.ts';
import * as repository from './business-plans.repository.ts';
import type { BusinessPlan, StoredPlan } from './business-plans.schemas.ts';

/**
 * The shape of every state change of a plan: lock the row, check the actor sees it (404) and may act
 * (403), compare versions, apply (which checks the transition table), audit — in one transaction.
 */
export async function changeBusinessPlan(
  ctx: AppContext,
  actor: Actor,
  id: string,
  change: {
    expectedVersion: number | null;
    action: string;
    may: (actor: Actor, plan: StoredPlan) => boolean;
    refusal: string;
    apply: (tx: Sql, before: StoredPlan, now: Date) => Promise<Record<string, unknown> | void>;
  },
  requestId?: string,
): Promise<BusinessPlan> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findPlan(tx, id, { forUpdate: true });
    if (!before || !canViewPlan(actor, before)) throw notFound('Phương án sản xuất kinh doanh');
    if (!change.may(actor, before)) throw forbidden(change.refusal);
    if (change.expectedVersion !== null && before.version !== change.expectedVersion) {
      throw conflict('Phương án vừa được người khác cập nhật. Hãy tải lại để xem bản mới nhất.', 'Changed by someone else.');
    }
    const now = ctx.clock.now();
    const extra = await change.apply(tx, before, now);
    const after = (await repository.findPlan(tx, id))!;
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: change.action,
      entityType: 'business_plan',
      entityId: id,
      before,
      after: extra ? { ...after, ...extra } : after,
      requestId,
      occurredAt: now,
    });
    return { ...after, allowedActions: planActionsFor(actor, after) };
  });
}
