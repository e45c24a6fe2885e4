/**
 * Reads a province's OCOP list as officials keep it — an Excel workbook or a CSV export — into one
 * table: the heading row(s) found among the title rows, the columns with their headings, and the data
 * rows, each with the district of the group row above it. Every string is cleaned (cleanText: legacy
 * TCVN3/VNI encodings, NFC, spaces). Decision 013 explains the choices.
 */
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, type ErrorCode } from '../../../core/errors.ts';
import { foldVietnamese } from '../../../core/text.ts';
import { cleanText } from './clean-text.ts';
import { isKnownHeading, matchHeading } from './column-mapping.ts';
import { isVietnameseSyllable } from './legacy-encodings.ts';
import { asciiSafeArchive } from './ascii-safe-archive.ts';
import { checkDeclaredSizes, inflateEntryText, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-archive.ts';

export type CellValue = string | number | boolean | Date | null;
export interface TableColumn { index: number; letter: string; heading: string; hidden: boolean }
export interface TableRow { rowNumber: number; cells: CellValue[]; group: string | null }
export type SkipReason = 'title' | 'empty' | 'group' | 'total';
export interface ReadTable {
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  headerRows: number[];
  columns: TableColumn[];
  rows: TableRow[];
  skipped: Array<{ rowNumber: number; reason: SkipReason }>;
  convertedCells: number;
}

export interface ReadLimits {
  /** Size of the uploaded file; default 20 MB. */
  maxBytes?: number;
  /** Rows with content in the sheet; default 20,000. */
  maxRows?: number;
  /** Sum of the sizes the parts of an .xlsx declare once decompressed; default 200 MB. */
  maxUncompressedBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 20_000;
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Spreadsheet XML deflates 5–30 times; deflate itself cannot pass ~1:1032. */
const MAX_COMPRESSION_RATIO = 500;
/** The heading row is looked for among the first rows with content. */
const HEADER_SEARCH_ROWS = 30;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileError(code: ErrorCode, reason: string, message: string, messageEn: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { reason, ...extra, issues: [{ path: 'file', message, messageEn }] }, messageEn);
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

export async function readTable(bytes: Buffer, fileName: string, limits: ReadLimits = {}): Promise<ReadTable> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = limits.maxRows ?? DEFAULT_MAX_ROWS;
  if (bytes.length === 0) throw fileError('INVALID_INPUT', 'empty_file', `Tệp “${fileName}” rỗng.`, `The file "${fileName}" is empty.`);
  if (bytes.length > maxBytes) {
    throw fileError(
      'PAYLOAD_TOO_LARGE',
      'file_too_large',
      `Tệp “${fileName}” quá lớn (${megabytes(bytes.length)} MB); chỉ nhận tệp đến ${megabytes(maxBytes)} MB. Hãy chia danh sách thành nhiều tệp.`,
      `The file "${fileName}" is too large (${megabytes(bytes.length)} MB); the limit is ${megabytes(maxBytes)} MB.`,
      { maxBytes },
    );
  }
  const kind = await detectKind(bytes, fileName);
  const sheets = kind === 'xlsx' ? readXlsxSheets(bytes, fileName, maxRows, limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES) : readCsvSheet(bytes, maxRows);
  for await (const sheet of sheets) {
    const table = shapeTable(sheet, kind);
    if (table) return table;
  }
  throw fileError(
    'INVALID_INPUT',
    'no_header',
    `Không tìm thấy dòng tiêu đề trong tệp “${fileName}”: cần một dòng có tên các cột, ví dụ “Tên sản phẩm”, “Tên chủ thể”, “Hạng sao”, trong ${HEADER_SEARCH_ROWS} dòng đầu của trang tính.`,
    `No heading row found in "${fileName}": a row naming the columns (e.g. "Tên sản phẩm", "Tên chủ thể", "Hạng sao") is needed within the first ${HEADER_SEARCH_ROWS} rows.`,
  );
}

/** What the bytes are (the name is not trusted): an .xlsx, a text file to read as CSV, or a refusal. */
async function detectKind(bytes: Buffer, fileName: string): Promise<'xlsx' | 'csv'> {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw fileError(
      'INVALID_INPUT',
      'legacy_xls',
      `Tệp “${fileName}” là bảng tính Excel 97–2003 (.xls) hoặc tệp Excel có mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi lưu lại dạng “Excel Workbook (.xlsx)”.`,
      `"${fileName}" is an Excel 97–2003 (.xls) or password-protected workbook; save it as .xlsx.`,
    );
  }
  if (looksLikeText(bytes)) return 'csv';
  const detected = await fileTypeFromBuffer(bytes);
  const what = detected ? `${detected.ext.toUpperCase()} (${detected.mime})` : 'không rõ';
  throw fileError(
    'INVALID_INPUT',
    'not_a_spreadsheet',
    `Tệp “${fileName}” không phải bảng tính: nội dung là ${what}. Chỉ nhận tệp Excel .xlsx hoặc .csv.`,
    `"${fileName}" is not a spreadsheet (content: ${detected ? detected.mime : 'unknown'}); only .xlsx or .csv files are accepted.`,
  );
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  return control <= sample.length / 100;
}

