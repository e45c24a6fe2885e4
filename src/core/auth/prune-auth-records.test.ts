import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixedClock } from '../clock/index.ts';
import { runDueJobs, scheduleJob } from '../jobs/index.ts';
import { createTestApp, createUserRecord, unique, type TestApp } from '../../../tests/support/test-app.ts';
import { pruneAuthRecordsJob } from './sessions.ts';

describe('daily clean-up of authentication records', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  // A day in the past: the clean-up must not touch the sessions of test files running alongside.
  test('removes expired sessions and day-old login attempts, keeps the rest', async () => {
    const user = await createUserRecord(t.db, { role: 'system_admin' });
    const now = new Date('2020-01-10T03:00:00Z');
    const [expired, live] = [unique('s'), unique('s')];
    for (const [id, expiresAt] of [[expired, '2020-01-10T02:59:00Z'], [live, '2020-01-10T05:00:00Z']]) {
      await t.db.pool.query(`INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, 'x', $3, $4)`, [id, user.id, '2020-01-09T00:00:00Z', expiresAt]);
    }
    const username = unique('u');
    for (const at of ['2020-01-09T02:00:00Z', '2020-01-10T02:00:00Z']) {
      await t.db.pool.query(`INSERT INTO login_attempts (username, ip, succeeded, attempted_at) VALUES ($1, '10.0.0.1', false, $2)`, [username, at]);
    }
    await scheduleJob(t.db.pool, { name: pruneAuthRecordsJob.name, key: unique('day'), runAt: now }, now);
    const report = await runDueJobs(t.db, createFixedClock(now), [pruneAuthRecordsJob]);
    assert.ok(report.done >= 1);
    const sessions = await t.db.pool.query('SELECT id FROM sessions WHERE id = ANY($1)', [[expired, live]]);
    assert.deepEqual(sessions.rows.map((r) => r.id), [live]);
    const attempts = await t.db.pool.query('SELECT attempted_at FROM login_attempts WHERE username = $1', [username]);
    assert.equal(attempts.rowCount, 1);
  });
});
