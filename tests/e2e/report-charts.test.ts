/**
 * The programme report's charts in the browser (issue 13 point 3): the back office's first screen (the
 * dashboard) downloads no chart library; the report screen draws its charts with Chart.js, each canvas an
 * image with a Vietnamese summary and each chart with the table of its figures, which match the API's
 * report, show on paper, and open the list behind a row.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { addDays, toLocalDate } from '../../src/core/clock/index.ts';
import { browserSkip, startBrowserSuite, type BrowserSuite } from '../support/browser.ts';
import { createCertifiedProduct } from '../support/certificates.ts';
import { createProducerRecord, createUserRecord, signIn as signInByApi, unique } from '../support/test-app.ts';

const LAI_CHAU = '12';
const THAN_UYEN = '03595';

describe('programme report charts in the browser', { skip: browserSkip, timeout: 240_000 }, () => {
  let suite: BrowserSuite;
  let username: string;
  const today = toLocalDate(new Date());
  const tag = unique('rc');

  before(async () => {
    suite = await startBrowserSuite({ timeoutMs: 20_000 });
    const { t } = suite;
    const place = { provinceCode: LAI_CHAU, communeCode: THAN_UYEN };
    const producerId = await createProducerRecord(t.db, place, `HTX Biểu Đồ ${tag}`);
    await createCertifiedProduct(t.db, { ...place, producerId, stars: 4, issuedOn: today, productName: `Gạo ${tag}` });
    const soon = await createCertifiedProduct(t.db, { ...place, producerId, stars: 5, issuedOn: today, productName: `Chè ${tag}` });
    // Expires in 40 days: a bar in the expiries chart.
    await t.db.pool.query(`UPDATE certificates SET expires_on = $2 WHERE id = $1`, [soon.certificate.id, addDays(today, 40)]);
    username = (await createUserRecord(t.db, { role: 'province_office', provinceCode: LAI_CHAU })).username;
  });
  after(async () => {
    await suite?.close();
  });

  /** Every script the page asks for, from now on. */
  function recordScripts(page: Page): string[] {
    const scripts: string[] = [];
    page.on('request', (request: Request) => {
      if (request.resourceType() === 'script' || /\.js(\?|$)/.test(request.url())) scripts.push(new URL(request.url()).pathname);
    });
    return scripts;
  }

  test('the first screen loads no chart code; the report draws four charts, each with its table', async () => {
    const { page } = await suite.openBrowser({ viewport: { width: 1366, height: 768 } });
    const scripts = recordScripts(page);
    await suite.signIn(page, username);
    await page.getByTestId('dashboard-figures').waitFor();
    await page.waitForLoadState('networkidle');
    const firstScreen = [...scripts];
    assert.ok(firstScreen.some((path) => /\/admin\/assets\/index-[\w-]+\.js$/.test(path)), firstScreen.join(', '));
    assert.ok(firstScreen.some((path) => /home-page-/.test(path)), 'the dashboard screen is loaded');
    assert.deepEqual(firstScreen.filter((path) => /chart|report-page/.test(path)), [], 'no chart library on the first screen');
    const bytes = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.name.endsWith('.js'))
        .reduce((sum, entry) => sum + entry.encodedBodySize, 0),
    );
    console.log(`first screen: ${firstScreen.length} scripts, ${bytes} bytes of JavaScript (as sent)`);

    await page.getByTestId('home-card-report').click();
    await page.getByTestId('report').waitFor();
    for (const chart of ['chart-by-unit', 'chart-years', 'chart-expiries', 'chart-funnel']) {
      await page.locator(`[data-testid="${chart}"][data-state="drawn"]`).waitFor();
    }
    const shot = path.join(mkdtempSync(path.join(tmpdir(), 'ocop-report-charts-')), 'report-charts-1366.png');
    await page.getByTestId('report-charts').screenshot({ path: shot });
    assert.ok(statSync(shot).size > 5000, shot);
    console.log(`report charts: screenshot ${shot}`);
    const engine = scripts.filter((path) => /chart-engine-[\w-]+\.js$/.test(path));
    assert.equal(engine.length, 1, `the chart library once for the four charts: ${scripts.join(', ')}`);

    // The canvas is an image with a Vietnamese summary, and something is drawn on it.
    const canvas = page.getByTestId('chart-expiries').locator('canvas');
    assert.equal(await canvas.getAttribute('role'), 'img');
    assert.match((await canvas.getAttribute('aria-label'))!, /^Biểu đồ cột: số giấy chứng nhận còn hiệu lực ngày \d{2}\/\d{2}\/\d{4} sẽ hết hạn/);
    const painted = await canvas.evaluate((element) => {
      const c = element as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) opaque += 1;
      return opaque;
    });
    assert.ok(painted > 500, `the chart is drawn (${painted} painted pixels)`);

    // The tables say what the API's report says.
    const client = await signInByApi(suite.t.app, username);
    const report = (await client.request('GET', '/api/reports/programme')).json();
    const rowsOf = (testId: string) =>
      page.getByTestId(`${testId}-table`).locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!.trim())));
    const format = (value: number) => value.toLocaleString('vi-VN');
    const units = await rowsOf('chart-by-unit');
    const thanUyen = report.products.inForce.byUnit.find((unit: { code: string }) => unit.code === THAN_UYEN);
    const row = units.find((cells) => cells[0] === thanUyen.name)!;
    assert.deepEqual(row, [thanUyen.name, format(thanUyen.stars3), format(thanUyen.stars4), format(thanUyen.stars5), format(thanUyen.stars3 + thanUyen.stars4 + thanUyen.stars5)]);
    assert.ok(thanUyen.stars4 >= 1 && thanUyen.stars5 >= 1, 'our products are in it');

    const months = await rowsOf('chart-expiries');
    assert.equal(months.length, 12);
    const month = addDays(today, 40).slice(0, 7);
    const expected = report.trends.expiriesByMonth.find((m: { month: string }) => m.month === month);
    const cells = months.find((cells) => cells[0] === `${month.slice(5, 7)}/${month.slice(0, 4)}`)!;
    assert.deepEqual(cells.slice(1), [expected.stars3, expected.stars4, expected.stars5, expected.certificates.value].map(format));
    assert.ok(expected.stars5 >= 1, 'the 5★ certificate expiring in 40 days');

    const years = await rowsOf('chart-years');
    assert.equal(years[0]![0], '2019');
    assert.equal(years.at(-1)![0], today.slice(0, 4));
    assert.equal(years.at(-1)![1], format(report.trends.recognitionsByYear.at(-1).products.value));
    const funnel = await rowsOf('chart-funnel');
    assert.deepEqual(funnel.map((cells) => cells[1]), [
      report.funnel.ideasRegistered.value, report.funnel.plansReceived.value, report.funnel.dossiersSubmitted.value,
      report.funnel.dossiersForwarded.value, report.funnel.productsRecognised.value,
    ].map(format));

    // On paper the tables are there beside the charts.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.getByTestId('chart-expiries-table').isVisible());
    assert.ok(await page.getByTestId('chart-by-unit-table').isVisible());
    await page.emulateMedia({ media: 'screen' });

    // On a 390px phone the charts shrink to the screen: no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 390, `the report is ${scrollWidth}px wide on a 390px phone`);
    const box = (await page.getByTestId('chart-years').locator('canvas').boundingBox())!;
    assert.ok(box.width > 200 && box.x + box.width <= 390, `the line chart is ${box.width}px wide at x=${box.x}`);
    await page.setViewportSize({ width: 1366, height: 768 });

    // A row's label opens the list behind it.
    await page.getByTestId('chart-expiries-table').getByRole('link', { name: `${month.slice(5, 7)}/${month.slice(0, 4)}` }).click();
    await page.getByTestId('certificates-table').waitFor();
    assert.match(page.url(), /\/admin\/certificates\?.*expiresFrom=/);
  });
});
