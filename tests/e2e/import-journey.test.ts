/**
 * Importing a province's existing OCOP list in the browser (issue 12) at 1366×768: the provincial
 * office of Lai Châu uploads a messy list (titles, merged two-row heading, a group row, a hidden column,
 * a total row), maps by hand the column the guesser cannot read, picks today's commune of an ambiguous
 * old address, gives the missing product set to every row that lacks one, saves the mapping, commits;
 * the products are at once in the public catalogue and a certificate on its verification page; undoing
 * the batch takes them away again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { writeJourneyList } from '../../scripts/generate-import-fixtures.ts';
import { browserSkip, startBrowserSuite, clickMenu, type BrowserSuite } from '../support/browser.ts';
import { createUserRecord, unique } from '../support/test-app.ts';

/** Polls until the locator's text is `expected` (a re-run of the dry run replaces the counts). */
async function waitForText(locator: Locator, expected: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = ((await locator.textContent().catch(() => null)) ?? '').trim();
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`expected "${expected}", still "${last}"`);
}

/** After a change that re-runs the dry run: waits for it to finish. */
async function settled(page: Page): Promise<void> {
  await page.getByTestId('import-progress').waitFor({ state: 'detached' });
  await page.getByTestId('import-read-done').waitFor();
}

describe('importing a provincial list in the browser', { skip: browserSkip, timeout: 240_000 }, () => {
  let suite: BrowserSuite;
  let dir: string;
  before(async () => {
    suite = await startBrowserSuite({ timeoutMs: 20_000 });
    dir = mkdtempSync(path.join(tmpdir(), 'ocop-import-journey-'));
  });
  after(async () => {
    await suite?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('upload, fix the mapping and a commune, commit, see it public, undo', async () => {
    const { t } = suite;
    const origin = suite.baseUrl.replace(/\/admin$/, '');
    const tag = unique('nk');
    const list = await writeJourneyList(path.join(dir, `danh-sach-bo-sung-${tag}.xlsx`), tag);
    const office = await createUserRecord(t.db, { role: 'province_office', provinceCode: '12' });

    const { page } = await suite.openBrowser({ viewport: { width: 1366, height: 768 } });
    await suite.signIn(page, office.username);
    await page.getByTestId('home-card-imports').waitFor();
    await clickMenu(page, 'nav-imports');
    await page.getByTestId('imports-new').click();
    await page.getByTestId('import-setup').waitFor();
    assert.equal(await page.getByTestId('kind-provincial_list').isChecked(), true, 'a province list is the default kind');

    // Upload: the dry run reads the list and cannot map column C.
    await page.getByTestId('import-file').setInputFiles(list.file);
    await settled(page);
    assert.match(await page.getByTestId('import-read-done').innerText(), /Đã đọc 3 dòng/);
    assert.equal((await page.getByTestId('count-rowsRead').innerText()).trim(), '3');
    assert.equal((await page.getByTestId('count-rowsWithErrors').innerText()).trim(), '3', 'no producer on any row yet');
    assert.equal(await page.getByTestId(`mapping-select-${list.unmappedColumn}`).inputValue(), '', 'the guesser leaves "Đơn vị chủ quản" alone');
    assert.equal(await page.getByTestId('mapping-select-B').inputValue(), 'productName');
    assert.equal(await page.getByTestId('mapping-select-G').inputValue(), 'stars');
    const hiddenRow = page.locator(`[data-testid="mapping-row"][data-column="${list.hiddenColumn}"]`);
    assert.equal(await hiddenRow.getByTestId('mapping-hidden').count(), 1, 'the hidden column is flagged');
    assert.equal(await page.getByTestId('import-commit').isDisabled(), true);
    const firstIssue = page.locator('[data-testid="problem-row"][data-row="8"] [data-testid="problem-issue"]').first();
    assert.match(await firstIssue.innerText(), /Tên chủ thể: không được để trống/);

    // The user maps column C by hand; the file is read again with that mapping.
    await page.getByTestId(`mapping-select-${list.unmappedColumn}`).selectOption('producerName');
    await settled(page);
    await waitForText(page.getByTestId('count-rowsWithErrors'), '2');
    assert.equal(await page.getByTestId(`mapping-select-${list.unmappedColumn}`).inputValue(), 'producerName');

    // The ambiguous commune: its candidates, with the unit each came from.
    const communeChoice = page.getByTestId(`commune-choice-${list.ambiguousRow}`);
    const ambiguous = page.locator(`[data-testid="problem-row"][data-row="${list.ambiguousRow}"]`);
    assert.match(await ambiguous.innerText(), /ứng với nhiều xã\/phường hiện nay/);
    const options = await communeChoice.locator('option').allInnerTexts();
    assert.ok(options.length >= 3, `at least two candidates: ${options.join(' | ')}`);
    assert.ok(options.some((o) => o.includes('trước đây')), `the candidates say what they were: ${options.join(' | ')}`);
    const chosen = await communeChoice.locator('option').nth(1).getAttribute('value');
    assert.ok(chosen);
    await communeChoice.selectOption(chosen);
    await settled(page);
    await waitForText(page.getByTestId('count-rowsWithErrors'), '1');

    // The row without a product set: the set is given to every such row at once.
    const missing = page.locator(`[data-testid="problem-row"][data-row="${list.missingSetRow}"]`);
    assert.match(await missing.innerText(), /Thiếu bộ sản phẩm/);
    const setOptions = await page.locator('#field-productSetAll option').allInnerTexts();
    assert.equal(setOptions.length, 27, 'the 26 product sets of QĐ 26/2026 and the empty choice');
    await page.locator('#field-productSetAll').selectOption('1');
    await page.getByTestId('product-set-all').click();
    await settled(page);
    await waitForText(page.getByTestId('count-rowsWithErrors'), '0');
    assert.equal((await page.getByTestId('count-products').innerText()).trim(), '3 / 0');
    assert.equal((await page.getByTestId('count-certificates').innerText()).trim(), '3 / 0');

    // The mapping is saved for the next list of the province.
    await page.getByLabel('Tên cách ghép cột').fill(`Danh sách bổ sung ${tag}`);
    await page.getByTestId('mapping-save').click();
    await page.getByTestId('mapping-saved').waitFor();
    const saved = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM import_mappings WHERE province_code = $1 AND name = $2', ['12', `Danh sách bổ sung ${tag}`]);
    assert.equal(saved.rows[0]?.n, 1);

    // Commit: the button says how many products, and the batch page follows.
    const commitButton = page.getByTestId('import-commit');
    assert.equal(await commitButton.isEnabled(), true);
    assert.equal((await commitButton.innerText()).trim(), 'Nhập 3 sản phẩm');
    await commitButton.click();
    await page.getByTestId('batch-committed').waitFor();
    assert.match(page.url(), /\/admin\/imports\/[0-9a-f-]{36}/);
    const batchUrl = page.url().split('?')[0]!;
    assert.equal(await page.getByTestId('batch-status').innerText(), 'Đã nhập');
    assert.equal((await page.getByTestId('batch-count-products').innerText()).trim(), '3 / 0');
    assert.equal(await page.getByTestId('batch-record').count(), 9, 'three producers, three products, three certificates');

    // The batch is listed.
    await clickMenu(page, 'nav-imports');
    const listed = page.getByTestId('import-row').filter({ hasText: path.basename(list.file) });
    await listed.waitFor();
    assert.match(await listed.innerText(), /3 sản phẩm mới/);
    assert.match(await listed.innerText(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    // The public catalogue shows the product at once; the certificate's verification page says valid.
    const visitor = await suite.openBrowser({ viewport: { width: 1366, height: 768 } });
    await visitor.page.goto(`${origin}/san-pham?q=${encodeURIComponent(list.products.muongKim)}`);
    await visitor.page.getByTestId('results').waitFor();
    assert.match(await visitor.page.getByTestId('results').innerText(), new RegExp(list.products.muongKim));
    const token = await t.db.pool.query<{ publicToken: string; stars: number }>(
      'SELECT c.public_token AS "publicToken", c.stars FROM certificates c JOIN products p ON p.id = c.product_id WHERE p.name = $1',
      [list.products.muongTe],
    );
    assert.equal(token.rows.length, 1);
    assert.equal(token.rows[0]!.stars, 4);
    await visitor.page.goto(`${origin}/xac-minh/${token.rows[0]!.publicToken}`);
    const status = visitor.page.locator('section.status');
    await status.waitFor();
    assert.match(await status.innerText(), /Còn hiệu lực/);
    assert.match(await visitor.page.locator('dl.facts').innerText(), new RegExp(list.products.muongTe));

    // Undo the batch in the back office, after a confirmation.
    await page.goto(batchUrl);
    await page.getByTestId('undo-open').click();
    await page.getByTestId('undo-confirm').click();
    await waitForText(page.getByTestId('batch-status'), 'Đã hoàn tác');
    await page.getByTestId('batch-undone-at').waitFor();
    const left = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM products WHERE name = ANY($1)', [Object.values(list.products)]);
    assert.equal(left.rows[0]?.n, 0, 'the products the batch created are gone');

    // A visitor no longer finds the product.
    const later = await suite.openBrowser({ viewport: { width: 1366, height: 768 } });
    await later.page.goto(`${origin}/san-pham?q=${encodeURIComponent(list.products.muongKim)}`);
    await later.page.getByTestId('no-results').waitFor();
    assert.equal(await later.page.getByTestId('results').count(), 0);
    // The page repeats what was searched; no product of that name is offered among the close ones.
    const offered = await later.page.locator('[data-testid="close-products"] a').allInnerTexts();
    assert.ok(!offered.includes(list.products.muongKim), offered.join(', '));
  });
});
