/**
 * What an operator watches (issue 15 point 5, decision 019): /health, /ready, /metrics on the app and on
 * its own listener, the request id on answers. Graceful shutdown is tested in graceful-shutdown.test.ts.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import type { Database } from '../src/core/db/database.ts';
import { migrationsDir } from '../src/core/db/migrate.ts';
import { systemClock } from '../src/core/clock/index.ts';
import { startMetricsListener } from '../src/core/observability/metrics-listener.ts';
import type { App } from '../src/core/http/types.ts';
import { buildApp } from '../src/server.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const TOKEN = `metrics-${randomUUID()}`;
const bearer = { authorization: `Bearer ${TOKEN}` };

/** The value of one sample of the exposition text (labels in any order), or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).match(/^\{(.*)\}/)?.[1] ?? '';
    const found = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value) && Object.keys(found).length === Object.keys(labels).length) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return 0;
}

/** An app whose database pool points at a port nothing listens on. */
async function appWithUnreachableDatabase(): Promise<{ app: App; close(): Promise<void> }> {
  const url = 'postgres://nobody@127.0.0.1:1/none';
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 1_000 });
  pool.on('error', () => {});
  const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
  const app = await buildApp({ config: { ...loadConfig({}), databaseUrl: url, demoMode: false, metricsToken: TOKEN }, db, clock: systemClock });
  await app.ready();
  return { app, close: async () => { await app.close(); await pool.end(); } };
}