// ---------------------------------------------------------------------------------------------------
// Raw sheets: the cleaned cells of each row, the hidden columns and the merged ranges.

interface Merge { top: number; left: number; bottom: number; right: number }

interface RawSheet {
  name: string | null;
  /** rowNumber (1-based) → cells (0-based columns); only rows with at least one value. */
  rows: Map<number, CellValue[]>;
  hiddenColumns: Set<number>;
  merges: Merge[];
  convertedCells: number;
}

class CellCleaner {
  converted = 0;
  value(raw: unknown): CellValue {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'string') {
      const { text, encoding } = cleanText(raw);
      if (encoding) this.converted++;
      return text === '' ? null : text;
    }
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
    if (typeof raw === 'boolean') return raw;
    if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
    if (typeof raw === 'object') {
      const value = raw as Record<string, unknown>;
      // A formula is never evaluated nor kept: its cached result is the value the official saw.
      if ('formula' in value || 'sharedFormula' in value) return this.value(value.result ?? null);
      if (Array.isArray(value.richText)) return this.value((value.richText as Array<{ text?: string }>).map((part) => part.text ?? '').join(''));
      if ('error' in value) return null;
      if (typeof value.text === 'string') return this.value(value.text);
      if ('result' in value) return this.value(value.result ?? null);
    }
    return null;
  }
}

const tooManyRows = (maxRows: number) =>
  fileError(
    'INVALID_INPUT',
    'too_many_rows',
    `Bảng tính có hơn ${maxRows.toLocaleString('vi-VN')} dòng; hãy chia danh sách thành nhiều tệp.`,
    `The sheet has more than ${maxRows} rows; split the list into several files.`,
    { maxRows },
  );

const decodeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return named[entity.toLowerCase()] ?? '';
  });

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[2] ?? match[3] ?? '') : null;
}

/** 'A' → 0, 'AA' → 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function parseRef(ref: string): Merge | null {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref.replace(/\$/g, ''));
  if (!match) return null;
  const [, c1, r1, c2, r2] = match as unknown as [string, string, string, string | undefined, string | undefined];
  return { left: columnIndex(c1), top: Number(r1), right: columnIndex(c2 ?? c1), bottom: Number(r2 ?? r1) };
}

interface SheetLayout { hiddenColumns: Set<number>; merges: Merge[] }

/**
 * One pass over every part of the archive, inflating as a stream: proves that no part grows past
 * what it declared, collects what exceljs's streaming reader does not give (hidden columns in
 * <cols>, <mergeCells> at the end of each sheet) and reads which sheet is which part.
 */
