import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { laiChauTax, writeImportFixtures, writeSalesPointList, type ImportFixtures } from '../../../scripts/generate-import-fixtures.ts';
import { multipartBody } from '../../../tests/support/dossiers.ts';
import { assertEveryRouteNeedsSession, createFixedClock, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';

const LAI_CHAU = '12';
const NOW = '2026-11-23T09:00:00+07:00';

describe('imports routes: preview, commit, catalogue and verification, national register, undo', () => {
  let t: TestApp;
  let dir: string;
  let fixtures: ImportFixtures;
  let office: Client;
  let otherOffice: Client;
  let commune: Client;
  let ministry: Client;

  const send = async (client: Client | null, url: string, file: { name: string; content: Buffer } | null, options?: unknown) => {
    const { payload, contentType } = multipartBody(file ? [{ field: 'file', name: file.name, content: file.content }] : [], options === undefined ? {} : { options: JSON.stringify(options) });
    // Anonymous callers get a CSRF token like the login form does, so the answer is about the session.
    const csrf = client?.csrfToken ?? (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json().csrfToken;
    return t.app.inject({
      method: 'POST', url, payload,
      headers: { 'content-type': contentType, 'x-csrf-token': csrf },
      cookies: client ? { ocop_session: client.sessionToken, ocop_csrf: csrf } : { ocop_csrf: csrf },
    });
  };
  const fixture = (name: keyof ImportFixtures) => ({ name: path.basename(fixtures[name]!), content: readFileSync(fixtures[name]!) });

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ocop-import-routes-'));
    fixtures = await writeImportFixtures(dir);
    t = await createTestApp({ clock: createFixedClock(NOW) });
    office = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    otherOffice = await signInAs(t, { role: 'province_office', provinceCode: '01' });
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: '03595' });
    ministry = await signInAs(t, { role: 'ministry_officer' });
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('without a session every import route answers 401, before the upload is read', async () => {
    const id = '8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e';
    // Like the dossier uploads: an anonymous upload is refused for want of a session, not parsed first
    // (an empty or bad upload from anyone would otherwise be read and answered 400).
    for (const url of ['/api/imports/preview', '/api/imports']) {
      assert.equal((await send(null, url, fixture('laiChau'))).statusCode, 401, url);
      assert.equal((await send(null, url, null, { kind: 'spreadsheet' })).statusCode, 401, `${url} without a file`);
      assert.equal((await send(null, url, fixture('notASpreadsheet'))).statusCode, 401, `${url} not a spreadsheet`);
    }
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/imports'],
      ['GET', '/api/imports/mappings'],
      ['PUT', '/api/imports/mappings', { name: 'Mẫu huyện Than Uyên', mapping: { productName: 1, producerName: 2, stars: 6 } }],
      ['GET', '/api/imports/national-register'],
      ['GET', `/api/imports/${id}`],
      ['POST', `/api/imports/${id}/undo`],
    ]);
  });

  test('401 without a session, 403 for a commune officer and for another province, 400 for a bad body', async () => {
    assert.equal((await send(null, '/api/imports/preview', fixture('laiChau'))).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/imports' })).statusCode, 401);
    assert.equal((await send(commune, '/api/imports/preview', fixture('laiChau'))).statusCode, 403);
    assert.equal((await send(otherOffice, '/api/imports/preview', fixture('laiChau'), { provinceCode: LAI_CHAU })).statusCode, 403);
    assert.equal((await send(ministry, '/api/imports/preview', fixture('laiChau'))).statusCode, 403, 'the ministry names the province');
    assert.equal((await commune.request('GET', '/api/imports')).statusCode, 403);
    const noFile = await send(office, '/api/imports/preview', null, { kind: 'spreadsheet', choices: { x: {} } });
    assert.equal(noFile.statusCode, 400);
    assert.deepEqual(noFile.json().error.details.issues.map((i: { path: string }) => i.path).sort(), ['file', 'options.choices.x', 'options.kind']);
    const notSheet = await send(office, '/api/imports/preview', fixture('notASpreadsheet'));
    assert.equal(notSheet.statusCode, 400);
    assert.match(notSheet.json().error.message, /bảng tính|Excel|không phải/i);
    assert.equal((await send(office, '/api/imports/preview', fixture('zipBomb'))).statusCode, 400);
    assert.equal((await send(office, '/api/imports/preview', fixture('withoutHeader'))).statusCode, 400);
    assert.equal((await office.request('GET', '/api/imports/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });

  test('the messy Lai Châu list: every problem at once, old addresses resolved, nothing written', async () => {
    const before = Number((await t.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM producers')).rows[0]!.n);
    const response = await send(office, '/api/imports/preview', fixture('laiChau'));
    assert.equal(response.statusCode, 200, response.body);
    const preview = response.json();
    assert.equal(preview.read.mappingGuessed, true);
    assert.deepEqual(preview.read.headerRows, [5, 6]);
    assert.equal(preview.canCommit, false);
    const codes = preview.rows.flatMap((r: { issues: Array<{ rowNumber: number; code: string; severity: string }> }) => r.issues).filter((i: { severity: string }) => i.severity === 'error').map((i: { rowNumber: number; code: string }) => `${i.rowNumber}:${i.code}`);
    for (const expected of ['17:tax_code_check_digit', '17:impossible_date', '18:duplicate_row', '20:missing_producer_name']) assert.ok(codes.includes(expected), `${expected} in ${codes.join(', ')}`);
    const muongKim = preview.rows.find((r: { rowNumber: number }) => r.rowNumber === 9);
    assert.equal(muongKim.communeCode, '03637');
    assert.equal(muongKim.communeName, 'Xã Mường Kim');
    assert.ok(preview.counts.rowsRead >= 10);
    assert.equal(Number((await t.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM producers')).rows[0]!.n), before);
  });

  test('a clean CSV: product sets picked, committed once, public at once, exported in the register\'s shape, undone', async () => {
    const file = fixture('csvWithBom');
    const first = (await send(office, '/api/imports/preview', file)).json();
    const missingSets = first.rows.filter((r: { issues: Array<{ code: string }> }) => r.issues.some((i) => i.code === 'missing_product_set')).map((r: { rowNumber: number }) => r.rowNumber);
    assert.equal(missingSets.length, 3);
    const choices = Object.fromEntries(missingSets.map((n: number) => [String(n), { productSetNumber: 3 }]));
    const preview = (await send(office, '/api/imports/preview', file, { choices })).json();
    assert.deepEqual(preview.rows.flatMap((r: { issues: Array<{ severity: string; message: string }> }) => r.issues.filter((i) => i.severity === 'error').map((i) => i.message)), []);
    assert.equal(preview.canCommit, true);
    assert.deepEqual([preview.counts.producersNew, preview.counts.productsNew, preview.counts.certificatesNew], [3, 3, 3]);

    const committed = await send(office, '/api/imports', file, { choices });
    assert.equal(committed.statusCode, 201, committed.body);
    const { batch } = committed.json();
    assert.equal(batch.fileName, 'danh-sach-bom.csv');
    assert.match(batch.fileSha256, /^[0-9a-f]{64}$/);
    const again = await send(office, '/api/imports', file, { choices });
    assert.equal(again.statusCode, 200);
    assert.deepEqual([again.json().alreadyImported, again.json().batch.id], [true, batch.id]);
    assert.equal((await send(office, '/api/imports/preview', file, { choices })).json().alreadyImported.id, batch.id);

    // Public at once: the catalogue finds it; its verification page shows the certificate in force.
    const catalogue = await t.app.inject({ method: 'GET', url: '/san-pham?q=Tra+tui+loc+Tan+Phong' });
    assert.match(catalogue.body, /Trà túi lọc Tân Phong/);
    const { rows: [certificate] } = await t.db.pool.query<{ public_token: string; expires_on: string }>(
      `SELECT c.public_token, c.expires_on::text FROM certificates c JOIN producers p ON p.id = c.producer_id WHERE p.tax_code = $1`, [laiChauTax.chaLaiChau]);
    const verification = await t.app.inject({ method: 'GET', url: `/xac-minh/${certificate!.public_token}` });
    assert.equal(verification.statusCode, 200);
    assert.match(verification.body, /Trà túi lọc Tân Phong/);
    assert.match(verification.body, /15\/03\/2026/);

    // The register's shape, with the manufacturer's personal data only in this authorised export.
    const exported = await office.request('GET', '/api/imports/national-register?format=json');
    assert.equal(exported.statusCode, 200);
    const records = exported.json() as Array<Record<string, unknown> & { manufacturer: Record<string, unknown> }>;
    const tea = records.find((r) => r.name === 'Trà túi lọc Tân Phong')!;
    assert.deepEqual(Object.keys(tea), ['name', 'ocop_star', 'description', 'story', 'ocop_certificate_number', 'issued_on', 'expiry_date', 'images', 'manufacturer']);
    assert.deepEqual(Object.keys(tea.manufacturer), ['name', 'representative', 'address', 'phone_number', 'email']);
    assert.deepEqual([tea.ocop_star, tea.issued_on, tea.expiry_date], [3, '2023-03-15', '2026-03-15']);
    const csv = await office.request('GET', '/api/imports/national-register?format=csv');
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.body, /^\uFEFFname,ocop_star,description,story,ocop_certificate_number,issued_on,expiry_date,images,manufacturer\.name/);
    assert.equal((await commune.request('GET', '/api/imports/national-register')).statusCode, 403);

    // The register's file read back: everything it lists is already here (linked, nothing new).
    const registerFile = { name: 'dang-ky-quoc-gia.json', content: Buffer.from(exported.body) };
    const registerChoices = Object.fromEntries(records.map((_, i) => [String(i + 1), { productSetNumber: 3 }]));
    const roundTrip = (await send(office, '/api/imports/preview', registerFile, { kind: 'national_register', choices: registerChoices })).json();
    const teaRow = roundTrip.rows.find((r: { productName: string }) => r.productName === 'Trà túi lọc Tân Phong');
    assert.deepEqual([teaRow.producerAction, teaRow.productAction, teaRow.certificateAction], ['link', 'link', 'known']);

    const listed = (await office.request('GET', '/api/imports')).json();
    assert.ok(listed.items.some((b: { id: string }) => b.id === batch.id));
    assert.equal((await otherOffice.request('GET', `/api/imports/${batch.id}`)).statusCode, 404);
    const detail = (await office.request('GET', `/api/imports/${batch.id}`)).json();
    assert.equal(detail.records.filter((r: { action: string }) => r.action === 'created').length, 9);

    const undone = await office.request('POST', `/api/imports/${batch.id}/undo`);
    assert.equal(undone.statusCode, 200, undone.body);
    assert.equal(undone.json().status, 'undone');
    assert.doesNotMatch((await t.app.inject({ method: 'GET', url: '/san-pham?q=Tra+tui+loc+Tan+Phong' })).body, /Trà túi lọc Tân Phong/);
    assert.equal((await t.app.inject({ method: 'GET', url: `/xac-minh/${certificate!.public_token}` })).statusCode, 404);
    assert.equal((await office.request('POST', `/api/imports/${batch.id}/undo`)).statusCode, 409);
  });

  test('an imported certificate is first-class: its product files a re-evaluation, which then blocks the undo', async () => {
    const file = fixture('csvWithoutBom');
    const choices = Object.fromEntries([3, 4, 5].map((n) => [String(n), { productSetNumber: 3 }]));
    const preview = (await send(office, '/api/imports/preview', file, { choices })).json();
    assert.equal(preview.canCommit, true, JSON.stringify(preview.rows.flatMap((r: { issues: unknown[] }) => r.issues)));
    const committed = await send(office, '/api/imports', file, { choices });
    assert.equal(committed.statusCode, 201, committed.body);
    const { batch } = committed.json();
    const { rows: [tea] } = await t.db.pool.query<{ product_id: string; producer_id: string }>(
      `SELECT c.product_id, c.producer_id FROM certificates c JOIN producers p ON p.id = c.producer_id WHERE p.tax_code = $1`, [laiChauTax.cheTamDuong]);
    // The 4★ of 10/08/2023 expires on 10/08/2026: filed late, within the Đ.12.3 grace, like one issued here.
    const producer = await signInAs(t, { role: 'producer', producerId: tea!.producer_id, provinceCode: LAI_CHAU, communeCode: '03424' });
    const dossier = await producer.request('POST', '/api/dossiers', { type: 're_evaluation', productId: tea!.product_id });
    assert.equal(dossier.statusCode, 201, dossier.body);
    const blocked = await office.request('POST', `/api/imports/${batch.id}/undo`);
    assert.equal(blocked.statusCode, 409);
    assert.match(blocked.json().error.message, /hồ sơ sản phẩm lập sau khi nhập/);
    assert.equal((await office.request('GET', `/api/imports/${batch.id}`)).json().status, 'committed');
  });

  test('a list of sales points: read, committed, listed by the fairs feature, undone', async () => {
    const tag = unique('db');
    const list = await writeSalesPointList(path.join(dir, `diem-ban-${tag}.xlsx`), tag);
    const file = { name: path.basename(list.file), content: readFileSync(list.file) };
    const previewed = await send(office, '/api/imports/preview', file, { kind: 'sales_points' });
    assert.equal(previewed.statusCode, 200, previewed.body);
    const preview = previewed.json();
    assert.deepEqual(preview.rows.flatMap((r: { issues: Array<{ severity: string; message: string }> }) => r.issues.filter((i) => i.severity === 'error').map((i) => i.message)), []);
    assert.deepEqual([preview.counts.salesPointsNew, preview.counts.producersNew, preview.canCommit], [2, 0, true]);
    assert.deepEqual(preview.rows.map((r: { communeCode: string }) => r.communeCode).sort(), ['03595', '03637']);
    const committed = await send(office, '/api/imports', file, { kind: 'sales_points' });
    assert.equal(committed.statusCode, 201, committed.body);
    const points = (await office.request('GET', '/api/sales-points?pageSize=200')).json().items as Array<{ name: string; streetAddress: string; phone: string | null }>;
    const market = points.find((p) => p.name === list.names[0])!;
    assert.deepEqual([market.streetAddress, market.phone], ['Tổ 5, khu chợ trung tâm', '+84912345678']);
    const relisted = (await send(office, '/api/imports/preview', { ...file, content: Buffer.concat([file.content, Buffer.alloc(0)]) }, { kind: 'sales_points' })).json();
    assert.equal(relisted.alreadyImported.id, committed.json().batch.id);
    assert.equal((await office.request('POST', `/api/imports/${committed.json().batch.id}/undo`)).statusCode, 200);
    const after = (await office.request('GET', '/api/sales-points?pageSize=200')).json().items as Array<{ name: string }>;
    assert.equal(after.filter((p) => list.names.includes(p.name)).length, 0);
  });

  test('a mapping is saved per province and listed again', async () => {
    assert.equal((await office.request('PUT', '/api/imports/mappings', { name: '', mapping: { productName: 'B' } })).statusCode, 400);
    const saved = await office.request('PUT', '/api/imports/mappings', { name: 'Mẫu huyện Than Uyên', mapping: { productName: 1, producerName: 2, stars: 6 } });
    assert.equal(saved.statusCode, 200, saved.body);
    const listed = (await office.request('GET', '/api/imports/mappings')).json();
    assert.deepEqual(listed.items.find((m: { name: string }) => m.name === 'Mẫu huyện Than Uyên').mapping, { productName: 1, producerName: 2, stars: 6 });
    assert.deepEqual((await otherOffice.request('GET', '/api/imports/mappings')).json().items, []);
  });
});
