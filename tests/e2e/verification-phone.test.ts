/**
 * The certificate verification page on a phone (390×844, the common small screen): what a consumer sees
 * after scanning the QR, and the search by certificate number, in Debian's chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browserSkip, startBrowserSuite, type BrowserSuite } from '../support/browser.ts';
import { createCertifiedProduct } from '../support/certificates.ts';

describe('certificate verification on a phone', { skip: browserSkip, timeout: 120_000 }, () => {
  let suite: BrowserSuite;
  let origin: string;

  before(async () => {
    suite = await startBrowserSuite();
    origin = new URL(suite.baseUrl).origin;
  });
  after(async () => {
    await suite?.close();
  });

  test('a revoked certificate says so plainly, fits the screen, and the number search leads to it', async () => {
    const product = await createCertifiedProduct(suite.t.db, { issuedOn: '2025-04-01', productName: 'Ruốc cá lăng Than Uyên' });
    await suite.t.db.pool.query('UPDATE certificates SET revoked_on = $2 WHERE id = $1', [product.certificate.id, '2025-10-01']);
    await suite.t.db.pool.query(
      `INSERT INTO certificate_revocations (certificate_id, ground, finding_on, decided_on, decision_number, reason, late, created_at)
       VALUES ($1, 'law_violation', '2025-09-20', '2025-10-01', '345/QĐ-UBND', 'Vi phạm an toàn thực phẩm', false, now())`,
      [product.certificate.id],
    );
    const { page } = await suite.openBrowser({ viewport: { width: 390, height: 844 }, mobile: true });

    await page.goto(`${origin}/xac-minh/${product.certificate.publicToken}`);
    const status = page.locator('section.status');
    await status.waitFor();
    assert.match(await status.innerText(), /Đã bị thu hồi/);
    assert.match(await status.innerText(), /345\/QĐ-UBND/);
    assert.match(await status.innerText(), /Vi phạm pháp luật về chất lượng, an toàn thực phẩm/);
    // Red, white text, at the top of the first screen.
    const look = await status.evaluate((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return { background: style.backgroundColor, color: style.color, top: box.top, bottom: box.bottom };
    });
    assert.equal(look.background, 'rgb(138, 20, 20)');
    assert.equal(look.color, 'rgb(255, 255, 255)');
    assert.ok(look.bottom < 844, `the status is on the first screen (bottom at ${look.bottom}px)`);
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(width.scroll <= width.client, `no sideways scrolling (${width.scroll} > ${width.client})`);
    assert.match(await page.locator('dl.facts').innerText(), /Ruốc cá lăng Than Uyên/);
    // The QR code to print is one tap away.
    const qrHref = await page.getByRole('link', { name: /Tải mã QR/ }).getAttribute('href');
    const qr = await page.request.get(`${origin}${qrHref}`);
    assert.equal(qr.status(), 200);
    assert.match(await qr.text(), /^<svg/);

    // The search form, typed the way people type on a phone.
    await page.getByLabel('Số giấy chứng nhận').fill(product.certificate.number.toLowerCase());
    await Promise.all([page.waitForURL(`**/xac-minh/${product.certificate.publicToken}`), page.getByRole('button', { name: 'Tra cứu' }).click()]);
    assert.match(await page.locator('section.status').innerText(), /Đã bị thu hồi/);

    // English.
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**?lang=en');
    assert.match(await page.locator('section.status').innerText(), /Revoked/);
  });
});