async function scanArchive(bytes: Buffer, entries: readonly ZipEntry[]): Promise<{ layouts: Map<string, SheetLayout>; sheetParts: Map<string, string>; hiddenSheets: Set<string> }> {
  const layouts = new Map<string, SheetLayout>();
  let workbookXml = '';
  let relsXml = '';
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    const keep = entry.name === 'xl/workbook.xml' || entry.name === 'xl/_rels/workbook.xml.rels';
    const layout: SheetLayout = { hiddenColumns: new Set(), merges: [] };
    let carry = '';
    let kept = '';
    for await (const chunk of inflateEntryText(bytes, entry)) {
      if (keep && kept.length < 4 * 1024 * 1024) kept += chunk;
      if (!isSheet) continue;
      const text = carry + chunk;
      const last = text.lastIndexOf('>');
      const complete = last >= 0 ? text.slice(0, last + 1) : '';
      carry = (last >= 0 ? text.slice(last + 1) : text).slice(-4096);
      for (const [tag] of complete.matchAll(/<(?:\w+:)?col\s[^>]*>/g)) {
        const hidden = attribute(tag, 'hidden');
        if (hidden !== '1' && hidden !== 'true') continue;
        const min = Number(attribute(tag, 'min'));
        const max = Number(attribute(tag, 'max'));
        for (let c = min; c <= Math.min(max, min + 200); c++) layout.hiddenColumns.add(c - 1);
      }
      for (const [tag] of complete.matchAll(/<(?:\w+:)?mergeCell\s[^>]*>/g)) {
        const merge = parseRef(attribute(tag, 'ref') ?? '');
        if (merge) layout.merges.push(merge);
      }
    }
    if (isSheet) layouts.set(entry.name, layout);
    if (entry.name === 'xl/workbook.xml') workbookXml = kept;
    if (entry.name === 'xl/_rels/workbook.xml.rels') relsXml = kept;
  }
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheetParts = new Map<string, string>();
  const hiddenSheets = new Set<string>();
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id');
    if (!name) continue;
    if (id && targets.has(id)) sheetParts.set(name, targets.get(id)!);
    const state = attribute(tag, 'state');
    if (state === 'hidden' || state === 'veryHidden') hiddenSheets.add(name);
  }
  return { layouts, sheetParts, hiddenSheets };
}

function zipRefusal(fileName: string, error: ZipFormatError): AppError {
  if (error.problem === 'encrypted') {
    return fileError('INVALID_INPUT', 'encrypted', `Tệp “${fileName}” có mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.`, `"${fileName}" is encrypted.`);
  }
  if (error.problem === 'too_large' || error.problem === 'lying_size' || error.problem === 'zip64') {
    return fileError(
      'INVALID_INPUT',
      'zip_bomb',
      `Tệp “${fileName}” bị từ chối: nội dung sau khi giải nén quá lớn so với một danh sách (tệp có thể là “bom nén”). Hãy lưu lại danh sách thành tệp .xlsx mới chỉ gồm các trang cần nhập.`,
      `"${fileName}" was refused: its decompressed content is far too large for a list (possible zip bomb).`,
      { detail: error.message },
    );
  }
  return fileError('INVALID_INPUT', 'unreadable', `Không đọc được tệp “${fileName}”: tệp .xlsx bị hỏng.`, `"${fileName}" is a damaged .xlsx file.`, { detail: error.message });
}

