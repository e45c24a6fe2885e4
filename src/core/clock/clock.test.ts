import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  compareLocalDates,
  createFixedClock,
  dayOfWeek,
  daysBetween,
  endOfLocalDate,
  fromEpochDay,
  isLocalDate,
  isWeekend,
  localDate,
  localDateSchema,
  startOfLocalDate,
  systemClock,
  toEpochDay,
  toLocalDate,
  today,
} from './clock.ts';

const anyDate = fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2199-12-31') }).map(fromEpochDay);

describe('toLocalDate (Vietnam, UTC+7)', () => {
  it('changes day at 17:00 UTC, the local midnight', () => {
    assert.equal(toLocalDate(new Date('2026-02-16T16:59:59.999Z')), '2026-02-16');
    assert.equal(toLocalDate(new Date('2026-02-16T17:00:00.000Z')), '2026-02-17');
  });
  it('reads offsets in the input instant', () => {
    assert.equal(toLocalDate(new Date('2026-01-01T00:30:00+07:00')), '2026-01-01');
    assert.equal(toLocalDate(new Date('2025-12-31T23:30:00-05:00')), '2026-01-01');
  });
  it('rejects an invalid Date', () => {
    assert.throws(() => toLocalDate(new Date('nope')), RangeError);
  });
});

describe('start and end of a local day', () => {
  it('are 00:00 and 23:59:59.999 at UTC+7', () => {
    assert.equal(startOfLocalDate('2026-03-23').toISOString(), '2026-03-22T17:00:00.000Z');
    assert.equal(endOfLocalDate('2026-03-23').toISOString(), '2026-03-23T16:59:59.999Z');
  });
  it('round-trip through toLocalDate for any date', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        assert.equal(toLocalDate(startOfLocalDate(d)), d);
        assert.equal(toLocalDate(endOfLocalDate(d)), d);
        assert.equal(toLocalDate(new Date(endOfLocalDate(d).getTime() + 1)), addDays(d, 1));
      }),
    );
  });
});

describe('LocalDate arithmetic', () => {
  it('adds days across months, leap years and years', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-02-28', 1), '2025-03-01');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-02-17', 0), '2026-02-17');
  });
  it('handles years below 100 without the Date.UTC 19xx mapping', () => {
    assert.equal(addDays('0099-12-31', 1), '0100-01-01');
    assert.equal(daysBetween('0001-01-01', '0002-01-01'), 365);
  });
  it('knows the weekday (ISO: 1 = Monday, 7 = Sunday)', () => {
    assert.equal(dayOfWeek('1970-01-01'), 4);
    assert.equal(dayOfWeek('2026-02-17'), 2); // Tết Bính Ngọ, a Tuesday
    assert.equal(dayOfWeek('2026-04-26'), 7); // Hùng Kings 2026, a Sunday
    assert.equal(dayOfWeek('1969-12-28'), 7);
    assert.equal(isWeekend('2026-01-10'), true);
    assert.equal(isWeekend('2026-01-09'), false);
  });
  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        assert.equal(daysBetween(d, addDays(d, n)), n);
        assert.equal(dayOfWeek(addDays(d, 7 * Math.trunc(n / 7))), dayOfWeek(d));
      }),
    );
  });
  it('compares dates', () => {
    assert.equal(compareLocalDates('2026-01-09', '2026-01-10'), -1);
    assert.equal(compareLocalDates('2026-01-10', '2026-01-10'), 0);
    assert.equal(compareLocalDates('2027-01-01', '2026-12-31'), 1);
    assert.deepEqual(['2026-05-01', '2025-12-31', '2026-04-30'].sort(compareLocalDates), ['2025-12-31', '2026-04-30', '2026-05-01']);
    assert.throws(() => compareLocalDates('2026-1-1', '2026-01-01'), RangeError);
  });
});

describe('LocalDate validation', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    assert.equal(isLocalDate('2024-02-29'), true);
    assert.equal(isLocalDate('2025-02-29'), false);
    assert.equal(isLocalDate('2026-04-31'), false);
    assert.equal(isLocalDate('2026-13-01'), false);
    assert.equal(isLocalDate('2026-1-01'), false);
    assert.equal(isLocalDate('2026-01-01T00:00:00Z'), false);
    assert.equal(isLocalDate(20260101), false);
    assert.throws(() => addDays('2026-02-30', 1), RangeError);
    assert.throws(() => addDays('2026-02-01', 1.5), RangeError);
    assert.throws(() => localDate(2026, 2, 29), RangeError);
    assert.equal(localDate(2026, 9, 2), '2026-09-02');
  });
  it('has a zod schema with a Vietnamese message', () => {
    assert.equal(localDateSchema.safeParse('2026-09-02').success, true);
    const bad = localDateSchema.safeParse('02/09/2026');
    assert.equal(bad.success, false);
    assert.match(bad.error!.issues[0]!.message, /Ngày không hợp lệ/);
  });
});

describe('clocks', () => {
  it('systemClock reads the system time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    assert.ok(now >= before && now <= Date.now());
  });
  it('a fixed clock stands still, can be set and advanced', () => {
    const clock = createFixedClock('2026-02-16T16:30:00Z');
    assert.equal(clock.now().toISOString(), '2026-02-16T16:30:00.000Z');
    assert.equal(today(clock), '2026-02-16');
    clock.advance(30 * 60_000);
    assert.equal(today(clock), '2026-02-17');
    clock.advanceDays(2);
    assert.equal(clock.now().toISOString(), '2026-02-18T17:00:00.000Z');
    clock.set(new Date('2027-02-06T00:00:00+07:00'));
    assert.equal(today(clock), '2027-02-06');
    assert.throws(() => clock.set('not a date'), RangeError);
    assert.throws(() => clock.advance(Number.NaN), RangeError);
  });
  it('hands out copies, so callers cannot move it by mutating a Date', () => {
    const clock = createFixedClock(new Date('2026-01-01T00:00:00Z'));
    clock.now().setUTCFullYear(1999);
    assert.equal(clock.now().toISOString(), '2026-01-01T00:00:00.000Z');
  });
});
