/**
 * Browser journey through cycle steps 2–3 (issue 4): the provincial office sets its plan forwarding
 * deadline; a commune officer registers a producer (a wrong tax code, then a probable duplicate it
 * confirms), registers the producer's idea, appraises it, submits the business plan and forwards it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TEST_PASSWORD, createTestApp, createUserRecord, unique, type TestApp } from '../support/test-app.ts';
import { clickMenu } from '../support/browser.ts';
import { taxCodeCheckDigit } from '../../src/features/producers/tax-code.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `Debian chromium is missing at ${CHROMIUM} (apt-get install chromium): browser journeys skipped.`;

// Thái Nguyên (19), xã Phong Quang 01849: no other test sets this province's settings.
const THAI_NGUYEN = '19';
const PHONG_QUANG = '01849';

function validTaxCode(): string {
  for (;;) {
    const prefix = `19${String(Math.floor(Math.random() * 9_999_999) + 1).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(prefix);
    if (check !== null) return `${prefix}${check}`;
  }
}

describe('cycle steps 2–3 in the browser', { skip, timeout: 180_000 }, () => {
  let t: TestApp;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  before(async () => {
    if (!existsSync(path.join(root, 'web/dist/index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
    }
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/admin`;
    profile = mkdtempSync(path.join(tmpdir(), 'ocop-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context.setDefaultTimeout(30_000);
    page = context.pages()[0] ?? (await context.newPage());
  });

  after(async () => {
    await context?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function signInAs(username: string) {
    await context.clearCookies();
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-form').waitFor();
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('greeting').waitFor();
  }

  test('the province sets a 5-day deadline; the commune registers a producer, its idea and plan, and forwards it', async () => {
    const office = await createUserRecord(t.db, { role: 'province_office', provinceCode: THAI_NGUYEN });
    const officer = await createUserRecord(t.db, { role: 'commune_officer', provinceCode: THAI_NGUYEN, communeCode: PHONG_QUANG });

    // 1. The provincial office sets the forwarding deadline.
    await signInAs(office.username);
    await clickMenu(page, 'nav-province-settings');
    await page.getByTestId('settings-form').waitFor();
    await page.getByTestId('forwarding-enabled').check();
    await page.getByLabel('Số ngày').fill('5');
    await page.getByLabel('Khi xã chuyển quá hạn').selectOption('no_product_this_year');
    await page.getByTestId('settings-submit').click();
    await page.getByTestId('settings-saved').waitFor();

    // 2. The commune officer registers a producer: a wrong check digit is caught, then fixed.
    await signInAs(officer.username);
    await clickMenu(page, 'nav-producers');
    await page.getByTestId('new-producer').click();
    await page.getByTestId('producer-form').waitFor();
    const name = `Hợp tác xã Chè ${unique('T')}`;
    const taxCode = validTaxCode();
    const wrong = `${taxCode.slice(0, 9)}${(Number(taxCode[9]) + 1) % 10}`;
    await page.getByLabel('Tên chủ thể').fill(name);
    await page.getByLabel('Loại hình').selectOption('cooperative');
    await page.getByLabel('Mã số thuế').fill(wrong);
    await page.locator('#field-communeCode').locator(`option[value="${PHONG_QUANG}"]`).waitFor({ state: 'attached' });
    await page.getByLabel('Họ tên người đại diện').fill('Hà Thị Lan');
    await page.getByLabel('Giới tính').selectOption('female');
    await page.getByLabel('Dân tộc').fill('Tày');
    await page.getByTestId('add-certificate').click();
    await page.getByLabel('Loại giấy').selectOption('food_safety');
    await page.getByLabel('Số hiệu').fill('12/2026/ATTP');
    await page.getByTestId('producer-submit').click();
    assert.match(await page.getByTestId('error-taxCode').innerText(), /chữ số kiểm tra/);
    await page.getByLabel('Mã số thuế').fill(taxCode);
    await page.getByTestId('producer-submit').click();
    await page.getByTestId('producer-facts').waitFor();
    assert.equal(await page.getByTestId('producer-name').innerText(), name);
    assert.match(await page.getByTestId('producer-representative').innerText(), /Hà Thị Lan · Nữ · dân tộc Tày/);
    assert.match(await page.getByTestId('producer-certificates').innerText(), /12\/2026\/ATTP/);

    // The same cooperative written "HTX …" is a probable duplicate; the officer may still register it.
    await page.goto(`${baseUrl}/producers/new`);
    await page.getByTestId('producer-form').waitFor();
    await page.getByLabel('Tên chủ thể').fill(name.replace('Hợp tác xã', 'HTX'));
    await page.getByLabel('Loại hình').selectOption('cooperative');
    await page.locator('#field-communeCode').locator(`option[value="${PHONG_QUANG}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('producer-submit').click();
    await page.getByTestId('duplicate-warning').waitFor();
    assert.ok((await page.getByTestId('duplicate-warning').innerText()).includes(name));
    await page.getByTestId('confirm-not-duplicate').check();
    await page.getByTestId('producer-submit').click();
    await page.getByTestId('producer-facts').waitFor();
    await page.goto(`${baseUrl}/producers/duplicates`);
    await page.getByTestId('duplicate-pair').first().waitFor();

    // 3. The officer registers the first producer's idea and appraises it.
    await clickMenu(page, 'nav-ideas');
    await page.getByTestId('new-idea').click();
    await page.getByTestId('idea-form').waitFor();
    await page.getByTestId('producer-search').fill(taxCode);
    await page.locator('#field-producerId').locator('option', { hasText: name }).waitFor({ state: 'attached' });
    await page.locator('#field-producerId').selectOption({ label: `${name} – Xã Phong Quang` });
    await page.getByLabel('Tên sản phẩm dự kiến').fill('Chè búp Phong Quang');
    await page.getByLabel('Bộ sản phẩm').selectOption('9');
    await page.getByLabel('Mô tả ý tưởng').fill('Chè búp sao tay từ vùng chè 20 ha của hợp tác xã.');
    await page.getByTestId('idea-submit').click();
    await page.getByTestId('idea-facts').waitFor();
    await page.getByTestId('outcome-passed').check();
    await page.getByTestId('appraisal-submit').click();
    await page.getByTestId('idea-notice').waitFor();
    assert.match(await page.getByTestId('idea-appraisals').innerText(), /Đạt – cấp xã/);

    // 4. The business plan: received today, due in 5 days; the officer forwards it.
    await page.getByTestId('new-plan-for-idea').click();
    await page.getByTestId('plan-form').waitFor();
    await page.getByLabel('Tên phương án').fill('Mở rộng xưởng sao chè');
    await page.getByLabel('Nội dung phương án').fill('Đầu tư máy sao, đóng gói hút chân không, đăng ký mã vạch và tem truy xuất.');
    await page.getByLabel('Tổng vốn đầu tư').fill('450.000.000');
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('plan-facts').waitFor();
    assert.match(await page.getByTestId('plan-due').innerText(), /5 ngày \(theo lịch\)/);
    await clickMenu(page, 'nav-due');
    await page.getByTestId('due-row').first().waitFor();
    await page.getByTestId('due-row').getByRole('link', { name: 'Mở rộng xưởng sao chè' }).click();
    await page.getByTestId('plan-forward').click();
    await page.getByTestId('plan-notice').waitFor();
    assert.match(await page.getByTestId('plan-facts').innerText(), /Đã chuyển tỉnh/);
  });
});
