/**
 * An app process for the graceful-shutdown test: the real app (buildApp, JSON logs with one line per request)
 * plus a slow route, and a job sweep running only this test's jobs (a slow handler) — the shutdown of cli.ts
 * (shutDownOnSignals). Markers go to stderr, so stdout holds nothing but the app's JSON log lines:
 *   listening <port> · job-started <key> · request-started
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { systemClock } from '../../src/core/clock/index.ts';
import { loadConfig } from '../../src/core/config.ts';
import type { Database } from '../../src/core/db/database.ts';
import { runDueJobs, type JobHandler } from '../../src/core/jobs/index.ts';
import { startPeriodicSweeps } from '../../src/core/periodic-sweeps.ts';
import { shutDownOnSignals } from '../../src/core/shutdown.ts';
import { buildApp } from '../../src/server.ts';

const [jobName = 'test.shutdown', jobMs = '2500', requestMs = '1000'] = process.argv.slice(2);
const url = process.env.TEST_DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 3 });
const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
const config = { ...loadConfig({}), databaseUrl: url, demoMode: false, logRequests: true, shutdownTimeoutMs: 20_000 };
const ctx = { config, db, clock: systemClock };
const marker = (text: string) => process.stderr.write(`${text}\n`);

const app = await buildApp(ctx, { logger: true });
app.get('/test/slow', async () => {
  marker('request-started');
  await sleep(Number(requestMs));
  return { finished: true };
});

const slowJob: JobHandler = {
  name: jobName,
  async run(_tx, job) {
    marker(`job-started ${job.key}`);
    await sleep(Number(jobMs));
  },
};

await app.listen({ host: '127.0.0.1', port: 0 });
const sweeps = startPeriodicSweeps(
  [{ name: 'jobs', everyMs: 60_000, run: (signal) => runDueJobs(db, systemClock, [slowJob], { signal, onJob: (...outcome) => app.metrics.observeJob(...outcome) }) }],
  { info: (message) => app.log.debug(message), error: (message) => app.log.error(message) },
);
shutDownOnSignals({ app, sweeps, db, log: app.log, timeoutMs: config.shutdownTimeoutMs });
const address = app.server.address();
marker(`listening ${typeof address === 'object' && address ? address.port : 0}`);