async function* readXlsxSheets(bytes: Buffer, fileName: string, maxRows: number, maxUncompressedBytes: number): AsyncGenerator<RawSheet> {
  let entries: ZipEntry[];
  let scan: Awaited<ReturnType<typeof scanArchive>>;
  try {
    entries = readZipDirectory(bytes);
    if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
      const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
      const what = detected && detected.mime !== XLSX_MIME ? `${detected.ext.toUpperCase()} (${detected.mime})` : 'tệp nén ZIP';
      throw fileError(
        'INVALID_INPUT',
        'not_a_spreadsheet',
        `Tệp “${fileName}” không phải bảng tính Excel: nội dung là ${what}. Chỉ nhận tệp .xlsx hoặc .csv.`,
        `"${fileName}" is not an Excel workbook (content: ${detected?.mime ?? 'ZIP archive'}).`,
      );
    }
    checkDeclaredSizes(entries, { maxTotalBytes: maxUncompressedBytes, maxRatio: MAX_COMPRESSION_RATIO });
    scan = await scanArchive(bytes, entries);
  } catch (error) {
    if (error instanceof ZipFormatError) throw zipRefusal(fileName, error);
    if (error instanceof AppError) throw error;
    throw fileError('INVALID_INPUT', 'unreadable', `Không đọc được tệp “${fileName}”: tệp .xlsx bị hỏng.`, `"${fileName}" is a damaged .xlsx file.`);
  }

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await asciiSafeArchive(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? null;
      const state = (worksheet as unknown as { state?: string }).state;
      if ((name && scan.hiddenSheets.has(name)) || state === 'hidden' || state === 'veryHidden') continue;
      const cleaner = new CellCleaner();
      const rows = new Map<number, CellValue[]>();
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        let any = false;
        for (let c = 1; c < values.length; c++) {
          const value = cleaner.value(values[c]);
          cells[c - 1] = value;
          if (value !== null) any = true;
        }
        if (!any) continue;
        for (let c = 0; c < cells.length; c++) cells[c] ??= null;
        rows.set(row.number, cells);
        if (rows.size > maxRows) throw tooManyRows(maxRows);
      }
      const part = name ? scan.sheetParts.get(name) : undefined;
      const layout = (part && scan.layouts.get(part)) || { hiddenColumns: new Set<number>(), merges: [] };
      yield { name, rows, hiddenColumns: layout.hiddenColumns, merges: layout.merges, convertedCells: cleaner.converted };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError('INVALID_INPUT', 'unreadable', `Không đọc được tệp “${fileName}”: tệp .xlsx bị hỏng hoặc không đúng định dạng.`, `"${fileName}" could not be read as .xlsx.`, {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * CSV text: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), or — when the bytes
 * are not UTF-8 — the Windows code page of a Vietnamese Windows (1258) or Windows-1252 (whose
 * characters then go through the TCVN3/VNI detection of cleanText), whichever reads as more
 * Vietnamese syllables.
 */
function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const sample = bytes.subarray(0, 65536);
    const score = (text: string) => text.split(/[^\p{L}]+/u).filter((w) => /[^\u0020-\u007e]/.test(w) && isVietnameseSyllable(w)).length;
    const as1258 = new TextDecoder('windows-1258').decode(sample).normalize('NFC');
    const as1252 = new TextDecoder('windows-1252').decode(sample);
    const legacy = as1252.split(/[,;\t\r\n]/).map((cell) => cleanText(cell).text).join(' ');
    return new TextDecoder(score(as1258) >= score(legacy) ? 'windows-1258' : 'windows-1252').decode(bytes);
  }
}

