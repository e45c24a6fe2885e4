import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseTaxCode } from '../src/features/producers/index.ts';
import { badCheckDigitTaxCode, laiChauTax, validTaxCode, writeImportFixtures } from './generate-import-fixtures.ts';

describe('generate-import-fixtures', () => {
  test('writes every fixture; the Lai Châu list has what the reading tests rely on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ocop-fixtures-'));
    try {
      const fixtures = await writeImportFixtures(dir);
      assert.deepEqual(Object.keys(fixtures).sort(), ['csvWithBom', 'csvWithoutBom', 'laiChau', 'longList', 'notASpreadsheet', 'withoutHeader', 'zipBomb']);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(fixtures.laiChau);
      assert.deepEqual(workbook.worksheets.map((s) => [s.name, s.state]), [['Danh sách cũ', 'hidden'], ['Hướng dẫn', 'visible'], ['Danh sách', 'visible']]);
      const sheet = workbook.getWorksheet('Danh sách')!;
      assert.equal(sheet.getColumn('G').hidden, true);
      assert.equal(sheet.getCell('J22').formula, '2+2');
      assert.ok(sheet.model.merges.includes('H5:K5'));
      assert.equal(readFileSync(fixtures.csvWithBom).subarray(0, 3).toString('hex'), 'efbbbf');
      assert.notEqual(readFileSync(fixtures.csvWithoutBom).subarray(0, 3).toString('hex'), 'efbbbf');
      assert.equal(readFileSync(fixtures.notASpreadsheet).subarray(0, 4).toString(), '%PDF');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('tax codes of the fixtures: valid ones pass the check digit, the bad one does not', () => {
    for (const code of [laiChauTax.muongKim, laiChauTax.cheTamDuong, validTaxCode('620000001')]) assert.equal(parseTaxCode(code).ok, true, code);
    assert.deepEqual(parseTaxCode(badCheckDigitTaxCode('620056789')), { ok: false, problem: 'check_digit' });
  });
});
