import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { elapsedFractionOfYear, indicatorStatus, indicatorStatuses, planStatus } from './plan-progress.ts';

describe('plan progress status', () => {
  test('elapsed fraction of the plan’s year', () => {
    assert.equal(elapsedFractionOfYear(2026, '2025-12-31'), 0);
    assert.equal(elapsedFractionOfYear(2026, '2026-01-01'), 1 / 365);
    assert.equal(elapsedFractionOfYear(2026, '2026-12-31'), 1);
    assert.equal(elapsedFractionOfYear(2024, '2024-07-01'), 183 / 366, 'a leap year has 366 days');
    assert.equal(elapsedFractionOfYear(2025, '2026-03-01'), 1);
  });

  test('cumulative indicators are compared with the elapsed part of the year', () => {
    const mid = 0.5;
    const status = (achieved: number | null, elapsed = mid) => indicatorStatus({ target: 100, achieved, elapsed, cumulative: true });
    assert.equal(status(null), 'no_data');
    assert.equal(status(100), 'achieved');
    assert.equal(status(120), 'achieved');
    assert.equal(status(45), 'on_track', 'within 10 points of the elapsed half');
    assert.equal(status(40), 'on_track');
    assert.equal(status(30), 'at_risk');
    assert.equal(status(25), 'at_risk');
    assert.equal(status(20), 'behind');
    assert.equal(status(0, 0.05), 'on_track', 'early January, nothing yet is normal');
    assert.equal(status(99, 1), 'behind', 'the year is over and the target missed');
    assert.equal(indicatorStatus({ target: 0, achieved: 0, elapsed: 0.5, cumulative: true }), 'achieved');
  });

  test('a yield is compared with its target directly', () => {
    const status = (achieved: number) => indicatorStatus({ target: 150, achieved, elapsed: 0.3, cumulative: false });
    assert.equal(status(150), 'achieved');
    assert.equal(status(140), 'at_risk');
    assert.equal(status(120), 'behind');
  });

  test('a plan takes the worst status of its indicators with figures', () => {
    assert.equal(planStatus([]), 'no_data');
    assert.equal(planStatus(['no_data', 'no_data']), 'no_data');
    assert.equal(planStatus(['achieved', 'no_data']), 'achieved');
    assert.equal(planStatus(['achieved', 'on_track', 'at_risk']), 'at_risk');
    assert.equal(planStatus(['on_track', 'behind', 'at_risk']), 'behind');
  });

  test('properties: more progress never worsens the status; more elapsed time never improves it', () => {
    const rank = { behind: 0, at_risk: 1, on_track: 2, achieved: 3, no_data: 4 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (target, a, b, e1, e2, cumulative) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const [early, late] = e1 <= e2 ? [e1, e2] : [e2, e1];
          const s = (achieved: number, elapsed: number) => rank[indicatorStatus({ target, achieved, elapsed, cumulative })];
          return s(low, early) <= s(high, early) && s(low, late) <= s(low, early);
        },
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...indicatorStatuses)), (statuses) => {
        const result = planStatus(statuses);
        return statuses.length === 0 ? result === 'no_data' : statuses.includes(result);
      }),
    );
  });
});
