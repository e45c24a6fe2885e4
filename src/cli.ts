/**
 * The one entry point: `serve` (default), `migrate`, `seed-demo`.
 * DATABASE_URL selects a PostgreSQL server; without it the embedded database in ./data/db is used.
 */
import { loadConfig } from './core/config.ts';
import { openDatabase } from './core/db/database.ts';
import { startMetricsListener } from './core/observability/metrics-listener.ts';
import { shutDownOnSignals, type Stoppable } from './core/shutdown.ts';

const startedAt = performance.now();

async function main() {
  const command = process.argv[2] ?? 'serve';
  if (!['serve', 'migrate', 'seed-demo'].includes(command)) {
    console.error(`Unknown command "${command}". Use: serve | migrate | seed-demo`);
    process.exit(2);
  }
  const config = loadConfig();
  // The embedded database boots in its own process; load the application code meanwhile.
  const [db, server, demo, clockModule] = await Promise.all([
    openDatabase({ databaseUrl: config.databaseUrl, embeddedDataDir: config.embeddedDataDir }),
    import('./server.ts'),
    import('./demo/seed-demo-data.ts'),
    import('./core/clock/index.ts'),
  ]);
  const clock = clockModule.systemClock;
  try {
    await server.prepareDatabase(db, clock);
    if (command === 'migrate') {
      console.log('Database migrated and reference data loaded.');
      return await db.close();
    }
    if (command === 'seed-demo' || config.demoMode) {
      const seeded = await demo.seedDemoData({ config, db, clock });
      if (command === 'seed-demo') {
        console.log(seeded ? 'Demo data loaded.' : 'Demo data was already there.');
        return await db.close();
      }
    }
    await server.ensureBackOfficeBuilt();
  } catch (error) {
    await db.close();
    throw error;
  }

  // JSON logs on stdout (pino), with the request id on every line of a request.
  const app = await server.buildApp({ config, db, clock }, { logger: true });
  const sweeps = server.startSweeps({ config, db, clock }, {
    log: { info: (message) => app.log.debug(message), error: (message) => app.log.error(message) },
    metrics: app.metrics,
  });
  const others: Stoppable[] = [];
  shutDownOnSignals({ app, sweeps, db, others, log: app.log, timeoutMs: config.shutdownTimeoutMs });
  await app.listen({ host: config.host, port: config.port });
  if (config.metricsPort !== null) {
    const listener = await startMetricsListener(app.metrics, { host: config.metricsHost, port: config.metricsPort, token: config.metricsToken });
    others.push(listener);
    app.log.info({ host: config.metricsHost, port: listener.port }, 'metrics listener ready');
  }
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const sinceProcessStart = (process.uptime()).toFixed(1);
  console.log(`\nOCOP Hub is ready at ${url}/  (${seconds} s; ${sinceProcessStart} s since the process started)`);
  console.log(`  back office: ${url}/admin/   API docs: ${url}/api/docs`);
  console.log(`  database: ${db.mode === 'embedded' ? `embedded PGlite in ${config.embeddedDataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
  if (config.demoMode) {
    console.log(`Demo mode — demo accounts (password "${demo.DEMO_PASSWORD}"):`);
    for (const account of demo.demoAccounts) console.log(`  ${account.username.padEnd(20)} ${account.description}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
