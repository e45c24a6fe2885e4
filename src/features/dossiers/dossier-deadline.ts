import {
  addWorkingDays,
  computeDueDate,
  endOfLocalDate,
  toLocalDate,
  type LocalDate,
  type WorkingCalendar,
} from '../../core/clock/index.ts';
import { findRuleSet } from '../rule-sets/index.ts';
import type { DossierStatus } from './dossier-status.ts';

/** QĐ 26/2026 Đ.7.2: the commune checks the dossier within 15 working days of receiving it. */
export const DEFAULT_COMMUNE_CHECK_WORKING_DAYS = 15;

/** "Due soon" on the dashboards: the deadline falls within this many working days. */
export const DUE_SOON_WORKING_DAYS = 3;

/** The commune's period under a rule set, when that rule set counts it in working days. */
export function communeCheckWorkingDays(ruleSetId: string): number | null {
  const deadline = findRuleSet(ruleSetId)?.deadlines.communeCheck;
  return deadline && deadline.unit === 'working-days' && deadline.value ? deadline.value : null;
}

export interface StoredSuspension {
  fromOn: LocalDate;
  toOn: LocalDate | null;
}

export interface DossierClockInput {
  status: DossierStatus;
  receivedOn: LocalDate | null;
  suspensions: readonly StoredSuspension[];
  workingDays: number;
  forwardedAt: Date | null;
}

export interface DossierClock {
  workingDays: number;
  receivedOn: LocalDate;
  /** The last day of the period; null while the clock is paused before the period ran out. */
  dueDate: LocalDate | null;
  /** What the dossier stores in due_at: the end of dueDate in Vietnam. */
  dueAt: Date | null;
  paused: boolean;
  pausedSince: LocalDate | null;
  workingDaysUsed: number;
  workingDaysRemaining: number;
  /** Past the deadline and still at the commune, or forwarded after it. */
  overdue: boolean;
}

/**
 * The commune's clock of one dossier, derived from what is stored (receipt day and suspensions), never
 * the other way round. Before receipt there is no clock. A forwarded dossier's clock is read on the day
 * it was forwarded; a withdrawn one has none any more.
 */
export function dossierClock(input: DossierClockInput, now: Date, calendar: WorkingCalendar): DossierClock | null {
  if (!input.receivedOn || input.status === 'withdrawn') return null;
  const deadline = computeDueDate(
    { receivedOn: input.receivedOn, workingDays: input.workingDays, suspensions: input.suspensions.map((s) => ({ from: s.fromOn, to: s.toOn })) },
    calendar,
  );
  const dueAt = deadline.dueDate ? endOfLocalDate(deadline.dueDate) : null;
  const asOf = input.forwardedAt ?? now;
  const used = deadline.workingDaysUsed(toLocalDate(asOf));
  return {
    workingDays: input.workingDays,
    receivedOn: input.receivedOn,
    dueDate: deadline.dueDate,
    dueAt,
    paused: deadline.paused,
    pausedSince: deadline.pausedSince,
    workingDaysUsed: used,
    workingDaysRemaining: input.workingDays - used,
    overdue: dueAt !== null && asOf.getTime() > dueAt.getTime(),
  };
}

/** The latest due_at that still counts as "due soon" on `today`: the end of the 3rd working day after it. */
export function dueSoonLimit(today: LocalDate, calendar: WorkingCalendar): Date {
  return endOfLocalDate(addWorkingDays(today, DUE_SOON_WORKING_DAYS, calendar));
}
