/**
 * Reading QR codes printed in PDFs, as a phone camera would: poppler's pdftoppm rasterises the first page
 * at 150 dpi, jsQR decodes it. CI installs poppler-utils; elsewhere tests skip with `pdfQrSkip`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A reason to skip a test that reads a PDF's QR code, or false when it can run. */
export const pdfQrSkip: string | false = hasPdftoppm() ? false : 'pdftoppm (poppler-utils) is not installed: apt-get install poppler-utils';

// jsqr is CommonJS whose types declare an ES default export: at run time the function is the module itself.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

/** The text of the QR code on the PDF's first page, or null when none is found. */
export function decodePdfQr(pdf: Buffer): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocop-qr-'));
  try {
    writeFileSync(path.join(dir, 'document.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', path.join(dir, 'document.pdf'), path.join(dir, 'page')]);
    const file = readdirSync(dir).find((name) => name.endsWith('.png'))!;
    const png = PNG.sync.read(readFileSync(path.join(dir, file)));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
