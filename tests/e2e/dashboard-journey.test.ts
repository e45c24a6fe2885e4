/**
 * The role's home as a dashboard, and the programme report (issue 13) in the browser: a province office,
 * a commune officer, the ministry and a producer each see what waits for them and their key figures,
 * at 1366×768 and on a 390×844 phone (screenshots kept in the test's temp dir), and a figure opens its
 * list. The province office then opens the report, switches the period and downloads the .xlsx (read
 * back with exceljs) and the PDF.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { addDays, toLocalDate } from '../../src/core/clock/index.ts';
import { browserSkip, startBrowserSuite, type BrowserSuite } from '../support/browser.ts';
import { createCertifiedProduct, type CertifiedProduct } from '../support/certificates.ts';
import { createReadyDossier, expectStatus } from '../support/dossiers.ts';
import { createProducerRecord, createUserRecord, signIn as signInByApi, unique } from '../support/test-app.ts';

const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describe('dashboard and programme report in the browser', { skip: browserSkip, timeout: 300_000 }, () => {
  let suite: BrowserSuite;
  const tag = unique('dj');
  const shots = mkdtempSync(path.join(tmpdir(), 'ocop-dashboard-journey-'));
  const today = toLocalDate(new Date());
  let producerId: string;
  let fresh: CertifiedProduct; // 4★ issued today
  let expiring: CertifiedProduct; // 3★, expires in 140 days: its re-evaluation window is open and closes within 30 days
  let draftName: string;
  const users: Record<'province' | 'commune' | 'ministry' | 'producer', string> = { province: '', commune: '', ministry: '', producer: '' };

  before(async () => {
    suite = await startBrowserSuite({ timeoutMs: 20_000 });
    const { t } = suite;
    const place = { provinceCode: LAI_CHAU, communeCode: THAN_UYEN };
    producerId = await createProducerRecord(t.db, place, `HTX Mường Than ${tag}`);
    fresh = await createCertifiedProduct(t.db, { ...place, producerId, stars: 4, issuedOn: today, productName: `Gạo Séng Cù ${tag}` });
    expiring = await createCertifiedProduct(t.db, { ...place, producerId, stars: 3, issuedOn: today, productName: `Chè Tủa Chùa ${tag}` });
    await t.db.pool.query(`UPDATE certificates SET expires_on = $2 WHERE id = $1`, [expiring.certificate.id, addDays(today, 140)]);
    // A violation found 20 days ago and the certificate still not revoked: past the 15-day limit (Đ.8.2).
    await t.db.pool.query(
      `INSERT INTO inspections (certificate_id, province_code, kind, planned_on, inspected_on, inspecting_body, criteria_maintained,
         mark_used_properly, findings, outcome, created_at, updated_at)
       VALUES ($1, $2, 'ad_hoc', $3, $3, 'Sở Nông nghiệp và Môi trường', false, false, 'Dùng nhãn sai hạng sao', 'violation', now(), now())`,
      [fresh.certificate.id, LAI_CHAU, addDays(today, -20)],
    );
    users.producer = (await createUserRecord(t.db, { role: 'producer', producerId, ...place })).username;
    users.commune = (await createUserRecord(t.db, { role: 'commune_officer', ...place })).username;
    users.province = (await createUserRecord(t.db, { role: 'province_office', provinceCode: LAI_CHAU })).username;
    users.ministry = (await createUserRecord(t.db, { role: 'ministry_officer' })).username;
    // The producer's dossiers: a draft (its next step) and one submitted (waits for the commune).
    const producer = await signInByApi(t.app, users.producer);
    draftName = `Mật ong bạc hà ${tag}`;
    await createReadyDossier(producer, producerId, { productName: draftName });
    const sent = await createReadyDossier(producer, producerId, { productName: `Miến dong ${tag}` });
    await expectStatus(producer, 'POST', `/api/dossiers/${sent.id}/submit`, { version: sent.version }, 200);
  });
  after(async () => {
    await suite?.close();
  });

  const kinds = async (page: Page) => page.getByTestId('waiting-item').evaluateAll((items) => items.map((item) => `${item.getAttribute('data-kind')}:${item.getAttribute('data-overdue')}`));

  /** Screenshots at 1366×768 and 390×844; on the phone the panels are stacked. */
  async function screenshots(page: Page, name: string) {
    await page.setViewportSize(DESKTOP);
    const waiting = (await page.getByTestId('dashboard-waiting').boundingBox())!;
    const figures = (await page.getByTestId('dashboard-figures').boundingBox())!;
    assert.ok(Math.abs(waiting.y - figures.y) < 2, `${name}: side by side at 1366 wide`);
    for (const [panel, box] of [['waiting', waiting], ['figures', figures]] as const) {
      assert.ok(box.y + box.height <= DESKTOP.height, `${name}: ${panel} ends at ${box.y + box.height}px, within one 1366×768 screen`);
    }
    const desktop = path.join(shots, `${name}-1366x768.png`);
    await page.screenshot({ path: desktop });
    await page.setViewportSize(PHONE);
    const phoneWaiting = (await page.getByTestId('dashboard-waiting').boundingBox())!;
    const phoneFigures = (await page.getByTestId('dashboard-figures').boundingBox())!;
    assert.ok(phoneFigures.y >= phoneWaiting.y + phoneWaiting.height - 1, `${name}: stacked on the phone`);
    assert.ok(phoneWaiting.x + phoneWaiting.width <= PHONE.width + 1, `${name}: no sideways scrolling`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= PHONE.width, `${name}: the page is ${scrollWidth}px wide on a 390px phone`);
    const phone = path.join(shots, `${name}-390x844.png`);
    await page.screenshot({ path: phone, fullPage: true });
    for (const file of [desktop, phone]) assert.ok(statSync(file).size > 1000, `${file} is written`);
    await page.setViewportSize(DESKTOP);
  }

  async function openDashboard(username: string): Promise<Page> {
    const { page } = await suite.openBrowser({ viewport: DESKTOP });
    await suite.signIn(page, username);
    await page.getByTestId('dashboard-waiting').waitFor();
    await page.getByTestId('dashboard-figures').waitFor();
    return page;
  }

  async function clickFigure(page: Page, figure: string, expectedUrl: RegExp) {
    const card = page.locator(`[data-testid="figure-card"][data-figure="${figure}"]`);
    assert.ok(Number((await card.locator('.figure-value').textContent())!.replace(/\./g, '')) >= 1, `${figure} counts our data`);
    await card.click();
    await page.getByTestId('certificates-table').waitFor();
    assert.match(page.url(), expectedUrl);
  }

  test('the province office: the overdue revocation first, the window closing, figures; a figure opens its list', async () => {
    const page = await openDashboard(users.province);
    const items = await kinds(page);
    assert.ok(items.includes('revocation_overdue:true'), items.join(', '));
    assert.ok(items.includes('re_evaluation_window_closing:false'), items.join(', '));
    assert.equal(items[0]?.endsWith(':true'), true, 'overdue first');
    const overdue = page.locator('[data-testid="waiting-item"][data-overdue="true"]').first();
    assert.match((await overdue.textContent())!, /Quá hạn/);
    assert.match((await overdue.textContent())!, /\d{2}\/\d{2}\/\d{4}/, 'the due day as dd/MM/yyyy');
    assert.ok(await page.locator('[data-testid="home-card-users"]').isVisible(), 'the link cards stay below');
    await screenshots(page, 'province');
    await clickFigure(page, 'stars-4', /\/admin\/certificates\?.*star=4/);
  });

  test('the commune officer: the dossier to receive; a figure opens its list', async () => {
    const page = await openDashboard(users.commune);
    const items = await kinds(page);
    assert.ok(items.includes('dossiers_to_receive:false'), items.join(', '));
    assert.ok(items.includes('re_evaluation_window_closing:false'), items.join(', '));
    await screenshots(page, 'commune');
    await clickFigure(page, 'stars-4', /\/admin\/certificates\?.*star=4/);
  });

  test('the ministry: national items and figures; the year select goes back to 2019 and not beyond this year', async () => {
    const page = await openDashboard(users.ministry);
    const items = await kinds(page);
    assert.ok(items.includes('revocation_overdue:true'), items.join(', '));
    const years = await page.locator('#field-dashboard-year option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    assert.equal(years[0], today.slice(0, 4));
    assert.equal(years.at(-1), '2019');
    await screenshots(page, 'ministry');
    await page.locator('#field-dashboard-year').selectOption('2019');
    await page.getByText('Số liệu tính đến ngày 31/12/2019.').waitFor();
    await page.locator('#field-dashboard-year').selectOption(today.slice(0, 4));
    await page.getByText('Số liệu tính đến ngày', { exact: false }).waitFor();
    await clickFigure(page, 'stars-4', /\/admin\/certificates\?.*star=4/);
  });

  test('the producer: its next steps, its products with stars, certificate status and days to expiry, its dossiers', async () => {
    const page = await openDashboard(users.producer);
    const items = await kinds(page);
    assert.ok(items.includes('dossiers_to_submit:false'), items.join(', '));
    assert.ok(items.some((item) => item.startsWith('re_evaluation_to_file')), items.join(', '));
    const products = page.getByTestId('producer-products');
    const row = products.getByTestId('producer-product').filter({ hasText: expiring.productName });
    assert.match((await row.textContent())!, /★★★/);
    assert.match((await row.textContent())!, /Sắp hết hạn/);
    assert.match((await row.getByTestId('days-to-expiry').textContent())!, /Còn 140 ngày/);
    assert.match((await products.getByTestId('producer-product').filter({ hasText: fresh.productName }).textContent())!, /★★★★/);
    assert.match((await page.getByTestId('producer-dossiers').textContent())!, new RegExp(draftName));
    await screenshots(page, 'producer');
    await clickFigure(page, 'certificates-expiring', /\/admin\/certificates\?.*status=expiring/);
  });

  test('the province office opens the report, switches the period, downloads the .xlsx and the PDF', async () => {
    const { page } = await suite.openBrowser({ viewport: DESKTOP });
    await suite.signIn(page, users.province);
    await page.getByTestId('home-card-report').click();
    const report = page.getByTestId('report');
    await report.waitFor();
    assert.equal(await report.getAttribute('data-level'), 'province');
    assert.ok(Number(await page.getByTestId('figure-products-recognised').textContent()) >= 2, 'both products of this year');
    const years = await page.locator('#field-year option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    assert.equal(years[0], today.slice(0, 4), 'no next year: the server refuses a future period');
    assert.equal(years.at(-1), '2019');
    assert.ok(await page.getByTestId('report-comparison').locator('tbody tr').count() >= 5, 'the previous period beside this one');

    await page.locator('#field-period').selectOption('half_year');
    await page.locator('[data-testid="report"][data-period="half_year"]').waitFor();
    assert.match((await page.getByTestId('report-period').textContent())!, /15\/12\/\d{4}/);
    await page.locator('#field-period').selectOption('range');
    await page.locator('#field-from').fill(`${today.slice(0, 4)}-01-01`);
    await page.locator('#field-to').fill(today);
    await page.locator('[data-testid="report"][data-period="range"]').waitFor();
    await page.locator('#field-period').selectOption('reporting_year');
    await page.locator('[data-testid="report"][data-period="reporting_year"]').waitFor();
    await page.screenshot({ path: path.join(shots, 'report-1366x768.png') });
    assert.ok(statSync(path.join(shots, 'report-1366x768.png')).size > 1000);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
    const xlsxPath = path.join(shots, 'report.xlsx');
    await xlsx.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const heading: unknown[] = [];
    summary.getRow(1).eachCell((cell) => heading.push(cell.value));
    assert.ok(heading.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), String(heading));
    assert.match(String(summary.getCell('A6').value), /Kỳ báo cáo: .*15\/12\//, 'the reporting year, as chosen');
    let total: ExcelJS.Row | undefined;
    workbook.getWorksheet('Sản phẩm')!.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') total ??= row;
    });
    assert.ok(total, 'the products sheet has its total row');
    assert.ok(Number(total!.getCell(3).value) >= 2, `recognised in the period: ${String(total!.getCell(3).value)}`);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download-pdf').click()]);
    const pdfPath = path.join(shots, 'report.pdf');
    await pdf.saveAs(pdfPath);
    assert.equal(readFileSync(pdfPath).subarray(0, 4).toString('latin1'), '%PDF');

    await page.getByTestId('figure-products-recognised').click();
    await page.getByTestId('certificates-table').waitFor();
    assert.match(page.url(), /\/admin\/certificates/);
    console.log(`dashboard journey: screenshots in ${shots}`);
  });
});
