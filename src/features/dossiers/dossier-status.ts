/**
 * The life of a product dossier at the commune (QĐ 26/2026/QĐ-TTg Điều 7.1–7.2), as ONE table of
 * allowed transitions. Every state change of a dossier is one of these actions, done by one use case
 * named after it (submit-dossier.ts, receive-dossier.ts, …).
 *
 *   draft ─submit→ submitted ─receive→ commune_reviewing ─returnForSupplement→ returned_for_supplement
 *                                       │        ▲                                   │
 *                                       │        └──────── (again) ◄── resubmitted ◄─supplement┘
 *                                       └─forward→ forwarded_to_province ◄─forward── resubmitted
 *   any status before forwarded_to_province ─withdraw→ withdrawn
 */

export const dossierStatuses = [
  'draft',
  'submitted',
  'commune_reviewing',
  'returned_for_supplement',
  'resubmitted',
  'forwarded_to_province',
  'withdrawn',
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

export const dossierActions = ['submit', 'receive', 'returnForSupplement', 'supplement', 'forward', 'withdraw'] as const;
export type DossierAction = (typeof dossierActions)[number];

/** Who moves the dossier: its producer, or the commune that checks it. */
export type DossierSide = 'producer' | 'commune';

/** What the commune's 15-working-day clock does on the transition (QĐ 26/2026 Đ.7.2). */
export type ClockEffect = 'none' | 'start' | 'suspend' | 'resume';

export interface Transition {
  from: readonly DossierStatus[];
  to: DossierStatus;
  by: DossierSide;
  clock: ClockEffect;
}

export const transitions: Readonly<Record<DossierAction, Transition>> = {
  submit: { from: ['draft'], to: 'submitted', by: 'producer', clock: 'none' },
  // Receipt starts the period: the day of receipt is day 0 (Bộ luật Dân sự Đ.147.3, core/clock).
  receive: { from: ['submitted'], to: 'commune_reviewing', by: 'commune', clock: 'start' },
  returnForSupplement: { from: ['commune_reviewing', 'resubmitted'], to: 'returned_for_supplement', by: 'commune', clock: 'suspend' },
  supplement: { from: ['returned_for_supplement'], to: 'resubmitted', by: 'producer', clock: 'resume' },
  forward: { from: ['commune_reviewing', 'resubmitted'], to: 'forwarded_to_province', by: 'commune', clock: 'none' },
  withdraw: {
    from: ['draft', 'submitted', 'commune_reviewing', 'returned_for_supplement', 'resubmitted'],
    to: 'withdrawn',
    by: 'producer',
    clock: 'none',
  },
};

/** The status after `action`, or null when the table does not allow it from `status`. */
export function nextStatus(status: DossierStatus, action: DossierAction): DossierStatus | null {
  const transition = transitions[action];
  return transition.from.includes(status) ? transition.to : null;
}

/** The actions the table allows from `status`, in the table's order. */
export function actionsFrom(status: DossierStatus): DossierAction[] {
  return dossierActions.filter((action) => transitions[action].from.includes(status));
}

export function isFinal(status: DossierStatus): boolean {
  return actionsFrom(status).length === 0;
}

/** Whose move it is: the producer's (to complete), the commune's (to check), the province's, or nobody's. */
export function waitingOn(status: DossierStatus): DossierSide | 'province' | null {
  switch (status) {
    case 'draft':
    case 'returned_for_supplement':
      return 'producer';
    case 'submitted':
    case 'commune_reviewing':
    case 'resubmitted':
      return 'commune';
    case 'forwarded_to_province':
      return 'province';
    case 'withdrawn':
      return null;
  }
}

/** The producer may change the Mẫu 01 fields, the self-assessment and the files only while it is their move. */
export function isEditableByProducer(status: DossierStatus): boolean {
  return waitingOn(status) === 'producer';
}

/** The commune records its check (Mẫu 03) between receipt and forwarding. */
export function isCheckableByCommune(status: DossierStatus): boolean {
  return status === 'commune_reviewing' || status === 'resubmitted';
}

/** Statuses in which the commune's clock runs or is suspended (the dossier is at the commune). */
export const atCommuneStatuses: readonly DossierStatus[] = ['commune_reviewing', 'returned_for_supplement', 'resubmitted'];

export const statusLabels: Readonly<Record<DossierStatus, { vi: string; en: string }>> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã nộp, chờ xã tiếp nhận', en: 'Submitted, awaiting receipt' },
  commune_reviewing: { vi: 'Xã đang kiểm tra', en: 'Being checked by the commune' },
  returned_for_supplement: { vi: 'Trả lại để bổ sung', en: 'Returned for supplements' },
  resubmitted: { vi: 'Đã bổ sung, xã kiểm tra lại', en: 'Supplemented, being re-checked' },
  forwarded_to_province: { vi: 'Đã gửi lên tỉnh', en: 'Forwarded to the province' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

export const actionLabels: Readonly<Record<DossierAction, { vi: string; en: string }>> = {
  submit: { vi: 'nộp hồ sơ', en: 'submit' },
  receive: { vi: 'tiếp nhận hồ sơ', en: 'receive' },
  returnForSupplement: { vi: 'trả lại để bổ sung', en: 'return for supplements' },
  supplement: { vi: 'nộp bổ sung', en: 'supplement' },
  forward: { vi: 'gửi lên tỉnh', en: 'forward to the province' },
  withdraw: { vi: 'rút hồ sơ', en: 'withdraw' },
};
