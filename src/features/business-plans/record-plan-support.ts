import type { Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canRecordSupport } from './business-plans.policy.ts';
import * as repository from './business-plans.repository.ts';
import type { BusinessPlan, RecordSupportInput } from './business-plans.schemas.ts';
import { changeBusinessPlan } from './change-business-plan.ts';

/**
 * Records state support given to carry out an approved plan (cycle step 4: training, consulting,
 * credit, packaging and label design, …). Supports are appended, so no version is asked for.
 */
export function recordPlanSupport(ctx: AppContext, actor: Actor, id: string, input: RecordSupportInput, requestId?: string): Promise<BusinessPlan> {
  return changeBusinessPlan(
    ctx,
    actor,
    id,
    {
      expectedVersion: null,
      action: 'business_plan.support_recorded',
      may: canRecordSupport,
      refusal: 'Cán bộ cấp xã hoặc cơ quan OCOP cấp tỉnh ghi nhận hỗ trợ.',
      apply: async (tx, plan, now) => {
        if (plan.status !== 'approved') {
          throw new AppError('INVALID_TRANSITION', 'Chỉ ghi nhận hỗ trợ cho phương án đã được phê duyệt.', { status: plan.status }, 'Only approved plans receive support.');
        }
        const supportId = await repository.insertSupport(tx, id, { ...input, recordedBy: actor.userId, now });
        return { supportId };
      },
    },
    requestId,
  );
}
