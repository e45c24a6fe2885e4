import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jsQRImport from 'jsqr';
import { PNG } from 'pngjs';
import { createCertifiedProduct, type CertifiedProduct } from '../../../tests/support/certificates.ts';
import { createFixedClock, createTestApp, randomIp, type TestApp } from '../../../tests/support/test-app.ts';
import { certificateQrPayload, certificateQrPng, gtin14 } from '../certificates/index.ts';

// jsqr's types declare an ES default export; at run time the CommonJS module itself is the function.
const jsQR = jsQRImport as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** A GTIN-13 with a correct check digit, from 12 digits. */
function gtin13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}
const random12 = () => `893${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

// "Today" for the whole file: 23/11/2026 (10:00 in Việt Nam).
const TODAY = '2026-11-23T03:00:00Z';

describe('certificate verification page (the QR target)', () => {
  let t: TestApp;
  const ip = randomIp();
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers, remoteAddress: ip });

  before(async () => {
    t = await createTestApp({ clock: createFixedClock(TODAY), config: { publicBaseUrl: 'https://ocop.example.vn' } });
  });
  after(() => t.close());

  test('a valid certificate: status in words and colour, the facts of the certificate, a link to the product page', async () => {
    const product = await createCertifiedProduct(t.db, { issuedOn: '2026-08-15', stars: 4, productName: 'Gạo Séng Cù Mường Than' });
    const response = await get(`/xac-minh/${product.certificate.publicToken}`);
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/html/);
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.ok(response.headers.etag);
    const body = response.body;
    assert.match(body, /<html lang="vi">/);
    assert.match(body, /data-status="valid"/);
    assert.match(body, /class="status ok"/);
    assert.match(body, /Còn hiệu lực/);
    assert.match(body, /Trạng thái tại ngày 23\/11\/2026/);
    assert.match(body, /Gạo Séng Cù Mường Than/);
    assert.ok(body.includes(product.certificate.number));
    assert.match(body, /15\/08\/2026/);
    assert.match(body, /15\/08\/2029/);
    assert.match(body, /Ủy ban nhân dân/);
    assert.match(body, /\/QĐ-UBND/);
    assert.match(body, /4 sao/);
    // The product page of the catalogue, at its canonical address (no redirect on a slow network).
    assert.ok(body.includes(`href="/san-pham/${product.productId}-gao-seng-cu-muong-than"`));
    assert.doesNotMatch(body, /<script/);
    assert.ok(Buffer.byteLength(body) < 14_000, `page is ${Buffer.byteLength(body)} bytes`);

    const english = await get(`/xac-minh/${product.certificate.publicToken}?lang=en`);
    assert.match(english.body, /<html lang="en">/);
    assert.match(english.body, />Valid</);
    assert.match(english.body, /Issuing body/);
  });

  async function statusOf(product: CertifiedProduct, lang = 'vi') {
    const response = await get(`/xac-minh/${product.certificate.publicToken}${lang === 'en' ? '?lang=en' : ''}`);
    assert.equal(response.statusCode, 200);
    return { status: /data-status="(\w+)"/.exec(response.body)?.[1], body: response.body };
  }

  test('expiring: within 180 days of expiry', async () => {
    const product = await createCertifiedProduct(t.db, { issuedOn: '2024-01-10' });
    const { status, body } = await statusOf(product);
    assert.equal(status, 'expiring');
    assert.match(body, /Còn hiệu lực, sắp hết hạn/);
    assert.match(body, /Hết hạn ngày 10\/01\/2027/);
  });

  test('expired, and extended while a re-evaluation filed in time is pending (Đ.12.3)', async () => {
    const expired = await createCertifiedProduct(t.db, { issuedOn: '2023-06-01' });
    const { status, body } = await statusOf(expired);
    assert.equal(status, 'expired');
    assert.match(body, /Hết hiệu lực/);
    assert.match(body, /class="status bad"/);

    const extended = await createCertifiedProduct(t.db, { issuedOn: '2023-09-01' });
    await t.db.pool.query('UPDATE certificates SET re_evaluation_filed_on = $2 WHERE id = $1', [extended.certificate.id, '2026-08-01']);
    const result = await statusOf(extended);
    assert.equal(result.status, 'extended');
    assert.match(result.body, /Còn hiệu lực trong thời gian chờ đánh giá lại/);
  });

  test('revoked: the date, the decision and the legal ground (Đ.8), in red', async () => {
    const product = await createCertifiedProduct(t.db, { issuedOn: '2026-01-15' });
    await t.db.pool.query('UPDATE certificates SET revoked_on = $2 WHERE id = $1', [product.certificate.id, '2026-11-02']);
    await t.db.pool.query(
      `INSERT INTO certificate_revocations (certificate_id, ground, finding_on, decided_on, decision_number, reason, late, created_at)
       VALUES ($1, 'mark_misuse', '2026-10-25', '2026-11-02', '77/QĐ-UBND', 'Dùng biểu trưng OCOP cho sản phẩm khác', false, now())`,
      [product.certificate.id],
    );
    const { status, body } = await statusOf(product);
    assert.equal(status, 'revoked');
    assert.match(body, /class="status revoked"/);
    assert.match(body, /Đã bị thu hồi/);
    assert.match(body, /quyết định số 77\/QĐ-UBND ngày 02\/11\/2026/);
    assert.match(body, /Sử dụng nhãn hiệu, biểu trưng OCOP sai mục đích/);
    const english = await statusOf(product, 'en');
    assert.match(english.body, /Revoked by decision no\. 77\/QĐ-UBND of 02\/11\/2026/);
    assert.match(english.body, /Misuse of the OCOP mark/);
  });

  test('superseded by a newer certificate', async () => {
    const older = await createCertifiedProduct(t.db, { issuedOn: '2024-03-01' });
    const newer = await createCertifiedProduct(t.db, { issuedOn: '2026-09-01' });
    await t.db.pool.query('UPDATE certificates SET superseded_by = $2, superseded_on = $3 WHERE id = $1', [older.certificate.id, newer.certificate.id, '2026-09-01']);
    const { status, body } = await statusOf(older);
    assert.equal(status, 'superseded');
    assert.match(body, /Từ ngày 01\/09\/2026/);
  });

  test('each verification is counted per day; HEAD requests, bots and prefetches are not', async () => {
    const product = await createCertifiedProduct(t.db);
    const url = `/xac-minh/${product.certificate.publicToken}`;
    assert.match((await get(url)).body, /đã được xác minh 1 lần/);
    assert.match((await get(url)).body, /đã được xác minh 2 lần/);
    assert.equal((await t.app.inject({ method: 'HEAD', url, remoteAddress: ip })).statusCode, 200);
    assert.match((await get(url, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' })).body, /đã được xác minh 2 lần/);
    assert.match((await get(url, { 'sec-purpose': 'prefetch' })).body, /đã được xác minh 2 lần/);
    const third = await get(url);
    assert.match(third.body, /đã được xác minh 3 lần/);
    const rows = await t.db.pool.query('SELECT day, count FROM certificate_verifications WHERE certificate_id = $1', [product.certificate.id]);
    assert.deepEqual(rows.rows, [{ day: '2026-11-23', count: 3 }]);

    // Revalidation: unchanged status → 304 without a body, and the scan is still counted.
    const revalidated = await get(url, { 'if-none-match': third.headers.etag as string });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.body, '');
    const after304 = await t.db.pool.query('SELECT count FROM certificate_verifications WHERE certificate_id = $1', [product.certificate.id]);
    assert.equal(after304.rows[0].count, 4);
    // A revocation changes the ETag at once: the phone gets the new page.
    await t.db.pool.query('UPDATE certificates SET revoked_on = $2, version = version + 1 WHERE id = $1', [product.certificate.id, '2026-11-23']);
    const changed = await get(url, { 'if-none-match': third.headers.etag as string });
    assert.equal(changed.statusCode, 200);
    assert.match(changed.body, /data-status="revoked"/);
  });

  test('an unknown token is a 404 page in Vietnamese', async () => {
    const response = await get('/xac-minh/khong-co-ma-nay-1234567890');
    assert.equal(response.statusCode, 404);
    assert.match(response.headers['content-type'] as string, /text\/html/);
    assert.match(response.body, /Không tìm thấy giấy chứng nhận/);
    assert.match(response.body, /có thể là giả/);
    // Other errors still reach the application's error handler (the page scope only renders 429 itself).
    const tooLong = await get(`/xac-minh/${'a'.repeat(80)}`);
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json().error.code, 'INVALID_INPUT');
  });

  test('search by certificate number: exact, ignoring case and spaces; an unknown number says so', async () => {
    const product = await createCertifiedProduct(t.db);
    const form = await get('/xac-minh');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="so"/);
    const typed = `  ${product.certificate.number.toLowerCase().replace('-2026-', ' - 2026 - ')} `;
    const found = await get(`/xac-minh?so=${encodeURIComponent(typed)}`);
    assert.equal(found.statusCode, 303);
    assert.equal(found.headers.location, `/xac-minh/${product.certificate.publicToken}`);
    const english = await get(`/xac-minh?so=${encodeURIComponent(product.certificate.number)}&lang=en`);
    assert.equal(english.headers.location, `/xac-minh/${product.certificate.publicToken}?lang=en`);
    const partial = await get(`/xac-minh?so=${encodeURIComponent(product.certificate.number.slice(0, -1))}`);
    assert.equal(partial.statusCode, 404);
    assert.match(partial.body, /Không có giấy chứng nhận OCOP nào mang số/);
  });

  test('the QR payload: GS1 Digital Link with a GTIN, the verification URL without; the PNG decodes to it exactly', async () => {
    const withoutGtin = await createCertifiedProduct(t.db);
    const plain = certificateQrPayload(t.config, { publicToken: withoutGtin.certificate.publicToken, gtin: null });
    assert.equal(plain, `https://ocop.example.vn/xac-minh/${withoutGtin.certificate.publicToken}`);

    const gtin = gtin13(random12());
    const withGtin = await createCertifiedProduct(t.db, { gtin });
    const digitalLink = certificateQrPayload(t.config, { publicToken: withGtin.certificate.publicToken, gtin });
    assert.equal(digitalLink, `https://ocop.example.vn/01/0${gtin}?linkType=gs1:certificationInfo&cert=${withGtin.certificate.publicToken}`);
    // An invalid check digit is no GTIN: the plain verification URL is used.
    const wrong = `${gtin.slice(0, 12)}${(Number(gtin[12]) + 1) % 10}`;
    assert.equal(gtin14(wrong), null);
    assert.match(certificateQrPayload(t.config, { publicToken: 'x'.repeat(24), gtin: wrong }), /\/xac-minh\//);

    for (const payload of [plain, digitalLink]) {
      const token = payload === plain ? withoutGtin.certificate.publicToken : withGtin.certificate.publicToken;
      const png = PNG.sync.read(await certificateQrPng(t.config, { publicToken: token, gtin: payload === plain ? null : gtin }));
      const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      assert.equal(decoded?.data, payload);
    }

    const svg = await get(`/xac-minh/${withGtin.certificate.publicToken}/qr.svg`);
    assert.equal(svg.statusCode, 200);
    assert.match(svg.headers['content-type'] as string, /image\/svg\+xml/);
    assert.match(svg.body, /<svg/);
  });

  test('GS1 Digital Link resolution: /01/<GTIN> leads to the named certificate, or the product’s latest one', async () => {
    const gtin = gtin13(random12());
    const older = await createCertifiedProduct(t.db, { gtin, issuedOn: '2025-02-01' });
    const newer = await createCertifiedProduct(t.db, { gtin, issuedOn: '2026-07-01' });
    // The path of the QR, resolved by this server.
    const latest = await get(`/01/0${gtin}`);
    assert.equal(latest.statusCode, 307);
    assert.equal(latest.headers.location, `/xac-minh/${newer.certificate.publicToken}`);
    const named = await get(`/01/0${gtin}?linkType=gs1:certificationInfo&cert=${older.certificate.publicToken}`);
    assert.equal(named.headers.location, `/xac-minh/${older.certificate.publicToken}`);
    // GTIN-13 as written on the pack, and with key qualifiers (batch).
    assert.equal((await get(`/01/${gtin}`)).headers.location, `/xac-minh/${newer.certificate.publicToken}`);
    assert.equal((await get(`/01/0${gtin}/10/LO123?lang=en`)).headers.location, `/xac-minh/${newer.certificate.publicToken}?lang=en`);
    // A token of another product's certificate does not hijack this GTIN.
    const other = await createCertifiedProduct(t.db);
    assert.equal((await get(`/01/0${gtin}?cert=${other.certificate.publicToken}`)).headers.location, `/xac-minh/${newer.certificate.publicToken}`);
    // The QR payload itself, followed through the server, reaches the verification page.
    const payload = certificateQrPayload(t.config, { publicToken: older.certificate.publicToken, gtin });
    const followed = await get(new URL(payload).pathname + new URL(payload).search);
    const page = await get(followed.headers.location as string);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(older.certificate.number));
    assert.equal((await get(`/01/0${gtin13(random12())}`)).statusCode, 404);
    assert.equal((await get('/01/123')).statusCode, 404);
  });

  test('too many requests from one address: a 429 page in Vietnamese, other addresses unaffected', async () => {
    const address = randomIp();
    let last = null;
    for (let i = 0; i < 121; i++) last = await t.app.inject({ method: 'GET', url: '/xac-minh', remoteAddress: address });
    assert.equal(last!.statusCode, 429);
    assert.match(last!.headers['content-type'] as string, /text\/html/);
    assert.ok(Number(last!.headers['retry-after']) > 0);
    assert.match(last!.body, /quá nhiều yêu cầu/i);
    assert.equal((await t.app.inject({ method: 'GET', url: '/xac-minh', remoteAddress: randomIp() })).statusCode, 200);
    // The back office API is not limited by this.
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress: address })).statusCode, 200);
  });
});
