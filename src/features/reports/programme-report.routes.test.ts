import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { withTransaction } from '../../core/db/database.ts';
import { issueCertificate } from '../certificates/index.ts';
import { createCertifiedProduct } from '../../../tests/support/certificates.ts';
import { createReadyDossier, expectStatus, passingCheck } from '../../../tests/support/dossiers.ts';
import { createFixedClock, createProducerRecord, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';

/**
 * A world built for this test alone: a commune of Lai Châu created here (code 9xxxx, no real commune
 * has one), so every figure of its report is exactly what the test made. The expected numbers are
 * counted by hand below, never with the report's query.
 *
 *   product  producer (legal form)           set  stars  issued       notes
 *   A        P1 cooperative                    3   4★     10/03/2026
 *   B        P2 enterprise                     1   3★     20/12/2025   (reporting and half year 2026, calendar 2025)
 *   C        P3 household, merged into P1      3   3★     01/07/2026
 *   D        P2                               13   5★     20/10/2026   dated after "today" (30/09/2026): never counted
 *   E        P2                                1   3★ → 4★ 01/05/2024, upgraded 05/05/2026
 *   F        P1                               21   3★     10/01/2025   revoked 01/04/2026 (criteria no longer met)
 *   G        P2                                3   3★     01/02/2023   expired: last valid day 01/02/2026
 *   H        P1                               11   3★     01/11/2023   expiring: last valid day 01/11/2026
 *   dossiers: one forwarded on time, one submitted then withdrawn, one only submitted.
 */
const LAI_CHAU = '12';
const TODAY = '2026-09-30T10:00:00+07:00';

describe('programme report: commune, province, nation; periods; xlsx and PDF as handed in', () => {
  let t: TestApp;
  let commune: Client;
  let province: Client;
  let ministry: Client;
  let neighbour: Client;
  let otherProvince: Client;
  let producerClient: Client;
  let communeCode: string;
  let communeName: string;
  const get = (client: Client, query: string, file = '') => client.request('GET', `/api/reports/programme${file}?${query}`);
  const ours = () => `province=${LAI_CHAU}&commune=${communeCode}`;

  before(async () => {
    t = await createTestApp({ clock: createFixedClock(TODAY) });
    for (;;) {
      communeCode = String(90000 + Math.floor(Math.random() * 10000));
      communeName = `Thử Nghiệm ${communeCode}`;
      const inserted = await t.db.pool.query(
        `INSERT INTO admin_units (version_id, level, code, name, full_name, type_name, parent_code, province_code, search_text)
         VALUES ('vn-2025', 'commune', $1, $2, $3, 'Xã', $4, $4, $2) ON CONFLICT DO NOTHING`,
        [communeCode, communeName, `Xã ${communeName}`, LAI_CHAU],
      );
      if (inserted.rowCount === 1) break;
    }
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode });
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    ministry = await signInAs(t, { role: 'ministry_officer' });
    neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: '03405' });
    otherProvince = await signInAs(t, { role: 'province_office', provinceCode: '01' });

    const place = { provinceCode: LAI_CHAU, communeCode };
    const p1 = await createProducerRecord(t.db, place, `HTX ${unique()}`);
    const p2 = await createProducerRecord(t.db, place, `Công ty ${unique()}`);
    const p3 = await createProducerRecord(t.db, place, `Hộ ${unique()}`);
    await t.db.pool.query(`UPDATE producers SET legal_form = 'enterprise' WHERE id = $1`, [p2]);
    await t.db.pool.query(`UPDATE producers SET legal_form = 'household' WHERE id = $1`, [p3]);
    producerClient = await signInAs(t, { role: 'producer', producerId: p1, provinceCode: LAI_CHAU, communeCode });

    const certify = (producerId: string, productSetNumber: number, stars: 3 | 4 | 5, issuedOn: string) =>
      createCertifiedProduct(t.db, { ...place, producerId, productSetNumber, stars, issuedOn });
    await certify(p1, 3, 4, '2026-03-10'); // A
    await certify(p2, 1, 3, '2025-12-20'); // B
    await certify(p3, 3, 3, '2026-07-01'); // C
    await certify(p2, 13, 5, '2026-10-20'); // D (future)
    const e = await certify(p2, 1, 3, '2024-05-01'); // E
    await withTransaction(t.db, (tx) =>
      issueCertificate(tx, { productId: e.productId, stars: 4, level: 'province', ruleSetId: '26-2026', issuedOn: '2026-05-05', decisionNumber: '77/QĐ-UBND' }, { userId: null, label: 'test' }, new Date()),
    );
    const f = await certify(p1, 21, 3, '2025-01-10'); // F
    await expectStatus(province, 'POST', `/api/certificates/${f.certificate.id}/revoke`, {
      ground: 'criteria_no_longer_met', findingOn: '2026-03-25', decidedOn: '2026-04-01', decisionNumber: '12/QĐ-UBND', reason: 'Không duy trì tiêu chí',
    }, 200);
    await certify(p2, 3, 3, '2023-02-01'); // G
    await certify(p1, 11, 3, '2023-11-01'); // H

    // The household is a duplicate of the cooperative: merged, it must not count as a second producer.
    const p3Now = await expectStatus(province, 'GET', `/api/producers/${p3}`, undefined, 200);
    await expectStatus(province, 'POST', `/api/producers/${p3}/merge`, { intoId: p1, version: p3Now.version }, 200);

    // Dossiers of P2 (its own account): forwarded the same day (on time), withdrawn, only submitted.
    const filer = await signInAs(t, { role: 'producer', producerId: p2, provinceCode: LAI_CHAU, communeCode });
    const forwarded = await createReadyDossier(filer, p2);
    const submitted = await expectStatus(filer, 'POST', `/api/dossiers/${forwarded.id}/submit`, { version: forwarded.version }, 200);
    const received = await expectStatus(commune, 'POST', `/api/dossiers/${forwarded.id}/receive`, { version: submitted.version }, 200);
    const checked = await expectStatus(commune, 'PUT', `/api/dossiers/${forwarded.id}/commune-check`, { version: received.version, ...passingCheck }, 200);
    await expectStatus(commune, 'POST', `/api/dossiers/${forwarded.id}/forward`, { version: checked.version }, 200);
    const withdrawn = await createReadyDossier(filer, p2);
    const sent = await expectStatus(filer, 'POST', `/api/dossiers/${withdrawn.id}/submit`, { version: withdrawn.version }, 200);
    await expectStatus(filer, 'POST', `/api/dossiers/${withdrawn.id}/withdraw`, { version: sent.version }, 200);
    const waiting = await createReadyDossier(filer, p2);
    await expectStatus(filer, 'POST', `/api/dossiers/${waiting.id}/submit`, { version: waiting.version }, 200);
  });
  after(() => t.close());

  const stars = (breakdown: { byStar: Array<{ stars: number; products: { value: number } }> }) => breakdown.byStar.map((s) => s.products.value);

  test('calendar year 2026 of the commune: every total as counted by hand', async () => {
    const response = await get(commune, `${ours()}&period=calendar_year&year=2026`);
    assert.equal(response.statusCode, 200, response.body);
    const r = response.json();
    assert.equal(r.level, 'commune');
    assert.equal(r.issuingBody, `ỦY BAN NHÂN DÂN XÃ ${communeName.toLocaleUpperCase('vi')}`);
    assert.deepEqual(r.period, {
      kind: 'calendar_year', label: 'Năm 2026 (01/01/2026 – 31/12/2026)', from: '2026-01-01', to: '2026-12-31', asOf: '2026-09-30',
      previous: { label: 'Năm 2025 (01/01/2025 – 31/12/2025)', from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' },
    });

    // In the period: A (4★), C (3★), E upgraded (4★); D is dated after today.
    const period = r.products.recognisedInPeriod;
    assert.equal(period.products.value, 3);
    assert.deepEqual(stars(period), [1, 2, 0]);
    assert.equal(period.producers, 2, 'P1 (with merged P3) and P2');
    assert.deepEqual(period.byLegalForm.map((l: { legalForm: string; producers: number; products: number }) => [l.legalForm, l.producers, l.products]), [['cooperative', 1, 2], ['enterprise', 1, 1]]);
    assert.deepEqual(period.bySector.map((s: { code: string; products: number }) => [s.code, s.products]), [['I', 3]]);
    assert.deepEqual(period.byProductSet.map((s: { number: number; products: number }) => [s.number, s.products]), [[1, 1], [3, 2]]);
    assert.deepEqual(period.byUnit.map((u: { code: string; products: { value: number } }) => [u.code, u.products.value]), [[communeCode, 3]]);

    // In force on 30/09/2026: A, B, C, E (new), H; F revoked, G expired, E's first certificate replaced, D not yet.
    const inForce = r.products.inForce;
    assert.equal(inForce.products.value, 5);
    assert.deepEqual(stars(inForce), [3, 2, 0]);
    assert.equal(inForce.producers, 2);
    assert.deepEqual(inForce.byLegalForm.map((l: { legalForm: string; producers: number; products: number }) => [l.legalForm, l.producers, l.products]), [['cooperative', 1, 3], ['enterprise', 1, 2]]);
    assert.deepEqual(inForce.byProductSet.map((s: { number: number; products: number }) => [s.number, s.products]), [[1, 2], [3, 2], [11, 1]]);
    assert.equal(r.products.everRecognised.value, 7, 'A B C E F G H');

    assert.deepEqual(
      Object.fromEntries(Object.entries(r.certificates).filter(([, v]) => typeof v === 'object' && v !== null && 'value' in (v as object)).map(([k, v]) => [k, (v as { value: number }).value])),
      { issued: 3, firstRecognitions: 2, reEvaluated: 0, upgraded: 1, expiring: 1, expired: 1, revoked: 1 },
    );
    assert.equal(r.certificates.expiredReEvaluated, 0);
    assert.equal(r.certificates.reEvaluationRate, 0);
    assert.deepEqual(r.certificates.revokedByGround, [{ ground: 'criteria_no_longer_met', label: r.certificates.revokedByGround[0].label, count: 1 }]);

    assert.equal(r.funnel.dossiersSubmitted.value, 2, 'the withdrawn dossier is not counted');
    assert.equal(r.funnel.dossiersWithdrawn, 1);
    assert.equal(r.funnel.dossiersReceived, 1);
    assert.equal(r.funnel.dossiersForwarded.value, 1);
    assert.equal(r.funnel.productsRecognised.value, 3);
    assert.deepEqual([r.onTime.forwarded, r.onTime.onTime, r.onTime.late, r.onTime.rate], [1, 1, 0, 1]);
    assert.equal(r.rounds.held.value, 0);

    // 2025: B and F were issued.
    const recognised = r.comparison.find((c: { key: string }) => c.key === 'productsRecognised');
    assert.deepEqual([recognised.current, recognised.previous, recognised.change, recognised.changePercent], [3, 2, 1, 50]);
    const revoked = r.comparison.find((c: { key: string }) => c.key === 'certificatesRevoked');
    assert.deepEqual([revoked.current, revoked.previous], [1, 0]);

    // Drill-downs: the list behind the figure, with its filter.
    assert.deepEqual(period.byStar[1].products.drillDown, {
      path: '/api/certificates', query: { province: LAI_CHAU, commune: communeCode, star: '4', issuedFrom: '2026-01-01', issuedTo: '2026-09-30' }, exact: false,
    });
    assert.deepEqual(r.salesPoints.active.drillDown, { path: '/api/sales-points', query: { province: LAI_CHAU, commune: communeCode, active: 'true' }, exact: true });
  });

  test('reporting year, six months and a date range; the future-dated certificate inside the period still does not count', async () => {
    const year = (await get(commune, `${ours()}&period=reporting_year&year=2026`)).json();
    assert.deepEqual([year.period.from, year.period.to, year.period.asOf], ['2025-12-15', '2026-12-14', '2026-09-30']);
    assert.equal(year.products.recognisedInPeriod.products.value, 4, 'B, A, E, C — not D (20/10/2026)');
    assert.deepEqual(stars(year.products.recognisedInPeriod), [2, 2, 0]);

    const half = (await get(commune, `${ours()}&period=half_year&year=2026`)).json();
    assert.deepEqual([half.period.from, half.period.to, half.period.asOf], ['2025-12-15', '2026-06-14', '2026-06-14']);
    assert.equal(half.period.label, '6 tháng đầu năm 2026 (15/12/2025 – 14/06/2026)');
    assert.equal(half.products.recognisedInPeriod.products.value, 3, 'B, A, E');
    assert.equal(half.products.inForce.products.value, 4, 'on 14/06/2026: A, B, E, H (C comes in July)');
    assert.equal(half.certificates.revoked.value, 1);

    const range = (await get(commune, `${ours()}&period=range&from=2026-03-01&to=2026-03-31`)).json();
    assert.equal(range.products.recognisedInPeriod.products.value, 1, 'A');
    assert.deepEqual([range.period.previous.from, range.period.previous.to], ['2026-01-29', '2026-02-28']);
    assert.equal(range.comparison.find((c: { key: string }) => c.key === 'productsRecognised').previous, 0);
  });

  test('the province counts the commune among its communes; the ministry gets the national report', async () => {
    const ofProvince = await get(province, `province=${LAI_CHAU}&year=2026`);
    assert.equal(ofProvince.statusCode, 200, ofProvince.body);
    const p = ofProvince.json();
    assert.equal(p.level, 'province');
    const row = p.products.recognisedInPeriod.byUnit.find((u: { code: string }) => u.code === communeCode);
    assert.deepEqual([row.name, row.products.value, row.stars3, row.stars4, row.stars5], [`Xã ${communeName}`, 3, 1, 2, 0]);
    assert.ok(p.products.inForce.products.value >= 5);

    const national = await ministry.request('GET', '/api/reports/programme?year=2026');
    assert.equal(national.statusCode, 200, national.body);
    const n = national.json();
    assert.deepEqual([n.level, n.provinceCode, n.communeCode, n.unitName, n.issuingBody], ['nation', null, null, 'Toàn quốc', 'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG']);
    const laiChau = n.products.recognisedInPeriod.byUnit.find((u: { code: string }) => u.code === LAI_CHAU);
    assert.equal(laiChau.products.value, p.products.recognisedInPeriod.products.value, 'the nation’s Lai Châu row is the province’s total');
    assert.deepEqual(n.plans, []);
    assert.equal((await ministry.request('GET', `/api/reports/programme/export.xlsx?year=2026`)).statusCode, 200);
  });

  test('bad parameters: 400 with a Vietnamese message each; outside the scope: 404; 401; 403', async () => {
    const issues = async (query: string) => {
      const response = await get(ministry, query);
      assert.equal(response.statusCode, 400, `${query}: ${response.body}`);
      return response.json().error.details.issues.map((i: { path: string; message: string }) => `${i.path}: ${i.message}`);
    };
    assert.deepEqual(await issues('year=2018'), ['querystring.year: Số liệu Chương trình OCOP có từ năm 2019; chọn năm từ 2019.']);
    assert.deepEqual(await issues('year=2027'), ['querystring.year: Năm 2027 chưa đến kỳ báo cáo; chọn năm từ 2019 đến 2026.']);
    assert.deepEqual(await issues('period=reporting_year&year=2027'), ['querystring.year: Năm 2027 chưa đến kỳ báo cáo; chọn năm từ 2019 đến 2026.']);
    assert.deepEqual(await issues('period=range&from=2026-05-01&to=2026-04-01'), ['querystring.to: Ngày kết thúc kỳ báo cáo không được trước ngày bắt đầu.']);
    assert.deepEqual(await issues('period=range&from=2018-12-01&to=2019-01-31'), ['querystring.from: Số liệu Chương trình OCOP có từ năm 2019; chọn ngày bắt đầu từ 01/01/2019.']);
    assert.deepEqual(await issues('period=range&from=2026-10-01&to=2026-10-31'), ['querystring.from: Kỳ báo cáo chưa bắt đầu: ngày bắt đầu sau ngày hôm nay.']);
    assert.deepEqual(await issues('period=range&to=2026-04-01'), ['querystring.from: Chọn ngày bắt đầu kỳ báo cáo.']);
    assert.deepEqual((await issues('period=range&from=2026-02-30&to=2026-03-01')).map((i: string) => i.split(':')[0]), ['querystring.from']);
    assert.deepEqual((await issues('period=quarter')).map((i: string) => i.split(':')[0]), ['querystring.period']);
    assert.deepEqual(await issues('period=calendar_year&year=2026&from=2026-01-01'), ['querystring.from: Ngày bắt đầu, kết thúc chỉ dùng với kỳ báo cáo theo khoảng ngày (period=range).']);
    assert.deepEqual((await issues(`province=${LAI_CHAU}&commune=99999x`)).map((i: string) => i.split(':')[0]), ['querystring.commune']);
    assert.deepEqual((await issues(`province=${LAI_CHAU}&commune=18496`)).map((i: string) => i.split(':')[0]), ['querystring.commune'], 'a commune of Hà Tĩnh');

    for (const file of ['', '/export.xlsx', '/export.pdf']) {
      assert.equal((await get(neighbour, ours(), file)).statusCode, 404, `a neighbouring commune ${file}`);
      assert.equal((await get(otherProvince, ours(), file)).statusCode, 404, `another province ${file}`);
      assert.equal((await get(producerClient, ours(), file)).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/reports/programme${file}?${ours()}` })).statusCode, 401);
    }
    assert.equal((await otherProvince.request('GET', '/api/reports/programme')).json().provinceCode, '01', 'a province office: its province by default');
    // Issue 16, finding 5: a commune named alone is placed in its province, not dropped for the office's own unit.
    assert.equal((await get(province, 'commune=' + communeCode)).json().level, 'commune', 'a commune named without its province is that commune');
    assert.equal((await get(otherProvince, 'commune=' + communeCode)).statusCode, 404, 'another province’s commune named alone is missing');
  });

  test('the xlsx as handed in: heading, Biểu số, period, unit, number formats, frozen rows, print setup, totals', async () => {
    const response = await get(commune, `${ours()}&year=2026`, '/export.xlsx');
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-disposition']), new RegExp(`bao-cao-ocop-${communeCode}-2026\\.xlsx`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    assert.equal(sheet.getCell('A1').value, `ỦY BAN NHÂN DÂN XÃ ${communeName.toLocaleUpperCase('vi')}`);
    assert.equal(sheet.getCell('C1').value, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    assert.equal(sheet.getCell('C2').value, 'Độc lập - Tự do - Hạnh phúc');
    assert.equal(sheet.getCell('A2').value, 'Biểu số 01/BC-OCOP');
    assert.equal(sheet.getCell('C3').value, 'Lai Châu, ngày 30 tháng 9 năm 2026');
    assert.equal(sheet.getCell('A5').value, 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP)');
    assert.equal(sheet.getCell('A6').value, 'Kỳ báo cáo: Năm 2026 (01/01/2026 – 31/12/2026)');
    assert.equal(sheet.getCell('A7').value, `Đơn vị báo cáo: Xã ${communeName}, Tỉnh Lai Châu. Số liệu tính đến ngày 30/09/2026.`);
    assert.deepEqual((sheet.getRow(9).values as unknown[]).slice(1), ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ báo cáo', 'Cùng kỳ trước', 'Tăng (+), giảm (-)']);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 9, 'the heading and the column headers stay on screen');
    assert.equal(sheet.pageSetup.paperSize, 9, 'A4');
    assert.equal(sheet.pageSetup.orientation, 'landscape');
    assert.equal(sheet.pageSetup.printTitlesRow, '9:9');
    assert.match(String(sheet.pageSetup.printArea), /^A1:F\d+$/);

    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(2).value === label) found ??= row;
      });
      assert.ok(found, label);
      return found!;
    };
    const recognised = rowOf('Số sản phẩm được công nhận (cấp giấy chứng nhận) trong kỳ');
    assert.deepEqual([recognised.getCell(4).value, recognised.getCell(5).value, recognised.getCell(6).value], [3, 2, 1]);
    assert.equal(recognised.getCell(4).numFmt, '#,##0');
    assert.equal(rowOf('Số sản phẩm OCOP còn hiệu lực').getCell(4).value, 5);
    assert.equal(rowOf('Hồ sơ sản phẩm nộp (không kể hồ sơ đã rút)').getCell(4).value, 2);
    const onTime = rowOf('Tỷ lệ hồ sơ xã chuyển lên tỉnh đúng hạn');
    assert.deepEqual([onTime.getCell(4).value, onTime.getCell(4).numFmt], [1, '0.0%']);

    const products = workbook.getWorksheet('Sản phẩm')!;
    assert.equal(products.getCell('A2').value, 'Biểu số 02/BC-OCOP');
    let total: ExcelJS.Row | undefined;
    products.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') total ??= row;
    });
    assert.deepEqual((total!.values as unknown[]).slice(3, 8), [3, 5, 3, 2, 0]);
    assert.equal(total!.getCell(4).numFmt, '#,##0');
    for (const name of ['Tập huấn', 'Kế hoạch', 'Xúc tiến thương mại']) {
      const other = workbook.getWorksheet(name)!;
      assert.equal(other.getCell('A1').value, `ỦY BAN NHÂN DÂN XÃ ${communeName.toLocaleUpperCase('vi')}`, name);
      assert.equal(other.pageSetup.paperSize, 9, name);
    }
  });

  test('the PDF: national header, title, period and figures in Vietnamese (text extracted with pdftotext)', async () => {
    const response = await get(commune, `${ours()}&period=half_year&year=2026`, '/export.pdf');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), new RegExp(`bao-cao-ocop-${communeCode}-6-thang-2026\\.pdf`));
    const dir = mkdtempSync(path.join(tmpdir(), 'ocop-report-'));
    try {
      const file = path.join(dir, 'report.pdf');
      writeFileSync(file, response.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const expected of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        `ỦY BAN NHÂN DÂN XÃ ${communeName.toLocaleUpperCase('vi')}`,
        'Lai Châu, ngày 30 tháng 9 năm 2026',
        'Kỳ báo cáo: 6 tháng đầu năm 2026 (15/12/2025 – 14/06/2026)',
        'Số liệu tính đến ngày 14/06/2026',
      ]) {
        assert.ok(text.includes(expected), `${expected}\n---\n${text}`);
      }
      assert.match(text, /Số sản phẩm OCOP còn hiệu lực\s+Sản phẩm\s+4/);
      assert.match(text, /Số sản phẩm được công nhận \(cấp giấy chứng nhận\)[\s\S]*?Sản phẩm\s+3\b/);
      assert.match(text, /Giấy chứng nhận bị thu hồi trong kỳ\s+Giấy\s+1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
