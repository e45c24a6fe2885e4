/**
 * Reaching a producer outside the app (issue 14), in real Chromium: the provincial office of Vĩnh Long
 * configures its SMTP server (desktop, 1366×768); the producer gives its e-mail on "Thông báo của tôi"
 * (phone, 390×844); the certificate's re-evaluation window opens (the job runner's clock moved to
 * 180 days before expiry); the e-mail arrives at the test SMTP server, and the producer's "Đã gửi cho
 * tôi" list and the office's outbox show it sent.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixedClock } from '../../src/core/clock/index.ts';
import { runDueJobs } from '../../src/core/jobs/index.ts';
import { CURRENT_UNITS_VERSION } from '../../src/features/admin-units/index.ts';
import { certificateJobHandlers } from '../../src/features/certificates/index.ts';
import { deliverOutbox } from '../../src/features/notifications/index.ts';
import { browserSkip, startBrowserSuite, clickMenu, type BrowserSuite } from '../support/browser.ts';
import { createCertifiedProduct } from '../support/certificates.ts';
import { startSmtpServer, type TestSmtp } from '../support/notice-providers.ts';
import { createProducerRecord, createUserRecord, unique } from '../support/test-app.ts';

const VINH_LONG = '86';
// Issued 01/06/2015, expires 01/06/2018: the window opens on 03/12/2017, a day no other file's reminder is due.
const ISSUED_ON = '2015-06-01';

describe('notices by e-mail in the browser', { skip: browserSkip, timeout: 240_000 }, () => {
  let suite: BrowserSuite;
  let smtp: TestSmtp;
  before(async () => {
    [suite, smtp] = await Promise.all([startBrowserSuite({ timeoutMs: 20_000 }), startSmtpServer()]);
  });
  after(async () => {
    await smtp?.close();
    await suite?.close();
  });

  test('the province sets up SMTP; the window opens; the producer gets the e-mail and sees it sent', async () => {
    const { t } = suite;
    const commune = (await t.db.pool.query<{ code: string }>(`SELECT code FROM admin_units WHERE version_id = $1 AND level = 'commune' AND province_code = $2 ORDER BY code LIMIT 1`, [CURRENT_UNITS_VERSION, VINH_LONG])).rows[0]!.code;
    const producerId = await createProducerRecord(t.db, { provinceCode: VINH_LONG, communeCode: commune }, `Cơ sở kẹo dừa ${unique()}`);
    const product = await createCertifiedProduct(t.db, { provinceCode: VINH_LONG, communeCode: commune, producerId, productName: `Kẹo dừa sáp ${unique()}`, issuedOn: ISSUED_ON });
    const office = await createUserRecord(t.db, { role: 'province_office', provinceCode: VINH_LONG });
    const producer = await createUserRecord(t.db, { role: 'producer', producerId });

    // 1. The provincial office configures its SMTP server; the password is never shown back.
    const desk = await suite.openBrowser({ viewport: { width: 1366, height: 768 } });
    await suite.signIn(desk.page, office.username);
    await clickMenu(desk.page, 'nav-outbox');
    await desk.page.getByTestId('outbox-channels').click();
    const form = desk.page.getByTestId('channel-form-email');
    await form.waitFor();
    await form.getByTestId('channel-submit-email').click();
    await form.getByTestId('form-error').waitFor();
    assert.ok(await form.getByTestId('error-settings.host').isVisible(), 'the host is asked for');
    assert.ok(await form.getByTestId('error-settings.from').isVisible(), 'the sender is asked for');
    await form.locator('#field-settings-host').fill('127.0.0.1');
    await form.locator('#field-settings-port').fill(String(smtp.port));
    await form.locator('#field-settings-from').fill('ocop@vinhlong.gov.vn');
    await form.locator('#field-settings-fromName').fill('Văn phòng Điều phối OCOP tỉnh Vĩnh Long');
    await form.locator('#field-settings-replyTo').fill('vpdp@vinhlong.gov.vn');
    await form.locator('#field-secret').fill('mat-khau-smtp');
    await form.getByTestId('channel-submit-email').click();
    await desk.page.getByTestId('channel-saved-email').waitFor().catch(async (error: unknown) => {
      throw new Error(`not saved: ${await form.textContent()}`, { cause: error });
    });
    assert.equal(await desk.page.getByTestId('channel-form-email').locator('#field-secret').inputValue(), '', 'write-only');
    assert.ok(!(await desk.page.content()).includes('mat-khau-smtp'));

    // 2. The producer, on its phone, gives the address it reads.
    const phone = await suite.openBrowser({ viewport: { width: 390, height: 844 }, mobile: true });
    await suite.signIn(phone.page, producer.username);
    await phone.page.getByTestId('menu-toggle').click();
    await phone.page.getByTestId('nav-my-notices').click();
    const settings = phone.page.getByTestId('notice-settings-form');
    await settings.locator('#field-email').fill('không-phải-email');
    await settings.getByTestId('notice-settings-submit').click();
    await settings.getByTestId('error-email').waitFor();
    await settings.locator('#field-email').fill('ba.tu.keo.dua@example.vn');
    await settings.locator('#field-phone').fill('0912 345 678');
    await settings.getByTestId('notice-settings-submit').click();
    await phone.page.getByTestId('notice-settings-saved').waitFor();
    assert.equal(await settings.locator('#field-phone').inputValue(), '+84912345678', 'normalised to +84');

    // 3. 180 days before expiry the job runner writes the reminder; delivery sends it.
    await runDueJobs(t.db, createFixedClock('2017-12-04T02:00:00Z'), certificateJobHandlers);
    await deliverOutbox({ config: t.config, db: t.db, clock: createFixedClock(new Date()) }, { provinceCodes: [VINH_LONG] });
    const [mail] = await smtp.waitFor(1, 10_000);
    assert.ok(mail, 'the e-mail reached the SMTP server');
    assert.equal(mail.subject, `Đến hạn nộp hồ sơ đánh giá lại: ${product.productName}`);
    assert.equal(mail.from?.value[0]?.name, 'Văn phòng Điều phối OCOP tỉnh Vĩnh Long');
    assert.deepEqual(smtp.recipients[0], ['ba.tu.keo.dua@example.vn']);
    assert.ok((mail.text ?? '').includes(`/admin/certificates/${product.certificate.id}`), mail.text);

    // 4. The producer sees what was sent to it; the office sees it sent in the outbox.
    await phone.page.reload();
    const row = phone.page.getByTestId('my-delivery').filter({ hasText: product.productName }).filter({ hasText: 'E-mail' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Đã gửi/);
    await desk.page.goto(`${suite.baseUrl}/outbox?status=sent`);
    await desk.page.getByTestId('outbox-row').filter({ hasText: 'ba.tu.keo.dua@example.vn' }).waitFor();
  });
});
