import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCertifiedProduct } from '../../../tests/support/certificates.ts';
import { decodePdfQr, pdfQrSkip } from '../../../tests/support/qr.ts';
import { createFixedClock, createTestApp, signInAs, type TestApp } from '../../../tests/support/test-app.ts';

const skip = pdfQrSkip;

describe('the certificate PDF’s QR code', { skip }, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: createFixedClock('2026-11-23T09:00:00+07:00'), config: { publicBaseUrl: 'https://ocop.example.vn' } as never });
  });
  after(() => t.close());

  test('decodes to the public verification page of this very certificate', async () => {
    const product = await createCertifiedProduct(t.db, { stars: 4, issuedOn: '2026-08-15' });
    const producer = await signInAs(t, { role: 'producer', producerId: product.producerId, provinceCode: '12', communeCode: '03595' });
    const detail = (await producer.request('GET', `/api/certificates/${product.certificate.id}`)).json();
    assert.equal(detail.verificationUrl, `https://ocop.example.vn/xac-minh/${product.certificate.publicToken}`);
    const response = await producer.request('GET', `/api/certificates/${product.certificate.id}/pdf`);
    assert.equal(response.statusCode, 200);
    assert.equal(decodePdfQr(response.rawPayload), detail.verificationUrl);
  });
});
