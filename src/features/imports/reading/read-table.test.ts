import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { AppError } from '../../../core/errors.ts';
import { legacyCells, writeImportFixtures, writeLongList, LONG_LIST_ROWS, VERY_LONG_LIST_ROWS, type ImportFixtures } from '../../../../scripts/generate-import-fixtures.ts';
import { readTable, type ReadTable } from './read-table.ts';

let dir: string;
let fixtures: ImportFixtures;
let laiChau: ReadTable;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ocop-read-table-'));
  fixtures = await writeImportFixtures(dir);
  laiChau = await readTable(readFileSync(fixtures.laiChau), 'danh-sach-ocop-lai-chau.xlsx');
});
after(() => rmSync(dir, { recursive: true, force: true }));

const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `AppError expected, got ${String(error)}`);
    return error;
  }
  assert.fail('the read should have been refused');
};

const cellOf = (table: ReadTable, rowNumber: number, letter: string) => {
  const row = table.rows.find((r) => r.rowNumber === rowNumber);
  assert.ok(row, `row ${rowNumber}`);
  return row.cells[table.columns.find((c) => c.letter === letter)!.index];
};

describe('readTable on the Lai Châu list (xlsx)', () => {
  test('skips the hidden sheet and the sheet without headings; finds the two heading rows below the merged titles', () => {
    assert.equal(laiChau.format, 'xlsx');
    assert.equal(laiChau.sheetName, 'Danh sách');
    assert.deepEqual(laiChau.headerRows, [5, 6]);
  });

  test('joins the merged top heading to its sub-headings and flags the hidden column', () => {
    assert.deepEqual(
      laiChau.columns.map((c) => `${c.letter}${c.hidden ? '*' : ''} ${c.heading}`),
      [
        'A STT', 'B Tên sản phẩm', 'C Chủ thể sản xuất', 'D Mã số thuế', 'E Địa chỉ', 'F Số điện thoại', 'G* Số QĐ (cũ)',
        'H Giấy chứng nhận – Số QĐ', 'I Giấy chứng nhận – Ngày QĐ', 'J Giấy chứng nhận – Hạng sao', 'K Giấy chứng nhận – Ngày hết hạn',
        'L Bộ sản phẩm', 'M Mã sản phẩm',
      ],
    );
  });

  test('title, column-number, group, empty and total rows are skipped with their reason', () => {
    assert.deepEqual(laiChau.skipped, [
      { rowNumber: 1, reason: 'title' }, { rowNumber: 2, reason: 'title' }, { rowNumber: 3, reason: 'title' },
      { rowNumber: 4, reason: 'empty' }, { rowNumber: 7, reason: 'title' }, { rowNumber: 8, reason: 'group' },
      { rowNumber: 13, reason: 'empty' }, { rowNumber: 14, reason: 'group' }, { rowNumber: 21, reason: 'group' },
      { rowNumber: 24, reason: 'empty' }, { rowNumber: 25, reason: 'total' },
    ]);
    assert.deepEqual(laiChau.rows.map((r) => r.rowNumber), [9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 22, 23]);
  });

  test('each row carries the district of the group row above it, numbering stripped (merged "I. …" and split "II | …")', () => {
    const groups = Object.fromEntries(laiChau.rows.map((r) => [r.rowNumber, r.group]));
    assert.equal(groups[9], 'Huyện Than Uyên');
    assert.equal(groups[12], 'Huyện Than Uyên');
    assert.equal(groups[15], 'Huyện Tam Đường');
    assert.equal(groups[20], 'Huyện Tam Đường');
    assert.equal(groups[22], 'Thành phố Lai Châu');
  });

  test('strings are cleaned: NBSP and repeated spaces, NFD → NFC, TCVN3 and VNI converted and counted', () => {
    assert.equal(cellOf(laiChau, 10, 'B'), 'Chè Shan tuyết Mường Than');
    const nfc = cellOf(laiChau, 11, 'B') as string;
    assert.equal(nfc, 'Mật ong Phúc Than');
    assert.equal(nfc, nfc.normalize('NFC'));
    assert.equal(cellOf(laiChau, 12, 'C'), legacyCells.tcvn3);
    assert.equal(cellOf(laiChau, 17, 'C'), legacyCells.vni);
    assert.equal(laiChau.convertedCells, 2);
    // Unicode Vietnamese and ASCII are left as they are.
    assert.equal(cellOf(laiChau, 15, 'C'), 'HTX Chè Tam Đường');
    assert.equal(cellOf(laiChau, 9, 'H'), '1234/QĐ-UBND');
  });

  test('Excel dates come as UTC-midnight Dates, numbers as numbers, a formula as its cached result', () => {
    assert.deepEqual(cellOf(laiChau, 9, 'I'), new Date(Date.UTC(2022, 2, 15)));
    assert.equal(cellOf(laiChau, 10, 'F'), 912345679);
    assert.equal(cellOf(laiChau, 22, 'J'), 4);
    // A serial number typed in a date-formatted column is an Excel date too.
    assert.deepEqual(cellOf(laiChau, 22, 'I'), new Date(Date.UTC(2023, 2, 15)));
    assert.equal(cellOf(laiChau, 10, 'I'), '20/05/2022');
  });
});

