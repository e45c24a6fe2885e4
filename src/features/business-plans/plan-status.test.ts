import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { allowedPlanActions, initialPlanStatus, nextPlanStatus, planActions, planStatuses, type PlanStatus } from './plan-status.ts';

const none = { overdueConsequence: null };

describe('business plan state machine', () => {
  test('the whole table: every status × action is either the listed transition or refused', () => {
    const expected: Record<PlanStatus, Partial<Record<(typeof planActions)[number], PlanStatus>>> = {
      submitted: { forward: 'forwarded', mark_overdue: 'forwarding_overdue' },
      forwarding_overdue: { forward: 'forwarded' },
      forwarded: { approve: 'approved', return: 'returned' },
      returned: { resubmit: 'submitted' },
      approved: {},
    };
    for (const status of planStatuses) {
      for (const action of planActions) {
        const to = expected[status][action];
        const context = { overdueConsequence: status === 'forwarding_overdue' ? ('flag_late' as const) : null };
        if (to) assert.equal(nextPlanStatus(status, action, context), to, `${status} --${action}-->`);
        else
          assert.throws(
            () => nextPlanStatus(status, action, context),
            (error: unknown) => error instanceof AppError && error.code === 'INVALID_TRANSITION',
            `${status} --${action}--> must be refused`,
          );
      }
    }
  });

  test('an overdue plan is forwarded late only when the province merely flags lateness', () => {
    assert.equal(nextPlanStatus('forwarding_overdue', 'forward', { overdueConsequence: 'flag_late' }), 'forwarded');
    assert.throws(
      () => nextPlanStatus('forwarding_overdue', 'forward', { overdueConsequence: 'no_product_this_year' }),
      (error: unknown) => error instanceof AppError && error.code === 'DEADLINE_PASSED' && /không có sản phẩm/.test(error.message),
    );
    assert.deepEqual(allowedPlanActions('forwarding_overdue', { overdueConsequence: 'no_product_this_year' }), []);
    assert.deepEqual(allowedPlanActions('forwarding_overdue', { overdueConsequence: 'flag_late' }), ['forward']);
  });

  test('a plan starts as received by the commune; approval is final', () => {
    assert.equal(initialPlanStatus, 'submitted');
    assert.deepEqual(allowedPlanActions('submitted', none), ['forward', 'mark_overdue']);
    assert.deepEqual(allowedPlanActions('approved', none), []);
  });
});
