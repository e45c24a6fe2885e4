import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, fromEpochDay, toEpochDay, type LocalDate } from './clock.ts';
import { vietnamCalendar } from './public-holidays.ts';
import {
  addWorkingDays,
  computeDueDate,
  countWorkingDaysBetween,
  deadlineSpecSchema,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  weekdaysOnlyCalendar,
  workingDaysUsed,
  type Suspension,
} from './working-days.ts';

const cal = vietnamCalendar;
const COMMUNE_CHECK_DAYS = 15; // QĐ 26/2026/QĐ-TTg Điều 7.2

describe('isWorkingDay', () => {
  it('Monday–Friday work, weekends and holidays rest, make-up Saturdays work', () => {
    assert.equal(isWorkingDay('2026-03-02', cal), true); // Monday
    assert.equal(isWorkingDay('2026-03-07', cal), false); // Saturday
    assert.equal(isWorkingDay('2026-03-08', cal), false); // Sunday
    assert.equal(isWorkingDay('2026-02-17', cal), false); // Tết
    assert.equal(isWorkingDay('2026-01-10', cal), true); // make-up Saturday
    assert.equal(isWorkingDay('2026-02-17', weekdaysOnlyCalendar), true);
  });
});

describe('addWorkingDays: the receipt day is not counted (Bộ luật Dân sự 2015, Điều 147.3)', () => {
  it('15 working days from Monday 2/3/2026 end on Monday 23/3/2026', () => {
    assert.equal(addWorkingDays('2026-03-02', COMMUNE_CHECK_DAYS, cal), '2026-03-23');
  });
  it('1 working day after a Friday is the Monday; a receipt on Saturday starts on Monday', () => {
    assert.equal(addWorkingDays('2026-03-06', 1, cal), '2026-03-09');
    assert.equal(addWorkingDays('2026-03-07', 1, cal), '2026-03-09');
    assert.equal(addWorkingDays('2026-03-07', 0, cal), '2026-03-07');
  });
  it('skips the whole Tết 2027 break (computed from the statute: 5–11/2/2027)', () => {
    // Received Wednesday 3/2/2027: day 1 = Thu 4/2; 5–11/2 off; day 2 = Fri 12/2; … day 15 = Wed 3/3.
    assert.equal(addWorkingDays('2027-02-03', 1, cal), '2027-02-04');
    assert.equal(addWorkingDays('2027-02-03', 2, cal), '2027-02-12');
    assert.equal(addWorkingDays('2027-02-03', COMMUNE_CHECK_DAYS, cal), '2027-03-03');
    assert.equal(addWorkingDays('2027-02-03', COMMUNE_CHECK_DAYS, weekdaysOnlyCalendar), '2027-02-24');
  });
  it('skips the announced Tết 2026 break (14–22/2/2026)', () => {
    assert.equal(addWorkingDays('2026-02-11', 2, cal), '2026-02-13');
    assert.equal(addWorkingDays('2026-02-11', 3, cal), '2026-02-23');
    assert.equal(addWorkingDays('2026-02-11', COMMUNE_CHECK_DAYS, cal), '2026-03-11');
  });
  it('30/4–1/5/2025: counts the make-up Saturday 26/4, skips 30/4–4/5', () => {
    assert.equal(addWorkingDays('2025-04-25', 1, cal), '2025-04-26');
    assert.equal(addWorkingDays('2025-04-25', 3, cal), '2025-04-29');
    assert.equal(addWorkingDays('2025-04-25', 4, cal), '2025-05-05');
  });
  it('2/9/2026: skips 29/8–2/9 and counts the make-up Saturday 22/8', () => {
    assert.equal(addWorkingDays('2026-08-21', 1, cal), '2026-08-22');
    assert.equal(addWorkingDays('2026-08-28', 1, cal), '2026-09-03');
    assert.equal(addWorkingDays('2026-08-28', 3, cal), '2026-09-07');
  });
  it('counts backwards for negative n', () => {
    assert.equal(addWorkingDays('2026-02-23', -1, cal), '2026-02-13');
    assert.equal(previousWorkingDay('2026-02-23', cal), '2026-02-13');
    assert.equal(nextWorkingDay('2026-02-13', cal), '2026-02-23');
  });
  it('rejects a fractional n and a malformed date', () => {
    assert.throws(() => addWorkingDays('2026-03-02', 1.5, cal), RangeError);
    assert.throws(() => addWorkingDays('2026-3-2', 1, cal), RangeError);
  });
});

