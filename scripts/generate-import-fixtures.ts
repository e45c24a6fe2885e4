/**
 * Builds the messy provincial lists the import tests read (issue 12), with exceljs: nothing is
 * written by hand in a file format. Binary outputs are not committed; tests build them in a temp dir.
 *
 *   npx tsx scripts/generate-import-fixtures.ts <dir>        all fixtures except the 50,000-row list
 *   npx tsx scripts/generate-import-fixtures.ts <dir> --large  and the 50,000-row list too
 *
 * Units are real Lai Châu units before 1/7/2025 (data/admin-units/vn-pre-2025.json): huyện Than Uyên
 * (110: xã Mường Kim 03637, xã Mường Than 03619, xã Phúc Than 03618, thị trấn Than Uyên 03595),
 * huyện Tam Đường (106: xã Bản Bo 03424, xã Bình Lư 03412, xã Sơn Bình 03413, xã Bản Giang 03418),
 * thành phố Lai Châu (105: phường Tân Phong 03387, xã San Thàng 03409).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { taxCodeCheckDigit } from '../src/features/producers/tax-code.ts';
import { encodeTcvn3, encodeVni } from '../src/features/imports/reading/legacy-encodings.ts';

/** A valid 10-digit tax code from nine digits (Lai Châu's range is 62). */
export function validTaxCode(firstNine: string): string {
  let prefix = firstNine;
  while (taxCodeCheckDigit(prefix) === null) prefix = String(Number(prefix) + 1).padStart(9, '0');
  return `${prefix}${taxCodeCheckDigit(prefix)}`;
}

