/**
 * `npm run bench`: requests per second of the app against a bare Fastify route running the same SQL,
 * on both databases, in one run; the scoring engine's throughput for a national round (bench/scoring.ts);
 * the catalogue at national size (bench/catalogue.ts); importing a 5,000-row list (bench/imports.ts); the dashboard at national size (bench/dashboards.ts); the national lists, queues, dashboards and programme report at national size (bench/lists.ts); the outbox of a national reminder wave (bench/notices.ts). The bare route has no hooks, validation or serialisation schema, so
 * the ratio shows what the app's own machinery costs. Each measurement is bounded to a few seconds.
 *
 *   BENCH_SECONDS=5 BENCH_CONNECTIONS=10 npm run bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test selects the server (default: that one, if it answers)
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import { startEmbeddedDatabase } from '../src/core/db/embedded.ts';
import type { Database } from '../src/core/db/database.ts';
import { systemClock } from '../src/core/clock/index.ts';
import { buildApp, prepareDatabase } from '../src/server.ts';
import { listUnits } from '../src/features/admin-units/admin-units.repository.ts';
import { benchScoring } from './scoring.ts';
import { benchCatalogueOnServer } from './catalogue.ts';
import { benchImportsOnServer } from './imports.ts';
import { benchDashboardsOnServer } from './dashboards.ts';
import { benchNoticesOnServer } from './notices.ts';
import { benchListsOnServer } from './lists.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Endpoint {
  name: string;
  appPath: string;
  filter: Parameters<typeof listUnits>[1];
}

const endpoints: Endpoint[] = [
  {
    name: 'browse: communes of Lai Châu (page of 50)',
    appPath: '/api/admin-units?version=vn-2025&level=commune&parent=12&pageSize=50',
    filter: { versionId: 'vn-2025', level: 'commune', parentCode: '12', limit: 50, offset: 0 },
  },
  {
    name: 'search: "thanh hoa" without diacritics (page of 20)',
    appPath: '/api/admin-units?version=vn-2025&q=thanh%20hoa&pageSize=20',
    filter: { versionId: 'vn-2025', text: 'thanh hoa', limit: 20, offset: 0 },
  },
];

async function measure(url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function benchDatabase(label: string, url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {}); // connections closed by DROP DATABASE at the end
  const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
  await prepareDatabase(db, systemClock);
  const app = await buildApp({ config: { ...loadConfig({}), databaseUrl: url, demoMode: false }, db, clock: systemClock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify();
  endpoints.forEach((endpoint, index) => bare.get(`/bare/${index}`, async () => listUnits(pool, endpoint.filter)));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const appBase = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
  console.log(`\n## ${label}  (${seconds} s each, ${connections} connections)`);
  console.log('| endpoint | app req/s | bare req/s | app / bare | app p50 / p99 ms | bare p50 / p99 ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [index, endpoint] of endpoints.entries()) {
    await measure(`${appBase}${endpoint.appPath}`); // warm-up, not reported... bounded like the rest
    const appResult = await measure(`${appBase}${endpoint.appPath}`);
    const bareResult = await measure(`${bareBase}/bare/${index}`);
    const ratio = ((appResult.rps / bareResult.rps) * 100).toFixed(0);
    console.log(
      `| ${endpoint.name} | ${appResult.rps.toFixed(0)} | ${bareResult.rps.toFixed(0)} | ${ratio} % | ${appResult.p50} / ${appResult.p99} | ${bareResult.p50} / ${bareResult.p99} |` +
        (appResult.errors + bareResult.errors > 0 ? ` errors: ${appResult.errors}/${bareResult.errors}` : ''),
    );
  }
  await app.close();
  await bare.close();
  await pool.end();
}

async function main() {
  console.log('# OCOP Hub benchmark');
  benchScoring();
  const embedded = await startEmbeddedDatabase({ dataDir: 'memory://' });
  try {
    await benchDatabase('Embedded PGlite (child process, pglite-socket)', embedded.url);
  } finally {
    await embedded.stop();
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch {
    console.log(`\n(PostgreSQL at ${serverUrl} does not answer: server figures skipped)`);
    return;
  }
  const name = `ocop_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await benchDatabase(`PostgreSQL server (${url.host})`, url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  // The public catalogue at national size, in a database of its own (bench/catalogue.ts).
  await benchCatalogueOnServer(serverUrl);
  // Importing a province's 5,000-row list (bench/imports.ts).
  await benchImportsOnServer(serverUrl);
  // The dashboard of a province office and of the ministry at national size (bench/dashboards.ts).
  await benchDashboardsOnServer(serverUrl);
  // A national reminder wave written to the outbox and delivered by SMS and e-mail (bench/notices.ts).
  await benchNoticesOnServer(serverUrl);
  // The ministry's national lists, the queues, every role's dashboard and the programme report at national size (bench/lists.ts).
  await benchListsOnServer(serverUrl);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
