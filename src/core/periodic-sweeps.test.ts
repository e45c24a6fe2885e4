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
  await sweeps.stop();
  const after = runs;
  await sleep(60);
  assert.ok(after >= 3, `ran ${after} times`);
  assert.equal(runs, after, 'stopped sweeps do not run again');
  assert.deepEqual(errors, ['sweep flaky failed: database restarting']);
});

test('stop() tells a running sweep to stop, waits for it to finish, and starts no new run', async () => {
  let runs = 0;
  let finished = false;
  let sawAbort = false;
  const outcomes: string[] = [];
  const sweeps = startPeriodicSweeps(
    [
      {
        name: 'slow',
        everyMs: 10,
        run: async (signal) => {
          runs += 1;
          await sleep(80);
          sawAbort = signal.aborted;
          finished = true;
        },
      },
    ],
    { info: () => {}, error: () => {} },
    { onRun: (name, outcome) => outcomes.push(`${name} ${outcome}`) },
  );
  await sleep(20);
  await sweeps.stop();
  assert.equal(finished, true, 'stop() resolved only after the run in hand finished');
  assert.equal(sawAbort, true, 'the run was told to stop');
  await sleep(40);
  assert.equal(runs, 1);
  assert.deepEqual(outcomes, ['slow ok']);
});
