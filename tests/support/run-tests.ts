/**
 * `npm test`: prepares one database for the whole run, then runs every *.test.ts with node:test.
 *   - without DATABASE_URL: a fresh embedded PGlite (in memory) behind pglite-socket;
 *   - with DATABASE_URL=postgres://…: a fresh database created on that server, dropped afterwards.
 * Both are migrated and loaded with the shipped reference data, like a real start-up.
 * Arguments filter the test files by substring: `npm test -- users admin-units`.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '../../src/core/db/embedded.ts';
import { migrate } from '../../src/core/db/migrate.ts';
import { systemClock } from '../../src/core/clock/index.ts';
import { loadAdminUnits } from '../../src/features/admin-units/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    if (statSync(full).isDirectory()) return findTests(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

async function prepare(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await migrate(pool);
    await loadAdminUnits({ mode: 'postgres', pool, url, close: async () => {} }, systemClock);
  } finally {
    await pool.end();
  }
}

async function main() {
  const filters = process.argv.slice(2);
  const files = ['src', 'scripts', 'tests']
    .flatMap((dir) => findTests(path.join(root, dir)))
    .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
    .sort();
  const serverUrl = process.env.DATABASE_URL;
  let testUrl: string;
  let cleanup: () => Promise<void>;
  const started = performance.now();
  if (serverUrl) {
    const name = `ocop_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    testUrl = url.toString();
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    console.log(`Testing against PostgreSQL: database ${name} on ${url.host}`);
  } else {
    const embedded = await startEmbeddedDatabase({ dataDir: 'memory://' });
    testUrl = embedded.url;
    cleanup = () => embedded.stop();
    console.log('Testing against the embedded database (PGlite via pglite-socket)');
  }
  // The embedded database is one PostgreSQL session behind pglite-socket's multiplexer: test files
  // run one at a time there (a file's own concurrent requests still exercise it); a server takes two.
  const concurrency = process.env.TEST_CONCURRENCY ?? (serverUrl ? 2 : 1);
  let code: number;
  try {
    await prepare(testUrl);
    console.log(`Database ready in ${((performance.now() - started) / 1000).toFixed(1)} s; ${files.length} test files`);
    code = await new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files],
        { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: testUrl, TEST_DATABASE_MODE: serverUrl ? 'postgres' : 'embedded' } },
      );
      child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    });
  } finally {
    await cleanup();
  }
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
