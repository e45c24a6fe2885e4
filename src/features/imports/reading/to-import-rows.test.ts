import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { laiChauTax, legacyCells, writeImportFixtures } from '../../../../scripts/generate-import-fixtures.ts';
import type { ImportRow, RowIssue } from '../import-row.ts';
import { guessMapping } from './column-mapping.ts';
import { readTable } from './read-table.ts';
import { findFileDuplicates, toImportRows } from './to-import-rows.ts';

let dir: string;
let rows: ImportRow[];
const byRow = (rowNumber: number) => {
  const row = rows.find((r) => r.rowNumber === rowNumber);
  assert.ok(row, `row ${rowNumber}`);
  return row;
};
const brief = (issue: RowIssue) => `${issue.rowNumber}${issue.column ?? '-'} ${issue.severity} ${issue.code}`;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ocop-import-rows-'));
  const fixtures = await writeImportFixtures(dir);
  const table = await readTable(readFileSync(fixtures.laiChau), 'danh-sach-ocop-lai-chau.xlsx');
  rows = toImportRows(table, guessMapping(table.columns));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('toImportRows on the Lai Châu list', () => {
  test('every problem of the file at once, with row numbers and column letters', () => {
    assert.deepEqual(rows.flatMap((r) => r.issues).map(brief), [
      '12K warning expiry_not_36_months',
      '16- warning possible_duplicate',
      '17D error tax_code_check_digit',
      '17F warning invalid_phone',
      '17I error impossible_date',
      '18- error duplicate_row',
      '19J error stars_without_certificate',
      '20C error missing_producer_name',
    ]);
    const impossible = byRow(17).issues.find((i) => i.code === 'impossible_date')!;
    assert.equal(impossible.field, 'decisionDate');
    assert.match(impossible.message, /ngày không có thật/);
    assert.match(impossible.messageEn, /no such date/);
    assert.match(byRow(18).issues[0]!.message, /dòng 15/);
    assert.match(byRow(16).issues[0]!.message, /dòng 15/);
  });

  test('a complete row', () => {
    assert.deepEqual(byRow(9), {
      rowNumber: 9,
      producer: { name: 'HTX Nông nghiệp Mường Kim', taxCode: laiChauTax.muongKim, legalForm: 'cooperative', address: 'Xã Mường Kim, huyện Than Uyên, tỉnh Lai Châu', phone: '+84912345678', email: null, representativeName: null },
      place: { commune: 'Xã Mường Kim', district: 'Huyện Than Uyên', province: 'Tỉnh Lai Châu', columns: { commune: 'E', district: 'E', province: 'E' } },
      product: { name: 'Gạo Séng Cù Mường Kim', productSetNumber: 3, productCode: '12-110-03637-1-2022', description: null },
      certificate: { stars: 3, decisionNumber: '1234/QĐ-UBND', decisionDate: '2022-03-15', certificateNumber: null, issuingBody: null, expiresOn: '2025-03-15' },
      salesPoint: null,
      issues: [],
    });
  });

  test('each form of stars and dates in the file', () => {
    const certificates = Object.fromEntries(rows.map((r) => [r.rowNumber, r.certificate && [r.certificate.stars, r.certificate.decisionDate, r.certificate.expiresOn]]));
    assert.deepEqual(certificates, {
      9: [3, '2022-03-15', '2025-03-15'],
      10: [4, '2022-05-20', '2025-05-20'],
      11: [3, '2022-06-15', '2025-06-15'],
      12: [3, '2022-07-01', '2026-07-01'],
      15: [4, '2023-08-10', '2026-08-10'],
      16: [4, '2023-08-10', '2026-08-10'],
      17: [5, null, null],
      18: [4, '2023-08-10', '2026-08-10'],
      19: null,
      20: [3, '2023-08-10', null],
      22: [4, '2023-03-15', '2026-03-15'],
      23: [4, '2024-09-05', null],
    });
  });

  test('district from the address, else from the group row; legal forms; converted names', () => {
    assert.deepEqual(byRow(11).place, { commune: 'Thị trấn Than Uyên', district: 'Huyện Than Uyên', province: null, columns: { commune: 'E', district: null, province: null } });
    assert.deepEqual([byRow(10).place.commune, byRow(10).place.district], ['Mường Than', 'Than Uyên']);
    assert.deepEqual([byRow(22).place.commune, byRow(22).place.district], ['Phường Tân Phong', 'Thành phố Lai Châu']);
    assert.equal(byRow(12).producer.name, legacyCells.tcvn3);
    assert.equal(byRow(17).producer.name, legacyCells.vni);
    assert.deepEqual(rows.map((r) => r.producer.legalForm), ['cooperative', 'cooperative', 'household', 'cooperative', 'cooperative', 'cooperative', 'household', 'cooperative', 'cooperative_group', null, 'enterprise', 'household']);
    assert.equal(byRow(23).producer.taxCode, '012345678901');
    assert.equal(byRow(22).product?.productSetNumber, 12);
    assert.equal(byRow(10).product?.productSetNumber, 11);
  });
});

describe('toImportRows with unit columns', () => {
  test('commune and district columns, abbreviations expanded; a district column that contradicts the address is reported', () => {
    const table = {
      format: 'csv' as const, sheetName: null, headerRows: [1], skipped: [], convertedCells: 0,
      columns: ['Tên sản phẩm', 'Tên chủ thể', 'Địa chỉ', 'Xã/phường', 'Huyện', 'Hạng sao'].map((heading, index) => ({ index, letter: String.fromCharCode(65 + index), heading, hidden: false })),
      rows: [
        { rowNumber: 2, group: null, cells: ['Chè', 'HTX Chè', null, 'X. Bản Bo', 'H. Tam Đường', '3 sao'] },
        { rowNumber: 3, group: 'Huyện Than Uyên', cells: ['Gạo', 'HTX Gạo', 'Xã Mường Kim, huyện Than Uyên', null, 'Tam Đường', '3 sao'] },
      ],
    };
    const [first, second] = toImportRows(table, guessMapping(table.columns));
    assert.deepEqual(first!.place, { commune: 'Xã Bản Bo', district: 'Huyện Tam Đường', province: null, columns: { commune: 'D', district: 'E', province: null } });
    assert.deepEqual(second!.issues.map(brief), ['3E warning address_unit_mismatch']);
  });

  test('findFileDuplicates does not touch the rows and ignores different products', () => {
    const base = rows.filter((r) => r.rowNumber === 15 || r.rowNumber === 22);
    assert.deepEqual(findFileDuplicates(base), []);
  });
});
