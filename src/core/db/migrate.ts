import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const migrationsDir = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));
// Any fixed number: two app processes starting together must not migrate twice.
const MIGRATION_LOCK = 7_262_026;

export interface MigrationReport {
  applied: string[];
  skipped: number;
}

/**
 * Applies the SQL files of db/migrations in name order, each in its own transaction, once.
 * A landed migration must never change: a changed checksum stops the start-up.
 */
export async function migrate(pool: pg.Pool, dir: string = migrationsDir): Promise<MigrationReport> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows.map(
        (row) => [row.name, row.checksum],
      ),
    );
    const files = await migrationFiles(dir);
    const applied: string[] = [];
    for (const file of files) {
      const sql = await readFile(path.join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const known = done.get(file);
      if (known) {
        if (known !== checksum) throw new Error(`Migration ${file} changed after it was applied.`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [file, checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(file);
    }
    return { applied, skipped: files.length - applied.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

async function migrationFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
}

export interface MigrationState {
  /** Migrations this code ships that the database has not applied. */
  pending: string[];
  /** Migrations applied with another checksum than the file this code ships. */
  changed: string[];
}

const checksumsByDir = new Map<string, Promise<Map<string, string>>>();

/** The checksums of the migrations this code ships, read once per process (the files come with the code). */
function shippedChecksums(dir: string): Promise<Map<string, string>> {
  let known = checksumsByDir.get(dir);
  if (!known) {
    known = (async () => {
      const files = await migrationFiles(dir);
      const sums = await Promise.all(files.map(async (file) => createHash('sha256').update(await readFile(path.join(dir, file), 'utf8')).digest('hex')));
      return new Map(files.map((file, index) => [file, sums[index]!]));
    })();
    known.catch(() => checksumsByDir.delete(dir));
    checksumsByDir.set(dir, known);
  }
  return known;
}

/**
 * Whether the database carries every migration of this code (readiness). Migrations the database has and
 * this code does not know are not a fault: during a rolling upgrade the new version migrates first, and
 * forward-only migrations keep the previous version working.
 */
export async function migrationState(pool: pg.Pool, dir: string = migrationsDir): Promise<MigrationState> {
  const shipped = await shippedChecksums(dir);
  let rows: { name: string; checksum: string }[];
  try {
    rows = (await pool.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows;
  } catch (error) {
    // A database never migrated has no schema_migrations table: everything is pending.
    if ((error as { code?: string }).code !== '42P01') throw error;
    rows = [];
  }
  const applied = new Map(rows.map((row) => [row.name, row.checksum]));
  const pending: string[] = [];
  const changed: string[] = [];
  for (const [name, checksum] of shipped) {
    const known = applied.get(name);
    if (known === undefined) pending.push(name);
    else if (known !== checksum) changed.push(name);
  }
  return { pending, changed };
}
