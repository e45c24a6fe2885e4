import { AppError } from '../../core/errors.ts';

/**
 * The life of an evaluation round and of each dossier in it (QĐ 26/2026 Đ.5, Đ.7.3–7.4), as the one table
 * of allowed steps for each. Who may take a step is in evaluations.policy.ts; each step is done by the use
 * case named after it (close-round.ts, open-scoring.ts, …), which checks this table before it writes.
 *
 *   round:  open ──close (the council's session)──→ closed ──decide (the competent authority)──→ decided
 *           while open, the organiser seats the members and corrects the settings
 *
 *   entry:  (joins) reviewing ──requestSupplement──→ supplement_requested ──receiveSupplement──→ reviewing
 *                   reviewing ──openScoring──→ scoring ──close──→ closed ──decide──→ decided
 *           reviewing, supplement_requested, scoring ──withdraw (not ready or not scored at the session)──→ withdrawn
 *           in place: the advisory team's work and report, conflicts of interest, score sheets (a re-score
 *           is a new attempt of the same entry, still scoring)
 */

export const roundStatuses = ['open', 'closed', 'decided'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** Every round starts here when it is opened (the column's default). */
export const initialRoundStatus: RoundStatus = 'open';

export const roundTransitions = {
  close: { from: ['open'], to: 'closed' },
  decide: { from: ['closed'], to: 'decided' },
} as const satisfies Record<string, { from: readonly RoundStatus[]; to: RoundStatus }>;

/** Work on a round that leaves its status as it is, and the statuses it is done in. */
export const roundWork = {
  setMembers: ['open'],
  changeSettings: ['open'],
} as const satisfies Record<string, readonly RoundStatus[]>;

export type RoundStep = keyof typeof roundTransitions | keyof typeof roundWork;
export const roundSteps = [...Object.keys(roundWork), ...Object.keys(roundTransitions)] as RoundStep[];

export const entryStatuses = ['reviewing', 'supplement_requested', 'scoring', 'closed', 'decided', 'withdrawn'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

/** Every entry starts here when its dossier joins a round (the column's default). */
export const initialEntryStatus: EntryStatus = 'reviewing';

export const entryTransitions = {
  requestSupplement: { from: ['reviewing'], to: 'supplement_requested' },
  receiveSupplement: { from: ['supplement_requested'], to: 'reviewing' },
  openScoring: { from: ['reviewing'], to: 'scoring' },
  close: { from: ['scoring'], to: 'closed' },
  withdraw: { from: ['reviewing', 'supplement_requested', 'scoring'], to: 'withdrawn' },
  decide: { from: ['closed'], to: 'decided' },
} as const satisfies Record<string, { from: readonly EntryStatus[]; to: EntryStatus }>;

/** Work on an entry that leaves its status as it is, and the statuses it is done in. */
export const entryWork = {
  /** The advisory team reviews, visits the site, asks for extra lab tests (Đ.7.3.c). */
  advise: ['reviewing', 'supplement_requested'],
  /** The advisory team reports to the council: the dossier is then ready to be scored. */
  report: ['reviewing'],
  /** A council member declares a conflict of interest, until the session is over. */
  declareConflict: ['reviewing', 'supplement_requested', 'scoring'],
  /** A council member saves or submits a sheet. */
  score: ['scoring'],
} as const satisfies Record<string, readonly EntryStatus[]>;

export type EntryStep = keyof typeof entryTransitions | keyof typeof entryWork;
export const entrySteps = [...Object.keys(entryWork), ...Object.keys(entryTransitions)] as EntryStep[];

function fromStatuses<S extends string>(
  transitions: Record<string, { from: readonly S[]; to: S }>,
  work: Record<string, readonly S[]>,
  step: string,
): readonly S[] {
  return transitions[step]?.from ?? work[step] ?? [];
}

/** The round's status after `step`, or null when the table does not allow it from `status`. */
export function nextRoundStatus(status: RoundStatus, step: RoundStep): RoundStatus | null {
  if (!fromStatuses<RoundStatus>(roundTransitions, roundWork, step).includes(status)) return null;
  return step in roundTransitions ? roundTransitions[step as keyof typeof roundTransitions].to : status;
}

export function roundAllows(status: RoundStatus, step: RoundStep): boolean {
  return nextRoundStatus(status, step) !== null;
}

/** The entry's status after `step`, or null when the table does not allow it from `status`. */
export function nextEntryStatus(status: EntryStatus, step: EntryStep): EntryStatus | null {
  if (!fromStatuses<EntryStatus>(entryTransitions, entryWork, step).includes(status)) return null;
  return step in entryTransitions ? entryTransitions[step as keyof typeof entryTransitions].to : status;
}

export function entryAllows(status: EntryStatus, step: EntryStep): boolean {
  return nextEntryStatus(status, step) !== null;
}

/** Nothing more happens to the entry in this round (its deadline reminder is moot). */
export function isEntryFinal(status: EntryStatus): boolean {
  return entrySteps.every((step) => !entryAllows(status, step));
}

/** The council's session is over: its minutes and the draft decision exist. */
export function isSessionClosed(status: RoundStatus): boolean {
  return status === 'closed' || status === 'decided';
}

/** The council's result is frozen in the entry from the session on. */
export function hasCouncilResult(status: EntryStatus): boolean {
  return status === 'closed' || status === 'decided';
}

/** The refusal of a step the table does not allow, in the verb's own words. */
export function invalidTransition(message: string, messageEn: string, details?: Record<string, unknown>): AppError {
  return new AppError('INVALID_TRANSITION', message, details, messageEn);
}
