import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor } from '../../core/auth/actor.ts';
import { verifyAuditChain } from '../../core/audit.ts';
import { importRow, randomTaxCode } from '../../../tests/support/imports.ts';
import { createFixedClock, createTestApp, createUserRecord, unique, type TestApp } from '../../../tests/support/test-app.ts';
import { commitImport } from './commit-import.ts';
import { planImport } from './plan-import.ts';
import { undoImport } from './undo-import.ts';

const LAI_CHAU = '12';
const MUONG_KIM = '03637';
const NOW = '2026-11-23T09:00:00+07:00';

describe('imports: the dry run, the all-or-nothing commit, idempotency and undo', () => {
  let t: TestApp;
  let officer: Actor;
  const file = (name: string, content = name) => ({ kind: 'provincial_list' as const, fileName: `${name}.xlsx`, bytes: Buffer.from(content), mapping: {} });
  const count = async (sqlText: string, values: unknown[]) => Number((await t.db.pool.query<{ n: string }>(sqlText, values)).rows[0]!.n);

  before(async () => {
    t = await createTestApp({ clock: createFixedClock(NOW) });
    const user = await createUserRecord(t.db, { role: 'province_office', provinceCode: LAI_CHAU });
    officer = { userId: user.id, username: user.username, displayName: 'Văn phòng OCOP tỉnh', role: 'province_office', provinceCode: LAI_CHAU, communeCode: null, producerId: null, locale: 'vi' };
  });
  after(() => t.close());

  test('resolves old addresses to today\'s communes, groups rows by producer and product, and counts', async () => {
    const tag = unique('plan');
    const rows = [
      importRow(5, { producer: { name: `HTX ${tag}` }, place: { commune: 'Xã Mường Kim', district: 'huyện Than Uyên' } }),
      // The same cooperative written out, a second product; and its first product's later 4★ certificate.
      importRow(6, { producer: { name: `Hợp tác xã ${tag}` }, product: { name: 'Chè Shan tuyết' }, place: { commune: 'Mường Kim', district: 'Than Uyên' } }),
      importRow(7, { producer: { name: `HTX ${tag}` }, certificate: { stars: 4, decisionNumber: '88/QĐ-UBND', decisionDate: '2025-09-10' } }),
      // "TT Than Uyên" (a thị trấn before 1/7/2025) is today's Xã Than Uyên.
      importRow(8, { producer: { name: `Công ty TNHH ${tag}`, legalForm: 'enterprise' }, place: { commune: 'TT Than Uyên', district: null } }),
    ];
    const plan = await planImport(t.db.pool, t.clock, { provinceCode: LAI_CHAU, rows, choices: {} });
    assert.deepEqual(plan.issues.filter((i) => i.severity === 'error'), []);
    assert.equal(plan.canCommit, true);
    assert.deepEqual(plan.rows.map((r) => r.communeCode), [MUONG_KIM, MUONG_KIM, MUONG_KIM, '03595']);
    assert.deepEqual(
      { producersNew: plan.counts.producersNew, productsNew: plan.counts.productsNew, certificatesNew: plan.counts.certificatesNew, rowsRead: plan.counts.rowsRead },
      { producersNew: 2, productsNew: 3, certificatesNew: 4, rowsRead: 4 },
    );
    // Certificates of one product go in the order of their decisions; each under the rule set of its day.
    assert.deepEqual(plan.certificates.map((c) => [c.rowNumber, c.ruleSetId]), [[5, '148-2023'], [6, '148-2023'], [8, '148-2023'], [7, '148-1489-2025']]);
  });

  test('lists every problem of every row at once and writes nothing', async () => {
    const tag = unique('bad');
    const before = await count('SELECT count(*) AS n FROM producers WHERE name LIKE $1', [`%${tag}%`]);
    const rows = [
      importRow(3, { producer: { name: `HTX ${tag}`, legalForm: null }, place: { commune: 'Xã Không Có Thật', district: 'Huyện Than Uyên' } }),
      importRow(4, { producer: { name: `HTX ${tag} B`, taxCode: '0100109107' }, product: { productSetNumber: null }, certificate: { decisionDate: '2027-01-01' } }),
      importRow(5, { producer: { name: `HTX ${tag} C` }, place: { commune: 'Muong Kim', district: 'Than Uyen' }, certificate: { decisionNumber: null } }),
      importRow(6, { producer: { name: `HTX ${tag} D` }, place: { commune: 'Mường Tè', district: null } }),
    ];
    const plan = await planImport(t.db.pool, t.clock, { provinceCode: LAI_CHAU, rows, choices: {} });
    const codes = plan.issues.filter((i) => i.severity === 'error').map((i) => `${i.rowNumber}:${i.code}`);
    assert.deepEqual(codes.sort(), ['3:missing_legal_form', '3:unknown_commune', '4:future_decision', '4:invalid_tax_code', '4:missing_product_set', '5:missing_decision_number', '5:unknown_commune', '6:ambiguous_commune'].sort());
    const noDiacritics = plan.issues.find((i) => i.rowNumber === 5 && i.code === 'unknown_commune')!;
    assert.match(noDiacritics.message, /Có phải: Xã Mường Kim/);
    assert.equal(noDiacritics.column, 'E');
    assert.equal(plan.canCommit, false);
    await assert.rejects(commitImport(t.db, t.clock, officer, { provinceCode: LAI_CHAU, file: file(tag), rows, choices: {} }), (error: Error & { code?: string; details?: { issues: unknown[] } }) => {
      assert.equal(error.code, 'INVALID_INPUT');
      assert.equal(error.details?.issues.length, codes.length);
      return true;
    });
    assert.equal(await count('SELECT count(*) AS n FROM producers WHERE name LIKE $1', [`%${tag}%`]), before);
    assert.equal(await count('SELECT count(*) AS n FROM import_batches WHERE file_name = $1', [`${tag}.xlsx`]), 0);
  });

  test('an ambiguous commune is settled by the user\'s pick', async () => {
    const tag = unique('pick');
    const rows = [importRow(2, { producer: { name: `HTX ${tag}` }, place: { commune: 'Mường Tè', district: null } })];
    const first = await planImport(t.db.pool, t.clock, { provinceCode: LAI_CHAU, rows, choices: {} });
    assert.equal(first.rows[0]!.place?.status, 'ambiguous');
    const candidates = first.rows[0]!.place?.status === 'ambiguous' ? first.rows[0]!.place.candidates : [];
    assert.ok(candidates.length >= 2);
    const picked = await planImport(t.db.pool, t.clock, { provinceCode: LAI_CHAU, rows, choices: { '2': { communeCode: candidates[0]!.code } } });
    assert.equal(picked.canCommit, true);
    assert.equal(picked.rows[0]!.communeCode, candidates[0]!.code);
    const elsewhere = await planImport(t.db.pool, t.clock, { provinceCode: LAI_CHAU, rows, choices: { '2': { communeCode: '00004' } } });
    assert.deepEqual(elsewhere.issues.map((i) => i.code), ['invalid_commune_choice']);
  });

  test('commits all or nothing with an audit trail, adds nothing the second time, links what exists, and undoes', async () => {
    const tag = unique('commit');
    const taxCode = randomTaxCode();
    const rows = [
      importRow(5, { producer: { name: `HTX ${tag}`, taxCode }, certificate: { certificateNumber: `${tag}-001`, expiresOn: '2025-06-15' } }),
      importRow(6, { producer: { name: `HTX ${tag}`, taxCode }, certificate: { stars: 4, decisionNumber: '88/QĐ-UBND', decisionDate: '2025-09-10', certificateNumber: `${tag}-002` } }),
    ];
    const result = await commitImport(t.db, t.clock, officer, { provinceCode: LAI_CHAU, file: file(tag), rows, choices: {} });
    assert.equal(result.alreadyImported, false);
    assert.equal(result.batch.counts.certificatesNew, 2);
    const certificates = (await t.db.pool.query<{ number: string; stars: number; rule_set_id: string; is_imported: boolean; superseded_on: string | null; issuing_body: string }>(
      `SELECT number, stars, rule_set_id, is_imported, superseded_on::text, issuing_body FROM certificates WHERE number LIKE $1 ORDER BY number`, [`${tag}-%`])).rows;
    assert.deepEqual(certificates.map((c) => [c.number, c.stars, c.rule_set_id, c.is_imported, c.superseded_on]), [
      [`${tag}-001`, 3, '148-2023', true, '2025-09-10'],
      [`${tag}-002`, 4, '148-1489-2025', true, null],
    ]);
    assert.equal(certificates[1]!.issuing_body, 'Ủy ban nhân dân tỉnh Lai Châu');
    // In the public catalogue at once, with the newer star; reminders only for what is still ahead.
    const entry = (await t.db.pool.query<{ stars: number }>(`SELECT e.stars FROM catalogue_entries e JOIN products p ON p.id = e.product_id JOIN producers pr ON pr.id = p.producer_id WHERE pr.tax_code = $1`, [taxCode])).rows;
    assert.deepEqual(entry.map((e) => e.stars), [4]);
    const jobs = await count(`SELECT count(*) AS n FROM scheduled_jobs j JOIN certificates c ON c.id::text = j.key WHERE c.number LIKE $1 AND j.status = 'pending'`, [`${tag}-%`]);
    assert.equal(jobs, 3);
    const audit = await count(`SELECT count(*) AS n FROM audit_events WHERE action IN ('producer.imported', 'product.imported', 'certificate.imported', 'import.committed') AND occurred_at = $1 AND (after->>'number' LIKE $2 OR after->>'fileName' = $3 OR after->>'taxCode' = $4 OR entity_type = 'product')`, [new Date(NOW), `${tag}-%`, `${tag}.xlsx`, taxCode]);
    assert.ok(audit >= 4);

    // The same file again adds nothing; a new file with the same rows links to what is there.
    const again = await commitImport(t.db, t.clock, officer, { provinceCode: LAI_CHAU, file: file(tag), rows, choices: {} });
    assert.equal(again.alreadyImported, true);
    assert.equal(again.batch.id, result.batch.id);
    const relisted = await commitImport(t.db, t.clock, officer, { provinceCode: LAI_CHAU, file: file(`${tag}-b`), rows, choices: {} });
    assert.deepEqual(
      [relisted.batch.counts.producersNew, relisted.batch.counts.producersLinked, relisted.batch.counts.productsLinked, relisted.batch.counts.certificatesNew, relisted.batch.counts.certificatesKnown],
      [0, 1, 1, 0, 2],
    );
    assert.equal(await count('SELECT count(*) AS n FROM producers WHERE tax_code = $1', [taxCode]), 1);

    // Undo the re-listing (it created nothing) and then the first batch: everything it made is gone.
    await undoImport(t.db, t.clock, officer, relisted.batch.id);
    assert.equal(await count('SELECT count(*) AS n FROM producers WHERE tax_code = $1', [taxCode]), 1);
    const undone = await undoImport(t.db, t.clock, officer, result.batch.id);
    assert.equal(undone.status, 'undone');
    assert.equal(await count('SELECT count(*) AS n FROM producers WHERE tax_code = $1', [taxCode]), 0);
    assert.equal(await count('SELECT count(*) AS n FROM certificates WHERE number LIKE $1', [`${tag}-%`]), 0);
    await assert.rejects(undoImport(t.db, t.clock, officer, result.batch.id), { code: 'INVALID_TRANSITION' });
    assert.equal((await verifyAuditChain(t.db.pool)).ok, true);
    // Undone, the file may be imported again.
    const redo = await commitImport(t.db, t.clock, officer, { provinceCode: LAI_CHAU, file: file(tag), rows, choices: {} });
    assert.equal(redo.alreadyImported, false);
    await undoImport(t.db, t.clock, officer, redo.batch.id);
  });

  test('a later edit or dossier blocks the undo with its reason, and nothing is removed', async () => {
    const tag = unique('block');
    const rows = [importRow(2, { producer: { name: `HTX ${tag}` }, certificate: { certificateNumber: `${tag}-1` } })];
    const { batch } = await commitImport(t.db, t.clock, officer, { provinceCode: LAI_CHAU, file: file(tag), rows, choices: {} });
    await t.db.pool.query(`UPDATE certificates SET revoked_on = '2026-01-01', version = version + 1 WHERE number = $1`, [`${tag}-1`]);
    await assert.rejects(undoImport(t.db, t.clock, officer, batch.id), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'CONFLICT');
      assert.match(error.message, new RegExp(`${tag}-1 đã bị thu hồi`));
      return true;
    });
    assert.equal(await count('SELECT count(*) AS n FROM certificates WHERE number = $1', [`${tag}-1`]), 1);
    const other = await createUserRecord(t.db, { role: 'province_office', provinceCode: '01' });
    const outsider: Actor = { ...officer, userId: other.id, provinceCode: '01' };
    await assert.rejects(undoImport(t.db, t.clock, outsider, batch.id), { code: 'NOT_FOUND' });
  });
});

describe('imports: kill -9 during a commit', () => {
  test('leaves the database as it was before the commit', async () => {
    const { spawn } = await import('node:child_process');
    const t = await createTestApp();
    try {
      const tag = unique('kill');
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/import-commit-child.ts', tag, '3000'], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('started')) resolve();
        });
        child.on('exit', () => reject(new Error(`the child ended before starting: ${output}`)));
      });
      // Well into the transaction (3,000 rows take several seconds to write), nothing committed yet.
      await new Promise((r) => setTimeout(r, 2500));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      assert.ok(!output.includes('committed'), 'the commit finished before it could be killed: make the file larger');
      // The server rolls the dead connection's transaction back.
      let producers = -1;
      for (let i = 0; i < 50 && producers !== 0; i++) {
        producers = Number((await t.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM producers WHERE name LIKE $1', [`HTX ${tag} %`])).rows[0]!.n);
        if (producers !== 0) await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(producers, 0);
      assert.equal(Number((await t.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM import_batches WHERE file_name = $1', [`${tag}.xlsx`])).rows[0]!.n), 0);
      assert.equal((await verifyAuditChain(t.db.pool)).ok, true);
    } finally {
      await t.close();
    }
  });
});
