import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canReviewPlan } from './business-plans.policy.ts';
import * as repository from './business-plans.repository.ts';
import type { BusinessPlan, ReviewPlanInput } from './business-plans.schemas.ts';
import { changeBusinessPlan } from './change-business-plan.ts';
import { nextPlanStatus } from './plan-status.ts';

/** The provincial OCOP office approves a forwarded plan, or returns it with reasons. */
export function reviewBusinessPlan(ctx: AppContext, actor: Actor, id: string, input: ReviewPlanInput, requestId?: string): Promise<BusinessPlan> {
  return changeBusinessPlan(
    ctx,
    actor,
    id,
    {
      expectedVersion: input.version,
      action: `business_plan.${input.outcome}`,
      may: canReviewPlan,
      refusal: 'Cơ quan tham mưu OCOP cấp tỉnh xem xét, phê duyệt phương án.',
      apply: async (tx, plan, now) => {
        const status = nextPlanStatus(plan.status, input.outcome === 'approved' ? 'approve' : 'return', plan);
        await repository.insertReview(tx, { planId: id, round: plan.round, outcome: input.outcome, reasons: input.reasons, reviewedBy: actor.userId, at: now });
        await repository.recordDecision(tx, id, status, { decided: status === 'approved' }, now);
      },
    },
    requestId,
  );
}
