/**
 * The national lists, queues, dashboards and the programme report at the nation's size (issue 13
 * point 5): the catalogue's 10,000 producers and 20,000 products with certificates in every state
 * (bench/catalogue.ts), 30,000 dossiers (bench/dashboards.ts), and a province evaluation round per
 * province in which ten council members scored every forwarded dossier (200,000 score sheets), in a
 * fresh database on the server. Each endpoint is requested one at a time through the whole app
 * (session, hooks, validation, serialisation; app.inject) by a signed-in ministry, province, commune
 * or council user (open data: anonymous), against the bare use case (the same SQL, no HTTP): p50 / p95
 * in ms and the answer's size. Budget: p95 < 100 ms for every endpoint on PostgreSQL. Bounded: 30
 * requests per endpoint after 3 to warm up.
 *
 *   npx tsx bench/lists.ts          (this part alone; DATABASE_URL selects the server)
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
import { listDossiers } from '../src/features/dossiers/read-dossiers.ts';
import { listDossierQueue } from '../src/features/dossiers/list-dossier-queue.ts';
import { computeOnTimeRate } from '../src/features/dossiers/compute-on-time-rate.ts';
import { openDataPage } from '../src/features/open-data/read-open-data.ts';
import { listProducers } from '../src/features/producers/read-producers.ts';
import { listCertificatesFor } from '../src/features/certificates/read-certificates.ts';
import { listRounds } from '../src/features/evaluations/list-rounds.ts';
import { compileProgrammeReport } from '../src/features/reports/compile-programme-report.ts';
import { generateCatalogue } from './catalogue.ts';
import { generateDossiers } from './dashboards.ts';
import { onOwnServerDatabase, percentile, runAloneIfMain, timeRuns } from './support.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARM_UP = 3;
const NOW = '2026-11-23T02:00:00Z';
const MEMBERS_PER_ROUND = 10;

/** One province round per province (2026, scoring), every forwarded dossier in it, ten members' submitted sheets each. */
export async function generateScoreSheets(pool: pg.Pool): Promise<void> {
  await pool.query(`
    INSERT INTO evaluation_rounds (level, province_code, year, kind, title, rule_set_id, proposals_due_on, complete_by, created_at, updated_at)
    SELECT 'province', code, 2026, 'first', 'Đợt đánh giá thứ nhất năm 2026', '26-2026', DATE '2026-06-30', DATE '2026-12-15', now(), now()
      FROM admin_units WHERE version_id = 'vn-2025' AND level = 'province'`);
  await pool.query(`
    INSERT INTO users (username, display_name, password_hash, role, scope_province_code)
    SELECT 'council_' || r.province_code || '_' || m, 'Thành viên hội đồng ' || m, 'x', 'council_member', r.province_code
      FROM evaluation_rounds r CROSS JOIN generate_series(1, ${MEMBERS_PER_ROUND}) m`);
  await pool.query(`
    INSERT INTO round_members (round_id, user_id, role, added_at)
    SELECT r.id, u.id, CASE WHEN u.username LIKE '%\\_1' THEN 'chair' ELSE 'member' END, now()
      FROM evaluation_rounds r JOIN users u ON u.username LIKE 'council\\_' || r.province_code || '\\_%'`);
  await pool.query(`
    INSERT INTO round_entries (round_id, dossier_id, product_id, producer_id, province_code, commune_code, product_set_number, status, created_at, updated_at)
    SELECT r.id, d.id, d.product_id, d.producer_id, d.province_code, d.commune_code, p.product_set_number, 'scoring', now(), now()
      FROM dossiers d JOIN products p ON p.id = d.product_id JOIN evaluation_rounds r ON r.province_code = d.province_code
     WHERE d.status = 'forwarded_to_province'`);
  await pool.query(`
    INSERT INTO member_scores (entry_id, member_user_id, attempt, status, total, submitted_at, created_at, updated_at)
    SELECT e.id, m.user_id, 1, 'submitted', 50 + (abs(hashtext(e.id::text || m.user_id::text)) % 50), now(), now(), now()
      FROM round_entries e JOIN round_members m ON m.round_id = e.round_id`);
  await pool.query('ANALYZE evaluation_rounds; ANALYZE round_entries; ANALYZE round_members; ANALYZE member_scores; ANALYZE users');
}



