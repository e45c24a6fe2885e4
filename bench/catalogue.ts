/**
 * The public catalogue at national size (issue 6): 10,000 producers and 20,000 products with
 * certificates in every state, generated in SQL (INSERT … SELECT generate_series) in a fresh database.
 * Measures the search's server time (the use case: page, facet counts, producers; p50 / p95, budget
 * p95 < 50 ms), then the throughput of the app's /san-pham against a bare Fastify route running the
 * same SQL (budget ≥ 70 %), side by side, and the size of the pages.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import type { Database } from '../src/core/db/database.ts';
import { createFixedClock } from '../src/core/clock/index.ts';
import type { AppContext } from '../src/core/http/types.ts';
import { buildApp, prepareDatabase } from '../src/server.ts';
import { catalogueFilterOf, searchCatalogue, type CatalogueQuery } from '../src/features/catalogue/index.ts';
import * as repository from '../src/features/catalogue/catalogue.repository.ts';
import { onOwnServerDatabase, percentile, runAloneIfMain } from './support.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PRODUCERS = 10_000;
const PRODUCTS = 20_000;

/** Generates the catalogue in a handful of statements (a few seconds on a server). */
export async function generateCatalogue(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE TEMP TABLE bench_communes AS
      SELECT row_number() OVER (ORDER BY code) AS rn, code, name, province_code FROM admin_units
       WHERE version_id = 'vn-2025' AND level = 'commune'`);
  await pool.query(
    `INSERT INTO producers (name, normalized_name, legal_form, province_code, commune_code, created_at, updated_at)
     SELECT n.name, producer_name_key(n.name), (ARRAY['cooperative', 'cooperative_group', 'enterprise', 'household'])[1 + i % 4],
            c.province_code, c.code, now(), now()
       FROM generate_series(1, $1) AS i
       JOIN bench_communes c ON c.rn = 1 + (i * 7919) % (SELECT count(*) FROM bench_communes)
       CROSS JOIN LATERAL (SELECT (ARRAY['Hợp tác xã', 'Tổ hợp tác', 'Công ty TNHH', 'Hộ kinh doanh'])[1 + i % 4] || ' ' ||
              (ARRAY['Nông nghiệp', 'Dược liệu', 'Chè', 'Thủy sản', 'Dệt', 'Mật ong', 'Gạo sạch', 'Đặc sản'])[1 + (i / 4) % 8] || ' ' ||
              c.name || ' ' || i AS name) n`,
    [PRODUCERS],
  );
  await pool.query(`CREATE TEMP TABLE bench_producers AS SELECT row_number() OVER (ORDER BY id) AS rn, id, province_code, commune_code FROM producers`);
  const kinds = [
    'Gạo Séng Cù', 'Chè Shan tuyết', 'Mật ong bạc hà', 'Miến dong', 'Bưởi Phúc Trạch', 'Cam Vũ Quang', 'Ruốc cá lăng', 'Ổi Hua Nà',
    'Lạc đỏ', 'Nước mắm', 'Rượu ngô', 'Thổ cẩm', 'Mắm tôm', 'Cà phê Robusta', 'Tinh dầu sả', 'Đông trùng hạ thảo', 'Bánh đa',
    'Nem chua', 'Trà hoa vàng', 'Hạt điều rang muối', 'Măng khô', 'Thịt trâu gác bếp', 'Xoài cát', 'Nón lá', 'Gốm',
  ];
  await pool.query(
    `INSERT INTO products (producer_id, province_code, commune_code, name, product_set_number, rule_set_id, created_at, updated_at)
     SELECT p.id, p.province_code, p.commune_code, ($2::text[])[1 + i % cardinality($2::text[])] || ' ' || c.name || ' ' || i,
            1 + (i * 7) % 26, '26-2026', now(), now()
       FROM generate_series(1, $1) AS i
       JOIN bench_producers p ON p.rn = 1 + i % (SELECT count(*) FROM bench_producers)
       JOIN bench_communes c ON c.code = p.commune_code`,
    [PRODUCTS, kinds],
  );
  // One certificate per product, issued 2021–2026 (so valid, expiring, expired); every 10th product also
  // has an older, superseded one; some revoked; some expired with a re-evaluation filed (extended).
  await pool.query(`
    INSERT INTO certificates (public_token, number, product_id, producer_id, province_code, commune_code, stars, rule_set_id,
      product_name, producer_name, level, issuing_body, decision_number, issued_on, expires_on, re_evaluation_filed_on, revoked_on,
      created_at, updated_at)
    SELECT md5(p.id::text) || 'aa', 'OCOP-' || p.province_code || '-' || lpad(n::text, 6, '0'), p.id, p.producer_id, p.province_code, p.commune_code,
           s.stars, '26-2026', p.name, pr.name, CASE WHEN s.stars = 5 THEN 'central' ELSE 'province' END, 'Ủy ban nhân dân tỉnh',
           n || '/QĐ-UBND', s.issued_on, (s.issued_on + interval '36 months')::date,
           CASE WHEN n % 17 = 0 THEN (s.issued_on + interval '34 months')::date END,
           CASE WHEN n % 29 = 0 THEN (s.issued_on + interval '12 months')::date END,
           now(), now()
      FROM (SELECT row_number() OVER (ORDER BY id) AS n, * FROM products) p
      JOIN producers pr ON pr.id = p.producer_id
      CROSS JOIN LATERAL (SELECT CASE WHEN p.n % 20 = 0 THEN 5 WHEN p.n % 3 = 0 THEN 4 ELSE 3 END AS stars,
                                 DATE '2021-01-01' + ((p.n * 37) % 2150)::int AS issued_on) s`);
  await pool.query(`
    INSERT INTO certificates (public_token, number, product_id, producer_id, province_code, commune_code, stars, rule_set_id,
      product_name, producer_name, level, issuing_body, decision_number, issued_on, expires_on, superseded_by, superseded_on, created_at, updated_at)
    SELECT md5(c.id::text) || 'bb', c.number || '-OLD', c.product_id, c.producer_id, c.province_code, c.commune_code, 3, '26-2026',
           c.product_name, c.producer_name, 'province', c.issuing_body, c.decision_number, c.issued_on - 1000, c.issued_on - 1000 + 1095,
           c.id, c.issued_on, now(), now()
      FROM certificates c WHERE right(c.number, 1) = '0'`);
  await pool.query('ANALYZE producers; ANALYZE products; ANALYZE certificates; ANALYZE catalogue_entries');
}

const queries: Array<{ name: string; query: CatalogueQuery }> = [
  { name: 'text "gao seng cu"', query: { q: 'gao seng cu', page: 1 } },
  { name: 'text with diacritics "Chè Shan tuyết"', query: { q: 'Chè Shan tuyết', page: 1 } },
  { name: 'typo "gao seng ku" (no word match: similarity pass)', query: { q: 'gao seng ku', page: 1 } },
  { name: 'producer "hop tac xa duoc lieu"', query: { q: 'hop tac xa duoc lieu', page: 1 } },
  { name: 'browse all, by stars, page 1', query: { page: 1 } },
  { name: 'browse all, page 50', query: { page: 50 } },
  { name: 'province 12 + 4★ + valid', query: { province: '12', stars: 4, validity: 'valid', page: 1 } },
  { name: 'group I.3 + expiring, by name', query: { group: 'I.3', validity: 'expiring', sort: 'name', page: 1 } },
  { name: 'text "mat ong" + revoked', query: { q: 'mat ong', validity: 'revoked', page: 1 } },
];

const toUrl = (query: CatalogueQuery) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return `/san-pham?${params.toString()}`;
};


async function measure(url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections, duration: seconds });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Runs the catalogue benchmark on an empty database at `url` (migrates and fills it first). */
export async function benchCatalogue(label: string, url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {});
  const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
  const clock = createFixedClock('2026-11-23T05:00:00Z');
  await prepareDatabase(db, clock);
  const started = performance.now();
  await generateCatalogue(pool);
  const counts = (await pool.query<{ producers: number; products: number; certificates: number }>(
    'SELECT (SELECT count(*) FROM producers) AS producers, (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM certificates) AS certificates',
  )).rows[0]!;
  console.log(`\n## Catalogue search, ${label}`);
  console.log(`Generated ${counts.producers} producers, ${counts.products} products, ${counts.certificates} certificates in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  const ctx: AppContext = { config: { ...loadConfig({}), databaseUrl: url, demoMode: false }, db, clock };

  // Server time of the use case, one request at a time (what a user waits for, minus the network).
  console.log('\n| search (use case: page + facet counts + producers) | results | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|');
  const all: number[] = [];
  for (const { name, query } of queries) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      const result = await searchCatalogue(ctx, query);
      if (i >= 5) times.push(performance.now() - t0); // the first few warm the caches
      total = result.total;
    }
    all.push(...times);
    console.log(`| ${name} | ${total} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
  }
  console.log(`| **all searches** | | **${percentile(all, 50).toFixed(1)}** | **${percentile(all, 95).toFixed(1)}** (budget < 50) |`);

  // Throughput: the app's page against a bare route running the same SQL (no hooks, no rendering).
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify();
  bare.get('/bare', async (request) => {
    const query = queries[Number((request.query as { i?: string }).i ?? 0)]!.query;
    const [result, provinces] = await Promise.all([searchCatalogue(ctx, query), repository.listProvinces(pool, '2026-11-23')]);
    return { ...result, provinces };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const appBase = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
  console.log(`\n| /san-pham (${seconds} s each, ${connections} connections) | app req/s | bare req/s | app / bare | app p50 / p99 ms | bare p50 / p99 ms |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const index of [0, 2, 4]) {
    const { name, query } = queries[index]!;
    await measure(`${appBase}${toUrl(query)}`);
    const appResult = await measure(`${appBase}${toUrl(query)}`);
    const bareResult = await measure(`${bareBase}/bare?i=${index}`);
    console.log(
      `| ${name} | ${appResult.rps.toFixed(0)} | ${bareResult.rps.toFixed(0)} | ${((appResult.rps / bareResult.rps) * 100).toFixed(0)} % | ${appResult.p50} / ${appResult.p99} | ${bareResult.p50} / ${bareResult.p99} |` +
        (appResult.errors + bareResult.errors > 0 ? ` errors: ${appResult.errors}/${bareResult.errors}` : ''),
    );
  }

  // Page sizes as transferred (no compression here; a CDN or proxy would gzip them further).
  const productId = (await repository.searchCatalogue(pool, catalogueFilterOf({ q: 'gao seng cu', page: 1 }), '2026-11-23')).items[0]!.id;
  const sizes: Array<[string, string]> = [['home /', '/'], ['search /san-pham?q=gao+seng+cu', '/san-pham?q=gao+seng+cu'], ['product page', `/san-pham/${productId}`], ['province /tinh/12', '/tinh/12']];
  console.log('\n| page | KB |');
  console.log('|---|---:|');
  for (const [name, path] of sizes) {
    let response = await fetch(`${appBase}${path}`, { redirect: 'manual' });
    if (response.status === 301) response = await fetch(`${appBase}${response.headers.get('location')!}`);
    const bytes = (await response.arrayBuffer()).byteLength;
    console.log(`| ${name} | ${(bytes / 1024).toFixed(1)} |`);
  }
  await app.close();
  await bare.close();
  await pool.end();
}

/** Creates a database of its own on the server at `serverUrl`, runs the benchmark, drops it. */
export async function benchCatalogueOnServer(serverUrl: string): Promise<void> {
  await onOwnServerDatabase(serverUrl, 'catalogue', benchCatalogue);
}

runAloneIfMain(import.meta.url, (serverUrl) => benchCatalogueOnServer(serverUrl));
