/**
 * The dossier journey in the browser (issue 4): a producer files a dossier on a 390×844 phone, the
 * commune officer returns it for a supplement, the producer supplements, the officer checks it
 * (Mẫu 03) and forwards it to the province. Real app, real database, Debian chromium.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, startBrowserSuite, type BrowserOptions, clickMenu, type BrowserSuite } from '../support/browser.ts';
import { createProducerRecord, createUserRecord, signIn as signInByApi, unique, type TestApp } from '../support/test-app.ts';
import { createCompleteSelfAssessment, pdfBytes, pngBytes } from '../support/dossiers.ts';


const LAI_CHAU = '12';
const THAN_UYEN = '03595';

describe('dossier journey in the browser', { skip: browserSkip, timeout: 240_000 }, () => {
  let suite: BrowserSuite;
  let t: TestApp;
  let filesDir: string;
  before(async () => {
    filesDir = mkdtempSync(path.join(tmpdir(), 'ocop-e2e-files-'));
    suite = await startBrowserSuite({ config: { filesDir }, timeoutMs: 15_000 });
    ({ t } = suite);
  });

  after(async () => {
    await suite?.close();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  const openBrowser = (options?: BrowserOptions) => suite.openBrowser(options);
  const signIn = (page: Page, username: string) => suite.signIn(page, username);


  const statusOf = (page: Page) => page.getByTestId('dossier-page').getByTestId('dossier-status').getAttribute('data-status');
  async function waitForStatus(page: Page, status: string) {
    await page.locator(`[data-testid="dossier-page"] [data-testid="dossier-status"][data-status="${status}"]`).waitFor();
  }
  async function noSidewaysScroll(page: Page, where: string) {
    const [scrollWidth, viewportWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scrollWidth <= viewportWidth, `${where}: page is ${scrollWidth}px wide in a ${viewportWidth}px viewport`);
  }

  test('filed on a phone, returned for a supplement, supplemented, checked and forwarded', async () => {
    const producerName = `HTX Gạo ${unique()}`;
    const producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN }, producerName);
    const producerUser = await createUserRecord(t.db, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const officerUser = await createUserRecord(t.db, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    // The self-assessment (Mẫu 02) has its own screens; here it is made through the API.
    const selfAssessment = await createCompleteSelfAssessment(await signInByApi(t.app, producerUser.username), producerId, { productName: 'Gạo Séng Cù Mường Than' });

    const phone = await openBrowser({ viewport: { width: 390, height: 844 }, mobile: true });
    const desk = await openBrowser();
    try {
      // --- The producer files the dossier on a phone.
      const p = phone.page;
      await signIn(p, producerUser.username);
      await p.getByTestId('menu-toggle').click();
      await clickMenu(p, 'nav-dossiers');
      await p.getByTestId('new-dossier').click();
      await p.getByTestId('new-dossier-form').waitFor();
      await p.locator('#field-selfAssessmentId').selectOption(selfAssessment.id);
      await p.getByTestId('create-dossier').click();
      await p.getByTestId('registration-form').waitFor();
      assert.equal(await p.getByTestId('dossier-product').innerText(), 'Gạo Séng Cù Mường Than');
      assert.equal(await statusOf(p), 'draft');

      // Submitting an incomplete form names every missing field at once.
      await p.getByTestId('action-submit').click();
      await p.getByTestId('form-error').waitFor();
      for (const field of ['representativeName', 'address', 'phone', 'sampleCount', 'commitmentAccepted']) {
        await p.getByTestId(`error-${field}`).waitFor();
      }
      await p.getByLabel('Người đại diện theo pháp luật').fill('Lò Thị Hoa');
      await p.getByLabel('Chức vụ').fill('Giám đốc');
      await p.getByLabel('Địa chỉ').fill('Bản Mường Than, xã Than Uyên');
      await p.getByLabel('Điện thoại').fill('0912345678');
      await p.getByLabel('Số mẫu sản phẩm').fill('5');
      await p.getByLabel('Câu chuyện sản phẩm').fill('Lúa Séng Cù trên ruộng bậc thang Mường Than.');
      await p.getByTestId('field-commitmentAccepted').locator('input').check();

      // A label photo, uploaded from the phone.
      await p.getByLabel('Loại tệp').selectOption('label');
      await p.getByTestId('file-input').setInputFiles({ name: 'nhan-san-pham.png', mimeType: 'image/png', buffer: pngBytes() });
      await p.getByTestId('upload-files').click();
      await p.getByTestId('files-uploaded').waitFor();
      assert.equal(await p.getByTestId('file-row').count(), 1);
      await noSidewaysScroll(p, 'dossier form on a phone');

      await p.getByTestId('action-submit').click();
      await waitForStatus(p, 'submitted');
      assert.equal(await p.getByTestId('registration-form').count(), 0, 'a submitted dossier is read only');

      // --- The commune officer receives it and returns it for a supplement.
      const o = desk.page;
      await signIn(o, officerUser.username);
      await clickMenu(o, 'nav-dossiers');
      const row = o.getByTestId('queue-waiting').getByTestId('dossier-row').filter({ hasText: 'Gạo Séng Cù Mường Than' });
      await row.getByRole('link').click();
      await o.getByTestId('action-receive').click();
      await waitForStatus(o, 'commune_reviewing');
      assert.match(await o.getByTestId('form-number').innerText(), /^\d{3}\/PĐK-12-03595-\d{4}$/);
      assert.match(await o.getByTestId('product-code').innerText(), /^12-03595-\d+-\d{4}$/);
      assert.match(await o.getByTestId('deadline').innerText(), /Còn 15 ngày làm việc/);
      await o.getByLabel('Nội dung cần bổ sung (mỗi dòng một nội dung)').fill('Bổ sung phiếu kiểm nghiệm chất lượng');
      await o.getByTestId('action-returnForSupplement').click();
      await waitForStatus(o, 'returned_for_supplement');
      assert.match(await o.getByTestId('deadline').innerText(), /Tạm dừng tính hạn/);

      // --- The producer sees what is asked and supplements it.
      await p.reload();
      await p.getByTestId('open-request').waitFor();
      assert.match(await p.getByTestId('open-request').innerText(), /Bổ sung phiếu kiểm nghiệm chất lượng/);
      await p.getByLabel('Loại tệp').selectOption('lab_report');
      await p.getByTestId('file-input').setInputFiles({ name: 'phieu-kiem-nghiem.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
      await p.getByTestId('upload-files').click();
      await p.getByTestId('files-uploaded').waitFor();
      await p.getByLabel('Ghi chú gửi xã').fill('Đã bổ sung phiếu kiểm nghiệm.');
      await p.getByTestId('action-supplement').click();
      await waitForStatus(p, 'resubmitted');
      await noSidewaysScroll(p, 'supplemented dossier on a phone');

      // --- The officer records Mẫu 03 and forwards the dossier to the province.
      await o.reload();
      await o.getByTestId('commune-check-form').waitFor();
      assert.equal(await o.getByTestId('file-row').count(), 2);
      await o.getByTestId('check-dossierComplete').check();
      for (const item of ['origin', 'localLabour', 'ideaOrigin', 'localIdentity']) {
        const box = o.getByTestId(`check-${item}`);
        await box.locator('textarea').fill('Đạt yêu cầu theo kiểm tra thực tế tại xã.');
        await box.getByLabel('Đạt', { exact: true }).check();
      }
      await o.getByTestId('save-check').click();
      await o.getByTestId('check-saved').waitFor();
      await o.getByTestId('action-forward').click();
      await waitForStatus(o, 'forwarded_to_province');

      // What the server holds.
      const api = await signInByApi(t.app, officerUser.username);
      const list = (await api.request('GET', `/api/dossiers?producer=${producerId}`)).json<{ items: { id: string; status: string }[] }>();
      assert.deepEqual(list.items.map((d) => d.status), ['forwarded_to_province']);
      const dossier = (await api.request('GET', `/api/dossiers/${list.items[0]!.id}`)).json<{ files: { mimeType: string }[]; events: { action: string }[] }>();
      assert.deepEqual(dossier.files.map((f) => f.mimeType).sort(), ['application/pdf', 'image/png']);
      assert.deepEqual(
        dossier.events.map((e) => e.action).filter((a) => !['edited', 'files_added'].includes(a)),
        ['created', 'submitted', 'received', 'returned_for_supplement', 'supplemented', 'commune_check_recorded', 'forwarded_to_province'],
      );
      assert.equal(readdirSync(filesDir).filter((name) => /^[0-9a-f]{64}$/.test(name)).length, 2);
    } finally {
      await phone.context.close();
      await desk.context.close();
    }
  });
});