type Who = 'ministry' | 'province' | 'commune' | 'council' | 'public';

interface Case {
  name: string;
  who: Who;
  /** The request; a function when it depends on an earlier answer (the next page's cursor). */
  url: string | ((previous: unknown) => string);
  bare: (ctx: AppContext, actor: Actor, previous: unknown) => Promise<unknown>;
}

const page = (page: number, pageSize: number) => ({ page, pageSize });

export async function benchLists(label: string, url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {});
  const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
  const clock = createFixedClock(NOW);
  await prepareDatabase(db, clock);
  const started = performance.now();
  await generateCatalogue(pool);
  await generateDossiers(pool);
  await generateScoreSheets(pool);
  // What autovacuum does to a table that has settled: without it no index-only scan (counts, EXISTS) is possible on fresh rows.
  await pool.query('VACUUM ANALYZE');
  const counts = (await pool.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM producers)::int AS producers, (SELECT count(*) FROM products)::int AS products,
            (SELECT count(*) FROM certificates)::int AS certificates, (SELECT count(*) FROM dossiers)::int AS dossiers,
            (SELECT count(*) FROM member_scores)::int AS sheets`,
  )).rows[0]!;
  console.log(`\n## National lists, dashboards and report, ${label}`);
  console.log(
    `Generated ${counts.producers} producers, ${counts.products} products, ${counts.certificates} certificates, ${counts.dossiers} dossiers, ` +
      `${counts.sheets} score sheets in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );

  const ctx: AppContext = { config: { ...loadConfig({}), databaseUrl: url, demoMode: false }, db, clock };
  const app = await buildApp(ctx);
  await app.ready();
  // The busiest commune of Lai Châu (12) for the commune officer; a council member of Lai Châu's round.
  const commune = (await pool.query<{ code: string }>(
    `SELECT commune_code AS code FROM dossiers WHERE province_code = '12' AND status = 'submitted' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  )).rows[0]!.code;
  const passwordHash = await hashPassword('bench-password-123');
  const people: Record<Exclude<Who, 'public'>, Omit<Actor, 'userId' | 'username'>> = {
    ministry: { displayName: 'Bench', role: 'ministry_officer', provinceCode: null, communeCode: null, producerId: null, locale: 'vi' },
    province: { displayName: 'Bench', role: 'province_office', provinceCode: '12', communeCode: null, producerId: null, locale: 'vi' },
    commune: { displayName: 'Bench', role: 'commune_officer', provinceCode: '12', communeCode: commune, producerId: null, locale: 'vi' },
    council: { displayName: 'Bench', role: 'council_member', provinceCode: '12', communeCode: null, producerId: null, locale: 'vi' },
  };
  const sessions = new Map<Who, { actor: Actor; cookie: string | null }>();
  sessions.set('public', { actor: { ...people.ministry, userId: '', username: '' }, cookie: null });
  for (const [who, person] of Object.entries(people) as Array<[Exclude<Who, 'public'>, (typeof people)['ministry']]>) {
    const username = `bench_${who}`;
    const userId = await insertUser(pool, {
      username, displayName: person.displayName, email: null, passwordHash, role: person.role, provinceCode: person.provinceCode,
      communeCode: person.communeCode, producerId: null, locale: 'vi', mustChangePassword: false, isDemo: false, now: clock.now(),
    });
    if (who === 'council') {
      // Seated in Lai Châu's round with 20 dossiers' sheets still to score.
      await pool.query(`INSERT INTO round_members (round_id, user_id, role, added_at) SELECT id, $1, 'member', now() FROM evaluation_rounds WHERE province_code = '12'`, [userId]);
    }
    const csrf = (await app.inject({ method: 'GET', url: '/api/auth/csrf' })).json<{ csrfToken: string }>().csrfToken;
    const login = await app.inject({
      method: 'POST', url: '/api/auth/login', payload: { username, password: 'bench-password-123' },
      headers: { 'x-csrf-token': csrf }, cookies: { ocop_csrf: csrf },
    });
    if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.body}`);
    sessions.set(who, { actor: { ...person, userId, username }, cookie: login.cookies.find((c) => c.name === 'ocop_session')!.value });
  }

  const cases: Case[] = [
    { name: 'dossiers, national, page 1 of 50', who: 'ministry', url: '/api/dossiers?pageSize=50', bare: (c, a) => listDossiers(c, a, { ...page(1, 50) }) },
    { name: 'dossiers, national, page 2 (next of page 1)', who: 'ministry', url: nextOf('/api/dossiers?pageSize=50'), bare: (c, a, prev) => listDossiers(c, a, { ...page(2, 50), ...afterOf(prev) }) },
    { name: 'dossiers, national, page 300 (offset 14,950)', who: 'ministry', url: '/api/dossiers?page=300&pageSize=50', bare: (c, a) => listDossiers(c, a, { ...page(300, 50) }) },
    { name: 'dossiers, national, status forwarded', who: 'ministry', url: '/api/dossiers?status=forwarded_to_province&pageSize=50', bare: (c, a) => listDossiers(c, a, { ...page(1, 50), status: 'forwarded_to_province' }) },
    { name: 'dossiers, province 12, page 1', who: 'province', url: '/api/dossiers?pageSize=30', bare: (c, a) => listDossiers(c, a, { ...page(1, 30) }) },
    { name: 'dossier queue, province 12', who: 'province', url: '/api/dossiers/queue', bare: (c, a) => listDossierQueue(c, a, {}) },
    { name: 'dossier queue, busiest commune of 12', who: 'commune', url: '/api/dossiers/queue', bare: (c, a) => listDossierQueue(c, a, {}) },
    { name: 'on-time rate, national', who: 'ministry', url: '/api/dossiers/on-time-rate', bare: (c, a) => computeOnTimeRate(c, a, {}) },
    { name: 'open data products, page 1 of 100', who: 'public', url: '/api/open-data/v1/products', bare: (c) => openDataPage(c, 'products', { ...page(1, 100) }) },
    { name: 'open data products, page 100', who: 'public', url: '/api/open-data/v1/products?page=100', bare: (c) => openDataPage(c, 'products', { ...page(100, 100) }) },
    { name: 'open data products, 5★ + valid', who: 'public', url: '/api/open-data/v1/products?star=5&status=valid', bare: (c) => openDataPage(c, 'products', { ...page(1, 100), star: 5, status: 'valid' }) },
    { name: 'open data products, province 12', who: 'public', url: '/api/open-data/v1/products?province=12', bare: (c) => openDataPage(c, 'products', { ...page(1, 100), province: '12' }) },
    { name: 'open data producers, page 1', who: 'public', url: '/api/open-data/v1/producers', bare: (c) => openDataPage(c, 'producers', { ...page(1, 100) }) },
    { name: 'open data certificates, page 1', who: 'public', url: '/api/open-data/v1/certificates', bare: (c) => openDataPage(c, 'certificates', { ...page(1, 100) }) },
    { name: 'producers, national, page 1', who: 'ministry', url: '/api/producers?pageSize=50', bare: (c, a) => listProducers(c, a, { ...page(1, 50) }) },
    { name: 'certificates, national, page 1', who: 'ministry', url: '/api/certificates?pageSize=50', bare: (c, a) => listCertificatesFor(c, a, { ...page(1, 50) }) },
    { name: 'evaluation rounds, national', who: 'ministry', url: '/api/evaluation-rounds', bare: (c, a) => listRounds(c.db.pool, a, { ...page(1, 50) }) },
    { name: 'dashboard, ministry', who: 'ministry', url: '/api/dashboard', bare: (c, a) => readDashboard(c, a, {}) },
    { name: 'dashboard, province 12', who: 'province', url: '/api/dashboard', bare: (c, a) => readDashboard(c, a, {}) },
    { name: 'dashboard, commune', who: 'commune', url: '/api/dashboard', bare: (c, a) => readDashboard(c, a, {}) },
    { name: 'dashboard, council member', who: 'council', url: '/api/dashboard', bare: (c, a) => readDashboard(c, a, {}) },
    { name: 'programme report, national, 2026', who: 'ministry', url: '/api/reports/programme?year=2026', bare: (c, a) => compileProgrammeReport(c, a, { year: 2026 }) },
    { name: 'programme report, province 12, 2026', who: 'province', url: '/api/reports/programme?year=2026', bare: (c, a) => compileProgrammeReport(c, a, { year: 2026 }) },
  ];

  console.log(`\n| endpoint (${RUNS} requests, one at a time) | as | app p50 ms | app p95 ms | bare p50 ms | bare p95 ms | app / bare (p50) | KB | total |`);
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  let client = 0;
  let worst = 0;
  for (const item of cases) {
    const session = sessions.get(item.who)!;
    // The answer the request depends on (the page before), and one answer to size.
    let previous: unknown = null;
    if (typeof item.url === 'function') {
      const first = await app.inject({ method: 'GET', url: item.url(null), cookies: session.cookie ? { ocop_session: session.cookie } : {} });
      previous = first.json();
    }
    const path = typeof item.url === 'function' ? item.url(previous) : item.url;
    let last: { body: string; total: unknown } = { body: '', total: '' };
    const viaApp = await timeRuns(async () => {
      // Open data is limited per client address: each request comes from another one.
      client++;
      const response = await app.inject({
        method: 'GET', url: path, cookies: session.cookie ? { ocop_session: session.cookie } : {},
        remoteAddress: `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
      });
      if (response.statusCode !== 200) throw new Error(`${item.name}: ${response.statusCode} ${response.body.slice(0, 500)}`);
      last = { body: response.body, total: (response.json() as { total?: unknown }).total ?? '' };
    }, RUNS, WARM_UP);
    const bare = await timeRuns(() => item.bare(ctx, session.actor, previous), RUNS, WARM_UP);
    const [a50, a95, b50, b95] = [percentile(viaApp, 50), percentile(viaApp, 95), percentile(bare, 50), percentile(bare, 95)];
    worst = Math.max(worst, a95);
    console.log(
      `| ${item.name} | ${item.who} | ${a50.toFixed(1)} | ${a95.toFixed(1)}${a95 >= 100 ? ' ⚠' : ''} | ${b50.toFixed(1)} | ${b95.toFixed(1)} | ${(a50 / b50).toFixed(2)} | ` +
        `${(Buffer.byteLength(last.body) / 1024).toFixed(1)} | ${typeof last.total === 'number' ? last.total : ''} |`,
    );
  }
  console.log(`\nWorst app p95: ${worst.toFixed(1)} ms (budget < 100 ms).`);
  await app.close();
  await pool.end();
}

/** The URL of the page after the first answer of `path` (by its cursor when it has one, else page 2). */
function nextOf(path: string): (previous: unknown) => string {
  return (previous) => {
    if (previous === null) return path;
    const cursor = (previous as { nextCursor?: string | null }).nextCursor;
    return cursor ? `${path}&after=${encodeURIComponent(cursor)}` : `${path}&page=2`;
  };
}

function afterOf(previous: unknown): { after?: string } {
  const cursor = (previous as { nextCursor?: string | null } | null)?.nextCursor;
  return cursor ? { after: cursor } : {};
}

/** Creates a database of its own on the server at `serverUrl`, runs the benchmark, drops it. */
export async function benchListsOnServer(serverUrl: string): Promise<void> {
  await onOwnServerDatabase(serverUrl, 'lists', benchLists);
}

runAloneIfMain(import.meta.url, (serverUrl) => benchListsOnServer(serverUrl));
