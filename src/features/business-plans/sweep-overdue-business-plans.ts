import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import type { AppContext } from '../../core/http/types.ts';
import * as repository from './business-plans.repository.ts';
import { nextPlanStatus } from './plan-status.ts';

const SWEEP_ACTOR = { userId: null, label: 'hệ thống (quét hạn chuyển phương án)' };

/**
 * Applies the province's consequence to every plan the commune did not forward by its due_at: the plan
 * becomes forwarding_overdue with the consequence it was received under. Idempotent: a plan is marked
 * once (the UPDATE re-checks status and due_at under the row lock), so the sweep can run as often as a
 * scheduler likes, from several processes at once. Each plan is its own transaction.
 */
export async function sweepOverdueBusinessPlans(ctx: AppContext, options: { batchSize?: number } = {}): Promise<{ marked: string[] }> {
  const marked: string[] = [];
  const seen = new Set<string>();
  const batchSize = options.batchSize ?? 500;
  for (;;) {
    const now = ctx.clock.now();
    const ids = (await repository.listPlansPastDue(ctx.db.pool, now, batchSize + seen.size)).filter((id) => !seen.has(id));
    if (ids.length === 0) return { marked };
    for (const id of ids) {
      seen.add(id);
      const changed = await withTransaction(ctx.db, async (tx) => {
        const before = await repository.findPlan(tx, id, { forUpdate: true });
        if (!before || before.status !== 'submitted' || !before.dueAt || before.dueAt >= now) return false;
        const status = nextPlanStatus(before.status, 'mark_overdue', before);
        if (!(await repository.markForwardingOverdue(tx, id, status, now))) return false;
        const after = (await repository.findPlan(tx, id))!;
        await recordAuditEvent(tx, {
          actor: SWEEP_ACTOR,
          action: 'business_plan.forwarding_overdue',
          entityType: 'business_plan',
          entityId: id,
          before,
          after,
          occurredAt: now,
        });
        return true;
      });
      if (changed) marked.push(id);
    }
  }
}
