import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findPlanForwardingRule } from '../province-settings/index.ts';
import { canSubmitPlanFor } from './business-plans.policy.ts';
import * as repository from './business-plans.repository.ts';
import type { BusinessPlan, ResubmitPlanInput } from './business-plans.schemas.ts';
import { changeBusinessPlan } from './change-business-plan.ts';
import { forwardingDueAt } from './forwarding-deadline.ts';
import { nextPlanStatus } from './plan-status.ts';

/** A returned plan, completed, is received by the commune again: a new round and a new forwarding deadline. */
export function resubmitBusinessPlan(ctx: AppContext, actor: Actor, id: string, input: ResubmitPlanInput, requestId?: string): Promise<BusinessPlan> {
  const { version, ...changes } = input;
  return changeBusinessPlan(
    ctx,
    actor,
    id,
    {
      expectedVersion: version,
      action: 'business_plan.resubmitted',
      may: canSubmitPlanFor,
      refusal: 'Phương án do chủ thể hoặc cán bộ cấp xã nộp lại.',
      apply: async (tx, plan, now) => {
        const status = nextPlanStatus(plan.status, 'resubmit', plan);
        const rule = await findPlanForwardingRule(tx, plan.provinceCode);
        await repository.resubmitPlanRow(tx, id, changes, { status, rule, dueAt: rule ? forwardingDueAt(now, rule) : null, now });
      },
    },
    requestId,
  );
}
