import { AppError } from '../../core/errors.ts';
import type { ForwardingConsequence } from '../province-settings/index.ts';

/**
 * The life of a business plan (phương án / dự án SXKD, cycle step 3): the one table of allowed
 * transitions. Who may take each step is in business-plans.policy.ts.
 *
 *   (submitted to the commune) submitted ──forward──→ forwarded ──approve──→ approved (support follows)
 *                                  │                        └──return──→ returned ──resubmit──→ submitted
 *                                  └─mark_overdue (sweep)─→ forwarding_overdue ──forward (only if flag_late)──→ forwarded
 *
 * The commune receives the plan and forwards it to the province within the days the province set
 * (province_settings); the provincial OCOP office reviews it. Missing the deadline applies the
 * province's consequence: "no_product_this_year" stops the plan for this cycle, "flag_late" only
 * records the delay.
 */
export const planStatuses = ['submitted', 'forwarding_overdue', 'forwarded', 'returned', 'approved'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const planActions = ['forward', 'approve', 'return', 'resubmit', 'mark_overdue'] as const;
export type PlanAction = (typeof planActions)[number];

export const initialPlanStatus: PlanStatus = 'submitted';

export const planTransitions: Readonly<Record<PlanAction, { from: readonly PlanStatus[]; to: PlanStatus }>> = {
  forward: { from: ['submitted', 'forwarding_overdue'], to: 'forwarded' },
  approve: { from: ['forwarded'], to: 'approved' },
  return: { from: ['forwarded'], to: 'returned' },
  resubmit: { from: ['returned'], to: 'submitted' },
  mark_overdue: { from: ['submitted'], to: 'forwarding_overdue' },
};

export const planStatusLabels: Record<PlanStatus, string> = {
  submitted: 'Xã đã nhận, chờ chuyển tỉnh',
  forwarding_overdue: 'Quá hạn chuyển tỉnh',
  forwarded: 'Đã chuyển tỉnh, chờ xem xét',
  returned: 'Trả lại để hoàn thiện',
  approved: 'Đã phê duyệt',
};

/** What the state needs besides the status: the consequence applied when the plan went overdue. */
export interface PlanStateContext {
  overdueConsequence: ForwardingConsequence | null;
}

function guardAllows(status: PlanStatus, action: PlanAction, context: PlanStateContext): boolean {
  // "No product this year" ends the plan's cycle: a late forward is not accepted.
  if (action === 'forward' && status === 'forwarding_overdue') return context.overdueConsequence === 'flag_late';
  return true;
}

export function allowedPlanActions(status: PlanStatus, context: PlanStateContext): PlanAction[] {
  return planActions.filter((action) => planTransitions[action].from.includes(status) && guardAllows(status, action, context));
}

/** The status after `action`, or INVALID_TRANSITION. */
export function nextPlanStatus(status: PlanStatus, action: PlanAction, context: PlanStateContext): PlanStatus {
  if (!planTransitions[action].from.includes(status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Phương án đang ở trạng thái "${planStatusLabels[status]}", không thể thực hiện thao tác này.`,
      { status, action, allowed: allowedPlanActions(status, context) },
      `Not allowed from status ${status}.`,
    );
  }
  if (!guardAllows(status, action, context)) {
    throw new AppError(
      'DEADLINE_PASSED',
      'Phương án đã quá hạn chuyển tỉnh; theo quy định của tỉnh, địa phương không có sản phẩm này trong năm.',
      { status, action, overdueConsequence: context.overdueConsequence },
      'The forwarding deadline passed; the province counts no product this year.',
    );
  }
  return planTransitions[action].to;
}
