/**
 * Browser journey: a commune officer creates a training, imports the participants from an .xlsx file
 * (fixing the file after the preview lists its problems), takes attendance, and sees the commune's
 * training coverage move. Playwright-core on Debian's chromium against a real app and database.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { toLocalDate } from '../../src/core/clock/index.ts';
import { participantWorkbook } from '../support/spreadsheets.ts';
import { TEST_PASSWORD, createProducerRecord, createTestApp, createUserRecord, unique, type TestApp } from '../support/test-app.ts';
import { clickMenu } from '../support/browser.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `Debian chromium is missing at ${CHROMIUM} (apt-get install chromium): browser journeys skipped.`;

// Lai Châu, Xã Mường Tè: used by this journey only, so its coverage figures are the journey's own.
const LAI_CHAU = '12';
const MUONG_TE = '03445';

describe('training journey in the browser', { skip, timeout: 240_000 }, () => {
  let t: TestApp;
  let baseUrl: string;
  const profiles: string[] = [];

  before(async () => {
    if (!existsSync(path.join(root, 'web/dist/index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
    }
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/admin`;
  });

  after(async () => {
    await t?.close();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  async function openBrowser(): Promise<{ context: BrowserContext; page: Page }> {
    const dir = mkdtempSync(path.join(tmpdir(), 'ocop-chromium-'));
    profiles.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context.setDefaultTimeout(30_000);
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page };
  }

  test('create a training, import participants from .xlsx, take attendance, see coverage move', async () => {
    const cooperative = `HTX Chè Mường Tè ${unique()}`;
    await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: MUONG_TE }, cooperative);
    await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: MUONG_TE });
    const officer = await createUserRecord(t.db, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: MUONG_TE });
    const today = toLocalDate(new Date());

    const { context, page } = await openBrowser();
    try {
      await page.goto(`${baseUrl}/trainings`);
      await page.getByTestId('login-form').waitFor();
      await page.getByLabel('Tên đăng nhập').fill(officer.username);
      await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
      await page.getByTestId('login-submit').click();

      // Coverage before: nobody trained yet.
      await page.getByTestId('coverage').waitFor();
      assert.equal(await page.getByTestId('coverage-producers').innerText(), '0/2 chủ thể đã được tập huấn');
      assert.equal(await page.getByTestId('coverage-percent').innerText(), '0%');

      // A new training; the server reports every missing field at once.
      await page.getByTestId('new-training').click();
      await page.getByTestId('training-form').waitFor();
      await page.getByTestId('training-submit').click();
      await page.getByTestId('form-error').waitFor();
      assert.ok((await page.locator('.field-invalid').count()) >= 4, 'the missing fields are marked');
      await page.getByLabel('Đơn vị tổ chức').fill('UBND xã Mường Tè');
      await page.getByLabel('Tên lớp tập huấn').fill('Tập huấn kiến thức OCOP cho chủ thể năm nay');
      await page.getByLabel('Từ ngày').fill(today);
      await page.getByLabel('Đến ngày').fill(today);
      await page.getByLabel('Địa điểm').fill('Hội trường UBND xã Mường Tè');
      await page.getByTestId('audiences').getByLabel('Chủ thể OCOP').check();
      await page.getByTestId('audiences').getByLabel('Cán bộ cấp xã').check();
      await page.getByTestId('topics').getByLabel('Tổng quan Chương trình OCOP').check();
      await page.getByTestId('topics').getByLabel('Chuẩn bị hồ sơ đánh giá, phân hạng lần đầu').check();
      await page.getByTestId('training-submit').click();
      await page.getByTestId('training-title').waitFor();
      assert.equal(await page.getByTestId('training-title').innerText(), 'Tập huấn kiến thức OCOP cho chủ thể năm nay');

      // One session to take attendance in.
      await page.locator('#field-sessionTitle').fill('Buổi sáng');
      await page.getByTestId('session-submit').click();
      await page.getByTestId('sessions').getByText('Buổi sáng').waitFor();

      // A spreadsheet with mistakes: the preview lists them by row and offers no import.
      const faulty = await participantWorkbook([
        [1, 'Lò Văn Thành', 'Cán bộ xã', '', '0912345678', 'UBND xã Mường Tè'],
        [2, 'Pờ Thị Mai', 'Chủ thể OCOP', 'HTX Không Có', '', ''],
        [3, '', 'Khác', '', '', ''],
      ]);
      const fileInput = page.getByTestId('import-file');
      await fileInput.setInputFiles({ name: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: faulty });
      await page.getByTestId('import-preview-button').click();
      await page.getByTestId('import-preview').waitFor();
      assert.equal(await page.getByTestId('import-row-error').count(), 2);
      assert.match(await page.getByTestId('import-preview').innerText(), /Không có chủ thể tên “HTX Không Có”/);
      assert.match(await page.getByTestId('import-preview').innerText(), /Họ và tên: Không được để trống/);
      assert.equal(await page.getByTestId('import-confirm').count(), 0, 'no import while the file has problems');

      // The corrected file imports everyone at once.
      const fixed = await participantWorkbook([
        [1, 'Lò Văn Thành', 'Cán bộ xã', '', '0912345678', 'UBND xã Mường Tè'],
        [2, 'Pờ Thị Mai', 'Chủ thể OCOP', cooperative, '', ''],
        [3, 'Chu Văn Khách', 'Khác', '', '', ''],
      ]);
      await fileInput.setInputFiles({ name: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixed });
      await page.getByTestId('import-preview-button').click();
      await page.getByTestId('import-confirm').waitFor();
      assert.equal(await page.getByTestId('import-row-ok').count(), 3);
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-done').waitFor();
      await page.getByTestId('participant-row').nth(2).waitFor();
      assert.equal(await page.getByTestId('participant-row').count(), 3);

      // Roll call: the official and the cooperative's person are present, the third is not.
      await page.getByTestId('present-1').check();
      await page.getByTestId('present-2').check();
      await page.getByTestId('save-attendance').click();
      await page.getByTestId('attendance-saved').waitFor();
      assert.match(await page.getByTestId('attendance-saved').innerText(), /2 có mặt/);
      assert.match(await page.getByTestId('training-counts').innerText(), /2\/3 đã dự/);

      // The official attended every session: a printable certificate opens from the list.
      await page.getByTestId('certificate-1').click();
      await page.getByTestId('certificate').waitFor();
      assert.equal(await page.getByTestId('certificate-name').innerText(), 'Lò Văn Thành');
      assert.match(await page.getByTestId('certificate').innerText(), /Giấy chứng nhận tham gia tập huấn/i);
      await page.getByText('‹ Quay lại lớp tập huấn').click();

      // QR self check-in: the organiser shows the code; a phone without an account opens its link.
      await page.getByTestId('check-in-link').click();
      await page.getByTestId('check-in-open').click();
      await page.getByTestId('check-in-qr').locator('svg').waitFor();
      const checkInUrl = await page.getByTestId('check-in-url').innerText();
      const phone = await context.newPage();
      await phone.goto(checkInUrl);
      await phone.getByLabel('Số điện thoại bạn đã đăng ký với lớp').fill('0912 345 678');
      await phone.getByRole('button', { name: 'Tôi có mặt' }).click();
      await phone.getByTestId('check-in-ok').waitFor();
      assert.match(await phone.getByTestId('check-in-ok').innerText(), /đã điểm danh buổi này rồi: Lò Văn Thành/);
      await phone.close();
      await page.getByTestId('check-in-close').click();
      await page.getByTestId('check-in-closed').waitFor();
      await page.getByText('‹ Quay lại lớp tập huấn').click();
      await page.getByTestId('training-counts').waitFor();

      // Coverage moved: one of the commune's two producers is trained.
      await clickMenu(page, 'nav-trainings');
      await page.getByTestId('coverage').waitFor();
      await page.getByText('1/2 chủ thể đã được tập huấn').waitFor();
      assert.equal(await page.getByTestId('coverage-percent').innerText(), '50%');
      assert.match(await page.getByTestId('coverage').innerText(), /1 cán bộ xã, 1 người của chủ thể, 0 khác/);
    } finally {
      await context.close();
    }
  });
});
