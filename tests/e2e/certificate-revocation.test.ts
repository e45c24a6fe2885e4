/**
 * Revoking a certificate from its page (issue 5, QĐ 26/2026 Đ.8) at 1280×800: the provincial office sees
 * every problem of an empty form at once, records the revocation, and the page shows it revoked; the
 * producer finds the notice under the bell and opens the certificate from it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { toLocalDate } from '../../src/core/clock/index.ts';
import { browserSkip, startBrowserSuite, clickMenu, type BrowserSuite } from '../support/browser.ts';
import { createCertifiedProduct } from '../support/certificates.ts';
import { createUserRecord } from '../support/test-app.ts';

describe('certificate revocation in the browser', { skip: browserSkip, timeout: 180_000 }, () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite({ timeoutMs: 15_000 });
  });
  after(async () => {
    await suite?.close();
  });

  test('the provincial office revokes a 4★ certificate; the producer is told', async () => {
    const { t } = suite;
    const product = await createCertifiedProduct(t.db, { stars: 4, issuedOn: '2026-08-15' });
    const office = await createUserRecord(t.db, { role: 'province_office', provinceCode: '12' });
    const producer = await createUserRecord(t.db, { role: 'producer', producerId: product.producerId, provinceCode: '12', communeCode: '03595' });
    const today = toLocalDate(new Date());

    const { page } = await suite.openBrowser({ viewport: { width: 1280, height: 800 } });
    await suite.signIn(page, office.username);
    await clickMenu(page, 'nav-certificates');
    await page.getByTestId('certificates-table').waitFor();
    await page.goto(`${suite.baseUrl}/certificates/${product.certificate.id}`);
    assert.equal(await page.getByTestId('certificate-status').textContent(), 'Còn hiệu lực');

    await page.getByTestId('open-revoke').click();
    const form = page.getByTestId('revoke-form');
    assert.equal(await form.locator('#field-ground option').count(), 7, 'the six grounds of Điều 8, and the empty choice');
    await page.getByTestId('revoke-submit').click();
    await page.getByTestId('form-error').waitFor();
    for (const field of ['ground', 'findingOn', 'decidedOn', 'decisionNumber', 'reason']) {
      assert.ok(await page.getByTestId(`error-${field}`).isVisible(), `${field} is flagged`);
    }

    await form.locator('#field-ground').selectOption('mark_misuse');
    await form.locator('#field-findingOn').fill(today);
    await form.locator('#field-decidedOn').fill(today);
    await form.locator('#field-decisionNumber').fill('321/QĐ-UBND');
    await form.locator('#field-reason').fill('Dùng nhãn OCOP 5 sao cho sản phẩm 4 sao.');
    await page.getByTestId('revoke-submit').click();
    await page.getByTestId('revocation-done').waitFor();
    assert.equal(await page.getByTestId('certificate-status').textContent(), 'Đã bị thu hồi');
    assert.equal(await page.getByTestId('open-revoke').count(), 0);

    const producerBrowser = await suite.openBrowser({ viewport: { width: 1280, height: 800 } });
    const p = producerBrowser.page;
    await suite.signIn(p, producer.username);
    await p.getByTestId('notifications-count').waitFor();
    await p.getByTestId('notifications-toggle').click();
    await p.getByTestId('notification').filter({ hasText: product.certificate.number }).click();
    await p.getByTestId('revocation-done').waitFor();
    assert.match(p.url(), new RegExp(`/admin/certificates/${product.certificate.id}`));
    assert.equal(await p.getByTestId('certificate-status').textContent(), 'Đã bị thu hồi');
  });
});
