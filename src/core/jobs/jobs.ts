/**
 * Durable scheduled jobs in the application's own database (docs/decisions/008). A job is a row of
 * scheduled_jobs named (name, key); it runs when due, in ONE transaction with the row that marks it done:
 *  - two app processes claim rows with FOR UPDATE SKIP LOCKED, so a job runs once;
 *  - a process that dies mid-job rolls its transaction back, so the job is still pending after a restart;
 *  - scheduling the same (name, key) twice keeps the first row, so reminders are not doubled.
 * A job that throws is retried with a growing delay, and marked failed after MAX_ATTEMPTS.
 */
import type { Clock } from '../clock/index.ts';
import { withTransaction, type Database, type Sql } from '../db/database.ts';

export interface ScheduledJob {
  id: string;
  name: string;
  key: string;
  runAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface JobHandler {
  name: string;
  /** Runs inside the transaction that marks the job done: its changes and the "done" commit together. */
  run(tx: Sql, job: ScheduledJob, now: Date): Promise<void>;
}

/** A job that is scheduled again for every day (key = the Vietnamese calendar day it is for). */
export interface DailyJob {
  name: string;
  /** Hour of the day (Vietnam time) it runs. */
  hour: number;
}

export const MAX_ATTEMPTS = 5;

export interface ScheduleJobInput {
  name: string;
  key: string;
  runAt: Date;
  payload?: Record<string, unknown>;
}

/** Schedules a job unless (name, key) exists already; returns whether a new row was written. */
export async function scheduleJob(sql: Sql, input: ScheduleJobInput, now: Date): Promise<boolean> {
  const result = await sql.query(
    `INSERT INTO scheduled_jobs (name, key, run_at, payload, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name, key) DO NOTHING`,
    [input.name, input.key, input.runAt, JSON.stringify(input.payload ?? {}), now],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Cancels the pending jobs named `name` whose key starts with `keyPrefix` (e.g. a revoked certificate's reminders). */
export async function cancelJobs(sql: Sql, name: string, keyPrefix: string, now: Date): Promise<number> {
  const result = await sql.query(
    `UPDATE scheduled_jobs SET status = 'cancelled', finished_at = $3
     WHERE name = $1 AND starts_with(key, $2) AND status = 'pending'`,
    [name, keyPrefix, now],
  );
  return result.rowCount ?? 0;
}

/** Cancels the pending jobs of these names and exact keys at once (e.g. the reminders of many certificates). */
export async function cancelJobsByKeys(sql: Sql, names: readonly string[], keys: readonly string[], now: Date): Promise<number> {
  if (keys.length === 0) return 0;
  const result = await sql.query(
    `UPDATE scheduled_jobs SET status = 'cancelled', finished_at = $3
     WHERE name = ANY($1::text[]) AND key = ANY($2::text[]) AND status = 'pending'`,
    [names, keys, now],
  );
  return result.rowCount ?? 0;
}

interface JobRow {
  id: string;
  name: string;
  key: string;
  run_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface RunReport {
  done: number;
  failed: number;
  retried: number;
}

export interface RunOptions {
  /** At most this many jobs in one run (500). */
  limit?: number;
  /** Once aborted (shutdown), the job running is finished and no other one is claimed. */
  signal?: AbortSignal;
  /** Told of every job's outcome and how long it took (metrics). */
  onJob?: (name: string, outcome: 'done' | 'failed' | 'retried', seconds: number) => void;
}

/**
 * Runs every job due at the clock's time, one transaction each, until none is left (or `limit` ran).
 * Safe to call from several processes at once.
 */
export async function runDueJobs(db: Database, clock: Clock, handlers: readonly JobHandler[], options: RunOptions = {}): Promise<RunReport> {
  const byName = new Map(handlers.map((handler) => [handler.name, handler]));
  const names = [...byName.keys()];
  const report: RunReport = { done: 0, failed: 0, retried: 0 };
  const limit = options.limit ?? 500;
  for (let count = 0; count < limit; count++) {
    if (options.signal?.aborted) break;
    const now = clock.now();
    const started = performance.now();
    let name = '';
    const outcome = await withTransaction(db, async (tx) => {
      const claimed = await tx.query<JobRow>(
        `SELECT id, name, key, run_at, payload, attempts FROM scheduled_jobs
         WHERE status = 'pending' AND run_at <= $1 AND name = ANY($2::text[])
         ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now, names],
      );
      const row = claimed.rows[0];
      if (!row) return 'none' as const;
      name = row.name;
      const job: ScheduledJob = { id: row.id, name: row.name, key: row.key, runAt: row.run_at, payload: row.payload, attempts: row.attempts };
      await tx.query('SAVEPOINT job');
      try {
        await byName.get(row.name)!.run(tx, job, now);
        await tx.query(`UPDATE scheduled_jobs SET status = 'done', attempts = attempts + 1, finished_at = $2, last_error = NULL WHERE id = $1`, [row.id, now]);
        return 'done' as const;
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT job');
        const attempts = row.attempts + 1;
        const message = error instanceof Error ? error.message : String(error);
        if (attempts >= MAX_ATTEMPTS) {
          await tx.query(`UPDATE scheduled_jobs SET status = 'failed', attempts = $2, last_error = $3, finished_at = $4 WHERE id = $1`, [row.id, attempts, message, now]);
          return 'failed' as const;
        }
        // 1, 4, 9, 16 minutes.
        const retryAt = new Date(now.getTime() + attempts * attempts * 60_000);
        await tx.query(`UPDATE scheduled_jobs SET attempts = $2, last_error = $3, run_at = $4 WHERE id = $1`, [row.id, attempts, message, retryAt]);
        return 'retried' as const;
      }
    });
    if (outcome === 'none') break;
    report[outcome]++;
    options.onJob?.(name, outcome, (performance.now() - started) / 1000);
  }
  return report;
}

/** Writes today's row of each daily job (once, whichever process gets there first). */
export async function scheduleDailyJobs(db: Database, clock: Clock, jobs: readonly DailyJob[]): Promise<void> {
  const now = clock.now();
  // The Vietnamese calendar day (UTC+7, no daylight saving).
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const day = local.toISOString().slice(0, 10);
  for (const job of jobs) {
    const runAt = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), job.hour - 7));
    await scheduleJob(db.pool, { name: job.name, key: day, runAt }, now);
  }
}

export interface JobCounts {
  /** Jobs by status (pending, done, failed, cancelled), every status present. */
  byStatus: Record<'pending' | 'done' | 'failed' | 'cancelled', number>;
  /** Pending jobs whose time has come: the queue's depth. */
  due: number;
  /** Age of the oldest due job in seconds (0 when none): a stuck queue grows this. */
  oldestDueSeconds: number;
}

/** The queue as an operator watches it (metrics). */
export async function countJobs(sql: Sql, now: Date): Promise<JobCounts> {
  const byStatus = await sql.query<{ status: keyof JobCounts['byStatus']; n: number }>('SELECT status, count(*)::int AS n FROM scheduled_jobs GROUP BY status');
  const due = await sql.query<{ n: number; oldest: number | null }>(
    `SELECT count(*)::int AS n, extract(epoch FROM ($1::timestamptz - min(run_at)))::float8 AS oldest
       FROM scheduled_jobs WHERE status = 'pending' AND run_at <= $1`,
    [now],
  );
  const counts: JobCounts['byStatus'] = { pending: 0, done: 0, failed: 0, cancelled: 0 };
  for (const row of byStatus.rows) counts[row.status] = row.n;
  return { byStatus: counts, due: due.rows[0]!.n, oldestDueSeconds: Math.max(0, due.rows[0]!.oldest ?? 0) };
}
