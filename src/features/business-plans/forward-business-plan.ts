import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canForwardPlan } from './business-plans.policy.ts';
import * as repository from './business-plans.repository.ts';
import type { BusinessPlan } from './business-plans.schemas.ts';
import { changeBusinessPlan } from './change-business-plan.ts';
import { nextPlanStatus } from './plan-status.ts';

/** The commune forwards the plan it received to the province; a late forward is recorded as late. */
export function forwardBusinessPlan(ctx: AppContext, actor: Actor, id: string, input: { version: number }, requestId?: string): Promise<BusinessPlan> {
  return changeBusinessPlan(
    ctx,
    actor,
    id,
    {
      expectedVersion: input.version,
      action: 'business_plan.forwarded',
      may: canForwardPlan,
      refusal: 'Cán bộ cấp xã nơi nhận phương án chuyển phương án lên tỉnh.',
      apply: async (tx, plan, now) => {
        await repository.markForwarded(tx, id, nextPlanStatus(plan.status, 'forward', plan), now);
        return { late: plan.dueAt !== null && now > plan.dueAt };
      },
    },
    requestId,
  );
}