describe('health, readiness and metrics', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { metricsToken: TOKEN } });
  });
  after(async () => {
    await t.close();
  });

  test('/health answers 200 without touching the database, and says nothing more', async () => {
    const broken = await appWithUnreachableDatabase();
    try {
      const response = await broken.app.inject({ method: 'GET', url: '/health' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { status: 'ok' });
      assert.equal(response.headers['cache-control'], 'no-store');
    } finally {
      await broken.close();
    }
  });

  test('/ready answers 200 on a reachable, migrated database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/ready' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { status: 'ready', database: 'ok', migrations: 'current' });
  });

  test('/ready answers 503 when the database is unreachable', async () => {
    const broken = await appWithUnreachableDatabase();
    try {
      const response = await broken.app.inject({ method: 'GET', url: '/ready' });
      assert.equal(response.statusCode, 503);
      assert.deepEqual(response.json(), { status: 'not_ready', database: 'unreachable', migrations: 'unknown' });
    } finally {
      await broken.close();
    }
  });

  test('/ready answers 503 when a migration of the code is missing from the database, or was changed', async () => {
    // The same database, judged against a copy of the migrations with one more file (a new release not yet migrated).
    const dir = await mkdtemp(path.join(tmpdir(), 'ocop-migrations-'));
    try {
      for (const file of await readdir(migrationsDir)) await copyFile(path.join(migrationsDir, file), path.join(dir, file));
      await writeFile(path.join(dir, '9999_not_yet_applied.sql'), 'SELECT 1;\n');
      const ahead = await buildApp({ config: t.config, db: t.db, clock: t.clock }, { migrationsDir: dir });
      try {
        const response = await ahead.inject({ method: 'GET', url: '/ready' });
        assert.equal(response.statusCode, 503);
        assert.deepEqual(response.json(), { status: 'not_ready', database: 'ok', migrations: 'pending' });
      } finally {
        await ahead.close();
      }

      const changedDir = await mkdtemp(path.join(tmpdir(), 'ocop-migrations-'));
      try {
        const files = (await readdir(migrationsDir)).sort();
        for (const file of files) await copyFile(path.join(migrationsDir, file), path.join(changedDir, file));
        await writeFile(path.join(changedDir, files[0]!), '-- edited after it landed\n', { flag: 'a' });
        const edited = await buildApp({ config: t.config, db: t.db, clock: t.clock }, { migrationsDir: changedDir });
        try {
          const response = await edited.inject({ method: 'GET', url: '/ready' });
          assert.equal(response.statusCode, 503);
          assert.equal(response.json<{ migrations: string }>().migrations, 'changed');
        } finally {
          await edited.close();
        }
      } finally {
        await rm(changedDir, { recursive: true, force: true });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('/metrics is closed without the token, and absent when no token is configured', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode, 401);
    const closed = await createTestApp({ config: { metricsToken: null } });
    try {
      assert.equal((await closed.app.inject({ method: 'GET', url: '/metrics', headers: bearer })).statusCode, 404);
    } finally {
      await closed.close();
    }
  });

  test('the request counter counts a request under its route pattern, never the raw address', async () => {
    const scrape = async () => {
      const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: bearer });
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/);
      return response.body;
    };
    const labels = { method: 'GET', route: '/xac-minh/:token', status: '404' };
    const before = await scrape();
    const token = `no-such-certificate-${randomUUID()}`;
    const answer = await t.app.inject({ method: 'GET', url: `/xac-minh/${token}` });
    assert.equal(answer.statusCode, 404);
    await t.app.inject({ method: 'GET', url: `/no-route-${randomUUID()}` });
    const afterOne = await scrape();
    assert.equal(sample(afterOne, 'ocop_http_requests_total', labels), sample(before, 'ocop_http_requests_total', labels) + 1);
    assert.equal(sample(afterOne, 'ocop_http_request_duration_seconds_count', { method: 'GET', route: '/xac-minh/:token' }), sample(before, 'ocop_http_request_duration_seconds_count', { method: 'GET', route: '/xac-minh/:token' }) + 1);
    assert.ok(sample(afterOne, 'ocop_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }) >= 1);
    assert.ok(!afterOne.includes(token), 'the raw address is no label');
    // The pool, the process and the database-backed figures are there.
    assert.ok(sample(afterOne, 'ocop_db_pool_max') >= 1);
    assert.match(afterOne, /^ocop_db_pool_clients\{state="idle"\} \d+$/m);
    assert.match(afterOne, /^process_resident_memory_bytes \d+/m);
    assert.match(afterOne, /^nodejs_eventloop_lag_seconds /m);
    assert.equal(sample(afterOne, 'ocop_metrics_database_up'), 1);
    assert.match(afterOne, /^ocop_jobs\{status="pending"\} \d+$/m);
  });

  test('the outbox gauge reflects the rows of notice_messages, by status', async () => {
    const scrape = async () => (await t.app.inject({ method: 'GET', url: '/metrics', headers: bearer })).body;
    const direct = async (status: string) =>
      (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM notice_messages WHERE status = $1', [status])).rows[0]!.n;
    const before = sample(await scrape(), 'ocop_outbox_messages', { status: 'uncertain' });
    const ids: string[] = [];
    const now = new Date();
    for (let i = 0; i < 3; i++) {
      const { rows } = await t.db.pool.query<{ id: string }>(
        `INSERT INTO notice_messages (kind, dedupe_key, subject_kind, subject_id, recipient_name, channel, locale, subject, body, sms, status, created_at, updated_at)
         VALUES ('test', $1, 'user', gen_random_uuid(), 'Người nhận', 'sms', 'vi', 'Tiêu đề', 'Nội dung', 'SMS', 'uncertain', $2, $2) RETURNING id`,
        [randomUUID(), now],
      );
      ids.push(rows[0]!.id);
    }
    const queuedDue = await t.db.pool.query<{ id: string }>(
      `INSERT INTO notice_messages (kind, dedupe_key, subject_kind, subject_id, recipient_name, channel, locale, subject, body, sms, status, next_attempt_at, created_at, updated_at)
       VALUES ('test', $1, 'user', gen_random_uuid(), 'Người nhận', 'sms', 'vi', 'Tiêu đề', 'Nội dung', 'SMS', 'queued', $2, $3, $3) RETURNING id`,
      [randomUUID(), new Date('2001-01-01T00:00:00Z'), now],
    );
    ids.push(queuedDue.rows[0]!.id);
    try {
      // Other test files write to the outbox at the same time: the gauge must equal a count taken with it.
      let matched = false;
      for (let attempt = 0; attempt < 5 && !matched; attempt++) {
        const text = await scrape();
        const gauge = sample(text, 'ocop_outbox_messages', { status: 'uncertain' });
        assert.ok(gauge >= before + 3, `uncertain ${before} → ${gauge}`);
        matched = gauge === (await direct('uncertain'));
        assert.ok(sample(text, 'ocop_outbox_due') >= 1);
        assert.ok(sample(text, 'ocop_outbox_oldest_due_seconds') >= (now.getTime() - Date.parse('2001-01-01T00:00:00Z')) / 1000 - 60);
        for (const status of ['queued', 'sending', 'sent', 'failed', 'held', 'undeliverable']) assert.match(text, new RegExp(`^ocop_outbox_messages\\{status="${status}"\\} \\d+$`, 'm'));
      }
      assert.ok(matched, 'the gauge equals the rows');
    } finally {
      await t.db.pool.query('DELETE FROM notice_messages WHERE id = ANY($1::uuid[])', [ids]);
    }
  });

  test('what an outbox run did is added to ocop_outbox_deliveries_total', async () => {
    const scrape = async () => (await t.app.inject({ method: 'GET', url: '/metrics', headers: bearer })).body;
    const before = sample(await scrape(), 'ocop_outbox_deliveries_total', { outcome: 'sent' });
    t.app.metrics.observeDeliveries({ sent: 2, retried: 0, failed: 1 });
    const text = await scrape();
    assert.equal(sample(text, 'ocop_outbox_deliveries_total', { outcome: 'sent' }), before + 2);
    assert.ok(sample(text, 'ocop_outbox_deliveries_total', { outcome: 'failed' }) >= 1);
  });

  test('the database figures are marked stale (ocop_metrics_database_up 0) when the database is unreachable', async () => {
    const broken = await appWithUnreachableDatabase();
    try {
      const response = await broken.app.inject({ method: 'GET', url: '/metrics', headers: bearer });
      assert.equal(response.statusCode, 200);
      assert.equal(sample(response.body, 'ocop_metrics_database_up'), 0);
    } finally {
      await broken.close();
    }
  });

  test('every answer carries its request id, the one an error body gives', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/no-such-${randomUUID()}` });
    assert.equal(response.statusCode, 404);
    const id = response.headers['x-request-id'];
    assert.match(String(id), /^[0-9a-f-]{36}$/);
    assert.equal(response.json<{ requestId: string }>().requestId, id);
  });

  test("a trusted proxy's x-request-id is kept when it looks like one; a client's is not", async () => {
    const fromNginx = 'f3b1c0de9a8b7c6d5e4f3a2b1c0d9e8f';
    const untrusted = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': fromNginx } });
    assert.notEqual(untrusted.headers['x-request-id'], fromNginx, 'without OCOP_TRUST_PROXY a client cannot choose its id');
    process.env.OCOP_TRUST_PROXY = '1';
    const behindProxy = await buildApp({ config: t.config, db: t.db, clock: t.clock });
    delete process.env.OCOP_TRUST_PROXY;
    try {
      const kept = await behindProxy.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': fromNginx } });
      assert.equal(kept.headers['x-request-id'], fromNginx);
      const odd = await behindProxy.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'two words\n{"level":60}' } });
      assert.match(String(odd.headers['x-request-id']), /^[0-9a-f-]{36}$/, 'an id that does not look like one is replaced');
    } finally {
      await behindProxy.close();
    }
  });

  test('the separate metrics listener serves /metrics only, and wants the token when one is set', async () => {
    const listener = await startMetricsListener(t.app.metrics, { host: '127.0.0.1', port: 0, token: TOKEN });
    try {
      const base = `http://127.0.0.1:${listener.port}`;
      assert.equal((await fetch(`${base}/metrics`)).status, 401);
      assert.equal((await fetch(`${base}/health`, { headers: bearer })).status, 404);
      const response = await fetch(`${base}/metrics`, { headers: bearer });
      assert.equal(response.status, 200);
      assert.match(await response.text(), /^# TYPE ocop_http_requests_total counter$/m);
    } finally {
      await listener.close();
    }
    const open = await startMetricsListener(t.app.metrics, { host: '127.0.0.1', port: 0, token: null });
    try {
      assert.equal((await fetch(`http://127.0.0.1:${open.port}/metrics`)).status, 200);
    } finally {
      await open.close();
    }
  });
});
