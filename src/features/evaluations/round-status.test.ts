import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  entryAllows,
  entryStatuses,
  entrySteps,
  initialEntryStatus,
  initialRoundStatus,
  isEntryFinal,
  nextEntryStatus,
  nextRoundStatus,
  roundStatuses,
  roundSteps,
  type EntryStatus,
  type RoundStatus,
} from './round-status.ts';

// Written out by hand from QĐ 26/2026 Đ.5, Đ.7.3–7.4 and the use cases, independently of the tables
// under test: every (status, step) pair not listed here must be refused.
const roundAllowed: Record<string, RoundStatus> = {
  'open/setMembers': 'open',
  'open/changeSettings': 'open',
  'open/close': 'closed',
  'closed/decide': 'decided',
};

const entryAllowed: Record<string, EntryStatus> = {
  'reviewing/advise': 'reviewing',
  'reviewing/report': 'reviewing',
  'reviewing/declareConflict': 'reviewing',
  'reviewing/requestSupplement': 'supplement_requested',
  'reviewing/openScoring': 'scoring',
  'reviewing/withdraw': 'withdrawn',
  'supplement_requested/advise': 'supplement_requested',
  'supplement_requested/declareConflict': 'supplement_requested',
  'supplement_requested/receiveSupplement': 'reviewing',
  'supplement_requested/withdraw': 'withdrawn',
  'scoring/declareConflict': 'scoring',
  'scoring/score': 'scoring',
  'scoring/close': 'closed',
  'scoring/withdraw': 'withdrawn',
  'closed/decide': 'decided',
};

describe('evaluation round state machine', () => {
  for (const status of roundStatuses) {
    for (const step of roundSteps) {
      const expected = roundAllowed[`${status}/${step}`] ?? null;
      test(`round ${status} --${step}--> ${expected ?? 'refused'}`, () => assert.equal(nextRoundStatus(status, step), expected));
    }
  }

  for (const status of entryStatuses) {
    for (const step of entrySteps) {
      const expected = entryAllowed[`${status}/${step}`] ?? null;
      test(`entry ${status} --${step}--> ${expected ?? 'refused'}`, () => assert.equal(nextEntryStatus(status, step), expected));
    }
  }

  test('the tables hold exactly the expected pairs', () => {
    const rounds = roundStatuses.flatMap((status) => roundSteps.filter((step) => nextRoundStatus(status, step) !== null).map((step) => `${status}/${step}`));
    assert.deepEqual(rounds.sort(), Object.keys(roundAllowed).sort());
    const entries = entryStatuses.flatMap((status) => entrySteps.filter((step) => entryAllows(status, step)).map((step) => `${status}/${step}`));
    assert.deepEqual(entries.sort(), Object.keys(entryAllowed).sort());
  });

  test('decided and withdrawn entries are final; a closed one still waits for the decision', () => {
    assert.deepEqual(entryStatuses.filter(isEntryFinal), ['decided', 'withdrawn']);
  });

  test('every status is reached from where rounds and entries start', () => {
    const reach = <S extends string>(start: S, steps: readonly string[], next: (status: S, step: never) => S | null): Set<S> => {
      const reached = new Set<S>([start]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const status of [...reached]) {
          for (const step of steps) {
            const to = next(status, step as never);
            if (to && !reached.has(to)) {
              reached.add(to);
              grew = true;
            }
          }
        }
      }
      return reached;
    };
    assert.deepEqual([...reach(initialRoundStatus, roundSteps, nextRoundStatus)].sort(), [...roundStatuses].sort());
    assert.deepEqual([...reach(initialEntryStatus, entrySteps, nextEntryStatus)].sort(), [...entryStatuses].sort());
  });
});
