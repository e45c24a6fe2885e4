import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createFixedClock } from '../clock/index.ts';
import type { Database } from '../db/database.ts';
import { testDatabaseUrl } from '../../../tests/support/test-app.ts';
import { countJobs, runDueJobs, scheduleDailyJobs, scheduleJob, type JobHandler } from './jobs.ts';

const openDatabase = (): Database => {
  const url = testDatabaseUrl();
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  return { mode: 'postgres', pool, url, close: () => pool.end() };
};

describe('durable scheduled jobs', () => {
  let processA: Database;
  let processB: Database;
  before(async () => {
    processA = openDatabase();
    processB = openDatabase();
    await processA.pool.query('CREATE TABLE IF NOT EXISTS job_test_effects (job_name text, key text)');
  });
  after(async () => {
    await processA.close();
    await processB.close();
  });

  /** A handler that writes one row per run, in the job's transaction. */
  const recording = (name: string, fail = false): JobHandler => ({
    name,
    async run(tx, job) {
      await tx.query('INSERT INTO job_test_effects (job_name, key) VALUES ($1, $2)', [job.name, job.key]);
      if (fail) throw new Error('handler failed');
    },
  });
  const effects = async (name: string) =>
    (await processA.pool.query<{ key: string }>('SELECT key FROM job_test_effects WHERE job_name = $1 ORDER BY key', [name])).rows.map((row) => row.key);

  test('scheduling the same (name, key) twice keeps one job', async () => {
    const name = `test.${randomUUID()}`;
    const now = new Date('2026-11-23T00:00:00Z');
    assert.equal(await scheduleJob(processA.pool, { name, key: 'k', runAt: now }, now), true);
    assert.equal(await scheduleJob(processB.pool, { name, key: 'k', runAt: now }, now), false);
    const rows = await processA.pool.query('SELECT 1 FROM scheduled_jobs WHERE name = $1', [name]);
    assert.equal(rows.rowCount, 1);
  });

  test('a job runs only when due, and once even when two processes run the queue at the same time', async () => {
    const name = `test.${randomUUID()}`;
    const clock = createFixedClock('2026-11-23T01:00:00Z');
    for (let i = 0; i < 20; i++) {
      await scheduleJob(processA.pool, { name, key: `k${String(i).padStart(2, '0')}`, runAt: new Date('2026-11-23T00:30:00Z') }, clock.now());
    }
    await scheduleJob(processA.pool, { name, key: 'later', runAt: new Date('2026-11-24T00:00:00Z') }, clock.now());
    const handlers = [recording(name)];
    const [a, b] = await Promise.all([runDueJobs(processA, clock, handlers), runDueJobs(processB, clock, handlers)]);
    assert.equal(a.done + b.done, 20);
    const keys = await effects(name);
    assert.equal(keys.length, 20, 'each job ran exactly once');
    assert.equal(new Set(keys).size, 20);
    assert.ok(!keys.includes('later'));
  });

  test('a job scheduled before a restart runs after it (the queue is in the database)', async () => {
    const name = `test.${randomUUID()}`;
    const clock = createFixedClock('2026-11-23T01:00:00Z');
    const first = openDatabase();
    await scheduleJob(first.pool, { name, key: 'reminder', runAt: new Date('2026-11-23T02:00:00Z') }, clock.now());
    await first.close(); // the process that scheduled it is gone
    clock.set(new Date('2026-11-23T02:00:00Z'));
    const report = await runDueJobs(processB, clock, [recording(name)]);
    assert.equal(report.done, 1);
    assert.deepEqual(await effects(name), ['reminder']);
  });

  test('a failing job leaves no effect, is retried later and marked failed after five attempts', async () => {
    const name = `test.${randomUUID()}`;
    const clock = createFixedClock('2026-11-23T01:00:00Z');
    await scheduleJob(processA.pool, { name, key: 'bad', runAt: clock.now() }, clock.now());
    const first = await runDueJobs(processA, clock, [recording(name, true)]);
    assert.deepEqual(first, { done: 0, failed: 0, retried: 1 });
    assert.deepEqual(await effects(name), [], 'the failed run was rolled back');
    const again = await runDueJobs(processA, clock, [recording(name, true)]);
    assert.equal(again.retried, 0, 'not before its retry time');
    for (let i = 0; i < 4; i++) {
      clock.advance(60 * 60_000);
      await runDueJobs(processA, clock, [recording(name, true)]);
    }
    const row = await processA.pool.query('SELECT status, attempts, last_error FROM scheduled_jobs WHERE name = $1', [name]);
    assert.deepEqual(row.rows[0], { status: 'failed', attempts: 5, last_error: 'handler failed' });
  });

  test('daily jobs get one row per Vietnamese calendar day, whoever schedules them', async () => {
    const name = `test.${randomUUID()}`;
    // 18:30 UTC on the 23rd is 01:30 on the 24th in Vietnam.
    const clock = createFixedClock('2026-11-23T18:30:00Z');
    await Promise.all([scheduleDailyJobs(processA, clock, [{ name, hour: 6 }]), scheduleDailyJobs(processB, clock, [{ name, hour: 6 }])]);
    const rows = await processA.pool.query<{ key: string; run_at: Date }>('SELECT key, run_at FROM scheduled_jobs WHERE name = $1', [name]);
    assert.equal(rows.rowCount, 1);
    assert.equal(rows.rows[0]!.key, '2026-11-24');
    assert.equal(rows.rows[0]!.run_at.toISOString(), '2026-11-23T23:00:00.000Z');
  });

  test('once the signal is aborted (shutdown), the job in hand finishes and no other is claimed; each outcome is told', async () => {
    const name = `test.${randomUUID()}`;
    const clock = createFixedClock('2026-11-23T01:00:00Z');
    for (const key of ['a', 'b', 'c']) await scheduleJob(processA.pool, { name, key, runAt: clock.now() }, clock.now());
    const stopping = new AbortController();
    const told: string[] = [];
    const handler: JobHandler = {
      name,
      async run(tx, job) {
        stopping.abort(); // SIGTERM arrives while the first job runs
        await tx.query('INSERT INTO job_test_effects (job_name, key) VALUES ($1, $2)', [job.name, job.key]);
      },
    };
    const report = await runDueJobs(processA, clock, [handler], { signal: stopping.signal, onJob: (job, outcome) => told.push(`${job} ${outcome}`) });
    assert.deepEqual(report, { done: 1, failed: 0, retried: 0 });
    const ran = await effects(name);
    assert.equal(ran.length, 1, 'the job in hand committed, and only it');
    assert.deepEqual(told, [`${name} done`]);
    const statuses = await processA.pool.query<{ key: string; status: string }>('SELECT key, status FROM scheduled_jobs WHERE name = $1 ORDER BY key', [name]);
    assert.deepEqual(statuses.rows, ['a', 'b', 'c'].map((key) => ({ key, status: key === ran[0] ? 'done' : 'pending' })));
  });

  test('countJobs gives the queue depth and the age of the oldest due job', async () => {
    const name = `test.${randomUUID()}`;
    const now = new Date('2030-01-01T00:00:00Z');
    const before = await countJobs(processA.pool, now);
    await scheduleJob(processA.pool, { name, key: 'old', runAt: new Date('2000-01-01T00:00:00Z') }, now);
    await scheduleJob(processA.pool, { name, key: 'future', runAt: new Date('2100-01-01T00:00:00Z') }, now);
    const counts = await countJobs(processA.pool, now);
    // Other test files share the database: compare with what this test added, not absolute numbers.
    assert.ok(counts.due >= before.due + 1, `due ${before.due} → ${counts.due}`);
    assert.ok(counts.byStatus.pending >= before.byStatus.pending + 2);
    assert.ok(counts.oldestDueSeconds >= (now.getTime() - Date.parse('2000-01-01T00:00:00Z')) / 1000);
    await processA.pool.query('DELETE FROM scheduled_jobs WHERE name = $1', [name]);
  });
});
