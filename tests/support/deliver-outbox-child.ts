/**
 * An app process that delivers the outbox of some provinces (notice-delivery tests): `run` delivers and
 * prints "delivered <report>"; `kill` dies by SIGKILL right after the first provider answered and before
 * the answer is recorded — the crash window of docs/decisions/014.
 */
import pg from 'pg';
import { systemClock } from '../../src/core/clock/index.ts';
import { loadConfig } from '../../src/core/config.ts';
import type { Database } from '../../src/core/db/database.ts';
import { deliverOutbox } from '../../src/features/notifications/index.ts';

const [mode = 'run', provinces = ''] = process.argv.slice(2);
const url = process.env.TEST_DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 2 });
const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
const ctx = { config: { ...loadConfig({}), databaseUrl: url }, db, clock: systemClock };
const report = await deliverOutbox(ctx, {
  provinceCodes: provinces.split(','),
  afterSend: mode === 'kill' ? () => void process.kill(process.pid, 'SIGKILL') : undefined,
});
console.log(`delivered ${JSON.stringify(report)}`);
await pool.end();