function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 30).filter((line) => line.trim() !== '');
  let best = ',';
  let bestCount = 0;
  for (const delimiter of [',', ';', '\t']) {
    const count = lines.reduce((sum, line) => sum + line.split(delimiter).length - 1, 0);
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

async function* readCsvSheet(bytes: Buffer, maxRows: number): AsyncGenerator<RawSheet> {
  const text = decodeCsv(bytes);
  const records = parseCsv(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  const cleaner = new CellCleaner();
  const rows = new Map<number, CellValue[]>();
  records.forEach((record, index) => {
    const cells = record.map((value) => cleaner.value(value));
    if (cells.every((cell) => cell === null)) return;
    rows.set(index + 1, cells);
    if (rows.size > maxRows) throw tooManyRows(maxRows);
  });
  yield { name: null, rows, hiddenColumns: new Set(), merges: [], convertedCells: cleaner.converted };
}

// ---------------------------------------------------------------------------------------------------
// Shaping: header, sub-header, titles, groups, totals.

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

const romanOrNumber = /^(?:[IVXLC]+|\d{1,3}|[A-Za-z])[.)]?$/;
const numberingPrefix = /^(?:[IVXLC]+|\d{1,3}|[A-Za-z])\s*[.):\-–]\s+/;
/** Unit types that open a group row ("I. Huyện Than Uyên", "II. TP Lai Châu", "Thị xã …"). */
const unitGroupWord = /^(huyen|quan|thi xa|tx|thanh pho|tp|xa|phuong|thi tran|tt|tinh)\b/;
const totalWord = /^(tong cong|tong so|tong|cong)(?=\s*(:|$|\d|\(|san pham|chu the|so))/;

/** The text of a group row without its numbering, when the row is one ("I. Huyện Than Uyên"). */
export function groupLabel(cells: readonly CellValue[]): { label: string; isUnit: boolean } | null {
  const present = cells.filter((cell) => cell !== null);
  if (present.length === 0 || present.length > 2) return null;
  if (present.some((cell) => typeof cell !== 'string' && typeof cell !== 'number')) return null;
  let texts = present.map(cellText);
  let numbering: string | null = null;
  if (texts.length === 2) {
    if (!romanOrNumber.test(texts[0]!)) return null;
    numbering = texts[0]!;
    texts = texts.slice(1);
  }
  let label = texts[0]!;
  if (!/\p{L}/u.test(label)) return null;
  const prefix = numberingPrefix.exec(label);
  if (prefix) {
    numbering = prefix[0].trim();
    label = label.slice(prefix[0].length).trim();
  }
  if (unitGroupWord.test(foldVietnamese(label))) return { label, isUnit: true };
  // Other sections numbered in roman ("II. Sản phẩm đạt 4 sao") are group rows that name no unit.
  if (numbering && /^[IVXLC]+\b/.test(numbering)) return { label, isUnit: false };
  return null;
}

function isTotalRow(cells: readonly CellValue[]): boolean {
  const texts = cells.map(cellText).filter((text) => text !== '' && !romanOrNumber.test(text));
  const first = texts.find((text) => /\p{L}/u.test(text));
  return first !== undefined && totalWord.test(foldVietnamese(first));
}

/** "(1) (2) (3) …" or "1 2 3 4 …" under the headings: the columns' numbers, not data. */
function isColumnNumberRow(cells: readonly CellValue[]): boolean {
  const present = cells.map(cellText).filter((text) => text !== '');
  if (present.length < 3) return false;
  if (present.every((text) => /^\(\s*\d{1,2}\s*\)$/.test(text) || /^\(\s*[A-Z]\s*\)$/.test(text))) return true;
  return present.every((text, i) => text === String(i + 1));
}

function headingScore(cells: readonly CellValue[]): { score: number; names: boolean } {
  let score = 0;
  let names = false;
  for (const cell of cells) {
    if (typeof cell !== 'string' || !isKnownHeading(cell)) continue;
    score++;
    const field = matchHeading(cell)?.field;
    if (field === 'productName' || field === 'producerName') names = true;
  }
  return { score, names };
}

function coveringMerge(merges: readonly Merge[], row: number, column: number): Merge | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
}

