import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  actionsFrom,
  dossierActions,
  dossierStatuses,
  isCheckableByCommune,
  isEditableByProducer,
  isFinal,
  nextStatus,
  statusLabels,
  transitions,
  waitingOn,
  type DossierAction,
  type DossierStatus,
} from './dossier-status.ts';

// Written out by hand from QĐ 26/2026 Đ.7 and the issue, independently of the table under test:
// every (status, action) pair not listed here must be refused.
const allowed: Record<string, DossierStatus> = {
  'draft/submit': 'submitted',
  'draft/withdraw': 'withdrawn',
  'submitted/receive': 'commune_reviewing',
  'submitted/withdraw': 'withdrawn',
  'commune_reviewing/returnForSupplement': 'returned_for_supplement',
  'commune_reviewing/forward': 'forwarded_to_province',
  'commune_reviewing/withdraw': 'withdrawn',
  'returned_for_supplement/supplement': 'resubmitted',
  'returned_for_supplement/withdraw': 'withdrawn',
  'resubmitted/returnForSupplement': 'returned_for_supplement',
  'resubmitted/forward': 'forwarded_to_province',
  'resubmitted/withdraw': 'withdrawn',
};

describe('dossier state machine', () => {
  for (const status of dossierStatuses) {
    for (const action of dossierActions) {
      const expected = allowed[`${status}/${action}`] ?? null;
      test(`${status} --${action}--> ${expected ?? 'refused'}`, () => {
        assert.equal(nextStatus(status, action), expected);
      });
    }
  }

  test('the table lists exactly the expected pairs (no extra transition hides in it)', () => {
    const fromTable = dossierActions.flatMap((action) => transitions[action].from.map((from) => `${from}/${action}`)).sort();
    assert.deepEqual(fromTable, Object.keys(allowed).sort());
  });

  test('forwarded and withdrawn dossiers are final; nothing else is', () => {
    assert.deepEqual(dossierStatuses.filter(isFinal), ['forwarded_to_province', 'withdrawn']);
  });

  test('every status can be reached from a draft, and a draft only by creation', () => {
    const reached = new Set<DossierStatus>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const status of [...reached]) {
        for (const action of actionsFrom(status)) {
          const to = nextStatus(status, action)!;
          if (!reached.has(to)) {
            reached.add(to);
            grew = true;
          }
        }
      }
    }
    assert.deepEqual([...reached].sort(), [...dossierStatuses].sort());
    assert.ok(dossierActions.every((action: DossierAction) => transitions[action].to !== 'draft'));
  });

  test('the producer moves a dossier it holds, the commune one it holds', () => {
    for (const action of dossierActions) {
      const { from, by } = transitions[action];
      if (action === 'withdraw') continue; // the producer may withdraw wherever the dossier is
      for (const status of from) assert.equal(waitingOn(status), by, `${action} from ${status}`);
    }
  });

  test('the clock starts at receipt, stops on a return, runs again on supplements', () => {
    assert.equal(transitions.receive.clock, 'start');
    assert.equal(transitions.returnForSupplement.clock, 'suspend');
    assert.equal(transitions.supplement.clock, 'resume');
    assert.deepEqual(dossierActions.filter((a) => transitions[a].clock !== 'none').sort(), ['receive', 'returnForSupplement', 'supplement']);
  });

  test('who may edit what, and every status has a Vietnamese label', () => {
    assert.deepEqual(dossierStatuses.filter(isEditableByProducer), ['draft', 'returned_for_supplement']);
    assert.deepEqual(dossierStatuses.filter(isCheckableByCommune), ['commune_reviewing', 'resubmitted']);
    for (const status of dossierStatuses) assert.ok(statusLabels[status].vi.length > 0);
  });
});
