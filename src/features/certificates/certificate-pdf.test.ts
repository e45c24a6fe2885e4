import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { createCertifiedProduct } from '../../../tests/support/certificates.ts';
import { createFixedClock, createTestApp, signInAs, type TestApp } from '../../../tests/support/test-app.ts';

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Rasterises the PDF's first page at 150 dpi, as a phone camera would see a print, and decodes the QR code. */
function decodeQr(pdf: Buffer): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocop-qr-'));
  try {
    writeFileSync(path.join(dir, 'certificate.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', path.join(dir, 'certificate.pdf'), path.join(dir, 'page')]);
    const file = readdirSync(dir).find((name) => name.endsWith('.png'))!;
    const png = PNG.sync.read(readFileSync(path.join(dir, file)));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// jsqr is CommonJS whose types declare an ES default export: at run time the function is the module itself.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

const skip = hasPdftoppm() ? false : 'pdftoppm (poppler-utils) is not installed: apt-get install poppler-utils';

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
    assert.equal(decodeQr(response.rawPayload), detail.verificationUrl);
  });
});