function shapeTable(sheet: RawSheet, format: 'xlsx' | 'csv'): ReadTable | null {
  const rowNumbers = [...sheet.rows.keys()].sort((a, b) => a - b);
  let header = -1;
  let best = 0;
  for (const rowNumber of rowNumbers.slice(0, HEADER_SEARCH_ROWS)) {
    const { score, names } = headingScore(sheet.rows.get(rowNumber)!);
    if (names && score >= 2 && score > best) {
      best = score;
      header = rowNumber;
    }
  }
  if (header < 0) return null;
  const text = (row: number, column: number) => cellText(sheet.rows.get(row)?.[column] ?? null);
  const headerCells = sheet.rows.get(header)!;

  // A second heading row: under a heading merged across columns ("Giấy chứng nhận" over "Số QĐ |
  // Ngày QĐ | …"), or next to headings merged down over both rows ("STT"), or simply a row of headings.
  const next = sheet.rows.get(header + 1);
  let twoRows = false;
  if (next && next.every((cell) => cell === null || typeof cell === 'string')) {
    const mergedAcross = sheet.merges.some((m) => m.top === header && m.bottom === header && m.right > m.left && next.slice(m.left, m.right + 1).some((cell) => cell !== null));
    const mergedDown = sheet.merges.some((m) => m.top === header && m.bottom > header);
    const nextScore = headingScore(next).score;
    const present = next.filter((cell) => cell !== null).length;
    twoRows = ((mergedAcross || mergedDown) && nextScore >= 1) || (nextScore >= 2 && nextScore * 2 >= present);
  }

  let width = headerCells.length;
  if (twoRows) width = Math.max(width, next!.length);
  for (const merge of sheet.merges) if (merge.top === header) width = Math.max(width, merge.right + 1);
  for (const rowNumber of rowNumbers) if (rowNumber > header) width = Math.max(width, sheet.rows.get(rowNumber)!.length);

  const columns: TableColumn[] = [];
  let groupTop = '';
  for (let c = 0; c < width; c++) {
    let top = text(header, c);
    const merge = coveringMerge(sheet.merges, header, c);
    if (!top && merge && merge.top === header && merge.left < c) top = text(header, merge.left);
    let sub = twoRows ? text(header + 1, c) : '';
    if (twoRows && format === 'csv' && !top && sub && groupTop) top = groupTop;
    groupTop = twoRows && top && sub ? top : '';
    if (sub && top && foldVietnamese(sub) === foldVietnamese(top)) sub = '';
    const heading = top && sub ? `${top} – ${sub}` : top || sub;
    columns.push({ index: c, letter: columnLetter(c), heading, hidden: sheet.hiddenColumns.has(c) });
  }

  // Vertical merges in the data (one producer over its several products) hold for every row they cover.
  const dataStart = header + (twoRows ? 2 : 1);
  for (const merge of sheet.merges) {
    if (merge.top < dataStart || merge.bottom === merge.top) continue;
    const master = sheet.rows.get(merge.top)?.[merge.left] ?? null;
    if (master === null) continue;
    for (let r = merge.top + 1; r <= merge.bottom; r++) {
      let cells = sheet.rows.get(r);
      if (!cells) {
        cells = [];
        sheet.rows.set(r, cells);
      }
      if ((cells[merge.left] ?? null) === null) cells[merge.left] = master;
    }
  }

  const lastRow = Math.max(...sheet.rows.keys());
  const skipped: ReadTable['skipped'] = [];
  const rows: TableRow[] = [];
  let group: string | null = null;
  for (let r = 1; r <= lastRow; r++) {
    const raw = sheet.rows.get(r);
    const empty = !raw || raw.every((cell) => cell === null || cell === undefined);
    if (r === header || (twoRows && r === header + 1)) continue;
    if (r < header) {
      skipped.push({ rowNumber: r, reason: empty ? 'empty' : 'title' });
      continue;
    }
    if (empty) {
      skipped.push({ rowNumber: r, reason: 'empty' });
      continue;
    }
    const cells = Array.from({ length: width }, (_, c) => raw![c] ?? null);
    if (r === dataStart && isColumnNumberRow(cells)) {
      skipped.push({ rowNumber: r, reason: 'title' });
      continue;
    }
    if (isTotalRow(cells)) {
      skipped.push({ rowNumber: r, reason: 'total' });
      continue;
    }
    const groupRow = groupLabel(cells);
    if (groupRow) {
      if (groupRow.isUnit) group = groupRow.label;
      skipped.push({ rowNumber: r, reason: 'group' });
      continue;
    }
    rows.push({ rowNumber: r, cells, group });
  }
  return {
    format,
    sheetName: sheet.name,
    headerRows: twoRows ? [header, header + 1] : [header],
    columns,
    rows,
    skipped,
    convertedCells: sheet.convertedCells,
  };
}
