import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { allowedIdeaActions, ideaActions, ideaStatuses, initialIdeaStatus, isIdeaDecided, nextIdeaStatus, type IdeaStatus } from './idea-status.ts';

describe('product idea state machine', () => {
  test('the whole table: every status × action is either the listed transition or refused', () => {
    const expected: Record<IdeaStatus, Partial<Record<(typeof ideaActions)[number], IdeaStatus>>> = {
      submitted: { pass: 'passed', return: 'returned', reject: 'rejected' },
      returned: { resubmit: 'submitted' },
      passed: {},
      rejected: {},
    };
    for (const status of ideaStatuses) {
      for (const action of ideaActions) {
        const to = expected[status][action];
        if (to) assert.equal(nextIdeaStatus(status, action), to, `${status} --${action}-->`);
        else
          assert.throws(
            () => nextIdeaStatus(status, action),
            (error: unknown) => error instanceof AppError && error.code === 'INVALID_TRANSITION' && /trạng thái/.test(error.message),
            `${status} --${action}--> must be refused`,
          );
      }
    }
  });

  test('registration starts at submitted; passed and rejected are final; a returned idea can come back', () => {
    assert.equal(initialIdeaStatus, 'submitted');
    assert.deepEqual(allowedIdeaActions('submitted'), ['pass', 'return', 'reject']);
    assert.deepEqual(allowedIdeaActions('returned'), ['resubmit']);
    assert.ok(isIdeaDecided('passed') && isIdeaDecided('rejected'));
    assert.ok(!isIdeaDecided('returned') && !isIdeaDecided('submitted'));
  });

  test('every status is reachable from the initial one', () => {
    const seen = new Set<IdeaStatus>([initialIdeaStatus]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const status of [...seen]) {
        for (const action of allowedIdeaActions(status)) {
          const to = nextIdeaStatus(status, action);
          if (!seen.has(to)) {
            seen.add(to);
            grew = true;
          }
        }
      }
    }
    assert.deepEqual([...seen].sort(), [...ideaStatuses].sort());
  });
});