/** The same nine digits with a wrong check digit. */
export function badCheckDigitTaxCode(firstNine: string): string {
  const good = validTaxCode(firstNine);
  return `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
}

const utcDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

export const laiChauTax = {
  muongKim: validTaxCode('620012345'),
  muongThan: validTaxCode('620023456'),
  phucThan: validTaxCode('620034567'),
  cheTamDuong: validTaxCode('620045678'),
  binhLu: badCheckDigitTaxCode('620056789'),
  chaLaiChau: validTaxCode('620067890'),
};

/** The original Unicode of the legacy-encoded cells, for the tests. */
export const legacyCells = {
  tcvn3: 'Hợp tác xã Nông sản Phúc Than',
  vni: 'Cơ sở sản xuất Miến Bình Lư',
};

type Cell = ExcelJS.CellValue;

/**
 * The Lai Châu-style list. Row numbers (the tests rely on them): 1–3 titles, 4 empty, 5–6 headings,
 * 7 column numbers, 8 group I, 9–12 Than Uyên, 13 empty, 14 group II, 15–20 Tam Đường, 21 group III,
 * 22–23 TP Lai Châu, 24 empty, 25 total. Columns A–M, G hidden.
 */
async function writeLaiChauList(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sở Nông nghiệp và Môi trường tỉnh Lai Châu';

  // A hidden sheet with a header (an old copy) and a visible sheet without one come first.
  const old = workbook.addWorksheet('Danh sách cũ', { state: 'hidden' });
  old.addRow(['STT', 'Tên sản phẩm', 'Chủ thể', 'Hạng sao']);
  old.addRow([1, 'Sản phẩm cũ', 'HTX cũ', '3 sao']);
  const notes = workbook.addWorksheet('Hướng dẫn');
  notes.addRow(['Danh sách gửi kèm công văn; xem trang “Danh sách”.']);

  const sheet = workbook.addWorksheet('Danh sách');
  const last = 'M';
  sheet.getCell('A1').value = 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU';
  sheet.mergeCells(`A1:${last}1`);
  sheet.getCell('A2').value = 'DANH SÁCH SẢN PHẨM OCOP TỈNH LAI CHÂU ĐƯỢC CÔNG NHẬN GIAI ĐOẠN 2021–2024';
  sheet.mergeCells(`A2:${last}2`);
  sheet.getCell('A3').value = '(Kèm theo Báo cáo số 15/BC-SNNMT ngày 10/01/2025)';
  sheet.mergeCells(`A3:${last}3`);

  const singles: Array<[string, string]> = [
    ['A', 'STT'], ['B', 'Tên sản phẩm'], ['C', 'Chủ thể sản xuất'], ['D', 'Mã số thuế'], ['E', 'Địa chỉ'],
    ['F', 'Số điện thoại'], ['G', 'Số QĐ (cũ)'], ['L', 'Bộ sản phẩm'], ['M', 'Mã sản phẩm'],
  ];
  for (const [column, heading] of singles) {
    sheet.getCell(`${column}5`).value = heading;
    sheet.mergeCells(`${column}5:${column}6`);
  }
  sheet.getCell('H5').value = 'Giấy chứng nhận';
  sheet.mergeCells('H5:K5');
  sheet.getCell('H6').value = 'Số QĐ';
  sheet.getCell('I6').value = 'Ngày QĐ';
  sheet.getCell('J6').value = 'Hạng sao';
  sheet.getCell('K6').value = 'Ngày hết hạn';
  sheet.getRow(7).values = Array.from({ length: 13 }, (_, i) => `(${i + 1})`);
  sheet.getColumn('G').hidden = true;
  for (const column of ['I', 'K']) sheet.getColumn(column).numFmt = 'dd/mm/yyyy';

  const row = (rowNumber: number, cells: Cell[]) => {
    sheet.getRow(rowNumber).values = cells;
  };
  sheet.getCell('A8').value = 'I. Huyện Than Uyên';
  sheet.mergeCells(`A8:${last}8`);
  row(9, [1, 'Gạo Séng Cù Mường Kim', 'HTX Nông nghiệp Mường Kim', laiChauTax.muongKim, 'Xã Mường Kim, huyện Than Uyên, tỉnh Lai Châu', '0912 345 678', '99/QĐ-UBND', '1234/QĐ-UBND', utcDate(2022, 3, 15), '3 sao', utcDate(2025, 3, 15), 3, '12-110-03637-1-2022']);
  row(10, [2, 'Chè Shan tuyết\u00a0 Mường Than  ', 'Hợp tác xã Chè Mường Than', laiChauTax.muongThan, 'Mường Than - Than Uyên', 912345679, null, '1234/QĐ-UBND', '20/05/2022', '4*', '20/05/2025', 'Chè tươi, chè chế biến', null]);
  row(11, [3, 'Mật ong Phúc Than'.normalize('NFD'), 'Hộ ông Lò Văn Thắng', null, 'TT Than Uyên', null, null, '1234/QĐ-UBND', '15.06.2022', 3, '15.06.2025', null, null]);
  row(12, [4, 'Miến dong Phúc Than', encodeTcvn3(legacyCells.tcvn3), laiChauTax.phucThan, 'Xã Phúc Than, H. Than Uyên', null, null, '2001/QĐ-UBND', '1/7/22', '3★', '01/07/2026', 6, null]);
  row(13, [null, ' ', '\u00a0']);
  row(14, ['II', 'Huyện Tam Đường']);
  const cheTamDuong: Cell[] = ['Chè Tam Đường', 'HTX Chè Tam Đường', laiChauTax.cheTamDuong, 'Thôn 3, xã Bản Bo, H. Tam Đường', '0203 3876 543', null, '876/QĐ-UBND', '2023-08-10', '4 sao (nâng hạng)', utcDate(2026, 8, 10), 11, '12-03424-2-2023'];
  row(15, [5, ...cheTamDuong]);
  row(16, [6, 'Chè Tam Đường', 'Hợp tác xã chè Tam Đường', laiChauTax.cheTamDuong, 'Xã Bản Bo, huyện Tam Đường', null, null, '876/QĐ-UBND', '10-08-2023', '4 sao', '10/08/2026', 11, null]);
  row(17, [7, 'Miến dong Bình Lư', encodeVni(legacyCells.vni), laiChauTax.binhLu, 'Xã Bình Lư, H. Tam Đường', '12345', null, '876/QĐ-UBND', '31/02/2022', '5', null, 6, null]);
  row(18, [8, ...cheTamDuong]);
  row(19, [9, 'Thổ cẩm Sơn Bình', 'Tổ hợp tác dệt thổ cẩm Sơn Bình', null, 'Xã Sơn Bình, H. Tam Đường', null, null, '876/QĐ-UBND', utcDate(2023, 8, 10), '2 sao', null, 22, null]);
  row(20, [10, 'Măng khô Bản Giang', null, null, 'X. Bản Giang, H. Tam Đường', null, null, '876/QĐ-UBND', utcDate(2023, 8, 10), '★★★', null, 7, null]);
  sheet.getCell('A21').value = 'III. Thành phố Lai Châu';
  sheet.mergeCells(`A21:${last}21`);
  row(22, [11, 'Trà túi lọc Tân Phong', 'Công ty TNHH MTV Chè Lai Châu', laiChauTax.chaLaiChau, 'P. Tân Phong, TP Lai Châu', '+84 214 3876 543', null, '45/QĐ-UBND', 45000, { formula: '2+2', result: 4 }, '15/03/2026', 12, '12-03408-1-2023']);
  row(23, [12, 'Rượu ngô San Thàng', 'Hộ kinh doanh Đỗ Thị Hoa', '012345678901', 'Xã San Thàng, TP Lai Châu', null, null, '45/QĐ-UBND', 'ngày 05 tháng 9 năm 2024', 'Bốn sao', null, 14, '12-105-03409-3-2024']);
  sheet.getCell('A25').value = 'Tổng cộng: 12 sản phẩm';
  sheet.mergeCells('A25:C25');
  await workbook.xlsx.writeFile(file);
}

const csvRows: Cell[][] = [
  ['STT', 'Tên sản phẩm', 'Tên HTX/Doanh nghiệp', 'MST', 'Xã/phường', 'Huyện', 'Xếp hạng', 'Số QĐ', 'Ngày cấp', 'Hiệu lực đến'],
  [1, 'Gạo Séng Cù Mường Kim', 'HTX Nông nghiệp Mường Kim', laiChauTax.muongKim, 'Mường Kim', 'Than Uyên', '3 sao', '1234/QĐ-UBND', '15/03/2022', '15/03/2025'],
  [2, 'Chè Tam Đường', 'HTX Chè Tam Đường', laiChauTax.cheTamDuong, 'Bản Bo', 'Tam Đường', '4 sao', '876/QĐ-UBND', '10/08/2023', '10/08/2026'],
  [3, 'Trà túi lọc Tân Phong', 'Cty TNHH MTV Chè Lai Châu', laiChauTax.chaLaiChau, 'P. Tân Phong', 'TP Lai Châu', '3', '45/QĐ-UBND', '2023-03-15', '2026-03-15'],
];

/**
 * A province's list of OCOP sales points (điểm giới thiệu và bán sản phẩm OCOP): a title, one heading
 * row, a group row naming the district, the point's street address and commune in their own columns.
 */
export async function writeSalesPointList(file: string, tag: string): Promise<{ file: string; names: string[] }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Điểm bán');
  sheet.addRow(['DANH SÁCH ĐIỂM GIỚI THIỆU VÀ BÁN SẢN PHẨM OCOP TỈNH LAI CHÂU']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(['STT', 'Tên điểm bán', 'Địa chỉ điểm bán', 'Xã, phường', 'Đơn vị quản lý', 'Số điện thoại']);
  sheet.addRow(['I. Huyện Than Uyên']);
  const names = [`Điểm bán OCOP chợ Than Uyên ${tag}`, `Cửa hàng đặc sản Mường Kim ${tag}`];
  sheet.addRow([1, names[0], 'Tổ 5, khu chợ trung tâm', 'Thị trấn Than Uyên', 'HTX Dịch vụ Than Uyên', '0912 345 678']);
  sheet.addRow([2, names[1], 'Bản Mường Kim', 'Xã Mường Kim', null, null]);
  sheet.addRow(['Tổng cộng: 2 điểm bán']);
  await workbook.xlsx.writeFile(file);
  return { file, names };
}

async function writeCsv(file: string, rows: Cell[][], options: { delimiter: string; bom: boolean; title?: string }): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('csv');
  if (options.title) sheet.addRow([options.title]);
  for (const cells of rows) sheet.addRow(cells);
  await workbook.csv.writeFile(file, { formatterOptions: { delimiter: options.delimiter, writeBOM: options.bom } });
}

/**
 * A long list written with exceljs's streaming writer (bounded memory): a title, one heading row,
 * a group row every 500 products, dates as Excel dates, and a total at the end.
 */
export async function writeLongList(file: string, products: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow([`DANH SÁCH ${products} SẢN PHẨM OCOP`]).commit();
  sheet.addRow(['STT', 'Tên sản phẩm', 'Tên chủ thể', 'Mã số thuế', 'Địa chỉ', 'Hạng sao', 'Số QĐ', 'Ngày QĐ', 'Ngày hết hạn']).commit();
  const communes = [
    ['Xã Mường Kim', 'Huyện Than Uyên'], ['Xã Phúc Than', 'Huyện Than Uyên'], ['Xã Bản Bo', 'Huyện Tam Đường'],
    ['Xã Bình Lư', 'Huyện Tam Đường'], ['Phường Tân Phong', 'Thành phố Lai Châu'], ['Xã San Thàng', 'Thành phố Lai Châu'],
  ] as const;
  for (let i = 0; i < products; i++) {
    // A group row every 500 products; each product's commune is in its group's district.
    const block = Math.floor(i / 500) % 3;
    if (i % 500 === 0) sheet.addRow([`${Math.floor(i / 500) + 1}. ${communes[block * 2]![1]}`]).commit();
    const [commune, district] = communes[block * 2 + (i % 2)]!;
    const year = 2021 + (i % 4);
    const row = sheet.addRow([
      i + 1,
      `Sản phẩm số ${i + 1}`,
      `Hợp tác xã số ${i + 1}`,
      validTaxCode(String(620000001 + i).padStart(9, '0')),
      `${commune}, ${district}, tỉnh Lai Châu`,
      `${3 + (i % 3)} sao`,
      `${100 + (i % 900)}/QĐ-UBND`,
      utcDate(year, 1 + (i % 12), 1 + (i % 28)),
      utcDate(year + 3, 1 + (i % 12), 1 + (i % 28)),
    ]);
    row.getCell(8).numFmt = 'dd/mm/yyyy';
    row.getCell(9).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.addRow([`Tổng cộng: ${products} sản phẩm`]).commit();
  sheet.commit();
  await workbook.commit();
}

/** What the journey list holds, for the browser journey's checks. */
export interface JourneyList {
  file: string;
  /** Product names, unique to the run (each ends with the tag). */
  products: { muongTe: string; muongKim: string; phucThan: string };
  /** The row whose commune ("Mường Tè", no district) is ambiguous between current communes. */
  ambiguousRow: number;
  /** The row that gives no product set. */
  missingSetRow: number;
  /** The column whose heading the guesser cannot map: it holds the producers' names. */
  unmappedColumn: string;
  /** The hidden column. */
  hiddenColumn: string;
}

/**
 * A small messy Lai Châu list for the browser journey (issue 12), where every problem can be fixed in the
 * UI: two title rows, a merged two-row heading, a first row with no district above it ("Mường Tè" alone
 * names two current communes), a group row "I. Huyện Than Uyên" giving the district of the next rows, a
 * row without a product set, communes written three ways, a hidden notes column, an empty row and a total row. The producers' column
 * is headed "Đơn vị chủ quản", which no rule maps, so the user maps it by hand. Names end with `tag` so
 * runs do not collide. Rows: 1–2 titles, 3 empty, 4–5 headings, 6 Mường Tè, 7 group, 8–9 Than Uyên,
 * 10 empty, 11 total. Columns A–I, I hidden.
 */
export async function writeJourneyList(file: string, tag: string): Promise<JourneyList> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.getCell('A1').value = 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH LAI CHÂU';
  sheet.mergeCells('A1:I1');
  sheet.getCell('A2').value = `DANH SÁCH SẢN PHẨM OCOP BỔ SUNG NĂM 2025 (${tag})`;
  sheet.mergeCells('A2:I2');
  const singles: Array<[string, string]> = [['A', 'STT'], ['B', 'Tên sản phẩm'], ['C', 'Đơn vị chủ quản'], ['D', 'Xã, phường'], ['H', 'Bộ sản phẩm'], ['I', 'Ghi chú nội bộ']];
  for (const [column, heading] of singles) {
    sheet.getCell(`${column}4`).value = heading;
    sheet.mergeCells(`${column}4:${column}5`);
  }
  sheet.getCell('E4').value = 'Giấy chứng nhận';
  sheet.mergeCells('E4:G4');
  sheet.getCell('E5').value = 'Số QĐ';
  sheet.getCell('F5').value = 'Ngày QĐ';
  sheet.getCell('G5').value = 'Hạng sao';
  sheet.getColumn('I').hidden = true;
  sheet.getColumn('F').numFmt = 'dd/mm/yyyy';
  const products = { muongTe: `Chè Shan Mường Tè ${tag}`, muongKim: `Gạo Séng Cù Mường Kim ${tag}`, phucThan: `Mật ong Phúc Than ${tag}` };
  sheet.getRow(6).values = [1, products.muongTe, `HTX Chè ${tag} Mường Tè`, 'Mường Tè', '1520/QĐ-UBND', utcDate(2025, 9, 10), '4 sao', 11, 'đã kiểm tra'];
  sheet.getCell('A7').value = 'I. Huyện Than Uyên';
  sheet.mergeCells('A7:I7');
  sheet.getRow(8).values = [2, products.muongKim, `HTX Nông nghiệp ${tag} Mường Kim`, 'Xã Mường Kim', '1520/QĐ-UBND', '10/09/2025', '3*', 1, null];
  sheet.getRow(9).values = [3, `${products.phucThan}\u00a0 `, `Hợp tác xã ${tag} Phúc Than`, 'X. Phúc Than', '1520/QĐ-UBND', '10.09.2025', '3★', null, 'thiếu bộ SP'];
  sheet.getRow(10).values = [null, ' '];
  sheet.getCell('A11').value = 'Tổng cộng: 3 sản phẩm';
  sheet.mergeCells('A11:C11');
  await workbook.xlsx.writeFile(file);
  return { file, products, ambiguousRow: 6, missingSetRow: 9, unmappedColumn: 'C', hiddenColumn: 'I' };
}

/** A workbook whose parts decompress far beyond any list: 30 MB of zeros as an "image" (~30 KB). */
async function writeZipBomb(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['STT', 'Tên sản phẩm', 'Chủ thể', 'Hạng sao']);
  const image = workbook.addImage({ buffer: Buffer.alloc(30 * 1024 * 1024) as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(image, 'F2:G3');
  await workbook.xlsx.writeFile(file);
}

async function writeWithoutHeader(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['DANH SÁCH SẢN PHẨM']);
  sheet.addRow([1, 'Gạo Séng Cù', 'HTX Nông nghiệp Mường Kim', '3 sao']);
  sheet.addRow([2, 'Chè Tam Đường', 'HTX Chè Tam Đường', '4 sao']);
  await workbook.xlsx.writeFile(file);
}

/** A PDF (made with pdfkit) under a spreadsheet's name: the type must come from the bytes. */
async function writeNotASpreadsheet(file: string): Promise<void> {
  const { createWriteStream } = await import('node:fs');
  await new Promise<void>((resolve, reject) => {
    const document = new PDFDocument();
    const out = createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    document.pipe(out);
    document.text('Danh sach san pham OCOP');
    document.end();
  });
}

export type ImportFixtures = Record<
  'laiChau' | 'csvWithBom' | 'csvWithoutBom' | 'longList' | 'notASpreadsheet' | 'zipBomb' | 'withoutHeader',
  string
> & { veryLongList?: string };

export const LONG_LIST_ROWS = 5_000;
export const VERY_LONG_LIST_ROWS = 50_000;

/** Writes every fixture into `dir` (created if needed); the 50,000-row list only with `large`. */
export async function writeImportFixtures(dir: string, options: { large?: boolean } = {}): Promise<ImportFixtures> {
  mkdirSync(dir, { recursive: true });
  const at = (name: string) => path.join(dir, name);
  const fixtures: ImportFixtures = {
    laiChau: at('danh-sach-ocop-lai-chau.xlsx'),
    csvWithBom: at('danh-sach-bom.csv'),
    csvWithoutBom: at('danh-sach-khong-bom.csv'),
    longList: at('danh-sach-5000.xlsx'),
    notASpreadsheet: at('khong-phai-bang-tinh.xlsx'),
    zipBomb: at('bom-nen.xlsx'),
    withoutHeader: at('khong-tieu-de.xlsx'),
  };
  await writeLaiChauList(fixtures.laiChau);
  await writeCsv(fixtures.csvWithBom, csvRows, { delimiter: ',', bom: true });
  await writeCsv(fixtures.csvWithoutBom, csvRows, { delimiter: ';', bom: false, title: 'DANH SÁCH SẢN PHẨM OCOP HUYỆN THAN UYÊN' });
  await writeLongList(fixtures.longList, LONG_LIST_ROWS);
  await writeNotASpreadsheet(fixtures.notASpreadsheet);
  await writeZipBomb(fixtures.zipBomb);
  await writeWithoutHeader(fixtures.withoutHeader);
  if (options.large) {
    fixtures.veryLongList = at('danh-sach-50000.xlsx');
    await writeLongList(fixtures.veryLongList, VERY_LONG_LIST_ROWS);
  }
  return fixtures;
}

async function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: tsx scripts/generate-import-fixtures.ts <dir> [--large]');
    process.exit(2);
  }
  const fixtures = await writeImportFixtures(path.resolve(dir), { large: process.argv.includes('--large') });
  for (const [name, file] of Object.entries(fixtures)) console.log(`${name}: ${file}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
