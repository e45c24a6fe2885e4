import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addDays, createFixedClock, isWorkingDay, toLocalDate, vietnamCalendar, weekdaysOnlyCalendar } from '../../core/clock/index.ts';
import { forwardingDueAt } from './forwarding-deadline.ts';

describe('plan forwarding deadline', () => {
  test('5 calendar days from a Friday end on Wednesday night (the day of receipt does not count)', () => {
    const clock = createFixedClock('2026-06-05T10:00:00+07:00');
    assert.equal(forwardingDueAt(clock.now(), { days: 5, dayKind: 'calendar' }).toISOString(), '2026-06-10T16:59:59.999Z');
  });

  test('a calendar period ending on a weekend moves to the next working day (BLDS 2015 Đ.148.5)', () => {
    // Monday 1 June + 5 = Saturday 6 June → Monday 8 June.
    assert.equal(forwardingDueAt(new Date('2026-06-01T09:00:00+07:00'), { days: 5, dayKind: 'calendar' }).toISOString(), '2026-06-08T16:59:59.999Z');
    // Wednesday 3 February 2027 + 5 = Monday 8 February, Tết (mùng 3); the break runs to 11 February.
    assert.equal(forwardingDueAt(new Date('2027-02-03T09:00:00+07:00'), { days: 5, dayKind: 'calendar' }).toISOString(), '2027-02-12T16:59:59.999Z');
  });

  test('working days skip weekends and Tết 2027 (5–11 February)', () => {
    // After Wed 3 Feb: Thu 4 (1), Fri 12 (2), Mon 15 (3), Tue 16 (4), Wed 17 (5).
    assert.equal(forwardingDueAt(new Date('2027-02-03T09:00:00+07:00'), { days: 5, dayKind: 'working' }).toISOString(), '2027-02-17T16:59:59.999Z');
    assert.equal(forwardingDueAt(new Date('2026-06-05T10:00:00+07:00'), { days: 5, dayKind: 'working' }, weekdaysOnlyCalendar).toISOString(), '2026-06-12T16:59:59.999Z');
  });

  test('the day of receipt is the Vietnamese day: 00:30 on Saturday (UTC+7) is Saturday, not Friday', () => {
    const received = new Date('2026-06-05T17:30:00Z'); // 00:30 Saturday 6 June in Vietnam
    assert.equal(toLocalDate(received), '2026-06-06');
    assert.equal(forwardingDueAt(received, { days: 1, dayKind: 'calendar' }).toISOString(), '2026-06-08T16:59:59.999Z', 'Sunday 7 moves to Monday 8');
  });

  test('property: the due day is a working day, at least N days after receipt, and never earlier for a later receipt', () => {
    const day = fc.integer({ min: 0, max: 365 * 10 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), fc.constantFrom('calendar' as const, 'working' as const), (received, days, dayKind) => {
        const at = new Date(`${received}T12:00:00+07:00`);
        const due = toLocalDate(forwardingDueAt(at, { days, dayKind }));
        const nextDue = toLocalDate(forwardingDueAt(new Date(at.getTime() + 86_400_000), { days, dayKind }));
        return isWorkingDay(due, vietnamCalendar) && due >= addDays(received, days) && nextDue >= due;
      }),
    );
  });
});
