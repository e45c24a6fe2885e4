/**
 * The evaluation journey in the browser (issue 5, QĐ 26/2026 Đ.5–7): a dossier forwarded by the commune
 * joins the round the provincial office opens; the office seats the council and the advisory team; the
 * advisory member records a site visit and the report; the chair opens scoring; three members score on
 * their own on a 1024×768 tablet, one far higher, so the spread rule orders a re-score; all re-score;
 * the chair closes the session; the office records the decision and the round shows the certificate;
 * the certificate PDF's QR decodes to the public verification page, which a phone shows valid; the office
 * revokes the certificate and the same page shows it revoked.
 * Real app, real database, Debian chromium. The API sets up only what the screens are not about.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findCriteriaSheet } from '../../src/features/rule-sets/index.ts';
import { browserSkip, startBrowserSuite, clickMenu, type BrowserSuite } from '../support/browser.ts';
import { choicesUpTo, extremeChoices } from '../support/criteria.ts';
import { createReadyDossier, expectStatus, passingCheck } from '../support/dossiers.ts';
import { decodePdfQr, pdfQrSkip } from '../support/qr.ts';
import { toLocalDate } from '../../src/core/clock/index.ts';
import { createProducerRecord, createUserRecord, signIn as signInByApi, type TestApp } from '../support/test-app.ts';

const HA_TINH = '42';
const COMMUNE = '18496';
const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 1024, height: 768 };

describe('evaluation journey in the browser', { skip: browserSkip, timeout: 420_000 }, () => {
  let suite: BrowserSuite;
  let t: TestApp;
  let baseUrl: string;

  before(async () => {
    suite = await startBrowserSuite({ timeoutMs: 20_000 });
    ({ t, baseUrl } = suite);
  });

  after(async () => {
    await suite?.close();
  });

  async function noSidewaysScroll(page: Page, where: string) {
    const [scrollWidth, viewportWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scrollWidth <= viewportWidth, `${where}: page is ${scrollWidth}px wide in a ${viewportWidth}px viewport`);
  }

  /** Picks every option of `choices` on the open score sheet, then submits it through the confirmation. */
  async function scoreAndSubmit(page: Page, choices: Record<string, string>) {
    await page.getByTestId('score-form').waitFor();
    for (const optionId of Object.values(choices)) {
      if (!(await page.getByTestId(`choice-${optionId}`).isChecked())) await page.getByTestId(`option-${optionId}`).click();
    }
    await page.getByTestId('summary-complete').waitFor();
    await page.getByTestId('score-submit').click();
    const confirm = page.getByTestId('score-confirm');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /không sửa được/);
    await page.getByTestId('score-confirm-submit').click();
  }

  async function openEntry(page: Page, roundId: string, productName: string) {
    await page.goto(`${baseUrl}/evaluations/${roundId}`);
    await page.getByTestId('entries-table').getByRole('link', { name: productName }).click();
    await page.getByTestId('entry-title').waitFor();
  }

  test('forwarded → round opened and council seated → site visit and report → scoring, re-score → closed → decided with a certificate', async () => {
    // --- Setup through the API: the cast, and a dossier the producer filed and the commune forwarded.
    const producerId = await createProducerRecord(t.db, { provinceCode: HA_TINH, communeCode: COMMUNE }, 'HTX Cam Khe Hương');
    const account = (spec: Parameters<typeof createUserRecord>[1]) => createUserRecord(t.db, spec);
    const producerAccount = await account({ role: 'producer', producerId });
    const officerAccount = await account({ role: 'commune_officer', provinceCode: HA_TINH, communeCode: COMMUNE });
    const office = await account({ role: 'province_office', provinceCode: HA_TINH });
    const chair = await account({ role: 'council_member', provinceCode: HA_TINH });
    const member1 = await account({ role: 'council_member', provinceCode: HA_TINH });
    const member2 = await account({ role: 'council_member', provinceCode: HA_TINH });
    const advisor = await account({ role: 'advisory_member', provinceCode: HA_TINH });
    const outsider = await account({ role: 'council_member', provinceCode: '12' }); // Lai Châu: may not sit on Hà Tĩnh's council

    const producer = await signInByApi(t.app, producerAccount.username);
    const officer = await signInByApi(t.app, officerAccount.username);
    const productName = 'Cam Khe Hương Sơn';
    const dossier = await createReadyDossier(producer, producerId, { productSetNumber: 3, productName });
    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${dossier.id}/submit`, { version: dossier.version }, 200);
    const received = await expectStatus(officer, 'POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version }, 200);
    const checked = await expectStatus(officer, 'PUT', `/api/dossiers/${dossier.id}/commune-check`, { version: received.version, ...passingCheck }, 200);
    await expectStatus(officer, 'POST', `/api/dossiers/${dossier.id}/forward`, { version: checked.version }, 200);

    const sheet = findCriteriaSheet('26-2026', 3)!;
    const best = extremeChoices(sheet, 'best');
    const good = choicesUpTo(sheet, 80);

    // --- The provincial office opens the round; the forwarded dossier joins it.
    const officeBrowser = await suite.openBrowser({ viewport: DESKTOP });
    const officePage = officeBrowser.page;
    await suite.signIn(officePage, office.username);
    await clickMenu(officePage, 'nav-evaluations');
    await officePage.getByRole('heading', { name: 'Đánh giá, phân hạng sản phẩm' }).waitFor();
    await officePage.getByTestId('open-round').click();
    await officePage.getByTestId('open-round-form').waitFor();
    await officePage.locator('#field-kind').selectOption('second');
    await officePage.locator('#field-year').fill('2026');
    await officePage.locator('#field-title').fill('Đợt 2 năm 2026 – Hà Tĩnh');
    await officePage.getByTestId('open-round-submit').click();
    await officePage.getByTestId('round-title').waitFor();
    assert.equal(await officePage.getByTestId('round-title').innerText(), 'Đợt 2 năm 2026 – Hà Tĩnh');
    const roundId = officePage.url().split('/').pop()!;
    const facts = await officePage.getByTestId('round-facts').innerText();
    assert.match(facts, /30\/10\/2026/, 'the legal cut-off of the second round (Đ.5.1)');
    assert.match(facts, /30\/12\/2026/);
    assert.match(facts, /10 điểm/);
    assert.match(facts, /75%, có Chủ tịch/);
    const row = officePage.getByTestId('entry-row');
    assert.equal(await row.count(), 1, 'the forwarded dossier joined the round');
    assert.match(await row.innerText(), /Cam Khe Hương Sơn/);
    assert.match(await row.innerText(), /Tổ tư vấn thẩm định/);
    await noSidewaysScroll(officePage, 'round page at 1280×800');

    // --- The office corrects the round's title; a completion date before the proposal deadline is refused on its field.
    await officePage.getByTestId('edit-round').click();
    await officePage.getByTestId('round-settings-form').waitFor();
    await officePage.locator('#field-title').fill('Đợt 2 năm 2026 – tỉnh Hà Tĩnh');
    await officePage.locator('#field-completeBy').fill('2026-10-01');
    await officePage.getByTestId('round-settings-submit').click();
    await officePage.getByTestId('error-completeBy').waitFor();
    assert.match(await officePage.getByTestId('error-completeBy').innerText(), /sau hạn nhận hồ sơ/);
    await officePage.locator('#field-completeBy').fill('2026-12-30');
    await officePage.getByTestId('round-settings-submit').click();
    await officePage.getByTestId('round-saved').waitFor();
    assert.equal(await officePage.getByTestId('round-title').innerText(), 'Đợt 2 năm 2026 – tỉnh Hà Tĩnh');

    // --- The office seats the council and the advisory team; a wrong seat is refused and named.
    await officePage.getByTestId('edit-members').click();
    await officePage.getByTestId('members-form').waitFor();
    const seats: Array<{ role: 'chair' | 'member' | 'advisory'; id: string; agency: string }> = [
      { role: 'chair', id: chair.id, agency: 'UBND tỉnh Hà Tĩnh' },
      { role: 'member', id: member1.id, agency: 'Sở Nông nghiệp và Môi trường' },
      { role: 'member', id: member2.id, agency: 'Sở Công Thương' },
      { role: 'advisory', id: advisor.id, agency: 'Chi cục Phát triển nông thôn' },
    ];
    for (const [index, seat] of seats.entries()) {
      await officePage.getByTestId(seat.role === 'advisory' ? 'add-advisory-seat' : 'add-council-seat').click();
      assert.equal(await officePage.getByTestId(`seat-role-${index}`).inputValue(), seat.role);
      await officePage.locator(`[data-testid="seat-user-${index}"] option[value="${seat.id}"]`).waitFor({ state: 'attached' });
      await officePage.getByTestId(`seat-user-${index}`).selectOption(seat.id);
      await officePage.getByTestId(`seat-agency-${index}`).fill(seat.agency);
    }
    // Lai Châu's council member is not offered for Hà Tĩnh's council.
    assert.equal(await officePage.locator(`[data-testid="seat-user-1"] option[value="${outsider.id}"]`).count(), 0);
    await officePage.getByTestId('members-save').click();
    await officePage.getByTestId('members-saved').waitFor();
    const membersTable = await officePage.getByTestId('members-table').innerText();
    assert.match(membersTable, /Chủ tịch Hội đồng/);
    assert.match(membersTable, /Sở Công Thương/);
    assert.match(membersTable, /Tổ tư vấn/);
    assert.equal(await officePage.getByTestId('member-row').count(), 4);

    // --- The advisory member records a site visit and the report.
    const advisorBrowser = await suite.openBrowser({ viewport: DESKTOP });
    try {
      const page = advisorBrowser.page;
      await suite.signIn(page, advisor.username);
      await clickMenu(page, 'nav-evaluations');
      await page.getByRole('link', { name: 'Đợt 2 năm 2026 – tỉnh Hà Tĩnh' }).click();
      await page.getByTestId('entries-table').getByRole('link', { name: productName }).click();
      await page.getByTestId('advisory-form').waitFor();
      assert.equal(await page.getByTestId('open-scoring').count(), 0, 'the advisory team does not open scoring');
      assert.equal(await page.getByTestId('score-form').count(), 0);
      await page.locator('#field-action').selectOption('site_visit');
      await page.locator('#field-happenedOn').fill('2026-11-20');
      await page.locator('#field-note').fill('Khảo sát vùng cam tại xã, 12 ha đạt VietGAP.');
      await page.getByTestId('advisory-submit').click();
      await page.getByTestId('advisory-saved').waitFor();
      await page.locator('[data-testid="event"][data-action="site_visit"]').waitFor();
      assert.match(await page.locator('[data-testid="event"][data-action="site_visit"]').innerText(), /Khảo sát thực tế · 20\/11\/2026[\s\S]*12 ha đạt VietGAP/);
      await page.locator('#field-action').selectOption('advisory_report');
      await page.locator('#field-note').fill('Hồ sơ đầy đủ, đề nghị Hội đồng chấm điểm.');
      await page.getByTestId('advisory-submit').click();
      await page.getByTestId('advisory-report').waitFor();
      assert.match(await page.getByTestId('advisory-report').innerText(), /đề nghị Hội đồng chấm điểm/);
    } finally {
      await advisorBrowser.context.close();
    }

    // --- The chair opens scoring on a tablet.
    const chairBrowser = await suite.openBrowser({ viewport: TABLET });
    const chairPage = chairBrowser.page;
    await suite.signIn(chairPage, chair.username);
    await openEntry(chairPage, roundId, productName);
    await chairPage.getByTestId('open-scoring-submit').click();
    await chairPage.getByTestId('score-form').waitFor();
    assert.match(await chairPage.getByTestId('entry-status').innerText(), /Đang chấm điểm/);
    assert.match(await chairPage.getByTestId('score-final-notice').innerText(), /Phiếu đã nộp là bản cuối cùng/);
    await noSidewaysScroll(chairPage, 'score sheet at 1024×768');

    // The draft saves itself (no button pressed); submitting with criteria missing names how many and submits nothing.
    const first = Object.entries(good)[0]!;
    await chairPage.getByTestId(`option-${first[1]}`).click();
    await chairPage.locator('[data-testid="score-save-state"][data-status="saved"]').waitFor();
    assert.match(await chairPage.getByTestId('score-save-state').innerText(), /^Đã lưu lúc \d{2}:\d{2}$/);
    await chairPage.getByTestId('score-submit').click();
    assert.match(await chairPage.getByTestId('score-missing').innerText(), /Còn \d+ tiêu chí chưa chấm/);
    await chairPage.reload();
    await chairPage.getByTestId('score-form').waitFor();
    assert.equal(await chairPage.getByTestId(`choice-${first[1]}`).isChecked(), true, 'the draft was saved');

    // The chair scores ~80 and submits: progress shows 1/3 with a ✓, but nobody's score.
    await scoreAndSubmit(chairPage, good);
    await chairPage.getByTestId('score-submitted').waitFor();
    // The entry is refetched after the sheet is in: its progress shows 1/3.
    await chairPage.getByTestId('progress-count').filter({ hasText: '1/3 thành viên đã nộp' }).waitFor();

    await officePage.reload();
    await officePage.getByTestId('entries-table').waitFor();
    const progress = await officePage.getByTestId('entry-row').getByTestId('progress').innerText();
    assert.match(progress, /1\/3 thành viên đã nộp/);
    assert.match(progress, /✓ Người dùng/);
    assert.equal(await officePage.getByTestId('entry-row').getByTestId('entry-result').count(), 0, 'no score is shown before closing');

    // --- Member 2 scores ~80; before submitting they see nobody's sheet.
    const m2Browser = await suite.openBrowser({ viewport: TABLET });
    const m2Page = m2Browser.page;
    await suite.signIn(m2Page, member2.username);
    // On the round's page each dossier has the member's own "Chấm điểm" button, saying its state.
    await m2Page.goto(`${baseUrl}/evaluations/${roundId}`);
    const scoreButton = m2Page.getByTestId('entry-row').filter({ hasText: productName }).getByTestId('score-button');
    assert.equal(await scoreButton.getAttribute('data-state'), 'none');
    assert.equal(await scoreButton.innerText(), 'Chấm điểm (chưa chấm)');
    await scoreButton.click();
    await m2Page.getByTestId('entry-title').waitFor();
    assert.equal(await m2Page.getByTestId('sheets-table').count(), 0, 'other members’ sheets stay hidden until one’s own is in');
    await scoreAndSubmit(m2Page, good);
    await m2Page.getByTestId('score-submitted').waitFor();
    await m2Page.getByTestId('sheets-table').waitFor();
    assert.equal(await m2Page.getByTestId('sheet-row').count(), 2, 'after submitting, the sheets already in are visible');
    await m2Page.goto(`${baseUrl}/evaluations/${roundId}`);
    assert.equal(await scoreButton.getAttribute('data-state'), 'submitted');
    assert.equal(await scoreButton.innerText(), 'Xem phiếu (đã nộp)');
    await m2Page.goto(`${baseUrl}/evaluations/entries/${(await scoreButton.getAttribute('href'))!.split('/').at(-1)!.split('#')[0]}`);
    await m2Page.getByTestId('entry-title').waitFor();

    // --- Member 1 scores ~100, last: the spread (> 10 points) orders a re-score, shown at once.
    const m1Browser = await suite.openBrowser({ viewport: TABLET });
    const m1Page = m1Browser.page;
    await suite.signIn(m1Page, member1.username);
    await openEntry(m1Page, roundId, productName);
    await noSidewaysScroll(m1Page, 'member’s score sheet at 1024×768');
    await scoreAndSubmit(m1Page, best);
    await m1Page.getByTestId('rescore-ordered').waitFor();
    const ordered = await m1Page.getByTestId('rescore-ordered').innerText();
    assert.match(ordered, /chấm lại \(lần 2\)/i);
    assert.match(ordered, /chênh nhau \d+(,\d+)? điểm, vượt mức 10 điểm/);
    assert.match(ordered, /Người dùng u\w+ – Người dùng u\w+/);
    // The re-score sheet starts from the member's previous choices.
    await m1Page.getByTestId('score-form').waitFor();
    const someBest = Object.values(best)[0]!;
    assert.equal(await m1Page.getByTestId(`choice-${someBest}`).isChecked(), true);

    // --- Everyone re-scores: member 1 lowers to ~80, the others confirm theirs.
    await scoreAndSubmit(m1Page, good);
    await m1Page.getByTestId('score-submitted').waitFor();
    for (const page of [chairPage, m2Page]) {
      await page.reload();
      await page.getByTestId('rescore-notice').waitFor();
      const notice = await page.getByTestId('rescore-notice').innerText();
      assert.match(notice, /Hội đồng chấm lại \(lần 2\)/);
      assert.match(notice, /chênh nhau \d+(,\d+)? điểm, vượt mức 10 điểm/);
      await scoreAndSubmit(page, good);
      await page.getByTestId('score-submitted').waitFor();
    }
    await m1Browser.context.close();
    await m2Browser.context.close();

    // --- The chair closes the session from the round page.
    await chairPage.goto(`${baseUrl}/evaluations/${roundId}`);
    await chairPage.getByTestId('close-form').waitFor();
    assert.match(await chairPage.getByTestId('entry-row').getByTestId('progress').innerText(), /3\/3 thành viên đã nộp \(lần chấm 2\)/);
    await chairPage.locator('#field-sessionPlace').fill('Hội trường UBND tỉnh Hà Tĩnh');
    await chairPage.getByTestId('close-submit').click();
    await chairPage.getByTestId('close-confirm').click();
    await chairPage.getByTestId('round-documents').waitFor();
    assert.match(await chairPage.getByTestId('round-session').innerText(), /Hội trường UBND tỉnh Hà Tĩnh/);
    const result = await chairPage.getByTestId('entry-row').getByTestId('entry-result').innerText();
    assert.match(result, /\d+(,\d+)? điểm/);
    assert.match(result, /Đề nghị công nhận/);
    assert.equal(await chairPage.getByTestId('decision-form').count(), 0, 'the chair does not record the decision');
    assert.equal(await chairPage.getByTestId('minutes-link').getAttribute('href'), `/api/evaluation-rounds/${roundId}/minutes.pdf`);
    for (const link of ['minutes-link', 'decision-draft-link']) {
      const href = (await chairPage.getByTestId(link).getAttribute('href'))!;
      const pdf = await chairPage.context().request.get(new URL(href, baseUrl).toString());
      assert.equal(pdf.status(), 200, `${link} answers`);
      assert.match(pdf.headers()['content-type'] ?? '', /application\/pdf/);
    }

    // The frozen result on the entry page: per-part averages, total, star, sheets of both attempts.
    await chairPage.getByTestId('entries-table').getByRole('link', { name: productName }).click();
    await chairPage.getByTestId('result').waitFor();
    assert.match(await chairPage.getByTestId('result-stars').innerText(), /★★★★/);
    assert.match(await chairPage.getByTestId('result-outcome').innerText(), /Đề nghị công nhận/);
    for (const part of ['A', 'B', 'C']) assert.match(await chairPage.getByTestId(`result-part-${part}`).innerText(), /^\d+(,\d+)?$/);
    assert.equal(await chairPage.getByTestId('sheet-row').count(), 6, 'three sheets of each attempt');
    assert.equal(await chairPage.getByTestId('score-form').count(), 0);
    await chairBrowser.context.close();

    // --- The office records the decision; the round shows the certificate number.
    await officePage.reload();
    await officePage.getByTestId('decision-form').waitFor();
    await officePage.locator('#field-number').fill('1234/QĐ-UBND');
    await officePage.locator('#field-signerName').fill('Nguyễn Văn A');
    await officePage.locator('#field-signerTitle').fill('Phó Chủ tịch UBND tỉnh');
    await officePage.getByTestId('decision-submit').click();
    await officePage.getByTestId('entry-certificate').waitFor();
    const certificate = await officePage.getByTestId('entry-certificate').innerText();
    assert.match(certificate, /OCOP-42-2026-\d{4}/);
    assert.match(await officePage.getByTestId('round-decision').innerText(), /1234\/QĐ-UBND/);
    assert.match(await officePage.getByTestId('entry-row').getByTestId('entry-status').innerText(), /Đã có quyết định/);
    assert.equal(await officePage.getByTestId('decision-form').count(), 0);
    assert.match((await officePage.getByTestId('certificate-link').getAttribute('href')) ?? '', /^\/admin\/certificates\/[0-9a-f-]{36}$/);
    assert.match(certificate, /hiệu lực đến \d{2}\/\d{2}\/\d{4}/, '36 months from the signing date');
    await noSidewaysScroll(officePage, 'decided round at 1280×800');

    // --- The certificate: its PDF carries a QR code that decodes to the public verification page, which a
    // phone shows valid; the office revokes it, and the same page says so at once.
    const certificateHref = (await officePage.getByTestId('certificate-link').getAttribute('href'))!;
    const certificateNumber = /OCOP-42-2026-\d{4}/.exec(certificate)![0];
    const { rows } = await t.db.pool.query<{ public_token: string }>('SELECT public_token FROM certificates WHERE number = $1', [certificateNumber]);
    const verificationPath = `/xac-minh/${rows[0]!.public_token}`;
    if (!pdfQrSkip) {
      const pdf = await officePage.context().request.get(new URL(`/api/certificates/${certificateHref.split('/').at(-1)}/pdf`, baseUrl).toString());
      assert.equal(pdf.status(), 200);
      assert.equal(decodePdfQr(Buffer.from(await pdf.body())), `${t.config.publicBaseUrl}${verificationPath}`, 'the QR opens the verification page');
    }
    const phone = await suite.openBrowser({ viewport: { width: 390, height: 844 } });
    await phone.page.goto(new URL(verificationPath, baseUrl).toString());
    assert.match(await phone.page.locator('section.status').innerText(), /Còn hiệu lực/);
    const publicText = await phone.page.locator('main').innerText();
    assert.ok(publicText.includes(certificateNumber) && publicText.includes(productName), 'the page names the certificate and the product');

    await officePage.goto(new URL(certificateHref, baseUrl).toString());
    await officePage.getByTestId('open-revoke').click();
    const revokeForm = officePage.getByTestId('revoke-form');
    await revokeForm.locator('#field-ground').selectOption('criteria_no_longer_met');
    await revokeForm.locator('#field-findingOn').fill(toLocalDate(new Date()));
    await revokeForm.locator('#field-decidedOn').fill(toLocalDate(new Date()));
    await revokeForm.locator('#field-decisionNumber').fill('77/QĐ-UBND');
    await revokeForm.locator('#field-reason').fill('Hậu kiểm: sản phẩm không còn đáp ứng tiêu chí.');
    await officePage.getByTestId('revoke-submit').click();
    await officePage.getByTestId('revocation-done').waitFor();
    await phone.page.reload();
    assert.match(await phone.page.locator('section.status').innerText(), /Đã bị thu hồi/);
    assert.match(await phone.page.locator('section.status').innerText(), /77\/QĐ-UBND/);
    await phone.context.close();
    await officePage.goto(new URL(`/admin/evaluations/${roundId}`, baseUrl).toString());
    await officePage.getByTestId('entry-row').waitFor();
    // The same screen in English (the dictionary of the feature).
    await officePage.getByTestId('lang-switch').click();
    await officePage.getByRole('heading', { name: 'Dossiers in the round' }).waitFor();
    assert.match(await officePage.getByTestId('entry-row').getByTestId('entry-status').innerText(), /Decided/);
    await officeBrowser.context.close();
  });
});
