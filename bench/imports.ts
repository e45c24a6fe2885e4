/**
 * Importing a province's list (issue 12) at the size of a large province's history: a 5,000-row .xlsx
 * (exceljs streaming writer, scripts/generate-import-fixtures.ts) read, planned (the dry run), committed
 * and undone through the real use cases, in rows per second and peak memory; the floor is the bare SQL
 * writing the same producers, products and certificates in three set-based INSERTs, without audit
 * events, reminders or the catalogue trigger's work per row being avoided (the trigger still runs).
 *
 *   npx tsx bench/imports.ts          (this part alone; DATABASE_URL selects the server)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { writeLongList, LONG_LIST_ROWS } from '../scripts/generate-import-fixtures.ts';
import { systemClock } from '../src/core/clock/index.ts';
import type { Database } from '../src/core/db/database.ts';
import { commitImport } from '../src/features/imports/commit-import.ts';
import { planImport } from '../src/features/imports/plan-import.ts';
import { readImportFile } from '../src/features/imports/read-import-file.ts';
import { undoImport } from '../src/features/imports/undo-import.ts';
import { insertUser } from '../src/features/users/index.ts';
import { prepareDatabase } from '../src/server.ts';
import { onOwnServerDatabase, runAloneIfMain } from './support.ts';

const perSecond = (rows: number, ms: number) => Math.round((rows / ms) * 1000).toLocaleString('vi-VN');

async function benchImports(label: string, url: string, rowsWanted: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => {});
  const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
  await prepareDatabase(db, systemClock);
  const dir = mkdtempSync(path.join(tmpdir(), 'ocop-bench-import-'));
  try {
    const file = path.join(dir, 'danh-sach.xlsx');
    await writeLongList(file, rowsWanted);
    const bytes = readFileSync(file);
    const userId = await insertUser(pool, {
      username: `bench_import_${process.pid}`, displayName: 'Bench', email: null, passwordHash: 'x', role: 'province_office',
      provinceCode: '12', communeCode: null, producerId: null, locale: 'vi', mustChangePassword: false, isDemo: false, now: new Date(),
    });
    const actor = { userId, username: 'bench', displayName: 'Bench', role: 'province_office' as const, provinceCode: '12', communeCode: null, producerId: null, locale: 'vi' as const };

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let started = performance.now();
    const read = await readImportFile({ name: 'danh-sach.xlsx', bytes }, 'provincial_list', null);
    const readMs = performance.now() - started;
    clearInterval(sampler);
    const rows = read.rows.length;

    // The long list has no product-set column: the user applies one to every row (as the preview offers).
    const choices = Object.fromEntries(read.rows.map((row) => [String(row.rowNumber), { productSetNumber: 3 }]));
    started = performance.now();
    const plan = await planImport(pool, systemClock, { provinceCode: '12', rows: read.rows, choices });
    const planMs = performance.now() - started;
    const errors = plan.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) throw new Error(`the bench list has errors: ${errors.slice(0, 3).map((e) => e.message).join('; ')}`);

    started = performance.now();
    const { batch } = await commitImport(db, systemClock, actor, { provinceCode: '12', file: { kind: 'provincial_list', fileName: 'danh-sach.xlsx', bytes, mapping: read.mapping }, rows: read.rows, choices });
    const commitMs = performance.now() - started;

    started = performance.now();
    await undoImport(db, systemClock, actor, batch.id);
    const undoMs = performance.now() - started;

    // The floor: the same rows in three set-based INSERTs, no audit, no reminders, in one transaction.
    const client = await pool.connect();
    started = performance.now();
    try {
      await client.query('BEGIN');
      const producers = await client.query<{ id: string }>(
        `INSERT INTO producers (name, normalized_name, legal_form, province_code, commune_code, created_at, updated_at)
         SELECT 'Bare ' || n, 'bare ' || n, 'cooperative', '12', '03637', now(), now() FROM generate_series(1, $1) n RETURNING id`, [rows]);
      const ids = producers.rows.map((r) => r.id);
      const products = await client.query<{ id: string; producer_id: string }>(
        `INSERT INTO products (producer_id, province_code, commune_code, name, product_set_number, rule_set_id, created_at, updated_at)
         SELECT id, '12', '03637', 'Bare product', 1, '26-2026', now(), now() FROM unnest($1::uuid[]) id RETURNING id, producer_id`, [ids]);
      await client.query(
        `INSERT INTO certificates (public_token, number, product_id, producer_id, province_code, commune_code, stars, rule_set_id, product_name,
           producer_name, level, issuing_body, decision_number, issued_on, expires_on, is_imported, created_at, updated_at)
         SELECT md5(p.id::text) || 'abcdefgh', 'BARE-' || p.id, p.id, p.producer_id, '12', '03637', 3, '148-2023', 'Bare product', 'Bare',
                'province', 'UBND', '1/QĐ', '2022-06-15', '2025-06-15', true, now(), now()
           FROM unnest($1::uuid[], $2::uuid[]) AS p(id, producer_id)`,
        [products.rows.map((r) => r.id), products.rows.map((r) => r.producer_id)]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const bareMs = performance.now() - started;

    console.log(`\n## Import of a ${rows.toLocaleString('vi-VN')}-row list — ${label}`);
    console.log('| step | ms | rows/s | note |');
    console.log('|---|---:|---:|---|');
    console.log(`| read (.xlsx ${(bytes.length / 1024).toFixed(0)} KiB, streaming) + rows | ${readMs.toFixed(0)} | ${perSecond(rows, readMs)} | RSS +${((peak - rssBefore) / 1024 / 1024).toFixed(0)} MiB at peak |`);
    console.log(`| dry run (addresses, registry links, rules) | ${planMs.toFixed(0)} | ${perSecond(rows, planMs)} | ${plan.counts.producersNew} producers, ${plan.counts.certificatesNew} certificates |`);
    console.log(`| commit (audited, reminders, catalogue) | ${commitMs.toFixed(0)} | ${perSecond(rows, commitMs)} | ${(commitMs / bareMs).toFixed(1)} × the bare SQL |`);
    console.log(`| undo | ${undoMs.toFixed(0)} | ${perSecond(rows, undoMs)} | |`);
    console.log(`| bare SQL: 3 set-based INSERTs | ${bareMs.toFixed(0)} | ${perSecond(rows, bareMs)} | floor |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await pool.end();
  }
}

export async function benchImportsOnServer(serverUrl: string, rows = Number(process.env.BENCH_IMPORT_ROWS ?? LONG_LIST_ROWS)): Promise<void> {
  await onOwnServerDatabase(serverUrl, 'imports', (label, url) => benchImports(label, url, rows));
}

runAloneIfMain(import.meta.url, (serverUrl) => benchImportsOnServer(serverUrl));
