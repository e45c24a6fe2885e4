import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPeriodicSweeps } from './periodic-sweeps.ts';

test('a sweep runs at once, then periodically; a failure is logged and the next run still happens', async () => {
  let runs = 0;
  const errors: string[] = [];
  const sweeps = startPeriodicSweeps(
    [
      {
        name: 'flaky',
        everyMs: 20,
        run: async () => {
          runs += 1;
          if (runs === 1) throw new Error('database restarting');
          return { marked: [] };
        },
      },
    ],
    { info: () => {}, error: (message) => errors.push(message) },
  );
  await sleep(110);
  sweeps.stop();
  const after = runs;
  await sleep(60);
  assert.ok(after >= 3, `ran ${after} times`);
  assert.equal(runs, after, 'stopped sweeps do not run again');
  assert.deepEqual(errors, ['sweep flaky failed: database restarting']);
});
