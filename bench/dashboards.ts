/**
 * The dashboard at national size (issue 13): the catalogue's 10,000 producers and 20,000 products with
 * certificates in every state (bench/catalogue.ts generateCatalogue), plus 30,000 dossiers (20,000
 * forwarded this year, 10,000 waiting at the commune), in a fresh database. Measures GET /api/dashboard
 * for a province office and the ministry, one request at a time through the whole app (session, hooks,
 * validation, serialisation), against the bare use case (the same SQL, no HTTP): p50 / p95 in ms,
 * budget p95 < 100 ms on PostgreSQL. Bounded: 40 requests per case.
 */
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import type { Database } from '../src/core/db/database.ts';
import type { Actor } from '../src/core/auth/actor.ts';
import { hashPassword } from '../src/core/auth/passwords.ts';
import { createFixedClock } from '../src/core/clock/index.ts';
import type { AppContext } from '../src/core/http/types.ts';
import { buildApp, prepareDatabase } from '../src/server.ts';
import { readDashboard } from '../src/features/dashboards/index.ts';
import { insertUser } from '../src/features/users/index.ts';
import { generateCatalogue } from './catalogue.ts';
import { onOwnServerDatabase, percentile, runAloneIfMain, timeRuns } from './support.ts';

const RUNS = 40;
const WARM_UP = 5;
const NOW = '2026-11-23T02:00:00Z';

export async function generateDossiers(pool: pg.Pool): Promise<void> {
  // Every product: a dossier forwarded this year (about 1 in 8 late); the first 10,000: another one submitted.
  await pool.query(`
    INSERT INTO dossiers (product_id, producer_id, province_code, commune_code, type, rule_set_id, status, form_number,
      submitted_at, received_at, received_on, due_at, forwarded_at, created_at, updated_at)
    SELECT p.id, p.producer_id, p.province_code, p.commune_code, 'first', '26-2026', 'forwarded_to_province', 'B-' || p.n,
           s.received - interval '2 days', s.received, (s.received AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, s.received + interval '21 days',
           s.received + CASE WHEN p.n % 8 = 0 THEN interval '25 days' ELSE interval '10 days' END, now(), now()
      FROM (SELECT row_number() OVER (ORDER BY id) AS n, * FROM products) p
      CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2026-01-05 09:00+07' + ((p.n * 13) % 280) * interval '1 day' AS received) s`);
  await pool.query(`
    INSERT INTO dossiers (product_id, producer_id, province_code, commune_code, type, rule_set_id, status, submitted_at, created_at, updated_at)
    SELECT p.id, p.producer_id, p.province_code, p.commune_code, 'upgrade', '26-2026', 'submitted', TIMESTAMPTZ '2026-11-01 09:00+07', now(), now()
      FROM (SELECT row_number() OVER (ORDER BY id) AS n, * FROM products) p WHERE p.n <= 10000`);
  await pool.query('ANALYZE dossiers');
}



export async function benchDashboards(label: string, url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {});
  const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
  const clock = createFixedClock(NOW);
  await prepareDatabase(db, clock);
  const started = performance.now();
  await generateCatalogue(pool);
  await generateDossiers(pool);
  const counts = (await pool.query<{ products: number; certificates: number; dossiers: number }>(
    'SELECT (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM certificates) AS certificates, (SELECT count(*) FROM dossiers) AS dossiers',
  )).rows[0]!;
  console.log(`\n## Dashboard, ${label}`);
  console.log(`Generated ${counts.products} products, ${counts.certificates} certificates, ${counts.dossiers} dossiers in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  const ctx: AppContext = { config: { ...loadConfig({}), databaseUrl: url, demoMode: false }, db, clock };
  const app = await buildApp(ctx);
  await app.ready();
  const passwordHash = await hashPassword('bench-password-123');
  const cases: Array<{ name: string; actor: Omit<Actor, 'userId' | 'username'> }> = [
    { name: 'province office (Lai Châu)', actor: { displayName: 'Bench', role: 'province_office', provinceCode: '12', communeCode: null, producerId: null, locale: 'vi' } },
    { name: 'ministry (national)', actor: { displayName: 'Bench', role: 'ministry_officer', provinceCode: null, communeCode: null, producerId: null, locale: 'vi' } },
  ];
  console.log(`\n| GET /api/dashboard (${RUNS} requests, one at a time) | app p50 ms | app p95 ms | bare use case p50 ms | bare p95 ms | app / bare (p50) |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const { name, actor } of cases) {
    const username = `bench_${actor.role}`;
    const userId = await insertUser(pool, {
      username, displayName: actor.displayName, email: null, passwordHash, role: actor.role, provinceCode: actor.provinceCode,
      communeCode: null, producerId: null, locale: 'vi', mustChangePassword: false, isDemo: false, now: clock.now(),
    });
    const csrf = (await app.inject({ method: 'GET', url: '/api/auth/csrf' })).json<{ csrfToken: string }>().csrfToken;
    const login = await app.inject({
      method: 'POST', url: '/api/auth/login', payload: { username, password: 'bench-password-123' },
      headers: { 'x-csrf-token': csrf }, cookies: { ocop_csrf: csrf },
    });
    if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.body}`);
    const session = login.cookies.find((c) => c.name === 'ocop_session')!.value;
    const viaApp = await timeRuns(async () => {
      const response = await app.inject({ method: 'GET', url: '/api/dashboard', cookies: { ocop_session: session } });
      if (response.statusCode !== 200) throw new Error(`dashboard: ${response.statusCode} ${response.body}`);
    }, RUNS, WARM_UP);
    const bare = await timeRuns(() => readDashboard(ctx, { ...actor, userId, username }, {}), RUNS, WARM_UP);
    const [a50, a95, b50, b95] = [percentile(viaApp, 50), percentile(viaApp, 95), percentile(bare, 50), percentile(bare, 95)];
    console.log(`| ${name} | ${a50.toFixed(1)} | ${a95.toFixed(1)} | ${b50.toFixed(1)} | ${b95.toFixed(1)} | ${(a50 / b50).toFixed(2)} |`);
  }
  await app.close();
  await pool.end();
}

/** Creates a database of its own on the server at `serverUrl`, runs the benchmark, drops it. */
export async function benchDashboardsOnServer(serverUrl: string): Promise<void> {
  await onOwnServerDatabase(serverUrl, 'dashboards', benchDashboards);
}

runAloneIfMain(import.meta.url, (serverUrl) => benchDashboardsOnServer(serverUrl));
