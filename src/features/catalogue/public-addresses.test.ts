/**
 * Every public address works (issue 19, point 10): a product or producer with the longest name the
 * registry accepts has a page, its short address redirects there, and every link the public site emits,
 * found by crawling from the sitemap, answers 200.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCertifiedProduct, type CertifiedProduct } from '../../../tests/support/certificates.ts';
import { createFixedClock, createProducerRecord, createTestApp, unique, type TestApp } from '../../../tests/support/test-app.ts';
import { MAX_SLUG_LENGTH, producerPath, productPath, slugOf } from './catalogue-query.ts';

const clock = createFixedClock('2026-11-23T05:00:00Z');
// products.name and producers.name: CHECK (length(trim(name)) BETWEEN 2 AND 200); the API's zod schemas agree.
const LONGEST_NAME = 200;

/** A real long name (the one that broke, issue 19) padded with words to exactly `length` characters. */
function longName(start: string, tag: string, length = LONGEST_NAME): string {
  let name = `${start} ${tag}`;
  for (let index = 1; name.length < length; index++) name += ` lô ${index}`;
  return name.slice(0, length).trim().padEnd(length, 'x');
}

describe('public addresses', () => {
  let t: TestApp;
  const tag = unique('addr');
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  let long: CertifiedProduct;
  let producerName = '';

  before(async () => {
    t = await createTestApp({ clock });
    producerName = longName('Hợp tác xã Sản xuất Kinh doanh Dịch vụ Nông nghiệp và Chế biến Thủy sản Cửa Hội', tag);
    const producerId = await createProducerRecord(t.db, { provinceCode: '40', communeCode: '16681' }, producerName);
    long = await createCertifiedProduct(t.db, {
      producerId,
      provinceCode: '40',
      communeCode: '16681',
      productName: longName('Nước mắm cá cơm truyền thống Cửa Hội thượng hạng 40 độ đạm chai thủy tinh 500ml', tag),
      productSetNumber: 9,
      stars: 4,
      issuedOn: '2026-06-01',
    });
    // A second, ordinary product, so the crawl sees more than the edge case.
    await createCertifiedProduct(t.db, { productName: `Chè Shan tuyết Than Uyên ${tag}`, productSetNumber: 11, stars: 3, issuedOn: '2026-03-01' });
  });
  after(async () => {
    await t.close();
  });

  test('the slug is cut at a word so "<uuid>-<slug>" fits in 100 characters', () => {
    assert.equal(long.productName.length, LONGEST_NAME);
    const slug = slugOf(long.productName);
    assert.ok(slug.length <= MAX_SLUG_LENGTH, slug);
    assert.ok(`${long.productId}-${slug}`.length <= 100);
    assert.match(slug, /^nuoc-mam-ca-com-truyen-thong-cua-hoi-thuong-hang-40-do-dam/);
    // The end is a whole word of the name, never a piece of one.
    const full = long.productName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    assert.ok(full.startsWith(`${slug}-`), `${slug} is whole words of ${full}`);
    assert.equal(slugOf('Gạo Séng Cù'), 'gao-seng-cu');
    assert.equal(slugOf('x'.repeat(200)).length, MAX_SLUG_LENGTH, 'one word longer than a slug is cut where it must be');
  });

  test('a product and a producer with the longest name: the catalogue links to a page that answers 200, the short address redirects to it', async () => {
    const search = await get(`/san-pham?q=${encodeURIComponent(tag)}`);
    assert.equal(search.statusCode, 200);
    const canonical = productPath({ id: long.productId, name: long.productName });
    assert.ok(search.body.includes(`href="${canonical}"`), 'the search result links to the canonical address');

    const page = await get(canonical);
    assert.equal(page.statusCode, 200, `${canonical} answered ${page.statusCode}`);
    assert.ok(page.body.includes('Nước mắm cá cơm truyền thống Cửa Hội'));

    const short = await get(`/san-pham/${long.productId}`);
    assert.equal(short.statusCode, 301);
    assert.equal(short.headers.location, canonical);
    assert.equal((await get(short.headers.location as string)).statusCode, 200);

    // An address printed before slugs were capped (an 80-character slug: 117 characters) still arrives.
    const old = `/san-pham/${long.productId}-${slugOf(long.productName.slice(0, 120)).padEnd(80, '-x').slice(0, 80)}`;
    assert.ok(old.length - '/san-pham/'.length > 100);
    const oldAnswer = await get(old);
    assert.equal(oldAnswer.statusCode, 301, `an old long address answered ${oldAnswer.statusCode}`);
    assert.equal(oldAnswer.headers.location, canonical);

    const producer = producerPath({ id: long.producerId, name: producerName });
    assert.ok(page.body.includes(`href="${producer}"`), 'the product page links to its producer');
    assert.equal((await get(producer)).statusCode, 200);
    const shortProducer = await get(`/chu-the/${long.producerId}`);
    assert.equal(shortProducer.statusCode, 301);
    assert.equal(shortProducer.headers.location, producer);
  });

  test('every link the public site emits, crawled from the sitemap, answers 200', async () => {
    const sitemap = await get('/sitemap.xml');
    assert.equal(sitemap.statusCode, 200);
    // The sitemap's addresses are absolute, on the site's own origin; a page's links may be either.
    const origin = new URL(/<loc>([^<]+)<\/loc>/.exec(sitemap.body)![1]!).origin;
    const pathOf = (address: string) => {
      const url = new URL(address.replaceAll('&amp;', '&'), origin);
      return url.origin === origin ? url.pathname + url.search : null;
    };
    const pages = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => pathOf(match[1]!)!);
    assert.ok(pages.includes(productPath({ id: long.productId, name: long.productName })), 'the long product is in the sitemap');
    assert.ok(pages.length >= 5, `the sitemap lists ${pages.length} pages`);

    const checked = new Map<string, number>();
    const failures: string[] = [];
    const visit = async (path: string, from: string) => {
      if (checked.has(path)) return null;
      const response = await get(path);
      checked.set(path, response.statusCode);
      if (response.statusCode !== 200) failures.push(`${path} → ${response.statusCode} (linked from ${from})`);
      return response;
    };
    for (const page of pages) {
      const response = await visit(page, 'sitemap.xml');
      if (!response || response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
      // Links, the canonical and alternate languages, and images: everything the page points at on this site.
      for (const match of response.body.matchAll(/<(?:a|link|img)\b[^>]*?\s(?:href|src)="([^"#]+)"/g)) {
        const target = pathOf(match[1]!);
        if (target && !target.startsWith('/admin')) await visit(target, page);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked.size > pages.length, `the crawl followed the pages' own links too (${checked.size} addresses)`);
  });
});
