import { z } from 'zod';
import { addDays, assertLocalDate, compareLocalDates, isWeekend, localDateSchema, toEpochDay, type LocalDate } from './clock.ts';

/**
 * Working days of Vietnamese state agencies and deadlines counted in them.
 *
 * Counting convention (used by every function here): a period of N working days that starts with an event
 * (receipt of a dossier) does NOT count the day of the event; day 1 is the first working day after it.
 * Basis: Bộ luật Dân sự 2015, Điều 147.3 ("Khi thời hạn bắt đầu bằng một sự kiện thì ngày xảy ra sự kiện
 * không được tính mà tính từ ngày tiếp theo liền kề của ngày xảy ra sự kiện đó"), which applies to periods set
 * by law unless a law says otherwise (Điều 145). The period ends at the end of its last day (Điều 148.1);
 * counting only working days means the last day is always a working day, so Điều 148.5 (a period ending on a
 * rest day moves to the next working day) never has to be applied separately.
 *
 * Example: a dossier received on Monday 2026-03-02 with 15 working days (QĐ 26/2026/QĐ-TTg Điều 7.2) is due
 * at the end of Monday 2026-03-23.
 */

export type CalendarEntryKind =
  /** A statutory holiday (Bộ luật Lao động 2019, Điều 112.1). */
  | 'holiday'
  /** A day off given back because a holiday fell on a weekly rest day (Điều 111.3). */
  | 'compensatory'
  /** A weekday made a day off by the Government's yearly swap (hoán đổi ngày làm việc). */
  | 'swapped-day-off'
  /** A Saturday or Sunday worked to make up for a swapped day off (làm bù). */
  | 'make-up-workday';

/** A day that does not follow the ordinary week (Monday–Friday working, Saturday and Sunday off). */
export interface CalendarEntry {
  date: LocalDate;
  working: boolean;
  kind: CalendarEntryKind;
  /** Vietnamese name, e.g. "Tết Nguyên đán (mùng 1)". */
  name: string;
  nameEn: string;
  /** The legal article or the announcement the entry comes from. */
  basis: string;
}

/** Which days are working days. `entryOn` returns undefined for an ordinary day (Mon–Fri work, Sat/Sun rest). */
export interface WorkingCalendar {
  entryOn(date: LocalDate): CalendarEntry | undefined;
}

/** A calendar with no holidays: Monday–Friday working. For tests and examples. */
export const weekdaysOnlyCalendar: WorkingCalendar = { entryOn: () => undefined };

export function isWorkingDay(date: LocalDate, calendar: WorkingCalendar): boolean {
  const entry = calendar.entryOn(date);
  return entry ? entry.working : !isWeekend(date);
}

/** What kind of day `date` is, with the holiday's name when it has one. */
export function describeDay(
  date: LocalDate,
  calendar: WorkingCalendar,
): { date: LocalDate; working: boolean; kind: CalendarEntryKind | 'weekday' | 'weekend'; name?: string; nameEn?: string } {
  const entry = calendar.entryOn(date);
  if (entry) return { date, working: entry.working, kind: entry.kind, name: entry.name, nameEn: entry.nameEn };
  const weekend = isWeekend(date);
  return { date, working: !weekend, kind: weekend ? 'weekend' : 'weekday' };
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  return addWorkingDays(date, 1, calendar);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: LocalDate, calendar: WorkingCalendar): LocalDate {
  return addWorkingDays(date, -1, calendar);
}

/**
 * The n-th working day after `start`, `start` itself not counted (see the counting convention above):
 * the due date of a period of n working days that begins with an event on `start`.
 * n = 0 returns `start`; a negative n counts backwards (the |n|-th working day before `start`).
 */
export function addWorkingDays(start: LocalDate, n: number, calendar: WorkingCalendar): LocalDate {
  assertLocalDate(start, 'start');
  if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = start;
  while (remaining > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day, calendar)) remaining--;
  }
  return day;
}

/**
 * Working days in the half-open range (a, b]: the days after `a` up to and including `b`, so that
 * `countWorkingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when b is before a
 * (−count of (b, a]); 0 when a === b.
 */
export function countWorkingDaysBetween(a: LocalDate, b: LocalDate, calendar: WorkingCalendar): number {
  const order = compareLocalDates(a, b);
  if (order === 0) return 0;
  const [from, to] = order < 0 ? [a, b] : [b, a];
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count++;
  }
  return order < 0 ? count : -count;
}

// ---------------------------------------------------------------------------------------------
// Suspendable deadlines
// ---------------------------------------------------------------------------------------------

/**
 * A time during which the clock of a dossier is stopped because the agency asked the producer for
 * supplements (yêu cầu bổ sung, hoàn thiện hồ sơ).
 *
 * `from`: the day the request was sent. That day still counts as a working day of the agency (the clock
 * stops at its end). `to`: the day the supplements were received, or null while the agency is still waiting.
 * Like the receipt of the dossier itself, the receipt of supplements starts the clock again from the next
 * day (Bộ luật Dân sự 2015, Điều 147.3). So the days in (from, to] are not counted.
 */
export interface Suspension {
  from: LocalDate;
  to: LocalDate | null;
}