describe('countWorkingDaysBetween counts (a, b]', () => {
  it('is the inverse of addWorkingDays', () => {
    assert.equal(countWorkingDaysBetween('2026-03-02', '2026-03-23', cal), 15);
    assert.equal(countWorkingDaysBetween('2026-02-13', '2026-02-22', cal), 0);
    assert.equal(countWorkingDaysBetween('2026-02-13', '2026-02-23', cal), 1);
    assert.equal(countWorkingDaysBetween('2026-03-02', '2026-03-02', cal), 0);
    assert.equal(countWorkingDaysBetween('2026-03-23', '2026-03-02', cal), -15);
  });
});

describe('computeDueDate with suspensions for supplements', () => {
  const receivedOn = '2026-03-02';

  it('without suspensions equals addWorkingDays', () => {
    const deadline = computeDueDate({ receivedOn, workingDays: 15 }, cal);
    assert.equal(deadline.dueDate, '2026-03-23');
    assert.equal(deadline.paused, false);
    assert.equal(deadline.workingDaysUsed(receivedOn), 0);
    assert.equal(deadline.workingDaysUsed('2026-03-06'), 4);
    assert.equal(deadline.workingDaysUsed('2026-03-23'), 15);
    assert.equal(deadline.workingDaysRemaining('2026-03-20'), 1);
    assert.equal(deadline.workingDaysRemaining('2026-03-24'), -1);
  });

  it('pauses from the day after the request until the supplements arrive, then resumes', () => {
    // Request sent Wed 4/3 (day 2, still counted); supplements received Tue 10/3; counting resumes Wed 11/3.
    const suspensions: Suspension[] = [{ from: '2026-03-04', to: '2026-03-10' }];
    const deadline = computeDueDate({ receivedOn, workingDays: 15, suspensions }, cal);
    assert.equal(deadline.dueDate, '2026-03-27'); // 23/3 + the 4 suspended working days (5, 6, 9, 10/3)
    assert.equal(deadline.workingDaysUsed('2026-03-04'), 2);
    assert.equal(deadline.workingDaysUsed('2026-03-10'), 2);
    assert.equal(deadline.workingDaysUsed('2026-03-11'), 3);
    assert.equal(workingDaysUsed({ receivedOn, workingDays: 15, suspensions }, '2026-03-27', cal), 15);
  });

  it('has no due date while waiting for the producer, and gets one when the supplements arrive', () => {
    const waiting = computeDueDate({ receivedOn, workingDays: 15, suspensions: [{ from: '2026-03-04', to: null }] }, cal);
    assert.equal(waiting.dueDate, null);
    assert.equal(waiting.paused, true);
    assert.equal(waiting.pausedSince, '2026-03-04');
    assert.equal(waiting.workingDaysUsed('2026-12-31'), 2);
    assert.equal(waiting.workingDaysRemaining('2026-12-31'), 13);

    const resumed = computeDueDate({ receivedOn, workingDays: 15, suspensions: [{ from: '2026-03-04', to: '2026-04-01' }] }, cal);
    assert.equal(resumed.paused, false);
    assert.equal(resumed.dueDate, addWorkingDays('2026-04-01', 13, cal));
  });

  it('a suspension across Tết does not count Tết twice: only working days are suspended', () => {
    const spec = { receivedOn: '2026-02-09', workingDays: 15, suspensions: [{ from: '2026-02-12', to: '2026-02-24' }] };
    // Counted: 10, 11, 12/2 (3 days); suspended: 13/2 and 23–24/2; resumes 25/2 → 12 more working days.
    assert.equal(computeDueDate(spec, cal).dueDate, addWorkingDays('2026-02-24', 12, cal));
    assert.equal(computeDueDate(spec, cal).dueDate, '2026-03-12');
  });

  it('several suspensions add up; one may start on the day the previous one ended', () => {
    const suspensions = [
      { from: '2026-03-03', to: '2026-03-05' },
      { from: '2026-03-05', to: '2026-03-09' },
    ];
    // Counted: 3/3; suspended 4/3–9/3 (4 working days); 23/3 + 4 = 27/3.
    assert.equal(computeDueDate({ receivedOn, workingDays: 15, suspensions }, cal).dueDate, '2026-03-27');
  });

  it('a request for supplements after the deadline does not revive it', () => {
    const late = computeDueDate({ receivedOn, workingDays: 15, suspensions: [{ from: '2026-03-25', to: null }] }, cal);
    assert.equal(late.dueDate, '2026-03-23');
    assert.equal(late.paused, false);
  });

  it('rejects inconsistent suspensions', () => {
    const spec = (suspensions: Suspension[]) => ({ receivedOn, workingDays: 15, suspensions });
    assert.throws(() => computeDueDate(spec([{ from: '2026-03-01', to: '2026-03-03' }]), cal), /before the dossier was received/);
    assert.throws(() => computeDueDate(spec([{ from: '2026-03-05', to: '2026-03-03' }]), cal), /ends before it begins/);
    assert.throws(
      () => computeDueDate(spec([{ from: '2026-03-03', to: '2026-03-10' }, { from: '2026-03-05', to: '2026-03-12' }]), cal),
      /overlap/,
    );
    assert.throws(
      () => computeDueDate(spec([{ from: '2026-03-03', to: null }, { from: '2026-03-05', to: '2026-03-12' }]), cal),
      /still open/,
    );
    assert.throws(() => computeDueDate({ receivedOn, workingDays: 0 }, cal), RangeError);
  });

  it('validates a stored spec with zod', () => {
    const parsed = deadlineSpecSchema.parse({ receivedOn: '2026-03-02', workingDays: 15 });
    assert.deepEqual(parsed.suspensions, []);
    assert.equal(deadlineSpecSchema.safeParse({ receivedOn: '2026-03-02', workingDays: 15, suspensions: [{ from: '2026-03-05', to: '2026-03-04' }] }).success, false);
    assert.equal(deadlineSpecSchema.safeParse({ receivedOn: '2026-02-30', workingDays: 15 }).success, false);
  });
});

