/**
 * The back-office menu (issue 19): grouped by the steps of the cycle, only what the role may use, one
 * row on a 1024×768 tablet and a 1366×768 desktop, behind the menu button on a phone; groups open with
 * the keyboard and close with Escape; the group of the current screen is marked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browserSkip, clickMenu, startBrowserSuite, type BrowserSuite } from '../support/browser.ts';
import { createCertifiedProduct } from '../support/certificates.ts';
import { createProducerRecord, createUserRecord } from '../support/test-app.ts';

describe('the back-office menu', { skip: browserSkip, timeout: 180_000 }, () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite({ timeoutMs: 15_000 });
  });
  after(async () => {
    await suite?.close();
  });

  const labels = {
    1024: ['Chủ thể', 'Ý tưởng', 'Hồ sơ, đánh giá', 'Chứng nhận', 'Xúc tiến', 'Báo cáo', 'Cài đặt'],
    1366: ['Chủ thể & sản phẩm', 'Ý tưởng & phương án', 'Hồ sơ & đánh giá', 'Giấy chứng nhận', 'Tập huấn, kế hoạch, xúc tiến', 'Báo cáo', 'Danh mục & cài đặt'],
  };
  for (const viewport of [{ width: 1024, height: 768 }, { width: 1366, height: 768 }] as const) {
    test(`the groups on one row at ${viewport.width}×${viewport.height}; keyboard opens and Escape closes a group`, async () => {
      const admin = await createUserRecord(suite.t.db, { role: 'system_admin' });
      const { page } = await suite.openBrowser({ viewport });
      await suite.signIn(page, admin.username);
      // Two short rows (brand and account; the groups) instead of four rows of 18 links (≈ 137 px).
      const header = await page.locator('header.topbar').boundingBox();
      assert.ok(header && header.height <= 90, `the header takes ${header?.height} px of ${viewport.height}`);
      const [scrollWidth, right] = await page.locator('ul.nav-groups').evaluate((el) => [el.scrollWidth, el.getBoundingClientRect().right]);
      assert.ok(scrollWidth <= viewport.width && right <= viewport.width, `the groups fit: ${scrollWidth} px, right edge ${right}`);
      assert.equal(await page.getByTestId('menu-toggle').isVisible(), false);
      const groups = await page.locator('li.nav-group > button.nav-group-toggle').allInnerTexts();
      assert.deepEqual(groups, labels[viewport.width]);
      assert.equal(await page.getByTestId('nav-audit').isVisible(), false, 'entries stay folded in their group');
      // The home's cards say what they open, in the menu's words.
      const fairs = page.getByTestId('home-card-fairs');
      assert.equal(await fairs.locator('.card-title').innerText(), await page.getByTestId('nav-fairs').textContent());
      assert.doesNotMatch(await fairs.innerText(), /Báo cáo/);

      await page.getByTestId('nav-group-toggle-certificates').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('nav-certificates').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('nav-certificates').waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'nav-group-certificates', 'focus goes back to the group');

      await clickMenu(page, 'nav-audit');
      await page.waitForURL(/\/admin\/audit/);
      assert.equal(await page.getByTestId('nav-group-settings').getAttribute('class'), 'nav-group nav-group-current', 'the current place is marked');
      assert.equal(await page.getByTestId('nav-audit').isVisible(), false, 'the group closes after choosing');
    });
  }

  test('a producer on a phone: the menu button shows only its groups; “Sản phẩm của tôi” says what to do next', async () => {
    const producerId = await createProducerRecord(suite.t.db, { provinceCode: '12', communeCode: '03595' });
    const product = await createCertifiedProduct(suite.t.db, { producerId, stars: 4, issuedOn: '2026-06-01' });
    const producer = await createUserRecord(suite.t.db, { role: 'producer', producerId });
    const { page } = await suite.openBrowser({ viewport: { width: 390, height: 844 }, mobile: true });
    await suite.signIn(page, producer.username);
    assert.equal(await page.getByTestId('main-nav').isVisible(), false);
    await page.getByTestId('menu-toggle').click();
    assert.ok(await page.getByTestId('nav-dossiers').isVisible());
    const titles = await page.locator('li.nav-group > .nav-group-title').allInnerTexts();
    assert.ok(!titles.some((title) => /báo cáo/i.test(title)), `a producer has no report group: ${titles.join(', ')}`);
    assert.equal(await page.getByTestId('nav-users').count(), 0);

    // "Sản phẩm của tôi": each product with its star, the days left and what it can do next.
    await page.getByTestId('nav-my-products').click();
    const card = page.getByTestId('my-product').filter({ hasText: product.productName });
    await card.waitFor();
    assert.match(await card.innerText(), /Bộ sản phẩm số 3/);
    assert.match(await card.getByTestId('my-product-expiry').innerText(), /^Còn [\d.]+ ngày \(\d{2}\/\d{2}\/\d{4}\)$/);
    assert.equal(await card.getByTestId('action-upgrade').innerText(), 'Đề nghị nâng lên 5 sao');
    await card.getByTestId('action-see_certificate').click();
    await page.waitForURL(new RegExp(`/admin/certificates/${product.certificate.id}`));
  });
});
