import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { withTransaction } from '../../core/db/database.ts';
import { issueCertificate } from '../certificates/index.ts';
import { createCertifiedProduct } from '../../../tests/support/certificates.ts';
import { createFixedClock, createProducerRecord, createTestApp, unique, type TestApp } from '../../../tests/support/test-app.ts';

/**
 * The public statistics page (issue 13 point 3). Quảng Ninh (22) holds only what this test makes (no
 * other test uses it), so its figures are counted by hand from the table below. Today: 23/11/2026.
 *
 *   product  commune   certificates                                  listed as      in force
 *   P1       Hà Tu     3★ 10/04/2019                                 3★ (expired)   no
 *   P2       Hà Tu     4★ 01/06/2021 → 5★ 01/06/2024                 5★             yes
 *   P3       Hà Tu     3★ 01/02/2024, revoked 01/03/2025              3★ (revoked)   no
 *   P4       Hà Tu     4★ 20/12/2026 (dated after today)             not listed
 *   P5       Hà Tu     3★ 01/03/2018 (an imported record)            3★ (expired)   no       first recognised before 2019
 *   P6       Cao Xanh  4★ 01/05/2026                                 4★             yes
 *   P7       Cao Xanh  4★ 01/08/2023, re-evaluation filed            4★ (extended)  yes
 *   P8       Cao Xanh  4★ 01/02/2025 → 5★ 01/12/2026 (not yet)       4★             yes
 */
const QUANG_NINH = '22';
const HA_TU = '06652';
const CAO_XANH = '06658';
const clock = createFixedClock('2026-11-23T05:00:00Z');

/** The numbers of a table's body rows: [row header text, …cells]. */
function tableRows(body: string, caption: RegExp): string[][] {
  const start = body.search(caption);
  assert.ok(start >= 0, `heading ${caption}`);
  const table = body.slice(start).match(/<tbody>([\s\S]*?)<\/tbody>/)![1]!;
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()).slice(0, 3),
  );
}

/** The unit cards: name, catalogue link, total, and the three star links with their counts. */
function cards(body: string) {
  return [...body.matchAll(/<li[^>]*><a class="p" href="([^"]+)">([^<]+) <span>([\d.]+)<span class="sr">[^<]*<\/span><\/span><\/a>[\s\S]*?<div class="s">([\s\S]*?)<\/div><\/li>/g)].map((m) => ({
    href: m[1]!.replaceAll('&amp;', '&'),
    name: m[2]!,
    total: m[3]!,
    stars: [...m[4]!.matchAll(/<a href="([^"]+)"><span class="sr">[^<]*<\/span>(\d)★ ([\d.]+)<\/a>/g)].map((s) => ({ href: s[1]!.replaceAll('&amp;', '&'), stars: Number(s[2]), count: s[3]! })),
  }));
}

