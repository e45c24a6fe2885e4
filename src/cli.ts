/**
 * The one entry point: `serve` (default), `migrate`, `seed-demo`.
 * DATABASE_URL selects a PostgreSQL server; without it the embedded database in ./data/db is used.
 */
import { loadConfig } from './core/config.ts';
import { systemClock } from './core/clock/index.ts';
import { buildApp, prepareDatabase } from './server.ts';
import { demoAccounts, DEMO_PASSWORD, seedDemoData } from './demo/seed-demo-data.ts';

async function main() {
  const command = process.argv[2] ?? 'serve';
  const config = loadConfig();
  const startedAt = performance.now();
  const db = await prepareDatabase(config);
  const clock = systemClock;

  if (command === 'migrate') {
    console.log('Database migrated and reference data loaded.');
    return db.close();
  }
  if (command === 'seed-demo' || (command === 'serve' && config.demoMode)) {
    const seeded = await seedDemoData({ config, db, clock });
    if (command === 'seed-demo') {
      console.log(seeded ? 'Demo data loaded.' : 'Demo data was already there.');
      return db.close();
    }
  }
  if (command !== 'serve') {
    console.error(`Unknown command "${command}". Use: serve | migrate | seed-demo`);
    await db.close();
    process.exit(2);
  }

  const app = await buildApp({ config, db, clock }, { logger: process.env.LOG_REQUESTS === '1' });
  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`\nOCOP Hub is ready in ${seconds} s at ${url}/  (back office: ${url}/admin/, API docs: ${url}/api/docs)`);
  console.log(`Database: ${db.mode === 'embedded' ? `embedded PGlite in ${config.embeddedDataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
  if (config.demoMode) {
    console.log(`Demo mode: demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of demoAccounts) console.log(`  ${account.username.padEnd(22)} ${account.description}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
