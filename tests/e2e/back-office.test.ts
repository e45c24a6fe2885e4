/**
 * Browser journeys through the back office (web/, built by Vite and served by the app under /admin/),
 * driven by playwright-core on Debian's chromium against a real app on the run's test database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, startBrowserSuite, type BrowserOptions, clickMenu, type BrowserSuite } from '../support/browser.ts';
import {
  TEST_PASSWORD,
  createProducerRecord,
  createUserRecord,
  signIn as signInByApi,
  unique,
  type TestApp,
} from '../support/test-app.ts';

// Lai Châu: the old district Than Uyên became, among others, the current commune Xã Than Uyên (03595).
const LAI_CHAU = '12';
const THAN_UYEN = '03595';

describe('back office in the browser', { skip: browserSkip, timeout: 180_000 }, () => {
  let suite: BrowserSuite;
  let t: TestApp;
  let baseUrl: string;

  before(async () => {
    suite = await startBrowserSuite();
    ({ t, baseUrl } = suite);
  });

  after(async () => {
    await suite?.close();
  });

  const openBrowser = (options?: BrowserOptions) => suite.openBrowser(options);
  const signIn = (page: Page, username: string) => suite.signIn(page, username);

  test('an administrator creates a commune officer, sees the temporary password, deactivates the account; English on request', async () => {
    const admin = await createUserRecord(t.db, { role: 'system_admin' });
    const { context, page } = await openBrowser();
    try {
      // Signed out, any screen leads to the Vietnamese sign-in screen.
      await page.goto(`${baseUrl}/users`);
      await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
      assert.match(page.url(), /\/admin\/login\?redirect=%2Fusers/);
      await page.getByLabel('Tên đăng nhập').fill(admin.username);
      await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
      await page.getByTestId('login-submit').click();
      // Back where it was going: the account list.
      await page.getByRole('heading', { name: 'Tài khoản người dùng', exact: true }).waitFor();
      assert.equal(await page.getByTestId('nav-audit').count(), 1, 'an administrator sees the audit log in the menu');

      await page.getByTestId('new-user').click();
      await page.getByTestId('user-form').waitFor();
      // Every problem is shown at once, next to its field.
      await page.getByTestId('user-submit').click();
      await page.getByTestId('form-error').waitFor();
      assert.match(await page.getByTestId('error-username').innerText(), /Tên đăng nhập/);
      assert.match(await page.getByTestId('error-displayName').innerText(), /Họ tên không được để trống/);
      assert.equal(await page.getByTestId('error-role').count(), 1);

      const username = unique('xa.');
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Họ và tên').fill('Lò Văn Thử');
      await page.getByLabel('Vai trò').selectOption('commune_officer');
      // The scope fields follow the role: province, then the communes of that province.
      const province = page.locator('#field-provinceCode');
      await province.locator(`option[value="${LAI_CHAU}"]`).waitFor({ state: 'attached' });
      await province.selectOption(LAI_CHAU);
      const commune = page.locator('#field-communeCode');
      await commune.locator(`option[value="${THAN_UYEN}"]`).waitFor({ state: 'attached' });
      assert.equal(await commune.locator('option[value="03203"]').count(), 0, 'a commune of another province is not offered');
      await commune.selectOption(THAN_UYEN);
      await page.getByTestId('user-submit').click();

      const secret = (await page.getByTestId('temporary-password').innerText()).trim();
      assert.match(secret, /^\S{8,}$/, 'the temporary password is shown');
      assert.equal(await page.getByTestId('copy-button').count(), 1);

      await page.getByTestId('open-created-user').click();
      await page.getByTestId('user-facts').waitFor();
      assert.equal(await page.getByTestId('user-role').innerText(), 'Cán bộ cấp xã');
      assert.match(await page.getByTestId('user-scope').innerText(), /Xã Than Uyên, Tỉnh Lai Châu/);

      await page.getByTestId('deactivate-user').click();
      await page.getByTestId('confirm-action').click();
      await page.getByTestId('user-inactive').waitFor();
      // What the server holds now, read through the API.
      const api = await signInByApi(t.app, admin.username);
      const stored = (await api.request('GET', `/api/users?q=${username}`)).json<{ items: { username: string; isActive: boolean; communeCode: string; mustChangePassword: boolean }[] }>();
      assert.deepEqual(
        stored.items.map(({ username, isActive, communeCode, mustChangePassword }) => ({ username, isActive, communeCode, mustChangePassword })),
        [{ username, isActive: false, communeCode: THAN_UYEN, mustChangePassword: true }],
      );

      // The English switch changes the screens and is remembered.
      await page.getByTestId('lang-switch').click();
      await page.getByRole('button', { name: 'Reactivate account' }).waitFor();
      assert.equal(await page.getByTestId('nav-users').innerText(), 'Users');
      assert.equal(await page.getByTestId('user-role').innerText(), 'Commune officer');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.reload();
      await page.getByRole('button', { name: 'Reactivate account' }).waitFor();
      await page.getByTestId('lang-switch').click();
      await page.getByRole('button', { name: 'Mở khóa tài khoản' }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('a visitor finds where an old district lies today without signing in', async () => {
    const { context, page } = await openBrowser();
    try {
      await page.goto(`${baseUrl}/old-address`);
      await page.getByRole('heading', { name: 'Địa chỉ cũ nay thuộc đâu?' }).waitFor();
      assert.equal(await page.getByTestId('nav-users').count(), 0, 'a visitor sees no staff screens');
      await page.getByLabel('Địa chỉ cũ').fill('huyện Than Uyên');
      await page.getByTestId('old-address-submit').click();
      const best = page.getByTestId('old-address-match').first();
      await best.getByTestId('current-unit').first().waitFor();
      assert.match(await best.getByRole('heading', { level: 2 }).innerText(), /Huyện Than Uyên/);
      const current = await best.getByTestId('current-unit').allInnerTexts();
      assert.ok(current.some((text) => text.includes('Xã Than Uyên')), `Xã Than Uyên among ${current.join(' | ')}`);
      assert.ok(current.some((text) => text.includes('Xã Mường Than')), `Xã Mường Than among ${current.join(' | ')}`);
      assert.ok(current.every((text) => text.includes('Tỉnh Lai Châu')));
      assert.match(page.url(), /old-address\?q=huy/, 'the lookup can be shared as a link');
    } finally {
      await context.close();
    }
  });

  test('on a 390×844 phone a producer signs in and sees its home page without sideways scrolling', async () => {
    const name = `HTX Chè ${unique()}`;
    const producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN }, name);
    const producer = await createUserRecord(t.db, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const { context, page } = await openBrowser({ viewport: { width: 390, height: 844 }, mobile: true });
    try {
      await signIn(page, producer.username);
      assert.equal(await page.getByTestId('home-role').innerText(), 'Chủ thể OCOP');
      assert.match(await page.getByTestId('home-scope').innerText(), new RegExp(`${name}.*Xã Than Uyên, Tỉnh Lai Châu`));
      await page.getByTestId('home-card-certificates').waitFor(); // its OCOP certificates
      assert.equal(await page.getByTestId('soon-card').count(), 0, 'every step a producer takes is available');
      await page.getByTestId('home-card-own-producer').waitFor();
      const [scrollWidth, viewportWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scrollWidth <= viewportWidth, `page is ${scrollWidth}px wide in a ${viewportWidth}px viewport`);

      // The menu folds behind a button and offers only what a producer may use.
      assert.equal(await page.getByTestId('nav-own-producer').isVisible(), false);
      await page.getByTestId('menu-toggle').click();
      await page.getByTestId('nav-own-producer').waitFor();
      assert.equal(await page.getByTestId('nav-users').count(), 0);
      assert.equal(await page.getByTestId('nav-producers').count(), 0);
      assert.equal(await page.getByTestId('nav-audit').count(), 0);
      await clickMenu(page, 'nav-own-producer');
      assert.equal(await page.getByTestId('producer-name').innerText(), name);
      const [width] = await page.evaluate(() => [document.documentElement.scrollWidth]);
      assert.ok(width <= 390, `producer page is ${width}px wide`);
    } finally {
      await context.close();
    }
  });
});
