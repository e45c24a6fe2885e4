import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { checkDeclaredSizes, inflateEntryText, readZipDirectory, ZipFormatError } from './zip-archive.ts';

async function workbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('S').addRow(['STT', 'Tên sản phẩm', 'x'.repeat(5000)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('zip archive checks', () => {
  test('the central directory lists the parts of an .xlsx with their sizes', async () => {
    const entries = readZipDirectory(await workbookBytes());
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    assert.ok(sheet && sheet.uncompressedSize > sheet.compressedSize);
    assert.ok(entries.some((e) => e.name === 'xl/workbook.xml'));
  });

  test('a part that inflates past its declared size is refused while inflating', async () => {
    const bytes = await workbookBytes();
    const entries = readZipDirectory(bytes);
    const sheet = entries.find((e) => e.name === 'xl/sharedStrings.xml' || e.name === 'xl/worksheets/sheet1.xml')!;
    const lying = { ...sheet, uncompressedSize: 100 };
    await assert.rejects(async () => {
      for await (const _ of inflateEntryText(bytes, lying)) void _;
    }, (error: unknown) => error instanceof ZipFormatError && error.problem === 'lying_size');
    let text = '';
    for await (const chunk of inflateEntryText(bytes, sheet)) text += chunk;
    assert.equal(Buffer.byteLength(text), sheet.uncompressedSize);
  });

  test('declared totals and ratios', () => {
    const entry = { name: 'a', method: 8, flags: 0, compressedSize: 1000, uncompressedSize: 2_000_000, localHeaderOffset: 0 };
    assert.throws(() => checkDeclaredSizes([entry], { maxTotalBytes: 1e9, maxRatio: 500 }), /ratio/);
    assert.doesNotThrow(() => checkDeclaredSizes([{ ...entry, compressedSize: 100_000 }], { maxTotalBytes: 1e9, maxRatio: 500 }));
    assert.throws(() => checkDeclaredSizes([{ ...entry, compressedSize: 100_000 }], { maxTotalBytes: 1e6, maxRatio: 500 }), /declared/);
    assert.throws(() => checkDeclaredSizes([{ ...entry, flags: 1 }], { maxTotalBytes: 1e9, maxRatio: 500 }), /encrypted/);
  });

  test('bytes that are not a zip', () => {
    assert.throws(() => readZipDirectory(Buffer.from('STT,Tên sản phẩm\n1,Chè\n'.repeat(3))), (e: unknown) => e instanceof ZipFormatError && e.problem === 'not_zip');
  });
});