describe('public statistics page', () => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  before(async () => {
    t = await createTestApp({ clock });
    const haTu = { provinceCode: QUANG_NINH, communeCode: HA_TU };
    const caoXanh = { provinceCode: QUANG_NINH, communeCode: CAO_XANH };
    const producerA = await createProducerRecord(t.db, haTu, `HTX Hà Tu ${unique()}`);
    const producerB = await createProducerRecord(t.db, caoXanh, `HTX Cao Xanh ${unique()}`);
    const certify = (place: typeof haTu, producerId: string, stars: 3 | 4 | 5, issuedOn: string) => createCertifiedProduct(t.db, { ...place, producerId, stars, issuedOn });
    const again = (productId: string, stars: 3 | 4 | 5, issuedOn: string) =>
      withTransaction(t.db, (tx) =>
        issueCertificate(tx, { productId, stars, level: stars === 5 ? 'central' : 'province', ruleSetId: '26-2026', issuedOn, decisionNumber: `${unique()}/QĐ` }, { userId: null, label: 'test' }, new Date()),
      );
    await certify(haTu, producerA, 3, '2019-04-10'); // P1
    const p2 = await certify(haTu, producerA, 4, '2021-06-01');
    await again(p2.productId, 5, '2024-06-01');
    const p3 = await certify(haTu, producerA, 3, '2024-02-01');
    await t.db.pool.query(`UPDATE certificates SET revoked_on = '2025-03-01' WHERE id = $1`, [p3.certificate.id]);
    await certify(haTu, producerA, 4, '2026-12-20'); // P4
    await certify(haTu, producerA, 3, '2018-03-01'); // P5
    await certify(caoXanh, producerB, 4, '2026-05-01'); // P6
    const p7 = await certify(caoXanh, producerB, 4, '2023-08-01');
    await t.db.pool.query(`UPDATE certificates SET re_evaluation_filed_on = '2026-03-01' WHERE id = $1`, [p7.certificate.id]);
    const p8 = await certify(caoXanh, producerB, 4, '2025-02-01');
    await again(p8.productId, 5, '2026-12-01');
  });
  after(() => t.close());

  test('a province: by star, by year of first recognition cumulatively, by commune — as counted by hand', async () => {
    const response = await get(`/thong-ke/${QUANG_NINH}`);
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.match(body, /<h1>Thống kê sản phẩm OCOP — Tỉnh Quảng Ninh<\/h1>/);
    assert.match(body, /Đến ngày 23\/11\/2026, Tỉnh Quảng Ninh có 7 sản phẩm OCOP đã được công nhận từ năm 2019; 4 sản phẩm còn hiệu lực\./);
    assert.deepEqual(tableRows(body, /<h2>Theo hạng sao/), [['★★★ 3 sao', '3', '0'], ['★★★★ 4 sao', '3', '3'], ['★★★★★ 5 sao', '1', '1']]);
    assert.deepEqual(tableRows(body, /<h2>Theo năm công nhận/), [
      ['Trước năm 2019', '1', '1'], ['2019', '1', '2'], ['2020', '0', '2'], ['2021', '1', '3'], ['2022', '0', '3'],
      ['2023', '1', '4'], ['2024', '1', '5'], ['2025', '1', '6'], ['2026', '1', '7'],
    ]);
    const communes = cards(body);
    assert.deepEqual(communes.map((c) => [c.name, c.total, c.stars.map((s) => s.count).join('/')]), [['Hà Tu', '4', '3/0/1'], ['Cao Xanh', '3', '0/3/0']]);
    assert.equal(communes[0]!.href, `/san-pham?province=${QUANG_NINH}&commune=${HA_TU}`);
    assert.equal(communes[0]!.stars[2]!.href, `/san-pham?province=${QUANG_NINH}&commune=${HA_TU}&stars=5`);
    assert.match(body, /<a href="\/san-pham\?province=22&amp;stars=4">/, 'a star opens the province’s catalogue with that star');
    assert.match(body, /<a href="\/thong-ke">‹ Thống kê cả nước<\/a>/);
    assert.doesNotMatch(body, /<script/);
  });

  test('every link opens the catalogue search whose total is the figure shown', async () => {
    const body = (await get(`/thong-ke/${QUANG_NINH}`)).body;
    const found = async (href: string) => {
      const page = (await get(href)).body;
      const match = page.match(/Tìm thấy ([\d.]+) sản phẩm/);
      return match ? match[1]! : '0';
    };
    const links: Array<[string, string]> = [];
    for (const card of cards(body)) {
      links.push([card.href, card.total]);
      for (const star of card.stars) links.push([star.href, star.count]);
    }
    for (const row of [...body.matchAll(/<tr><th scope="row"><a href="([^"]+)">[\s\S]*?<\/a><\/th><td class="n">([\d.]+)<\/td>/g)]) links.push([row[1]!.replaceAll('&amp;', '&'), row[2]!]);
    assert.equal(links.length, 2 * 4 + 3, 'two communes with their three stars, and the three stars of the province');
    for (const [href, shown] of links) assert.equal(await found(href), shown, href);
  });

  test('the nation: every province of today’s list, totals that add up, Quảng Ninh as counted, within the page budget', async () => {
    const response = await get('/thong-ke');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/html/);
    assert.match(response.headers['cache-control'] as string, /public/);
    const body = response.body;
    assert.doesNotMatch(body, /<script/);
    const provinces = cards(body);
    assert.equal(provinces.length, 34, 'the 34 provinces and cities from 01/07/2025');
    const quangNinh = provinces.find((p) => p.name === 'Quảng Ninh')!;
    assert.deepEqual([quangNinh.href, quangNinh.total, quangNinh.stars.map((s) => s.count).join('/')], [`/san-pham?province=${QUANG_NINH}`, '7', '3/3/1']);
    assert.match(body, /<a href="\/thong-ke\/22">Thống kê<span class="sr"> Quảng Ninh<\/span><\/a>/);
    const number = (text: string) => Number(text.replace(/\./g, ''));
    const total = number(body.match(/cả nước có ([\d.]+) sản phẩm OCOP/)![1]!);
    const stars = tableRows(body, /<h2>Theo hạng sao/);
    const years = tableRows(body, /<h2>Theo năm công nhận/);
    assert.equal(stars.reduce((sum, row) => sum + number(row[1]!), 0), total, 'the stars add up to the total');
    assert.equal(provinces.reduce((sum, p) => sum + number(p.total), 0), total, 'the provinces add up to the total');
    assert.equal(number(years.at(-1)![2]!), total, 'the last cumulative figure is the total');
    const descending = provinces.map((p) => number(p.total));
    assert.deepEqual(descending, [...descending].sort((a, b) => b - a), 'most products first');
    assert.match(body, /<a href="\/san-pham\?stars=5">/);

    const bytes = Buffer.byteLength(body);
    assert.ok(bytes <= 50 * 1024, `the statistics page is ${bytes} bytes (the public pages' budget: 50 KB, issue 6)`);
    const compressed = await get('/thong-ke', { 'accept-encoding': 'br, gzip' });
    assert.equal(compressed.headers['content-encoding'], 'br');
    assert.equal(zlib.brotliDecompressSync(compressed.rawPayload).toString('utf8'), body);
    assert.ok(compressed.rawPayload.length <= 8 * 1024, `${compressed.rawPayload.length} bytes sent compressed`);
    console.log(`statistics page: ${bytes} bytes, ${compressed.rawPayload.length} compressed`);

    const etag = response.headers.etag as string;
    assert.equal((await get('/thong-ke', { 'if-none-match': etag })).statusCode, 304);
  });

  test('English; an unknown province answers 404; the home page and the sitemap link to it', async () => {
    const english = (await get(`/thong-ke/${QUANG_NINH}?lang=en`)).body;
    assert.match(english, /<html lang="en">/);
    assert.match(english, /As of 23\/11\/2026, Tỉnh Quảng Ninh has 7 OCOP products recognised since 2019; 4 are in force\./);
    assert.match(english, /href="\/san-pham\?province=22&amp;commune=06652&amp;lang=en"/);
    assert.match(english, /<link rel="alternate" hreflang="vi" href="[^"]*\/thong-ke\/22">/);
    for (const url of ['/thong-ke/99', '/thong-ke/abc', '/thong-ke/123']) assert.equal((await get(url)).statusCode, 404, url);
    assert.match((await get('/')).body, /<a href="\/thong-ke">/);
    assert.match((await get('/?lang=en')).body, /<a href="\/thong-ke\?lang=en">/);
    assert.match((await get('/sitemap.xml')).body, /<loc>[^<]*\/thong-ke<\/loc>/);
  });
});