describe('readTable on CSV', () => {
  test('UTF-8 with BOM and "," delimiter', async () => {
    const table = await readTable(readFileSync(fixtures.csvWithBom), 'danh-sach.csv');
    assert.equal(table.format, 'csv');
    assert.equal(table.sheetName, null);
    assert.deepEqual(table.headerRows, [1]);
    assert.equal(table.columns[0]!.heading, 'STT');
    assert.equal(table.rows.length, 3);
    assert.equal(table.rows[0]!.cells[1], 'Gạo Séng Cù Mường Kim');
  });

  test('UTF-8 without BOM, ";" delimiter, a title row above the heading', async () => {
    const table = await readTable(readFileSync(fixtures.csvWithoutBom), 'danh-sach.csv');
    assert.deepEqual(table.headerRows, [2]);
    assert.deepEqual(table.skipped, [{ rowNumber: 1, reason: 'title' }]);
    assert.equal(table.columns[6]!.heading, 'Xếp hạng');
    assert.deepEqual(table.rows.map((r) => r.rowNumber), [2 + 1, 2 + 2, 2 + 3]);
    assert.equal(table.rows[2]!.cells[2], 'Cty TNHH MTV Chè Lai Châu');
  });

  test('a two-row CSV heading: the top text is carried over the sub-headings to its right', async () => {
    const csv = '\ufeffSTT,Tên sản phẩm,Chủ thể,Giấy chứng nhận,,\n,,,Số QĐ,Ngày QĐ,Hạng sao\n1,Chè,HTX Chè,12/QĐ-UBND,01/02/2023,3 sao\n';
    const table = await readTable(Buffer.from(csv), 'x.csv');
    assert.deepEqual(table.headerRows, [1, 2]);
    assert.deepEqual(table.columns.map((c) => c.heading).slice(3), ['Giấy chứng nhận – Số QĐ', 'Giấy chứng nhận – Ngày QĐ', 'Giấy chứng nhận – Hạng sao']);
  });

  test('a CSV saved in Windows-1258 (not UTF-8) is still read as Vietnamese', async () => {
    // "Chè" in CP1258: C h e + combining grave accent (0xCC); the heading is ASCII.
    const bytes = Buffer.concat([Buffer.from('STT;Ten san pham;Chu the\n1;'), Buffer.from([0x43, 0x68, 0x65, 0xcc]), Buffer.from(';HTX\n')]);
    const table = await readTable(bytes, 'x.csv');
    assert.equal(table.rows[0]!.cells[1], 'Chè');
  });
});

describe('readTable refusals', () => {
  test('a PDF named .xlsx is refused from its bytes, in Vietnamese with English', async () => {
    const error = await rejection(readTable(readFileSync(fixtures.notASpreadsheet), 'danh-sach.xlsx'));
    assert.equal(error.code, 'INVALID_INPUT');
    assert.equal(error.details?.reason, 'not_a_spreadsheet');
    assert.match(error.message, /không phải bảng tính.*PDF/);
    assert.match(error.messageEn ?? '', /not a spreadsheet/);
  });

  test('an old .xls (OLE compound file) gets its own advice', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const error = await rejection(readTable(xls, 'cu.xls'));
    assert.equal(error.details?.reason, 'legacy_xls');
    assert.match(error.message, /\.xlsx/);
  });

  test('an empty file, and a file over maxBytes', async () => {
    assert.equal((await rejection(readTable(Buffer.alloc(0), 'x.xlsx'))).details?.reason, 'empty_file');
    const big = await rejection(readTable(readFileSync(fixtures.laiChau), 'x.xlsx', { maxBytes: 1000 }));
    assert.equal(big.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(big.details?.reason, 'file_too_large');
  });

  test('a zip bomb is refused from its central directory before anything is decompressed', async () => {
    const error = await rejection(readTable(readFileSync(fixtures.zipBomb), 'bom.xlsx'));
    assert.equal(error.details?.reason, 'zip_bomb');
    const total = await rejection(readTable(readFileSync(fixtures.laiChau), 'x.xlsx', { maxUncompressedBytes: 10_000 }));
    assert.equal(total.details?.reason, 'zip_bomb');
  });

  test('a sheet without a heading row', async () => {
    const error = await rejection(readTable(readFileSync(fixtures.withoutHeader), 'khong-tieu-de.xlsx'));
    assert.equal(error.details?.reason, 'no_header');
    assert.match(error.message, /Không tìm thấy dòng tiêu đề/);
  });

  test('a damaged .xlsx (truncated) is refused, not thrown as a bug', async () => {
    const bytes = readFileSync(fixtures.laiChau);
    const error = await rejection(readTable(bytes.subarray(0, bytes.length - 200), 'hong.xlsx'));
    assert.equal(error.code, 'INVALID_INPUT');
  });

  test('more rows than maxRows is refused (also for CSV)', async () => {
    const error = await rejection(readTable(readFileSync(fixtures.laiChau), 'x.xlsx', { maxRows: 10 }));
    assert.equal(error.details?.reason, 'too_many_rows');
    const csv = await rejection(readTable(readFileSync(fixtures.csvWithBom), 'x.csv', { maxRows: 2 }));
    assert.equal(csv.details?.reason, 'too_many_rows');
  });
});

