import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findIdea } from '../ideas/index.ts';
import { findPlanForwardingRule } from '../province-settings/index.ts';
import { forwardingDueAt } from './forwarding-deadline.ts';
import { canSubmitPlanFor, canViewPlan, planActionsFor } from './business-plans.policy.ts';
import * as repository from './business-plans.repository.ts';
import type { BusinessPlan, SubmitPlanInput } from './business-plans.schemas.ts';
import { initialPlanStatus } from './plan-status.ts';

/**
 * A producer (or its commune officer) submits the business plan of an idea that passed appraisal.
 * Submission is receipt by the commune: the province's forwarding deadline starts now.
 */
export async function submitBusinessPlan(ctx: AppContext, actor: Actor, input: SubmitPlanInput, requestId?: string): Promise<BusinessPlan> {
  return withTransaction(ctx.db, async (tx) => {
    // Locking the idea serialises two submissions for it; the unique index is the last defence.
    const idea = await findIdea(tx, input.ideaId, { forUpdate: true });
    if (!idea || !canViewPlan(actor, idea)) throw notFound('Ý tưởng sản phẩm');
    if (!canSubmitPlanFor(actor, idea)) throw forbidden('Phương án do chủ thể hoặc cán bộ cấp xã nộp.');
    if (idea.status !== 'passed') {
      throw new AppError('INVALID_TRANSITION', 'Chỉ lập phương án sản xuất kinh doanh cho ý tưởng đã được thẩm định đạt.', { ideaStatus: idea.status }, 'The idea has not passed appraisal.');
    }
    if (await repository.findPlanIdOfIdea(tx, idea.id)) throw conflict('Ý tưởng này đã có phương án sản xuất kinh doanh.', 'This idea already has a plan.');
    const now = ctx.clock.now();
    const rule = await findPlanForwardingRule(tx, idea.provinceCode);
    const id = await repository.insertPlan(tx, {
      ideaId: idea.id,
      producerId: idea.producerId,
      provinceCode: idea.provinceCode,
      communeCode: idea.communeCode,
      year: idea.year,
      title: input.title,
      summary: input.summary,
      totalInvestmentVnd: input.totalInvestmentVnd,
      expectedRevenueVnd: input.expectedRevenueVnd,
      status: initialPlanStatus,
      rule,
      dueAt: rule ? forwardingDueAt(now, rule) : null,
      submittedBy: actor.userId,
      now,
    });
    const plan = (await repository.findPlan(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'business_plan.submitted', entityType: 'business_plan', entityId: id, after: plan, requestId, occurredAt: now });
    return { ...plan, allowedActions: planActionsFor(actor, plan) };
  });
}
