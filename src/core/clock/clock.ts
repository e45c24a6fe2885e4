import { z } from 'zod';

/**
 * The only source of "now" in the application (DESIGN.md, "Deadlines": time only from core/clock).
 * Production code receives a Clock; tests pass a fixed one.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(),
};

/** A clock for tests: stands still until told to move. */
export interface FixedClock extends Clock {
  /** Moves the clock to an instant (a Date or an ISO 8601 string with an offset). */
  set(instant: Date | string): void;
  /** Moves the clock forward (or backward, if negative) by milliseconds. */
  advance(milliseconds: number): void;
  /** Moves the clock by whole days of 24 hours (Vietnam has no DST, so this keeps the local time of day). */
  advanceDays(days: number): void;
}

export function createFixedClock(start: Date | string): FixedClock {
  let current = toInstant(start);
  return {
    now: () => new Date(current),
    set(instant) {
      current = toInstant(instant);
    },
    advance(milliseconds) {
      if (!Number.isFinite(milliseconds)) throw new RangeError(`advance: not a finite number: ${milliseconds}`);
      current += milliseconds;
    },
    advanceDays(days) {
      if (!Number.isFinite(days)) throw new RangeError(`advanceDays: not a finite number: ${days}`);
      current += days * MS_PER_DAY;
    },
  };
}

function toInstant(value: Date | string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(value)}`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Local (Vietnam) calendar days.
//
// Vietnam keeps one time zone, Asia/Ho_Chi_Minh = UTC+7, with no daylight saving time (since 1975
// for the whole country), so a local date is a fixed 7-hour shift of UTC and needs no tz database.
// ---------------------------------------------------------------------------------------------

/** A calendar day in Vietnam, as an ISO 8601 date `YYYY-MM-DD` (e.g. "2026-02-17"). */
export type LocalDate = string;

/** Vietnam's offset from UTC, in minutes (UTC+7, no DST). */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** ISO weekday: 1 = Monday (Thứ Hai) … 6 = Saturday (Thứ Bảy), 7 = Sunday (Chủ nhật). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (rejects "2026-02-30"). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Throws a RangeError unless `value` is a valid `YYYY-MM-DD` date; returns it typed. */
export function assertLocalDate(value: unknown, what = 'date'): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`${what} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/** zod schema for a `YYYY-MM-DD` calendar date (request bodies, stored JSON). */
export const localDateSchema = z.string().refine(isLocalDate, {
  message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).',
});

/** The Vietnam calendar day of an instant. */
export function toLocalDate(instant: Date): LocalDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('toLocalDate: invalid Date');
  return fromEpochDay(Math.floor((ms + OFFSET_MS) / MS_PER_DAY));
}

/** Today in Vietnam according to a clock. */
export function today(clock: Clock): LocalDate {
  return toLocalDate(clock.now());
}

/** The instant at which a Vietnam calendar day begins (00:00 UTC+7). */
export function startOfLocalDate(date: LocalDate): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY - OFFSET_MS);
}

/**
 * The last millisecond of a Vietnam calendar day (23:59:59.999 UTC+7). A period counted in days ends at the
 * end of its last day (Bộ luật Dân sự 2015, Điều 148.1), so a `due_at` column holds this instant and a dossier
 * is overdue when `now > due_at`.
 */
export function endOfLocalDate(date: LocalDate): Date {
  return new Date((toEpochDay(date) + 1) * MS_PER_DAY - OFFSET_MS - 1);
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: days must be an integer, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: LocalDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  const epochDay = toEpochDay(date);
  return ((((((epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday);
}

/** Saturday or Sunday: the weekly rest days of state agencies (40-hour week, Mon–Fri). */
export function isWeekend(date: LocalDate): boolean {
  return dayOfWeek(date) >= 6;
}

/** -1, 0 or 1, for sorting: `dates.sort(compareLocalDates)`. */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  assertLocalDate(a, 'a');
  assertLocalDate(b, 'b');
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds a LocalDate from numbers (month 1–12); throws when the day does not exist. */
export function localDate(year: number, month: number, day: number): LocalDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return assertLocalDate(text);
}

/** Year, month (1–12) and day of a LocalDate. */
export function localDateParts(date: LocalDate): { year: number; month: number; day: number } {
  assertLocalDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (proleptic Gregorian). Useful for fast arithmetic; see fromEpochDay. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = localDateParts(date);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`Not an integer day number: ${epochDay}`);
  const d = new Date(epochDay * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range (years 0000–9999): day ${epochDay}`);
  return `${String(year).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
