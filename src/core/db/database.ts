import pg from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.ts';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
pg.types.setTypeParser(1082, (value: string) => value);
// bigint counts fit in a JS number for everything this application counts.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Anything that runs SQL: the pool, or the client of an open transaction. Repositories take this. */
export interface Sql {
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<Row>>;
}

export interface Database {
  mode: 'embedded' | 'postgres';
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | null;
  embeddedDataDir: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedDatabase({ dataDir: options.embeddedDataDir });
    url = embedded.url;
  }
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return {
    mode: embedded ? 'embedded' : 'postgres',
    pool,
    url,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

/**
 * Runs `work` in one transaction (DESIGN.md: one transaction per state change).
 * Commits when it resolves, rolls back when it throws, and rethrows.
 */
export async function withTransaction<T>(db: Database, work: (tx: Sql) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