describe('properties (Vietnamese calendar, 2021–2040)', () => {
  const day = fc.integer({ min: toEpochDay('2021-01-01'), max: toEpochDay('2040-12-31') }).map(fromEpochDay);
  const period = fc.integer({ min: 1, max: 60 });
  /** Non-overlapping closed suspensions after `receivedOn`, from gaps and lengths in days. */
  const suspensionsAfter = (receivedOn: LocalDate) =>
    fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 25 })), { maxLength: 4 }).map((pieces) => {
      const result: Suspension[] = [];
      let cursor = receivedOn;
      for (const [gap, length] of pieces) {
        const from = addDays(cursor, gap);
        const to = addDays(from, length);
        result.push({ from, to });
        cursor = to;
      }
      return result;
    });
  const withSuspensions = day.chain((receivedOn) => fc.tuple(fc.constant(receivedOn), period, suspensionsAfter(receivedOn)));

  it('the due date is always a working day after the receipt', () => {
    fc.assert(
      fc.property(day, period, (start, n) => {
        const due = addWorkingDays(start, n, cal);
        assert.ok(due > start);
        assert.equal(isWorkingDay(due, cal), true);
        assert.equal(countWorkingDaysBetween(start, due, cal), n);
      }),
    );
  });

  it('more working days, or a later receipt, never give an earlier due date', () => {
    fc.assert(
      fc.property(day, period, period, fc.integer({ min: 0, max: 40 }), (start, n, m, shift) => {
        const [small, large] = n <= m ? [n, m] : [m, n];
        assert.ok(addWorkingDays(start, small, cal) <= addWorkingDays(start, large, cal));
        assert.ok(addWorkingDays(start, n, cal) <= addWorkingDays(addDays(start, shift), n, cal));
      }),
    );
  });

  it('from a working day, going forward n and back n returns to it', () => {
    fc.assert(
      fc.property(day, period, (start, n) => {
        const workingStart = isWorkingDay(start, cal) ? start : nextWorkingDay(start, cal);
        assert.equal(addWorkingDays(addWorkingDays(workingStart, n, cal), -n, cal), workingStart);
      }),
    );
  });

  it('suspensions never shorten the due date, which stays a working day with exactly n days used', () => {
    fc.assert(
      fc.property(withSuspensions, ([receivedOn, n, suspensions]) => {
        const plain = computeDueDate({ receivedOn, workingDays: n }, cal).dueDate!;
        const deadline = computeDueDate({ receivedOn, workingDays: n, suspensions }, cal);
        const due = deadline.dueDate!;
        assert.ok(due >= plain, `${due} < ${plain}`);
        assert.equal(isWorkingDay(due, cal), true);
        assert.equal(deadline.workingDaysUsed(due), n);
        assert.equal(deadline.workingDaysUsed(addDays(due, -1)), n - 1);
        // Dropping the last suspension never makes the date later.
        const fewer = computeDueDate({ receivedOn, workingDays: n, suspensions: suspensions.slice(0, -1) }, cal).dueDate!;
        assert.ok(fewer <= due);
      }),
    );
  });

  it('an open suspension either pauses the clock or comes after the due date', () => {
    fc.assert(
      fc.property(day, period, fc.integer({ min: 0, max: 60 }), (receivedOn, n, gap) => {
        const from = addDays(receivedOn, gap);
        const deadline = computeDueDate({ receivedOn, workingDays: n, suspensions: [{ from, to: null }] }, cal);
        const plain = addWorkingDays(receivedOn, n, cal);
        if (plain <= from) assert.equal(deadline.dueDate, plain);
        else {
          assert.equal(deadline.dueDate, null);
          assert.equal(deadline.paused, true);
          assert.ok(deadline.workingDaysUsed(addDays(from, 400)) < n);
        }
      }),
    );
  });
});
