/**
 * Browser journeys through the criteria (Bộ tiêu chí) and the producer's self-assessment (Mẫu 02),
 * driven by playwright-core on Debian's chromium against a real app (see back-office.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, startBrowserSuite, type BrowserOptions, type BrowserSuite } from '../support/browser.ts';
import { findCriteriaSheet } from '../../src/features/rule-sets/index.ts';
import { extremeChoices } from '../support/criteria.ts';
import { TEST_PASSWORD, createProducerRecord, createUserRecord, signInAs, unique, type TestApp } from '../support/test-app.ts';

// Lai Châu, Xã Than Uyên.
const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const PHONE = { width: 390, height: 844 };

describe('criteria and self-assessment in the browser', { skip: browserSkip, timeout: 240_000 }, () => {
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

  async function pageWidth(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth);
  }

  interface Summary {
    total: string;
    stars: string;
  }

  /** The live score once it has settled (debounce and request done) and satisfies `until`. */
  async function settledSummary(page: Page, until: (summary: Summary) => boolean = () => true): Promise<Summary> {
    let last: Summary = { total: '', stars: '' };
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(100)) {
      if ((await page.getByTestId('summary-updating').count()) > 0 || (await page.getByTestId('summary-total').count()) === 0) continue;
      // No star until every criterion is answered (issue 19): then the summary says "tạm tính" instead.
      const stars = page.getByTestId('summary-stars');
      last = {
        total: (await page.getByTestId('summary-total').innerText()).trim(),
        stars: (await stars.count()) > 0 ? (await stars.innerText()).trim() : '',
      };
      if (until(last)) return last;
    }
    assert.fail(`the summary did not settle as expected; last seen ${JSON.stringify(last)}`);
  }

  test('on a 390×844 phone a producer self-assesses product set 1: live score, a capped star naming its criterion, saved and reloaded', async () => {
    const producerName = `HTX Rau ${unique()}`;
    const producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN }, producerName);
    const producer = await createUserRecord(t.db, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const sheet = findCriteriaSheet('26-2026', 1)!;
    // The best option everywhere except value added (1.3): 99 points, 5★ by points, but 1.3 misses its ★★★★★ minimum.
    const choices = { ...extremeChoices(sheet, 'best'), '1.3': '1.3.b' };

    const { context, page } = await openBrowser({ viewport: PHONE, mobile: true });
    try {
      await page.goto(`${baseUrl}/`);
      await page.getByTestId('login-form').waitFor();
      await page.getByLabel('Tên đăng nhập').fill(producer.username);
      await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('greeting').waitFor();

      await page.getByTestId('home-card-self-assessments').click();
      await page.getByRole('heading', { name: 'Tự đánh giá sản phẩm', exact: true }).waitFor();
      await page.getByTestId('new-self-assessment').click();

      // The producer's own producer is filled in; the product set comes from the classification tree.
      assert.match(await page.getByTestId('own-producer').innerText(), new RegExp(producerName));
      await page.getByTestId('self-assessment-create').click();
      await page.getByTestId('form-error').waitFor();
      assert.match(await page.getByTestId('error-productName').innerText(), /Tên sản phẩm/);
      assert.match(await page.getByTestId('error-productSetNumber').innerText(), /bộ sản phẩm/);
      await page.getByLabel('Tên sản phẩm').fill('Rau cải mèo Than Uyên');
      const productSet = page.locator('#field-productSetNumber');
      await productSet.locator('option[value="1"]').waitFor({ state: 'attached' });
      assert.match(await productSet.locator('optgroup').first().getAttribute('label') ?? '', /Thực phẩm tươi sống/);
      await productSet.selectOption('1');
      await page.getByTestId('self-assessment-create').click();

      await page.getByTestId('self-assessment-form').waitFor();
      assert.equal(await page.getByTestId('self-assessment-title').innerText(), 'Rau cải mèo Than Uyên');
      const first = await settledSummary(page);
      assert.equal(first.total, '0/100', 'nothing answered: 0 points, not the unanswered at their lowest option');
      assert.match(await page.getByTestId('summary-provisional').innerText(), /tạm tính/);
      assert.match(await page.getByTestId('summary-missing').innerText(), /^Còn thiếu \d+ tiêu chí$/);
      assert.ok((await pageWidth(page)) <= PHONE.width, 'the form fits the phone without sideways scrolling');

      // Options are large radio buttons; the summary follows each choice.
      await page.getByTestId('option-1.1.c').click();
      assert.equal(await page.getByTestId('choice-1.1.c').isChecked(), true);
      // Only what is answered counts: 1.1.c gives 3.
      const one = await settledSummary(page, (summary) => summary.total !== first.total);
      assert.equal(one.total, '3/100');
      assert.equal(one.stars, '', 'no star while criteria are missing');

      for (const [code, optionId] of Object.entries(choices)) {
        if (code === '1.1') continue;
        await page.getByTestId(`option-${optionId}`).click();
      }
      const full = await settledSummary(page, (summary) => summary.total === '99/100');
      assert.match(full.stars, /4 sao/);
      assert.notEqual(full.stars, first.stars, 'the star changes');
      assert.equal(await page.getByTestId('summary-complete').innerText(), 'Đã chấm đủ tiêu chí');
      const capped = await page.getByTestId('summary-capped').innerText();
      assert.match(capped, /Theo điểm: 5 sao; bị giới hạn còn 4 sao do tiêu chí 1\.3 Gia tăng giá trị/);

      // The gap panel names the missing requirement and the cheapest upgrade, 1.3.b → 1.3.c (+1).
      assert.match(await page.getByTestId('gap-target').innerText(), /Mục tiêu: 5 sao \(tổng điểm từ 90\)/);
      const upgrade = await page.getByTestId('upgrade-1.3').innerText();
      assert.match(upgrade, /1\.3 Gia tăng giá trị/);
      assert.match(upgrade, /\+1 điểm/);
      assert.match(upgrade, /Ứng dụng máy móc trong sơ chế/);
      assert.match(upgrade, /Ứng dụng công nghệ tiên tiến/);
      assert.ok((await pageWidth(page)) <= PHONE.width, 'still no sideways scrolling with the gap panel open');

      // Saved without pressing anything.
      await page.locator('[data-testid="self-assessment-save-state"][data-status="saved"]').waitFor();

      await page.reload();
      await page.getByTestId('self-assessment-form').waitFor();
      for (const [code, optionId] of Object.entries(choices)) {
        assert.equal(await page.getByTestId(`choice-${optionId}`).isChecked(), true, `criterion ${code} keeps ${optionId} after reloading`);
      }
      await settledSummary(page, (summary) => summary.total === '99/100');
      assert.match(await page.getByTestId('summary-capped').innerText(), /1\.3/);

      // The commune officer saves the draft meanwhile: saving the older version says so and offers to reload.
      const id = page.url().split('/').pop()!;
      const officer = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
      const current = (await officer.request('GET', `/api/self-assessments/${id}`)).json<{ version: number }>();
      const edited = await officer.request('PATCH', `/api/self-assessments/${id}`, { version: current.version, productName: 'Rau cải mèo Than Uyên (xã sửa)' });
      assert.equal(edited.statusCode, 200, edited.body);
      await page.getByTestId('option-1.3.c').click();
      await page.getByTestId('self-assessment-save').click();
      assert.match(await page.getByTestId('self-assessment-conflict').innerText(), /Người khác vừa sửa/);
      await page.getByTestId('self-assessment-reload').click();
      await page.getByTestId('self-assessment-conflict').waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('self-assessment-title').innerText(), 'Rau cải mèo Than Uyên (xã sửa)');
      assert.equal(await page.getByTestId('choice-1.3.b').isChecked(), true, 'the reloaded version is shown');
    } finally {
      await context.close();
    }
  });

  test('a visitor compares 1048/2019 with 26/2026 and reads a criteria sheet, without signing in', async () => {
    const { context, page } = await openBrowser({ viewport: PHONE, mobile: true });
    try {
      await page.goto(`${baseUrl}/rule-sets`);
      await page.getByRole('heading', { name: 'Bộ tiêu chí đánh giá, phân hạng' }).waitFor();
      assert.match(await page.getByTestId('rule-set-26-2026').innerText(), /Hiện hành/);
      assert.match(await page.getByTestId('rule-set-1048-2019').innerText(), /Hết hiệu lực/);

      await page.getByTestId('compare-rule-sets').click();
      await page.getByLabel('Bộ thứ nhất').selectOption('1048-2019');
      await page.getByLabel('Bộ thứ hai').selectOption('26-2026');
      const partA = page.getByTestId('difference-partMaxima.A');
      await partA.waitFor();
      assert.match(await partA.locator('th').innerText(), /Điểm tối đa Phần A – Sản phẩm và sức mạnh cộng đồng/);
      assert.equal(await partA.getByTestId('difference-left').innerText(), '35 điểm');
      assert.equal(await partA.getByTestId('difference-right').innerText(), '40 điểm');
      assert.match(await page.getByTestId('difference-partMaxima.C').innerText(), /40 điểm[\s\S]*35 điểm/);
      assert.match(await page.getByTestId('difference-levels').innerText(), /Cấp huyện → Cấp tỉnh → Trung ương[\s\S]*Cấp xã → Cấp tỉnh → Trung ương/);
      assert.match(page.url(), /compare\?left=1048-2019&right=26-2026/, 'the comparison can be shared as a link');
      assert.ok((await pageWidth(page)) <= PHONE.width, 'the comparison fits the phone');

      await page.goto(`${baseUrl}/rule-sets/26-2026`);
      assert.match(await page.getByTestId('band-4').innerText(), /từ 70 đến dưới 90 điểm → 4 sao/);
      await page.getByTestId('sheet-link-1').click();
      await page.getByTestId('sheet-title').waitFor();
      assert.equal(await page.getByTestId('sheet-title').innerText(), 'Bộ sản phẩm 1: Rau, củ, quả, hạt tươi');
      assert.match(await page.getByTestId('disqualifications').innerText(), /Giả mạo hồ sơ/);
      assert.match(await page.getByTestId('criterion-5.2').getByTestId('conditional').innerText(), /Chỉ áp dụng khi có câu chuyện sản phẩm/);
      assert.match(await page.getByTestId('option-1.3.c').getByTestId('star-marker').innerText(), /^★★★★★(?!★)/);
      assert.ok((await page.getByTestId('sheet-note').count()) > 0, 'the data notes are shown');
      assert.ok((await pageWidth(page)) <= PHONE.width, 'the sheet fits the phone');
    } finally {
      await context.close();
    }
  });

  test('on a 390×844 phone answers save themselves, survive a reload, and leaving unsaved work is warned (issue 19)', async () => {
    const producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN }, `HTX Chè ${unique()}`);
    const producer = await createUserRecord(t.db, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const api = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const created = await api.request('POST', '/api/self-assessments', { producerId, productName: 'Rau cải mèo Mường Than', productSetNumber: 1 });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;
    const sheet = findCriteriaSheet('26-2026', 1)!;
    const best = extremeChoices(sheet, 'best');
    const five = Object.entries(best).slice(0, 5);
    const optionPoints = new Map(sheet.parts.flatMap((part) => part.sections.flatMap((section) => section.criteria)).flatMap(function leaves(c): Array<[string, number]> {
      return c.children?.length ? c.children.flatMap(leaves) : c.options.map((option) => [option.id, option.points]);
    }));
    const answered = five.reduce((sum, [, optionId]) => sum + optionPoints.get(optionId)!, 0);
    const savedState = (page: Page, status: string) => page.locator(`[data-testid="self-assessment-save-state"][data-status="${status}"]`);

    const { context, page } = await openBrowser({ viewport: PHONE, mobile: true });
    try {
      await suite.signIn(page, producer.username);
      await page.goto(`${baseUrl}/self-assessments/${id}`);
      await page.getByTestId('self-assessment-form').waitFor();
      assert.match(await page.getByTestId('self-assessment-save-state').innerText(), /Tự động lưu nháp/);

      const started = Date.now();
      for (const [, optionId] of five) await page.getByTestId(`option-${optionId}`).click();
      await savedState(page, 'saved').waitFor();
      const savedAfter = Date.now() - started;
      assert.match(await page.getByTestId('self-assessment-save-state').innerText(), /^Đã lưu lúc \d{2}:\d{2}$/);
      console.log(`# five answers clicked and saved, no button pressed, in ${savedAfter} ms`);
      // The live total is what the five answers are worth, provisional, without a star.
      const summary = await settledSummary(page, (value) => value.total === `${answered}/100`);
      assert.equal(summary.stars, '');
      assert.match(await page.getByTestId('summary-provisional').innerText(), /Điểm đã chấm \(tạm tính\)/);
      assert.match(await page.getByTestId('summary-nostar').innerText(), /khi chấm đủ tiêu chí/);
      const stored = (await api.request('GET', `/api/self-assessments/${id}`)).json<{ choices: Record<string, string> }>();
      assert.deepEqual(stored.choices, Object.fromEntries(five), 'the server has the five answers');

      await page.reload();
      await page.getByTestId('self-assessment-form').waitFor();
      for (const [code, optionId] of five) assert.equal(await page.getByTestId(`choice-${optionId}`).isChecked(), true, `${code} kept after reloading`);

      // Closing the page within the pause, before the save: the browser asks first (beforeunload).
      const [sixthCode, sixth] = Object.entries(best)[5]!;
      await page.getByTestId(`option-${sixth}`).click();
      const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.type()); void dialog.dismiss(); }));
      await page.close({ runBeforeUnload: true });
      assert.equal(await asked, 'beforeunload');
      assert.equal(page.isClosed(), false, 'staying was possible');
      await savedState(page, 'saved').waitFor();
      assert.equal((await api.request('GET', `/api/self-assessments/${id}`)).json<{ choices: Record<string, string> }>().choices[sixthCode], sixth, 'and what was typed was then saved');

      // Offline: the save fails and says so; leaving for another screen asks first, and staying keeps the work.
      await context.setOffline(true);
      const [seventhCode, seventh] = Object.entries(best)[6]!;
      await page.getByTestId(`option-${seventh}`).click();
      await savedState(page, 'failed').waitFor();
      assert.equal(await page.getByTestId('self-assessment-save-state').innerText(), 'Chưa lưu được — thử lại');
      const confirm = new Promise<{ type: string; message: string }>((resolve) =>
        page.once('dialog', (dialog) => { resolve({ type: dialog.type(), message: dialog.message() }); void dialog.dismiss(); }),
      );
      await page.locator('.breadcrumb').getByRole('link', { name: 'Tự đánh giá sản phẩm' }).click();
      const warning = await confirm;
      assert.equal(warning.type, 'confirm');
      assert.match(warning.message, /chưa lưu được/);
      await page.waitForTimeout(300);
      assert.match(page.url(), new RegExp(`/self-assessments/${id}$`), 'still on the form');
      assert.equal(await page.getByTestId(`choice-${seventh}`).isChecked(), true);

      await context.setOffline(false);
      await page.getByTestId('self-assessment-save-state-retry').click();
      await savedState(page, 'saved').waitFor();
      assert.equal((await api.request('GET', `/api/self-assessments/${id}`)).json<{ choices: Record<string, string> }>().choices[seventhCode], seventh);
      // Everything saved: leaving needs no question.
      await page.locator('.breadcrumb').getByRole('link', { name: 'Tự đánh giá sản phẩm' }).click();
      await page.getByTestId('self-assessments').waitFor();
    } finally {
      await context.close();
    }
  });
});
