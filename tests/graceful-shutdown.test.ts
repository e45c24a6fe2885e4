/**
 * SIGTERM while a slow request and a durable job are in flight (issue 15 point 5): the listener stops
 * accepting at once, the request is answered, the job in hand commits, the next job is not started, the
 * process exits 0; its stdout is JSON log lines carrying the request id.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { testDatabaseUrl } from './support/test-app.ts';

let pool: pg.Pool;
before(() => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
});
after(async () => {
  await pool.end();
});

test('SIGTERM finishes the request and the job in flight, starts nothing new, and exits 0', { timeout: 60_000 }, async () => {
  const jobName = `test.shutdown.${randomUUID()}`;
  const now = Date.now();
  // Two jobs due; the first is claimed first (earlier run_at).
  await pool.query(
    `INSERT INTO scheduled_jobs (name, key, run_at, created_at) VALUES ($1, 'first', $2, now()), ($1, 'second', $3, now())`,
    [jobName, new Date(now - 120_000), new Date(now - 60_000)],
  );
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/shutdown-child.ts', jobName, '2500', '1000'], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    const waitFor = async (pattern: RegExp): Promise<RegExpMatchArray> => {
      for (let waited = 0; waited < 30_000; waited += 20) {
        const match = stderr.match(pattern);
        if (match) return match;
        if (child.exitCode !== null) break;
        await sleep(20);
      }
      throw new Error(`child never printed ${pattern}; stderr:\n${stderr}\nstdout:\n${stdout}`);
    };

    const port = Number((await waitFor(/^listening (\d+)$/m))[1]);
    await waitFor(/^job-started first$/m);
    const base = `http://127.0.0.1:${port}`;
    const slow = fetch(`${base}/test/slow`);
    await waitFor(/^request-started$/m);

    child.kill('SIGTERM');
    await sleep(300);
    // Stop accepting: a new connection is refused (or, on a connection already open, answered 503).
    const late = await fetch(`${base}/health`).then((response) => response.status, (error: Error) => `refused: ${(error.cause as { code?: string })?.code ?? error.message}`);
    assert.ok(late === 503 || String(late).startsWith('refused'), `a request after SIGTERM got ${late}`);

    const answer = await slow;
    assert.equal(answer.status, 200, 'the request in flight was answered');
    assert.deepEqual(await answer.json(), { finished: true });
    const requestId = answer.headers.get('x-request-id');
    assert.ok(requestId);

    const [code, signal] = await exited;
    assert.equal(signal, null, stderr);
    assert.equal(code, 0, `exit code ${code}; stderr:\n${stderr}\nstdout:\n${stdout}`);
    assert.doesNotMatch(stderr, /job-started second/, 'no new job was started after SIGTERM');

    const jobs = await pool.query<{ key: string; status: string }>('SELECT key, status FROM scheduled_jobs WHERE name = $1 ORDER BY key', [jobName]);
    assert.deepEqual(jobs.rows, [
      { key: 'first', status: 'done' },
      { key: 'second', status: 'pending' },
    ]);

    // Structured logs: every stdout line is JSON; the request's lines carry its id; the shutdown is logged.
    const lines = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    const ofRequest = lines.filter((line) => line.requestId === requestId);
    assert.ok(ofRequest.some((line) => line.msg === 'request completed' && (line.res as { statusCode?: number })?.statusCode === 200), stdout);
    assert.ok(lines.some((line) => line.msg === 'shutting down: no new requests or jobs; finishing those in flight' && line.reason === 'SIGTERM'), stdout);
    assert.ok(lines.some((line) => line.msg === 'stopped'), stdout);
  } finally {
    await pool.query('DELETE FROM scheduled_jobs WHERE name = $1', [jobName]);
  }
});
