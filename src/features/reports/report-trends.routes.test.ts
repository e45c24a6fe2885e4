import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withTransaction } from '../../core/db/database.ts';
import { issueCertificate } from '../certificates/index.ts';
import { createCertifiedProduct } from '../../../tests/support/certificates.ts';
import { expectStatus } from '../../../tests/support/dossiers.ts';
import { createFixedClock, createProducerRecord, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';

/**
 * The figures the report's charts draw (issue 13 point 3): recognitions per year since 2019 and
 * certificates expiring in each of the twelve months ahead. A commune of Lai Châu made here (code
 * 9xxxx, no real commune has one) holds only this world; every expected number is counted by hand from
 * the table below, never with the report's query. Today is 30/09/2026. A certificate is valid 36 months
 * (its last valid day is the same day number, 36 months on).
 *
 *   product  certificates (stars, issued)                        on 30/09/2026               last valid day
 *   O        3★ 01/05/2018                                       expired (before 2019)       01/05/2021
 *   A        3★ 01/06/2019 → 3★ 20/05/2022 → 4★ 10/05/2025      the 2025 one in force       10/05/2028
 *   N        3★ 01/02/2020 → 4★ 01/11/2020 (same year)          expired                     01/11/2023
 *   B        4★ 15/03/2020                                       expired                     15/03/2023
 *   M        3★ 01/06/2023, re-evaluation filed 01/03/2026       extended (past its day)     01/06/2026
 *   E        4★ 29/09/2023                                       expired yesterday           29/09/2026
 *   D        5★ 30/09/2023                                       expiring, its last day      30/09/2026  → 09/2026
 *   C        3★ 05/10/2023                                       expiring                    05/10/2026  → 10/2026
 *   K        4★ 20/11/2023                                       expiring                    20/11/2026  → 11/2026
 *   L        3★ 01/12/2023 → 3★ 01/08/2026                      the old one superseded      01/12/2026 (old), 01/08/2029
 *   H        3★ 15/01/2024, revoked 01/06/2026                  revoked                     15/01/2027
 *   F        3★ 31/08/2024                                       valid                       31/08/2027  → 08/2027 (the 12th month's last day)
 *   G        4★ 01/09/2024                                       valid                       01/09/2027  (after the twelve months)
 *   J        3★ 10/02/2026                                       valid                       10/02/2029
 *   I        4★ 20/10/2026                                       dated after today: never counted
 */
const LAI_CHAU = '12';
const TODAY = '2026-09-30T10:00:00+07:00';

interface YearRow {
  year: number;
  products: { value: number; drillDown: { query: Record<string, string> } };
  firstRecognitions: number;
  certificates: number;
}
interface MonthRow {
  month: string;
  from: string;
  to: string;
  certificates: { value: number; drillDown: { query: Record<string, string> } };
  stars3: number;
  stars4: number;
  stars5: number;
}

describe('programme report: the figures behind its charts', () => {
  let t: TestApp;
  let commune: Client;
  let province: Client;
  let communeCode: string;
  const get = (client: Client, query: string) => client.request('GET', `/api/reports/programme?${query}`);

  before(async () => {
    t = await createTestApp({ clock: createFixedClock(TODAY) });
    for (;;) {
      communeCode = String(90000 + Math.floor(Math.random() * 10000));
      const inserted = await t.db.pool.query(
        `INSERT INTO admin_units (version_id, level, code, name, full_name, type_name, parent_code, province_code, search_text)
         VALUES ('vn-2025', 'commune', $1, $2, $3, 'Xã', $4, $4, $2) ON CONFLICT DO NOTHING`,
        [communeCode, `Biểu Đồ ${communeCode}`, `Xã Biểu Đồ ${communeCode}`, LAI_CHAU],
      );
      if (inserted.rowCount === 1) break;
    }
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode });
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    const place = { provinceCode: LAI_CHAU, communeCode };
    const producerId = await createProducerRecord(t.db, place, `HTX ${unique()}`);
    const certify = (stars: 3 | 4 | 5, issuedOn: string) => createCertifiedProduct(t.db, { ...place, producerId, stars, issuedOn });
    const again = (productId: string, stars: 3 | 4 | 5, issuedOn: string) =>
      withTransaction(t.db, (tx) =>
        issueCertificate(tx, { productId, stars, level: 'province', ruleSetId: '26-2026', issuedOn, decisionNumber: `${unique()}/QĐ-UBND` }, { userId: null, label: 'test' }, new Date()),
      );

    await certify(3, '2018-05-01'); // O
    const a = await certify(3, '2019-06-01');
    await again(a.productId, 3, '2022-05-20');
    await again(a.productId, 4, '2025-05-10');
    const n = await certify(3, '2020-02-01');
    await again(n.productId, 4, '2020-11-01');
    await certify(4, '2020-03-15'); // B
    const m = await certify(3, '2023-06-01');
    await t.db.pool.query(`UPDATE certificates SET re_evaluation_filed_on = '2026-03-01' WHERE id = $1`, [m.certificate.id]);
    await certify(4, '2023-09-29'); // E
    await certify(5, '2023-09-30'); // D
    await certify(3, '2023-10-05'); // C
    await certify(4, '2023-11-20'); // K
    const l = await certify(3, '2023-12-01');
    await again(l.productId, 3, '2026-08-01');
    const h = await certify(3, '2024-01-15');
    await expectStatus(province, 'POST', `/api/certificates/${h.certificate.id}/revoke`, {
      ground: 'criteria_no_longer_met', findingOn: '2026-05-25', decidedOn: '2026-06-01', decisionNumber: '21/QĐ-UBND', reason: 'Không duy trì tiêu chí',
    }, 200);
    await certify(3, '2024-08-31'); // F
    await certify(4, '2024-09-01'); // G
    await certify(3, '2026-02-10'); // J
    await certify(4, '2026-10-20'); // I
  });
  after(() => t.close());

  const ours = () => `province=${LAI_CHAU}&commune=${communeCode}`;

  test('recognitions per year from 2019 to this year: products once a year, first recognitions, certificates', async () => {
    const response = await get(commune, `${ours()}&period=calendar_year&year=2026`);
    assert.equal(response.statusCode, 200, response.body);
    const years: YearRow[] = response.json().trends.recognitionsByYear;
    assert.deepEqual(
      years.map((y) => [y.year, y.products.value, y.firstRecognitions, y.certificates]),
      [
        [2019, 1, 1, 1], // A
        [2020, 2, 2, 3], // N twice (one product), B
        [2021, 0, 0, 0], // a year without any is still drawn
        [2022, 1, 0, 1], // A re-evaluated
        [2023, 6, 6, 6], // M E D C K L
        [2024, 3, 3, 3], // H F G (H revoked later: it was recognised in 2024 all the same)
        [2025, 1, 0, 1], // A upgraded
        [2026, 2, 1, 2], // J, L re-evaluated; not I (dated 20/10/2026)
      ],
    );
    assert.deepEqual(years[7]!.products.drillDown.query, { province: LAI_CHAU, commune: communeCode, issuedFrom: '2026-01-01', issuedTo: '2026-09-30' });
    assert.deepEqual(years[1]!.products.drillDown.query, { province: LAI_CHAU, commune: communeCode, issuedFrom: '2020-01-01', issuedTo: '2020-12-31' });
    // The year's point is the calendar-year report's own figure.
    assert.equal(years[7]!.products.value, response.json().products.recognisedInPeriod.products.value);
  });

  test('expiries in the twelve months ahead: in force today, last valid day from today to the end of the twelfth month, by star', async () => {
    const months: MonthRow[] = (await get(commune, `${ours()}&year=2026`)).json().trends.expiriesByMonth;
    assert.deepEqual(months.map((m) => m.month), ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08']);
    assert.deepEqual([months[0]!.from, months[0]!.to], ['2026-09-30', '2026-09-30'], 'the first month from today');
    assert.deepEqual([months[1]!.from, months[1]!.to, months[11]!.to], ['2026-10-01', '2026-10-31', '2027-08-31']);
    const expected: Record<string, [number, number, number, number]> = {
      '2026-09': [1, 0, 0, 1], // D on its last day; not E (yesterday), not M (extended)
      '2026-10': [1, 1, 0, 0], // C
      '2026-11': [1, 0, 1, 0], // K
      '2027-08': [1, 1, 0, 0], // F on 31/08; not G (01/09/2027)
    }; // L's old certificate (12/2026) is superseded, H's (01/2027) revoked: neither counts.
    for (const m of months) {
      assert.deepEqual([m.certificates.value, m.stars3, m.stars4, m.stars5], expected[m.month] ?? [0, 0, 0, 0], m.month);
    }
    assert.deepEqual(months[1]!.certificates.drillDown.query, {
      province: LAI_CHAU, commune: communeCode, inForceOn: '2026-09-30', expiresFrom: '2026-10-01', expiresTo: '2026-10-31',
    });
  });

  test('a past year: as things stood on 31/12 of it', async () => {
    const r = (await get(commune, `${ours()}&period=calendar_year&year=2024`)).json();
    assert.deepEqual(r.trends.recognitionsByYear.map((y: YearRow) => [y.year, y.products.value]), [[2019, 1], [2020, 2], [2021, 0], [2022, 1], [2023, 6], [2024, 3]]);
    const months: MonthRow[] = r.trends.expiriesByMonth;
    assert.deepEqual([months[0]!.month, months[0]!.from, months.at(-1)!.to], ['2024-12', '2024-12-31', '2025-11-30']);
    // On 31/12/2024 A's 2022 certificate was still in force (replaced only on 10/05/2025): it expires 20/05/2025.
    assert.deepEqual(
      months.filter((m) => m.certificates.value > 0).map((m) => [m.month, m.certificates.value, m.stars3, m.stars4, m.stars5]),
      [['2025-05', 1, 1, 0, 0]],
    );
  });

  test('the province report holds the commune among them; a half year counts to its last day', async () => {
    const p = (await get(province, `province=${LAI_CHAU}&year=2026`)).json();
    assert.equal(p.trends.recognitionsByYear.length, 8);
    assert.ok(p.trends.recognitionsByYear[4].products.value >= 6, 'Lai Châu 2023 holds at least our six');
    assert.ok(p.trends.expiriesByMonth[0].stars5 >= 1);
    const half = (await get(commune, `${ours()}&period=half_year&year=2026`)).json();
    assert.equal(half.trends.recognitionsByYear.at(-1).products.value, 1, 'to 14/06/2026: J only');
    assert.equal(half.trends.expiriesByMonth[0].from, '2026-06-14');
    // From 14/06/2026: M (01/06) has passed and H is revoked (01/06); D and E in 09/2026, C, K, and L's old
    // certificate (replaced only on 01/08/2026) in 12/2026; F (08/2027) is beyond May 2027.
    assert.deepEqual(
      half.trends.expiriesByMonth.filter((m: MonthRow) => m.certificates.value > 0).map((m: MonthRow) => [m.month, m.certificates.value]),
      [['2026-09', 2], ['2026-10', 1], ['2026-11', 1], ['2026-12', 1]],
    );
  });
});