describe('readTable on long lists', () => {
  test(`${LONG_LIST_ROWS} products are read with bounded memory (figures printed, not asserted)`, async () => {
    const bytes = readFileSync(fixtures.longList);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const started = performance.now();
    const table = await readTable(bytes, 'danh-sach-5000.xlsx');
    const ms = performance.now() - started;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`read ${table.rows.length} rows from ${(bytes.length / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms; RSS ${(rssBefore / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MiB`);
    assert.equal(table.rows.length, LONG_LIST_ROWS);
    // exceljs's streaming reader alone splits a letter whose bytes straddle two chunks ("Hợp t��c xã").
    const broken = table.rows.flatMap((row) => row.cells.filter((cell) => typeof cell === 'string' && cell.includes('\uFFFD')));
    assert.deepEqual(broken, []);
    assert.equal(table.skipped.filter((s) => s.reason === 'group').length, LONG_LIST_ROWS / 500);
    assert.equal(table.rows.at(-1)!.group, 'Huyện Than Uyên');
    assert.equal(table.rows[500]!.group, 'Huyện Tam Đường');
    assert.deepEqual(table.rows[0]!.cells[7], new Date(Date.UTC(2021, 0, 1)));
  });

  test(`${VERY_LONG_LIST_ROWS} rows fail cleanly at the row limit`, async () => {
    const file = path.join(dir, 'danh-sach-50000.xlsx');
    await writeLongList(file, VERY_LONG_LIST_ROWS);
    const started = performance.now();
    const error = await rejection(readTable(readFileSync(file), 'danh-sach-50000.xlsx'));
    console.log(`50,000-row list refused in ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(error.details?.reason, 'too_many_rows');
    assert.match(error.message, /20\.000 dòng/);
  });
});

describe('readTable details', () => {
  test('a group row in the STT column with the district in the next column; a numbered group that is not a unit', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(['STT', 'Tên sản phẩm', 'Tên chủ thể', 'Hạng sao']);
    sheet.addRow(['A', 'Huyện Than Uyên']);
    sheet.addRow([1, 'Gạo', 'HTX A', '3 sao']);
    sheet.addRow(['II. Sản phẩm đạt 4 sao']);
    sheet.addRow([2, 'Chè', 'HTX B', '4 sao']);
    sheet.addRow(['Cộng', null, null, 2]);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'x.xlsx');
    assert.deepEqual(table.rows.map((r) => [r.rowNumber, r.group]), [[3, 'Huyện Than Uyên'], [5, 'Huyện Than Uyên']]);
    assert.deepEqual(table.skipped, [{ rowNumber: 2, reason: 'group' }, { rowNumber: 4, reason: 'group' }, { rowNumber: 6, reason: 'total' }]);
  });

  test('a producer merged down over its two products holds for both rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(['STT', 'Tên chủ thể', 'Tên sản phẩm', 'Hạng sao']);
    sheet.addRow([1, 'HTX Chè Tam Đường', 'Chè xanh', '3 sao']);
    sheet.addRow([2, null, 'Chè đen', '4 sao']);
    sheet.mergeCells('B2:B3');
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'x.xlsx');
    assert.deepEqual(table.rows.map((r) => r.cells[1]), ['HTX Chè Tam Đường', 'HTX Chè Tam Đường']);
  });
});
