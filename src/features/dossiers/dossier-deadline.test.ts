import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { endOfLocalDate, vietnamCalendar } from '../../core/clock/index.ts';
import { communeCheckWorkingDays, dossierClock, dueSoonLimit } from './dossier-deadline.ts';

const at = (iso: string) => new Date(iso);

describe('the commune’s 15 working days (QĐ 26/2026 Đ.7.2)', () => {
  test('the rule set in force counts 15 working days', () => {
    assert.equal(communeCheckWorkingDays('26-2026'), 15);
  });

  test('received Friday 2027-01-29: weekends and Tết Đinh Mùi (5–11 Feb 2027) are skipped → due 2027-02-26', () => {
    const clock = dossierClock(
      { status: 'commune_reviewing', receivedOn: '2027-01-29', suspensions: [], workingDays: 15, forwardedAt: null },
      at('2027-02-01T09:00:00+07:00'),
      vietnamCalendar,
    )!;
    // Without Tết it would be 2027-02-19; the 7 days off (29 Chạp – mùng 4, two days given back) push it a week on.
    assert.equal(clock.dueDate, '2027-02-26');
    assert.deepEqual(clock.dueAt, endOfLocalDate('2027-02-26'));
    assert.equal(clock.dueAt!.toISOString(), '2027-02-26T16:59:59.999Z');
    assert.equal(clock.workingDaysUsed, 1, 'Monday 1 Feb is day 1');
    assert.equal(clock.overdue, false);
  });

  test('a return for supplements stops the clock; the supplements start it again the next day', () => {
    const base = { receivedOn: '2026-03-02', workingDays: 15, forwardedAt: null };
    const running = dossierClock({ ...base, status: 'commune_reviewing', suspensions: [] }, at('2026-03-04T10:00:00+07:00'), vietnamCalendar)!;
    assert.equal(running.dueDate, '2026-03-23');

    // Returned on Thursday 5 March (day 3 counts: the request is sent at its end).
    const paused = dossierClock(
      { ...base, status: 'returned_for_supplement', suspensions: [{ fromOn: '2026-03-05', toOn: null }] },
      at('2026-03-20T10:00:00+07:00'),
      vietnamCalendar,
    )!;
    assert.equal(paused.paused, true);
    assert.equal(paused.pausedSince, '2026-03-05');
    assert.equal(paused.dueDate, null);
    assert.equal(paused.dueAt, null);
    assert.equal(paused.workingDaysUsed, 3);
    assert.equal(paused.workingDaysRemaining, 12);
    assert.equal(paused.overdue, false, 'a paused clock is never overdue');

    // Supplemented Thursday 12 March: 12 working days remain from Friday 13 → Monday 30 March.
    const resumed = dossierClock(
      { ...base, status: 'resubmitted', suspensions: [{ fromOn: '2026-03-05', toOn: '2026-03-12' }] },
      at('2026-03-13T10:00:00+07:00'),
      vietnamCalendar,
    )!;
    assert.equal(resumed.paused, false);
    assert.equal(resumed.dueDate, '2026-03-30');
    assert.equal(resumed.workingDaysUsed, 4);
  });

  test('two returns: each pause is left out', () => {
    const clock = dossierClock(
      {
        status: 'resubmitted',
        receivedOn: '2026-03-02',
        workingDays: 15,
        forwardedAt: null,
        suspensions: [
          { fromOn: '2026-03-05', toOn: '2026-03-12' },
          { fromOn: '2026-03-16', toOn: '2026-03-18' },
        ],
      },
      at('2026-03-19T10:00:00+07:00'),
      vietnamCalendar,
    )!;
    // 3 days before the first pause, 13 and 16 March (2 more), then 10 left from 19 March → 1 April.
    assert.equal(clock.dueDate, '2026-04-01');
  });

  test('a return made after the deadline has passed does not move it: the dossier stays overdue', () => {
    const clock = dossierClock(
      { status: 'returned_for_supplement', receivedOn: '2026-03-02', workingDays: 15, forwardedAt: null, suspensions: [{ fromOn: '2026-03-25', toOn: null }] },
      at('2026-03-26T10:00:00+07:00'),
      vietnamCalendar,
    )!;
    assert.equal(clock.dueDate, '2026-03-23');
    assert.equal(clock.paused, false);
    assert.equal(clock.overdue, true);
  });

  test('forwarded on the last day is on time; the day after is late', () => {
    const base = { status: 'forwarded_to_province' as const, receivedOn: '2026-03-02', workingDays: 15, suspensions: [] };
    const onTime = dossierClock({ ...base, forwardedAt: at('2026-03-23T23:59:00+07:00') }, at('2026-06-01T00:00:00Z'), vietnamCalendar)!;
    assert.equal(onTime.overdue, false);
    assert.equal(onTime.workingDaysUsed, 15);
    const late = dossierClock({ ...base, forwardedAt: at('2026-03-24T08:00:00+07:00') }, at('2026-06-01T00:00:00Z'), vietnamCalendar)!;
    assert.equal(late.overdue, true);
    assert.equal(late.workingDaysRemaining, -1);
  });

  test('no clock before receipt or after withdrawal', () => {
    assert.equal(dossierClock({ status: 'submitted', receivedOn: null, suspensions: [], workingDays: 15, forwardedAt: null }, new Date(), vietnamCalendar), null);
    assert.equal(dossierClock({ status: 'withdrawn', receivedOn: '2026-03-02', suspensions: [], workingDays: 15, forwardedAt: null }, new Date(), vietnamCalendar), null);
  });

  test('"due soon" reaches the end of the third working day ahead (over a weekend)', () => {
    // Thursday 2026-03-05 → Fri 6, Mon 9, Tue 10.
    assert.deepEqual(dueSoonLimit('2026-03-05', vietnamCalendar), endOfLocalDate('2026-03-10'));
  });
});
