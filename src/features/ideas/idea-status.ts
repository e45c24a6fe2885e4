import { AppError } from '../../core/errors.ts';

/**
 * The life of a product idea (phiếu đăng ký ý tưởng sản phẩm, cycle step 2 of QĐ 490/2018): the one
 * table of allowed transitions. Who may take each step is in ideas.policy.ts.
 *
 *   (registered) → submitted ──pass──→ passed      (may go on to a business plan)
 *                      │    ──reject→ rejected    (may register again next year)
 *                      └────return─→ returned ──resubmit──→ submitted (next round)
 *
 * The Quảng Ninh cycle diagram counts the rounds ("trượt lần 1/2/3") and lets a returned idea come back
 * "after 1 week, 2 weeks or next year", so a return is not final and each resubmission is a new round.
 */
export const ideaStatuses = ['submitted', 'returned', 'passed', 'rejected'] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

export const ideaActions = ['pass', 'return', 'reject', 'resubmit'] as const;
export type IdeaAction = (typeof ideaActions)[number];

/** Every idea starts here when it is registered. */
export const initialIdeaStatus: IdeaStatus = 'submitted';

export const ideaTransitions: Readonly<Record<IdeaAction, { from: readonly IdeaStatus[]; to: IdeaStatus }>> = {
  pass: { from: ['submitted'], to: 'passed' },
  return: { from: ['submitted'], to: 'returned' },
  reject: { from: ['submitted'], to: 'rejected' },
  resubmit: { from: ['returned'], to: 'submitted' },
};

export const ideaStatusLabels: Record<IdeaStatus, string> = {
  submitted: 'Chờ thẩm định',
  returned: 'Trả lại để bổ sung',
  passed: 'Đạt',
  rejected: 'Không đạt',
};

/** The actions the table allows from a status (before asking who may take them). */
export function allowedIdeaActions(status: IdeaStatus): IdeaAction[] {
  return ideaActions.filter((action) => ideaTransitions[action].from.includes(status));
}

/** The status after `action`, or INVALID_TRANSITION when the table does not allow it. */
export function nextIdeaStatus(status: IdeaStatus, action: IdeaAction): IdeaStatus {
  const transition = ideaTransitions[action];
  if (!transition.from.includes(status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `Ý tưởng đang ở trạng thái "${ideaStatusLabels[status]}", không thể thực hiện thao tác này.`,
      { status, action, allowed: allowedIdeaActions(status) },
      `Not allowed from status ${status}.`,
    );
  }
  return transition.to;
}

/** Whether an idea has reached a final decision. */
export function isIdeaDecided(status: IdeaStatus): boolean {
  return allowedIdeaActions(status).length === 0;
}
