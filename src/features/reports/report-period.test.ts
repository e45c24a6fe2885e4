import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodBounds, previousPeriod, resolvePeriod } from './report-period.ts';

test('the named periods: calendar year, reporting year 15/12–14/12, six months 15/12–14/6, leap years', () => {
  assert.deepEqual(periodBounds('calendar_year', 2024), { from: '2024-01-01', to: '2024-12-31' });
  assert.deepEqual(periodBounds('reporting_year', 2024), { from: '2023-12-15', to: '2024-12-14' });
  assert.deepEqual(periodBounds('half_year', 2024), { from: '2023-12-15', to: '2024-06-14' });
  assert.deepEqual(periodBounds('reporting_year', 2024, { month: 11, day: 30 }), { from: '2023-11-30', to: '2024-11-29' }, 'another cut-off');
});

test('a period still running is counted to today; the previous one is the same kind a year earlier', () => {
  const period = resolvePeriod({ period: 'half_year', year: 2026 }, '2026-03-01');
  assert.deepEqual([period.from, period.to, period.asOf], ['2025-12-15', '2026-06-14', '2026-03-01']);
  const previous = previousPeriod(period, '2026-03-01');
  assert.deepEqual([previous.from, previous.to, previous.asOf], ['2024-12-15', '2025-06-14', '2025-06-14']);
  const range = resolvePeriod({ from: '2024-02-01', to: '2024-02-29' }, '2026-03-01');
  assert.equal(range.kind, 'range', 'from/to without a kind is a range');
  const before = previousPeriod(range, '2026-03-01');
  assert.deepEqual([before.from, before.to], ['2024-01-03', '2024-01-31'], '29 days just before');
});

test('bad periods: every problem at once, in Vietnamese', () => {
  const issuesOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return ((error as { details: { issues: Array<{ path: string }> } }).details.issues).map((i) => i.path);
    }
    assert.fail('no error');
  };
  assert.deepEqual(issuesOf(() => resolvePeriod({ year: 2018 }, '2026-03-01')), ['querystring.year']);
  assert.deepEqual(issuesOf(() => resolvePeriod({ period: 'reporting_year', year: 2027 }, '2026-03-01')), ['querystring.year']);
  // The reporting year 2027 starts on 15/12/2026: on 20/12/2026 it is running, so it is allowed.
  assert.equal(resolvePeriod({ period: 'reporting_year', year: 2027 }, '2026-12-20').asOf, '2026-12-20');
  assert.deepEqual(issuesOf(() => resolvePeriod({ period: 'range', from: '2018-05-01', to: '2018-04-01' }, '2026-03-01')), ['querystring.to', 'querystring.from']);
  assert.deepEqual(issuesOf(() => resolvePeriod({ period: 'range' }, '2026-03-01')), ['querystring.from', 'querystring.to']);
});
