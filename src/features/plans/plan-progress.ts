/**
 * Whether a plan is on track: the rule of docs/decisions/006-plan-progress-and-participant-import.md.
 *
 * An indicator's progress is achieved ÷ target. Cumulative indicators (products, cooperatives, fairs,
 * producers trained, area, output…) are expected to grow through the year, so progress is compared with
 * the elapsed fraction of the plan's year:
 *   achieved ≥ target                          → achieved
 *   the year is over and target not reached    → behind
 *   progress ≥ elapsed − 10 points             → on_track
 *   progress ≥ elapsed − 25 points             → at_risk
 *   otherwise                                  → behind
 * A yield (tạ/ha) is not cumulative: it is measured at harvest and compared with the target directly
 * (≥ 100% achieved, ≥ 90% at risk, below that behind). Without any figure an indicator is `no_data`.
 * A plan takes the worst status of its indicators that have figures.
 */
import { daysBetween, localDate, localDateParts, type LocalDate } from '../../core/clock/index.ts';

export const indicatorStatuses = ['achieved', 'on_track', 'at_risk', 'behind', 'no_data'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

export const ON_TRACK_MARGIN = 0.1;
export const AT_RISK_MARGIN = 0.25;
export const RATE_AT_RISK_FLOOR = 0.9;

/** How much of `year` has passed on `today`: 0 before 1 January, 1 after 31 December; the day itself counts. */
export function elapsedFractionOfYear(year: number, today: LocalDate): number {
  const current = localDateParts(today).year;
  if (current < year) return 0;
  if (current > year) return 1;
  const first = localDate(year, 1, 1);
  const days = daysBetween(first, localDate(year + 1, 1, 1));
  return (daysBetween(first, today) + 1) / days;
}

export interface StatusInput {
  target: number;
  /** null when nothing is known yet */
  achieved: number | null;
  elapsed: number;
  cumulative: boolean;
}

export function progressFraction(target: number, achieved: number): number {
  if (target <= 0) return 1;
  return achieved / target;
}

export function indicatorStatus(input: StatusInput): IndicatorStatus {
  if (input.achieved === null) return 'no_data';
  const progress = progressFraction(input.target, input.achieved);
  if (progress >= 1) return 'achieved';
  if (!input.cumulative) return progress >= RATE_AT_RISK_FLOOR ? 'at_risk' : 'behind';
  if (input.elapsed >= 1) return 'behind';
  if (progress >= input.elapsed - ON_TRACK_MARGIN) return 'on_track';
  if (progress >= input.elapsed - AT_RISK_MARGIN) return 'at_risk';
  return 'behind';
}

const severity: Record<IndicatorStatus, number> = { behind: 0, at_risk: 1, on_track: 2, achieved: 3, no_data: 4 };

/** The worst status among the indicators that have figures; `no_data` when none has. */
export function planStatus(statuses: readonly IndicatorStatus[]): IndicatorStatus {
  const known = statuses.filter((status) => status !== 'no_data');
  if (known.length === 0) return 'no_data';
  return known.reduce((worst, status) => (severity[status] < severity[worst] ? status : worst));
}
