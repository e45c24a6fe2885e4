import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../core/db/database.ts';
import { createCertifiedProduct, type CertifiedProduct } from '../../../tests/support/certificates.ts';
import { pngBytes } from '../../../tests/support/dossiers.ts';
import { createFixedClock, createProducerRecord, createTestApp, unique, type TestApp } from '../../../tests/support/test-app.ts';
import { parseSearchText, productPath, slugOf } from './catalogue-query.ts';

// Today for every test here: 23/11/2026 (noon in Vietnam).
const clock = createFixedClock('2026-11-23T05:00:00Z');

/** A forwarded dossier with a story and one packaging photo, stored under `filesDir`. */
async function attachDossier(db: Database, product: CertifiedProduct, filesDir: string, story: string): Promise<string> {
  const png = pngBytes();
  const sha256 = createHash('sha256').update(png).digest('hex');
  writeFileSync(path.join(filesDir, sha256), png);
  await db.pool.query(
    `INSERT INTO stored_files (sha256, size_bytes, mime_type, storage_key) VALUES ($1, $2, 'image/png', $1) ON CONFLICT DO NOTHING`,
    [sha256, png.length],
  );
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO dossiers (product_id, producer_id, province_code, commune_code, type, rule_set_id, product_story, status,
       form_number, submitted_at, received_at, received_on, forwarded_at)
     SELECT p.id, p.producer_id, p.province_code, p.commune_code, 'first', '26-2026', $2, 'forwarded_to_province',
            $3, now(), now(), current_date, now() FROM products p WHERE p.id = $1 RETURNING id`,
    [product.productId, story, `${unique('F')}`],
  );
  const file = await db.pool.query<{ id: string }>(
    `INSERT INTO dossier_files (dossier_id, sha256, kind, original_name, mime_type, size_bytes, created_at)
     VALUES ($1, $2, 'packaging', 'bao-bi.png', 'image/png', $3, now()) RETURNING id`,
    [rows[0]!.id, sha256, png.length],
  );
  return file.rows[0]!.id;
}

const names = (body: string) => [...body.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]!);

describe('public catalogue', () => {
  let t: TestApp;
  let filesDir: string;
  const tag = unique('k');
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  // All products of this suite belong to one producer: the hidden producer filter keeps other test
  // files' products (same database, same kind of names) out of the results.
  let producerId = '';
  const search = async (q: string, extra = '') => {
    const response = await get(`/san-pham?q=${encodeURIComponent(q)}&producer=${producerId}${extra}`);
    assert.equal(response.statusCode, 200);
    return names(response.body).filter((name) => name.includes(tag));
  };
  const products: Record<string, CertifiedProduct> = {};

  before(async () => {
    filesDir = mkdtempSync(path.join(tmpdir(), 'ocop-catalogue-'));
    t = await createTestApp({ clock, config: { filesDir } });
    producerId = await createProducerRecord(t.db, { provinceCode: '12', communeCode: '03595' }, `HTX Nông nghiệp Mường Than ${tag}`);
    const make = async (key: string, spec: Parameters<typeof createCertifiedProduct>[1]) => {
      products[key] = await createCertifiedProduct(t.db, { ...spec, producerId });
    };
    // Different states on 23/11/2026: certificates last 36 months; "expiring" is the last 180 days.
    await make('rice', { productName: `Gạo Séng Cù ${tag}`, stars: 4, issuedOn: '2026-08-15', productSetNumber: 3 });
    await make('fish', { productName: `Ruốc cá lăng ${tag}`, stars: 3, issuedOn: '2023-12-01', productSetNumber: 6, provinceCode: '42', communeCode: '18496' });
    await make('guava', { productName: `Ổi Hua Nà ${tag}`, stars: 3, issuedOn: '2023-06-01', productSetNumber: 1 });
    await make('beans', { productName: `Đậu đỏ Na Son ${tag}`, stars: 3, issuedOn: '2022-01-10', productSetNumber: 3, provinceCode: '11', communeCode: '03203' });
    await make('cloth', { productName: `Thổ cẩm Hồi Xuân ${tag}`, stars: 4, issuedOn: '2025-05-20', productSetNumber: 22, provinceCode: '38', communeCode: '14869' });
    await make('cakeExact', { productName: `Bánh đa ${tag}`, stars: 5, issuedOn: '2026-01-10', productSetNumber: 5 });
    await make('cakePlain', { productName: `Bánh da ${tag}`, stars: 3, issuedOn: '2026-01-10', productSetNumber: 5 });
    // Extended: expired 01/06/2026, re-evaluation filed, within 180 days after expiry.
    await t.db.pool.query(`UPDATE certificates SET re_evaluation_filed_on = '2026-05-01' WHERE id = $1`, [products.guava!.certificate.id]);
    // Revoked on 01/10/2026.
    await t.db.pool.query(`UPDATE certificates SET revoked_on = '2026-10-01' WHERE id = $1`, [products.cloth!.certificate.id]);
    await attachDossier(t.db, products.rice!, filesDir, `Gạo Séng Cù trồng trên ruộng bậc thang Mường Than.\n\nHạt gạo dẻo, thơm ${tag}.`);
  });
  after(async () => {
    await t.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  test('search ignores tone marks and đ, and matches typed Vietnamese in any form', async () => {
    assert.deepEqual(await search(`gao seng cu`), [`Gạo Séng Cù ${tag}`]);
    assert.deepEqual(await search(`ruoc ca lang`), [`Ruốc cá lăng ${tag}`]);
    assert.deepEqual(await search(`oi hua na`), [`Ổi Hua Nà ${tag}`]);
    assert.deepEqual(await search(`Ổi Hua Nà`), [`Ổi Hua Nà ${tag}`]);
    assert.deepEqual(await search(`dau do`), [`Đậu đỏ Na Son ${tag}`], "'d' finds 'đ'");
    assert.deepEqual(await search(`ĐẬU ĐỎ`), [`Đậu đỏ Na Son ${tag}`], 'upper case');
    assert.deepEqual(await search(`Ổi Hua Nà`.normalize('NFD')), [`Ổi Hua Nà ${tag}`], 'decomposed input');
    assert.deepEqual(await search(`hua na oi`), [`Ổi Hua Nà ${tag}`], 'words in any order');
    assert.deepEqual(await search(`xyzzy`), []);
  });

  test('search tolerates typos', async () => {
    assert.deepEqual(await search(`gao seng ku`), [`Gạo Séng Cù ${tag}`]);
    assert.deepEqual(await search(`ruoc ca lan`), [`Ruốc cá lăng ${tag}`]);
    assert.deepEqual(await search(`thocam hoi xuan`), [`Thổ cẩm Hồi Xuân ${tag}`]);
  });

  test('exact diacritics rank first', async () => {
    assert.deepEqual(await search(`bánh đa`), [`Bánh đa ${tag}`, `Bánh da ${tag}`]);
    assert.deepEqual(await search(`bánh da`), [`Bánh da ${tag}`, `Bánh đa ${tag}`]);
    const plain = await search(`banh da`);
    assert.equal(plain.length, 2);
  });

  test("search finds products by their producer's name, and lists the producer", async () => {
    const response = await get(`/san-pham?q=${encodeURIComponent(`htx nong nghiep muong than ${tag}`)}`);
    assert.equal(names(response.body).filter((n) => n.includes(tag)).length, Object.keys(products).length);
    assert.match(response.body, new RegExp(`<a href="/chu-the/${producerId}-[a-z0-9-]+">HTX Nông nghiệp Mường Than ${tag}</a>`));
  });

  test('facets: stars, validity, province, commune, sector / group / product set; sorting', async () => {
    assert.deepEqual(await search('', '&stars=5'), [`Bánh đa ${tag}`]);
    assert.deepEqual((await search('', '&validity=revoked')), [`Thổ cẩm Hồi Xuân ${tag}`]);
    assert.deepEqual((await search('', '&validity=expired')), [`Đậu đỏ Na Son ${tag}`]);
    assert.deepEqual((await search('', '&validity=expiring')), [`Ruốc cá lăng ${tag}`]);
    // "valid" includes a certificate kept valid while its re-evaluation is pending.
    assert.deepEqual((await search('', '&validity=valid&sort=name')).sort(), [`Bánh da ${tag}`, `Bánh đa ${tag}`, `Gạo Séng Cù ${tag}`, `Ổi Hua Nà ${tag}`].sort());
    assert.deepEqual(await search('', '&province=42'), [`Ruốc cá lăng ${tag}`]);
    assert.deepEqual(await search('', '&province=11&commune=03203'), [`Đậu đỏ Na Son ${tag}`]);
    assert.deepEqual(await search('', '&group=IV'), [`Thổ cẩm Hồi Xuân ${tag}`], 'sector IV: handicrafts');
    assert.deepEqual((await search('', '&group=I.2&sort=name')), [`Đậu đỏ Na Son ${tag}`, `Gạo Séng Cù ${tag}`], 'group I.2: product sets 3 and 4');
    assert.deepEqual(await search('', '&group=1'), [`Ổi Hua Nà ${tag}`], 'product set 1');
    const byStars = await search('', '&sort=stars');
    assert.equal(byStars[0], `Bánh đa ${tag}`);
    assert.ok(byStars.indexOf(`Thổ cẩm Hồi Xuân ${tag}`) > byStars.indexOf(`Bánh da ${tag}`), 'revoked after those in force');
    const byName = await search('', '&sort=name');
    assert.deepEqual(byName, [...byName].sort((a, b) => slugOf(a).localeCompare(slugOf(b))));
    // Nonsense filter values are ignored, not an error.
    assert.equal((await get(`/san-pham?stars=9&validity=x&group=<script>&page=-1`)).statusCode, 200);
    // Facet counts in the option labels.
    const body = (await get(`/san-pham?q=${tag}`)).body;
    assert.match(body, /<option value="revoked">Đã thu hồi \(1\)<\/option>/);
    assert.match(body, /<option value="3">3 sao \(4\)<\/option>/);
  });

  test('only products with a certificate are in the catalogue; superseded certificates are not shown', async () => {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `INSERT INTO products (producer_id, province_code, commune_code, name, product_set_number, rule_set_id)
       VALUES ($1, '12', '03595', $2, 3, '26-2026') RETURNING id`,
      [products.rice!.producerId, `Gạo chưa xếp hạng ${tag}`],
    );
    assert.deepEqual(await search(`gao chua xep hang`), []);
    assert.equal((await get(`/san-pham/${rows[0]!.id}-gao`)).statusCode, 404);
    // A re-evaluation gives the product a new certificate: the page shows the new one.
    const upgraded = await createCertifiedProduct(t.db, { productName: `Mật ong ${tag}`, stars: 3, issuedOn: '2024-03-01', producerId });
    const { issueCertificate } = await import('../certificates/index.ts');
    const { withTransaction } = await import('../../core/db/database.ts');
    const newer = await withTransaction(t.db, (tx) =>
      issueCertificate(tx, { productId: upgraded.productId, stars: 4, level: 'province', ruleSetId: '26-2026', issuedOn: '2026-09-01', decisionNumber: '99/QĐ-UBND' }, { userId: null, label: 'test' }, new Date()),
    );
    const page = (await get(productPath({ id: upgraded.productId, name: upgraded.productName }))).body;
    assert.match(page, new RegExp(newer.number));
    assert.doesNotMatch(page, new RegExp(upgraded.certificate.number));
    assert.doesNotMatch(page, /Đã được thay bằng/);
    assert.deepEqual(await search(`mat ong`), [`Mật ong ${tag}`], 'listed once');
  });

  test('the catalogue follows renames of products and producers (catalogue_entries triggers)', async () => {
    const other = await createCertifiedProduct(t.db, { productName: `Miến dong ${tag}`, producerName: `Hộ kinh doanh Bình An ${tag}` });
    await t.db.pool.query('UPDATE products SET name = $2 WHERE id = $1', [other.productId, `Miến dong Bình Liêu ${tag}`]);
    await t.db.pool.query('UPDATE producers SET name = $2 WHERE id = $1', [other.producerId, `Hợp tác xã Phục Hưng ${tag}`]);
    const body = (await get(`/san-pham?q=${encodeURIComponent(`mien dong binh lieu ${tag}`)}`)).body;
    assert.deepEqual(names(body), [`Miến dong Bình Liêu ${tag}`]);
    assert.match(body, new RegExp(`Hợp tác xã Phục Hưng ${tag} —`));
    assert.doesNotMatch((await get(`/san-pham?q=${encodeURIComponent(`binh an ${tag}`)}`)).body, /Hộ kinh doanh Bình An/, 'the old producer name is gone');
  });

  test('the product page states validity plainly, with a warning at the top when expired or revoked', async () => {
    const page = async (key: string) => {
      const product = products[key]!;
      const response = await get(productPath({ id: product.productId, name: product.productName }));
      assert.equal(response.statusCode, 200, key);
      return response.body;
    };
    const top = (body: string) => body.slice(body.indexOf('<main>'), body.indexOf('<h1>'));
    const rice = await page('rice');
    assert.match(rice, /Còn hiệu lực/);
    assert.match(rice, /15\/08\/2029/, 'valid until, dd/MM/yyyy');
    assert.doesNotMatch(top(rice), /role="alert"/);
    assert.match(rice, new RegExp(products.rice!.certificate.number));
    assert.match(rice, new RegExp(`href="/xac-minh/${products.rice!.certificate.publicToken}"`));

    const fish = await page('fish');
    assert.match(top(fish), /class="alert s-expiring"[^>]*>Giấy chứng nhận còn hiệu lực đến hết ngày 01\/12\/2026/);

    // A certificate recorded with the commune code of before 1 July 2025 (xã Hua Nà, now part of xã Than Uyên).
    await t.db.pool.query(`UPDATE certificates SET commune_code = '03632' WHERE id = $1`, [products.guava!.certificate.id]);
    const guava = await page('guava');
    assert.match(guava, /<dt>Địa chỉ ghi trên giấy chứng nhận<\/dt><dd>Xã Hua Nà, Huyện Than Uyên, Tỉnh Lai Châu<\/dd>/);
    assert.match(top(guava), /class="alert s-extended"/);
    assert.match(guava, /Còn hiệu lực trong thời gian chờ đánh giá lại/);

    const beans = await page('beans');
    assert.match(top(beans), /<div class="alert s-expired" role="alert">Giấy chứng nhận OCOP của sản phẩm này đã HẾT HIỆU LỰC từ ngày 10\/01\/2025/);
    assert.match(beans, /<span class="badge s-expired">Hết hiệu lực<\/span>/);
    assert.doesNotMatch(beans, /"award"/, 'no star claim in JSON-LD');

    const cloth = await page('cloth');
    assert.match(top(cloth), /<div class="alert s-revoked" role="alert">Giấy chứng nhận OCOP của sản phẩm này đã BỊ THU HỒI ngày 01\/10\/2026/);
    assert.match(cloth, /\.s-expired,\.s-revoked,\.s-superseded\{background:#fde8e8;color:#9b1c1c\}/, 'in colour too');

    const english = (await get(`${productPath({ id: products.cloth!.productId, name: products.cloth!.productName })}?lang=en`)).body;
    assert.match(english, /<html lang="en">/);
    assert.match(english, /was REVOKED on 01\/10\/2026/);
  });

  test('the product page: story, photo, producer, places, map, SEO tags, small and cacheable', async () => {
    const product = products.rice!;
    const url = productPath({ id: product.productId, name: product.productName });
    assert.match(url, new RegExp(`^/san-pham/${product.productId}-gao-seng-cu-${tag}$`));
    const response = await get(url);
    const body = response.body;
    assert.match(body, /ruộng bậc thang Mường Than\.<\/p>\s*<p>Hạt gạo dẻo/);
    assert.match(body, /Xã Than Uyên/);
    assert.match(body, /Tỉnh Lai Châu|Lai Châu/);
    assert.match(body, /Trước 01\/07\/2025 thuộc/, 'old units of the merged commune');
    assert.match(body, /https:\/\/www\.openstreetmap\.org\/search\?query=/);
    assert.match(body, new RegExp(`<link rel="canonical" href="https?://[^"/]+${url}">`));
    assert.match(body, /<meta property="og:title" content="Gạo Séng Cù/);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)![1]!);
    assert.equal(ld['@type'], 'Product');
    assert.equal(ld.name, product.productName);
    assert.match(ld.award, /OCOP 4 sao/);
    assert.doesNotMatch(body.replace(/<script type="application\/ld\+json">.*?<\/script>/s, ''), /<script/);
    assert.ok(Buffer.byteLength(body) <= 50 * 1024, `product page is ${Buffer.byteLength(body)} bytes`);
    // The photo is served publicly, and only because the product is certified.
    const photo = /<img src="(\/anh\/[0-9a-f-]+)"/.exec(body)![1]!;
    const image = await get(photo);
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.equal((await get(`/anh/${crypto.randomUUID()}`)).statusCode, 404);
    // Cache headers and conditional requests.
    assert.match(response.headers['cache-control'] as string, /public, max-age=\d+/);
    const etag = response.headers.etag as string;
    assert.ok(etag);
    const again = await get(url, { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal((await get(url, { 'if-none-match': '"other"' })).statusCode, 200);
    // A wrong or missing slug redirects to the one canonical URL.
    const redirect = await get(`/san-pham/${product.productId}`);
    assert.equal(redirect.statusCode, 301);
    assert.equal(redirect.headers.location, url);
    assert.equal((await get('/san-pham/not-an-id')).statusCode, 404);
  });

  test('producer, province and commune pages list products and count them by star', async () => {
    const rice = products.rice!;
    const producer = await get(`/chu-the/${rice.producerId}`);
    assert.equal(producer.statusCode, 301);
    const producerPage = await get(producer.headers.location as string);
    assert.equal(producerPage.statusCode, 200);
    assert.match(producerPage.body, new RegExp(`Gạo Séng Cù`));
    assert.match(producerPage.body, /5 sao: <strong>1<\/strong>/);
    assert.match(producerPage.body, /4 sao: <strong>2<\/strong>/, 'the revoked one is not counted');
    assert.match(producerPage.body, /3 sao: <strong>3<\/strong>/, 'the expired one is not counted');
    const province = await get('/tinh/11');
    assert.equal(province.statusCode, 200);
    assert.match(province.body, /<h1>Sản phẩm OCOP — Tỉnh Điện Biên<\/h1>/);
    assert.match(province.body, /href="\/xa\/03203"/);
    const commune = await get('/xa/18496');
    assert.equal(commune.statusCode, 200);
    assert.match(commune.body, new RegExp(`Ruốc cá lăng`));
    assert.equal((await get('/tinh/99')).statusCode, 404);
    assert.equal((await get('/xa/abc')).statusCode, 404);
  });

  test('sitemap and robots.txt', async () => {
    const sitemap = await get('/sitemap.xml');
    assert.equal(sitemap.statusCode, 200);
    assert.match(sitemap.headers['content-type'] as string, /application\/xml/);
    assert.match(sitemap.body, new RegExp(`<loc>http://localhost(:\\d+)?/san-pham/${products.rice!.productId}-gao-seng-cu-${tag}</loc>`));
    assert.match(sitemap.body, /\/tinh\/11<\/loc>/);
    const robots = await get('/robots.txt');
    assert.match(robots.body, /Disallow: \/admin\//);
    assert.match(robots.body, /Sitemap: http:\/\/localhost(:\d+)?\/sitemap\.xml/);
  });

  test('the language switch keeps the page: search words, filters, sort and page, or the path', async () => {
    const switchOf = (body: string, label: string) => {
      const match = new RegExp(`<a href="([^"]*)" hreflang="[a-z]+" lang="[a-z]+">${label}</a>`).exec(body);
      assert.ok(match, `a "${label}" link`);
      return match[1]!.replaceAll('&amp;', '&');
    };
    const paramsOf = (href: string) => Object.fromEntries(new URL(href, 'http://x').searchParams);
    const query = `q=${encodeURIComponent('gạo')}&province=12&stars=4&group=I.2&validity=valid&sort=name&page=2&producer=${producerId}`;
    const vi = await get(`/san-pham?${query}`);
    const toEnglish = switchOf(vi.body, 'English');
    assert.ok(toEnglish.startsWith('/san-pham?'), toEnglish);
    assert.deepEqual(paramsOf(toEnglish), { q: 'gạo', province: '12', stars: '4', group: 'I.2', validity: 'valid', sort: 'name', page: '2', producer: producerId, lang: 'en' });
    const en = await get(toEnglish);
    assert.equal(en.statusCode, 200, en.body.slice(0, 300));
    const toVietnamese = switchOf(en.body, 'Tiếng Việt');
    assert.deepEqual(paramsOf(toVietnamese), { q: 'gạo', province: '12', stars: '4', group: 'I.2', validity: 'valid', sort: 'name', page: '2', producer: producerId });
    // The product, producer, province and commune pages keep their path (and their page of results).
    const rice = products.rice!;
    const productUrl = productPath({ id: rice.productId, name: rice.productName });
    assert.equal(switchOf((await get(productUrl)).body, 'English'), `${productUrl}?lang=en`);
    assert.equal(switchOf((await get(`${productUrl}?lang=en`)).body, 'Tiếng Việt'), productUrl);
    const producerUrl = (await get(`/chu-the/${producerId}`)).headers.location as string;
    assert.equal(switchOf((await get(`${producerUrl}?lang=en`)).body, 'Tiếng Việt'), producerUrl);
    assert.equal(switchOf((await get('/tinh/12?page=2')).body, 'English'), '/tinh/12?page=2&lang=en');
    assert.equal(switchOf((await get('/xa/03595?lang=en')).body, 'Tiếng Việt'), '/xa/03595');
  });

  test('English pages give the producer\'s legal form in English', async () => {
    const producerUrl = (await get(`/chu-the/${producerId}`)).headers.location as string;
    assert.match((await get(producerUrl)).body, /<dt>Loại hình<\/dt><dd>Hợp tác xã<\/dd>/);
    const english = (await get(`${producerUrl}?lang=en`)).body;
    assert.match(english, /<dt>Legal form<\/dt><dd>Cooperative<\/dd>/);
    assert.doesNotMatch(english, /Hợp tác xã/);
  });

  test('a certificate dated after today is not current, nor counted, until its day', async () => {
    const { issueCertificate } = await import('../certificates/index.ts');
    const { withTransaction } = await import('../../core/db/database.ts');
    const issueOn = (productId: string, issuedOn: string, stars: 3 | 4 | 5) =>
      withTransaction(t.db, (tx) =>
        issueCertificate(tx, { productId, stars, level: stars === 5 ? 'central' : 'province', ruleSetId: '26-2026', issuedOn, decisionNumber: '77/QĐ-UBND' }, { userId: null, label: 'test' }, new Date()),
      );
    // In force since 09/2024 with 3 stars; re-evaluated to 5 stars by a decision dated 15/12/2026 (after today, 23/11/2026).
    const tea = await createCertifiedProduct(t.db, { productName: `Chè Shan tuyết ${tag}`, stars: 3, issuedOn: '2024-09-01', producerId, productSetNumber: 7 });
    const future = await issueOn(tea.productId, '2026-12-15', 5);
    const page = (await get(productPath({ id: tea.productId, name: tea.productName }))).body;
    assert.match(page, new RegExp(tea.certificate.number), 'the certificate in force today');
    assert.doesNotMatch(page, new RegExp(future.number));
    assert.match(page, /<span class="badge s-valid">Còn hiệu lực<\/span>/);
    assert.match(page, /Sản phẩm OCOP 3 sao/);
    assert.deepEqual(await search(`che shan tuyet`, '&stars=3'), [`Chè Shan tuyết ${tag}`]);
    assert.deepEqual(await search(`che shan tuyet`, '&stars=5'), []);
    const body = (await get(`/san-pham?q=${encodeURIComponent(`che shan tuyet ${tag}`)}&producer=${producerId}`)).body;
    assert.match(body, /<option value="3">3 sao \(1\)<\/option>/);
    assert.match(body, /<option value="5">5 sao \(0\)<\/option>/, 'not counted as 5 stars yet');
    // First certified by a decision dated after today: not in the catalogue yet, anywhere.
    const honey = await createCertifiedProduct(t.db, { productName: `Mật ong bạc hà ${tag}`, stars: 4, issuedOn: '2026-12-01', productSetNumber: 5 });
    assert.deepEqual(await search(`mat ong bac ha`), []);
    assert.equal((await get(`/san-pham?q=${encodeURIComponent(`mat ong bac ha ${tag}`)}`)).body.includes('Mật ong bạc hà'), false);
    assert.equal((await get(productPath({ id: honey.productId, name: honey.productName }))).statusCode, 404);
    assert.equal((await get(`/chu-the/${honey.producerId}`)).statusCode, 404, 'its producer has nothing public yet');
    assert.doesNotMatch((await get('/sitemap.xml')).body, new RegExp(honey.productId));
    // On its day, the new certificate is the current one.
    const later = await createTestApp({ clock: createFixedClock('2026-12-15T05:00:00Z'), config: { filesDir } });
    try {
      const onTheDay = (await later.app.inject({ method: 'GET', url: productPath({ id: tea.productId, name: tea.productName }) })).body;
      assert.match(onTheDay, new RegExp(future.number));
      assert.match(onTheDay, /Sản phẩm OCOP 5 sao/);
      assert.equal((await later.app.inject({ method: 'GET', url: productPath({ id: honey.productId, name: honey.productName }) })).statusCode, 200);
    } finally {
      await later.close();
    }
  });

  test('form controls are at least 16px, so a phone does not zoom in when one is tapped', async () => {
    const body = (await get('/san-pham')).body;
    for (const [, size] of body.matchAll(/\.facets select\{[^}]*font-size:([^;}]+)/g)) assert.equal(size, '1rem');
  });
});

describe('catalogue search text', () => {
  test('folds, splits and escapes', () => {
    assert.deepEqual(parseSearchText('  Ổi  Hua Nà '), { raw: 'Ổi Hua Nà', lower: 'ổi hua nà', folded: 'oi hua na', words: ['oi', 'hua', 'na'] });
    assert.deepEqual(parseSearchText('50%_x')?.words, ['50', 'x']);
    assert.equal(parseSearchText('  '), null);
    assert.equal(parseSearchText('%%'), null);
  });
});