/** What a dossier stores; the due date is always derived from it, never stored as the source of truth. */
export interface DeadlineSpec {
  /** The day the complete dossier was received (ngày tiếp nhận hồ sơ). Not counted. */
  receivedOn: LocalDate;
  /** The period in working days, e.g. 15 (QĐ 26/2026/QĐ-TTg Điều 7.2). */
  workingDays: number;
  /** Suspensions in any order; they must not overlap, and only the latest may still be open. */
  suspensions?: readonly Suspension[];
}

export const suspensionSchema = z
  .object({ from: localDateSchema, to: localDateSchema.nullable() })
  .refine((s) => s.to === null || s.to >= s.from, { message: 'Ngày nhận bổ sung không được trước ngày yêu cầu bổ sung.', path: ['to'] });

export const deadlineSpecSchema = z.object({
  receivedOn: localDateSchema,
  workingDays: z.number().int().min(1),
  suspensions: z.array(suspensionSchema).default([]),
});

export interface Deadline {
  /**
   * The last day of the period: the deadline is the end of this day (due_at = endOfLocalDate(dueDate)).
   * null while an open suspension has stopped the clock before the period ran out.
   */
  dueDate: LocalDate | null;
  /** True while the clock is stopped by an open suspension (dueDate is then null). */
  paused: boolean;
  /** The day the open suspension began, when paused. */
  pausedSince: LocalDate | null;
  /** Working days of the period consumed by the end of `asOf` (may exceed the period once overdue). */
  workingDaysUsed(asOf: LocalDate): number;
  /** The period minus the days used; negative once overdue. */
  workingDaysRemaining(asOf: LocalDate): number;
}

/**
 * Derives the due date of a period of working days that can be suspended.
 * A suspension that begins after the period has already run out does not move the due date
 * (the deadline was missed before the request for supplements).
 */
export function computeDueDate(spec: DeadlineSpec, calendar: WorkingCalendar): Deadline {
  const { receivedOn, workingDays } = spec;
  assertLocalDate(receivedOn, 'receivedOn');
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) throw new RangeError(`workingDays must be a positive integer, got ${workingDays}`);
  const suspensions = normalizeSuspensions(receivedOn, spec.suspensions ?? []);
  const counts = (day: LocalDate) => isWorkingDay(day, calendar) && !isSuspended(day, suspensions);

  let dueDate: LocalDate | null = null;
  let pausedSince: LocalDate | null = null;
  const open = suspensions.at(-1)?.to === null ? suspensions.at(-1) : undefined;
  let used = 0;
  let day = receivedOn;
  // Safety bound: a period of n working days ends within n weeks plus the longest holiday breaks.
  const horizon = toEpochDay(suspensions.at(-1)?.to ?? receivedOn) + workingDays * 7 + 60;
  while (dueDate === null) {
    day = addDays(day, 1);
    if (open && day > open.from) {
      pausedSince = open.from;
      break;
    }
    if (counts(day)) {
      used++;
      if (used === workingDays) dueDate = day;
    }
    if (toEpochDay(day) > horizon) throw new Error(`computeDueDate: no due date found by ${day}; is the calendar all days off?`);
  }

  const workingDaysUsed = (asOf: LocalDate): number => {
    assertLocalDate(asOf, 'asOf');
    let count = 0;
    for (let d = addDays(receivedOn, 1); d <= asOf; d = addDays(d, 1)) if (counts(d)) count++;
    return count;
  };
  return {
    dueDate,
    paused: pausedSince !== null,
    pausedSince,
    workingDaysUsed,
    workingDaysRemaining: (asOf) => workingDays - workingDaysUsed(asOf),
  };
}

/** Working days consumed by the end of `asOf`; the same as computeDueDate(spec, calendar).workingDaysUsed(asOf). */
export function workingDaysUsed(spec: DeadlineSpec, asOf: LocalDate, calendar: WorkingCalendar): number {
  return computeDueDate(spec, calendar).workingDaysUsed(asOf);
}

function normalizeSuspensions(receivedOn: LocalDate, suspensions: readonly Suspension[]): Suspension[] {
  const sorted = suspensions.map((s) => ({ from: assertLocalDate(s.from, 'suspension.from'), to: s.to === null ? null : assertLocalDate(s.to, 'suspension.to') }));
  sorted.sort((x, y) => compareLocalDates(x.from, y.from));
  sorted.forEach((s, i) => {
    if (s.from < receivedOn) throw new RangeError(`Suspension from ${s.from} begins before the dossier was received (${receivedOn})`);
    if (s.to !== null && s.to < s.from) throw new RangeError(`Suspension ${s.from}–${s.to} ends before it begins`);
    const next = sorted[i + 1];
    if (next) {
      if (s.to === null) throw new RangeError(`Suspension from ${s.from} is still open but another begins on ${next.from}`);
      if (next.from < s.to) throw new RangeError(`Suspensions ${s.from}–${s.to} and ${next.from}–${next.to ?? '…'} overlap`);
    }
  });
  return sorted;
}

function isSuspended(day: LocalDate, suspensions: readonly Suspension[]): boolean {
  return suspensions.some((s) => day > s.from && (s.to === null || day <= s.to));
}
