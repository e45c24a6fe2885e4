import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.ts';

/**
 * The embedded database serves many connections from one PGlite session (embedded-server.ts). Extended
 * queries (Parse/Bind/Execute/Sync) of concurrent connections must not interleave, and a transaction keeps
 * the session to itself: without that, this load failed within a few rounds ("portal does not exist",
 * a SET LOCAL seen by another connection, or the queue stalling for good after such an error).
 */
describe('embedded database under concurrent connections', { timeout: 60_000 }, () => {
  let embedded: EmbeddedDatabase;
  let pool: pg.Pool;
  before(async () => {
    embedded = await startEmbeddedDatabase({ dataDir: 'memory://' });
    pool = new pg.Pool({ connectionString: embedded.url, max: 10 });
    pool.on('error', () => {}); // an idle client's error is reported by the queries that see it
    await pool.query('CREATE TABLE load_check (id int PRIMARY KEY, v text)');
    await pool.query(`INSERT INTO load_check SELECT g, 'v' || g FROM generate_series(1, 500) g`);
  });
  after(async () => {
    await pool?.end();
    await embedded?.stop();
  });

  test('transactions and parameterised queries of ten connections at once stay apart', async () => {
    const problems: string[] = [];
    const inTransaction = async (i: number) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL enable_seqscan = off');
        await client.query('SELECT count(*) FROM load_check WHERE v LIKE $1', [`%${i}%`]);
        const row = await client.query<{ v: string }>('SELECT v FROM load_check WHERE id = $1', [i + 1]);
        if (row.rows[0]?.v !== `v${i + 1}`) problems.push(`transaction ${i} read ${JSON.stringify(row.rows)}`);
        await client.query('COMMIT');
      } catch (error) {
        problems.push((error as Error).message);
        await client.query('ROLLBACK').catch(() => {});
      } finally {
        client.release();
      }
    };
    const alone = async (i: number) => {
      try {
        const row = await pool.query<{ v: string; seqscan: string }>(`SELECT v, current_setting('enable_seqscan') AS seqscan FROM load_check WHERE id = $1`, [i + 1]);
        if (row.rows[0]?.v !== `v${i + 1}`) problems.push(`query ${i} read ${JSON.stringify(row.rows)}`);
        if (row.rows[0]?.seqscan !== 'on') problems.push('a transaction’s SET LOCAL leaked into another connection');
      } catch (error) {
        problems.push((error as Error).message);
      }
    };
    for (let round = 0; round < 30; round++) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? inTransaction(i) : alone(i))));
    }
    assert.deepEqual(problems, []);
  });
});
