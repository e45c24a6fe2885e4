import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { recordAuditEvent, verifyAuditChain } from './audit.ts';
import { testDatabaseUrl } from '../../tests/support/test-app.ts';

describe('hash-chained audit log', () => {
  let pool: pg.Pool;
  before(() => {
    pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 3 });
  });
  after(() => pool.end());

  const append = async (entityId: string, after: unknown) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await recordAuditEvent(client, {
        actor: { userId: null, label: 'test' },
        action: 'test.recorded',
        entityType: 'test',
        entityId,
        before: null,
        after,
        occurredAt: new Date(),
      });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };

  test('appending outside a transaction is refused (it could fork the chain)', async () => {
    await assert.rejects(
      recordAuditEvent(pool, { actor: { userId: null, label: 'test' }, action: 'x', entityType: 'test', entityId: 'x', occurredAt: new Date() }),
      /inside a transaction/,
    );
  });

  test('each event links to the one before it and the chain verifies', async () => {
    await Promise.all([append('a', { n: 1.5, text: 'Gạo Séng Cù' }), append('b', { nested: { z: 1, a: [1, 2] } })]);
    const { rows } = await pool.query("SELECT prev_hash, hash FROM audit_events WHERE entity_type = 'test' AND entity_id IN ('a', 'b') ORDER BY seq");
    const [first, second] = rows;
    const between = await pool.query('SELECT count(*)::int AS n FROM audit_events WHERE prev_hash = $1', [first.hash]);
    assert.equal(between.rows[0].n, 1, 'exactly one event follows each event');
    assert.notEqual(second.prev_hash, second.hash);
    const verification = await verifyAuditChain(pool);
    assert.equal(verification.ok, true, JSON.stringify(verification.firstBroken));
    assert.ok(verification.checked >= 2);
  });

  test('the table refuses UPDATE and DELETE', async () => {
    await append('c', { x: 1 });
    await assert.rejects(pool.query("UPDATE audit_events SET actor_label = 'mallory' WHERE entity_id = 'c'"), /append-only/);
    await assert.rejects(pool.query("DELETE FROM audit_events WHERE entity_id = 'c'"), /append-only/);
  });

  test('verification detects an edited event and a deleted one (by someone who bypassed the trigger)', async () => {
    await append('d', { amount: 100 });
    await append('e', { amount: 200 });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // A database superuser can switch triggers off; the chain still gives them away.
      await client.query('SET LOCAL session_replication_role = replica');
      const { rows } = await client.query("SELECT seq FROM audit_events WHERE entity_id = 'd' ORDER BY seq DESC LIMIT 1");
      await client.query(`UPDATE audit_events SET after = '{"amount": 1}' WHERE seq = $1`, [rows[0].seq]);
      const edited = await verifyAuditChain(client);
      assert.equal(edited.ok, false);
      assert.equal(edited.firstBroken?.reason, 'content_changed');
      assert.ok(edited.firstBroken!.seq <= rows[0].seq);
      await client.query('ROLLBACK');

      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('DELETE FROM audit_events WHERE seq = $1', [rows[0].seq]);
      const deleted = await verifyAuditChain(client);
      assert.equal(deleted.ok, false);
      assert.equal(deleted.firstBroken?.reason, 'link_broken');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    assert.equal((await verifyAuditChain(pool)).ok, true, 'rolled back: the real chain is intact');
  });

  test('an event written in a transaction that rolls back leaves no trace', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await recordAuditEvent(client, {
        actor: { userId: null, label: 'test' },
        action: 'test.rolled_back',
        entityType: 'test',
        entityId: 'rollback',
        occurredAt: new Date(),
      });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const { rows } = await pool.query("SELECT 1 FROM audit_events WHERE entity_id = 'rollback'");
    assert.equal(rows.length, 0);
    assert.equal((await verifyAuditChain(pool)).ok, true);
  });
});
