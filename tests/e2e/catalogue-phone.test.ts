/**
 * The public catalogue on a phone (390×844): search typed without diacritics, the facets form, the
 * product page of a valid and of a revoked product, in Debian's chromium. No JavaScript is needed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browserSkip, startBrowserSuite, type BrowserSuite } from '../support/browser.ts';
import { createCertifiedProduct } from '../support/certificates.ts';
import { createProducerRecord, unique } from '../support/test-app.ts';

describe('public catalogue on a phone', { skip: browserSkip, timeout: 120_000 }, () => {
  let suite: BrowserSuite;
  let origin: string;

  before(async () => {
    suite = await startBrowserSuite();
    origin = new URL(suite.baseUrl).origin;
  });
  after(async () => {
    await suite?.close();
  });

  const fitsTheScreen = async (page: import('playwright-core').Page) => {
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(width.scroll <= width.client, `no sideways scrolling (${width.scroll} > ${width.client})`);
  };

  test('search without diacritics, open the product, see a revoked one flagged at the top', async () => {
    const tag = unique('p');
    const producerId = await createProducerRecord(suite.t.db, { provinceCode: '12', communeCode: '03595' }, `Tổ hợp tác ổi Hua Nà ${tag}`);
    const guava = await createCertifiedProduct(suite.t.db, { producerId, productName: `Ổi Hua Nà ${tag}`, stars: 4, issuedOn: '2026-06-01' });
    const cloth = await createCertifiedProduct(suite.t.db, { producerId, productName: `Thổ cẩm Hua Nà ${tag}`, stars: 3, issuedOn: '2025-04-01' });
    await suite.t.db.pool.query('UPDATE certificates SET revoked_on = $2 WHERE id = $1', [cloth.certificate.id, '2025-10-01']);

    const { context, page } = await suite.openBrowser({ viewport: { width: 390, height: 844 }, mobile: true });
    await page.goto(`${origin}/`);
    // The home page's form leads to the catalogue.
    await page.getByLabel('Tìm sản phẩm hoặc chủ thể').fill(`oi hua na ${tag}`);
    await Promise.all([page.waitForURL('**/san-pham?**'), page.getByRole('button', { name: 'Tìm kiếm' }).click()]);
    const results = page.getByTestId('results');
    await results.waitFor();
    assert.match(await results.innerText(), new RegExp(`Ổi Hua Nà ${tag}`));
    await fitsTheScreen(page);

    // Facets are one plain form: choose "Đã thu hồi" and submit.
    await page.getByLabel('Hiệu lực').selectOption('revoked');
    await Promise.all([page.waitForURL('**validity=revoked**'), page.getByRole('button', { name: 'Lọc' }).click()]);
    const revokedOnly = await page.getByTestId('results').innerText();
    assert.doesNotMatch(revokedOnly, new RegExp(`Ổi Hua Nà ${tag}`));
    await page.getByLabel('Hiệu lực').selectOption('');
    await page.getByLabel('Tìm sản phẩm hoặc chủ thể').fill(`hua na ${tag}`);
    await Promise.all([page.waitForURL(`**q=hua+na+${tag}**`), page.getByRole('button', { name: 'Tìm kiếm' }).click()]);

    await Promise.all([page.waitForURL(`**/san-pham/${guava.productId}-**`), page.getByRole('link', { name: `Ổi Hua Nà ${tag}`, exact: true }).click()]);
    assert.equal(await page.locator('h1').innerText(), `Ổi Hua Nà ${tag}`);
    assert.match(await page.locator('section.box').first().innerText(), new RegExp(guava.certificate.number));
    assert.equal(await page.locator('[role="alert"]').count(), 0);
    await fitsTheScreen(page);
    const verify = await page.getByRole('link', { name: /Kiểm tra giấy chứng nhận/ }).getAttribute('href');
    assert.equal(verify, `/xac-minh/${guava.certificate.publicToken}`);

    await page.goto(`${origin}/san-pham/${cloth.productId}`);
    const alert = page.locator('[role="alert"]');
    assert.match(await alert.innerText(), /BỊ THU HỒI ngày 01\/10\/2025/);
    const look = await alert.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { color: getComputedStyle(element).color, top: box.top, bottom: box.bottom };
    });
    assert.equal(look.color, 'rgb(155, 28, 28)');
    assert.ok(look.bottom < 300, `the warning is at the top of the first screen (bottom at ${look.bottom}px)`);
    await fitsTheScreen(page);
    await context.close();
  });

  test('the facet counts narrow with the search, and picking one narrows the results (issue 19 point 4)', async () => {
    const tag = unique('n');
    await createCertifiedProduct(suite.t.db, { productName: `Gạo Séng Cù ${tag} một`, stars: 4, provinceCode: '12', communeCode: '03595' });
    await createCertifiedProduct(suite.t.db, { productName: `Gạo Séng Cù ${tag} hai`, stars: 3, provinceCode: '42', communeCode: '18496' });
    await createCertifiedProduct(suite.t.db, { productName: `Chè Shan tuyết ${tag}`, stars: 4, provinceCode: '38', communeCode: '14869' });
    const { context, page } = await suite.openBrowser({ viewport: { width: 390, height: 844 }, mobile: true });
    const provinceOptions = async () =>
      (await page.getByLabel('Tỉnh, thành phố').locator('option').allInnerTexts()).filter((text) => text !== 'Tất cả');
    await page.goto(`${origin}/san-pham?q=${tag}`);
    assert.deepEqual((await provinceOptions()).sort(), ['Hà Tĩnh (1)', 'Lai Châu (1)', 'Thanh Hoá (1)'].sort());
    // A narrower text: the tea's province goes, the counts are the rice's.
    await page.getByLabel('Tìm sản phẩm hoặc chủ thể').fill(`gao seng cu ${tag}`);
    await Promise.all([page.waitForURL('**q=gao+seng+cu**'), page.getByRole('button', { name: 'Tìm kiếm' }).click()]);
    assert.deepEqual((await provinceOptions()).sort(), ['Hà Tĩnh (1)', 'Lai Châu (1)']);
    assert.match(await page.getByLabel('Hạng sao').locator('option[value="4"]').innerText(), /4 sao \(1\)/);
    await fitsTheScreen(page);
    // Pick one: one product left; the province list still offers the other (its own choice does not narrow it).
    await page.getByLabel('Tỉnh, thành phố').selectOption('42');
    await Promise.all([page.waitForURL('**province=42**'), page.getByRole('button', { name: 'Lọc' }).click()]);
    const results = await page.getByTestId('results').innerText();
    assert.match(results, new RegExp(`Gạo Séng Cù ${tag} hai`));
    assert.doesNotMatch(results, new RegExp(`Gạo Séng Cù ${tag} một`));
    assert.equal(await page.locator('h1').innerText(), 'Tìm thấy 1 sản phẩm');
    assert.deepEqual((await provinceOptions()).sort(), ['Hà Tĩnh (1)', 'Lai Châu (1)']);
    assert.match(await page.getByLabel('Hạng sao').locator('option[value="4"]').innerText(), /4 sao \(0\)/, 'the stars count the chosen province only');
    await fitsTheScreen(page);
    await context.close();
  });
});
