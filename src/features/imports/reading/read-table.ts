/**
 * Reads a province's OCOP list as officials keep it — an Excel workbook or a CSV export — into one
 * table: the heading row(s) found among the title rows, the columns with their headings, and the data
 * rows, each with the district of the group row above it. Every string is cleaned (cleanText: legacy
 * TCVN3/VNI encodings, NFC, spaces). Decision 013 explains the choices.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, type ErrorCode } from '../../../core/errors.ts';
import { cleanText } from './clean-text.ts';
import { isVietnameseSyllable } from './legacy-encodings.ts';
import { asciiSafeArchive } from './ascii-safe-archive.ts';
import { HEADER_SEARCH_ROWS, shapeTable } from './shape-table.ts';
import { columnLetter, type CellValue, type Merge, type RawSheet, type ReadTable } from './table.ts';
import { checkDeclaredSizes, inflateEntryText, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-archive.ts';

export type { CellValue, ReadTable, SkipReason, TableColumn, TableRow } from './table.ts';
export { columnLetter } from './table.ts';
export { groupLabel } from './shape-table.ts';

export interface ReadLimits {
  /** Size of the uploaded file; default 20 MB. */
  maxBytes?: number;
  /** Rows with content in the sheet; default 20,000. */
  maxRows?: number;
  /** Rows written in a sheet or lines of a CSV, empty ones included; default 5 × maxRows + 1,000. */
  maxSheetRows?: number;
  /** Characters in one cell; default 5,000. */
  maxCellLength?: number;
  /** Sum of the sizes the parts of an .xlsx declare once decompressed; default 50 MB. */
  maxUncompressedBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 20_000;
export const DEFAULT_MAX_CELL_LENGTH = 5_000;
/**
 * A province's list of 20,000 rows × 20 columns is about 16 MB of sheet XML; 50 MB is generous and bounds
 * what the reader holds (the archive is rebuilt in memory, asciiSafeArchive) to a few hundred MB at worst.
 */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

interface Limits { maxRows: number; maxSheetRows: number; maxCellLength: number; maxUncompressedBytes: number }

function limitsOf(limits: ReadLimits): Limits {
  const maxRows = limits.maxRows ?? DEFAULT_MAX_ROWS;
  return {
    maxRows,
    maxSheetRows: limits.maxSheetRows ?? maxRows * 5 + 1000,
    maxCellLength: limits.maxCellLength ?? DEFAULT_MAX_CELL_LENGTH,
    maxUncompressedBytes: limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
  };
}
/** Spreadsheet XML deflates 5–30 times; deflate itself cannot pass ~1:1032. */
const MAX_COMPRESSION_RATIO = 500;
/** The heading row is looked for among the first rows with content. */

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileError(code: ErrorCode, reason: string, message: string, messageEn: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { reason, ...extra, issues: [{ path: 'file', message, messageEn }] }, messageEn);
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

function checkFileSize(bytes: Buffer, fileName: string, maxBytes: number): void {
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
}

export async function readTable(bytes: Buffer, fileName: string, limits: ReadLimits = {}): Promise<ReadTable> {
  checkFileSize(bytes, fileName, limits.maxBytes ?? DEFAULT_MAX_BYTES);
  const kind = await detectKind(bytes, fileName);
  const sheets = kind === 'xlsx' ? readXlsxSheets(bytes, fileName, limitsOf(limits)) : readCsvSheet(bytes, limitsOf(limits));
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

/**
 * The visible sheets of an .xlsx, each as its rows of cleaned cells, with every guard of readTable (the
 * ZIP's declared and real sizes, rows, cell length) but no heading search: for a room that reads its own
 * layout (the training's participant list). Refusals are AppErrors with `details.issues` on `file`.
 */
export async function* readWorkbookSheets(bytes: Buffer, fileName: string, limits: ReadLimits = {}): AsyncGenerator<RawSheet> {
  checkFileSize(bytes, fileName, limits.maxBytes ?? DEFAULT_MAX_BYTES);
  yield* readXlsxSheets(bytes, fileName, limitsOf(limits));
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

class CellCleaner {
  converted = 0;
  constructor(private readonly maxCellLength: number, private readonly sheetName: string | null) {}
  /** The cell's value; a text longer than the limit is refused by its reference, never echoed. */
  cell(raw: unknown, rowNumber: number, columnIndex: number): CellValue {
    const value = this.value(raw);
    if (typeof value === 'string' && value.length > this.maxCellLength) throw cellTooLong(`${columnLetter(columnIndex)}${rowNumber}`, this.sheetName, this.maxCellLength, value.length);
    return value;
  }
  value(raw: unknown): CellValue {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'string') {
      // A text far past the limit is not cleaned (cleanText copies it several times): cell() refuses it.
      if (raw.length > this.maxCellLength * 4) return raw;
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

/** Rows written in the sheet, empty ones included: Excel writes a row for every formatted line. */
const tooManySheetRows = (sheetName: string | null, maxSheetRows: number, maxRows: number) =>
  fileError(
    'INVALID_INPUT',
    'too_many_rows',
    `${sheetName ? `Trang tính “${sheetName.slice(0, 100)}”` : 'Tệp'} có hơn ${maxSheetRows.toLocaleString('vi-VN')} dòng (kể cả dòng trống đã định dạng). Hãy xoá các dòng trống thừa ở cuối trang hoặc chia danh sách thành nhiều tệp.`,
    `${sheetName ? `The sheet "${sheetName.slice(0, 100)}"` : 'The file'} has more than ${maxSheetRows} rows, empty ones included; at most ${maxRows} data rows are read.`,
    { maxRows, maxSheetRows },
  );

/** A cell past the limit, named by its reference; its text is never sent back. */
const cellTooLong = (ref: string | null, sheetName: string | null, maxCellLength: number, length: number | null, line: number | null = null) => {
  const where = `${ref ? `Ô ${ref}` : line ? `Một ô ở dòng ${line}` : 'Một ô'}${sheetName ? ` của trang “${sheetName.slice(0, 100)}”` : ''}`;
  const size = length === null ? `dài hơn ${maxCellLength.toLocaleString('vi-VN')} ký tự` : `dài hơn ${maxCellLength.toLocaleString('vi-VN')} ký tự (${length.toLocaleString('vi-VN')} ký tự)`;
  return fileError(
    'INVALID_INPUT',
    'cell_too_long',
    `${where} ${size}; một ô chỉ được tối đa ${maxCellLength.toLocaleString('vi-VN')} ký tự. Hãy rút gọn nội dung ô đó rồi tải lên lại.`,
    `${ref ? `Cell ${ref}` : line ? `A cell on line ${line}` : 'A cell'}${sheetName ? ` of "${sheetName.slice(0, 100)}"` : ''} is longer than ${maxCellLength} characters.`,
    { maxCellLength, ...(ref ? { cell: ref } : {}) },
  );
};

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

function parseRef(ref: string): Merge | null {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref.replace(/\$/g, ''));
  if (!match) return null;
  const [, c1, r1, c2, r2] = match as unknown as [string, string, string, string | undefined, string | undefined];
  return { left: columnIndex(c1), top: Number(r1), right: columnIndex(c2 ?? c1), bottom: Number(r2 ?? r1) };
}

interface SheetLayout { hiddenColumns: Set<number>; merges: Merge[] }

/** The reference of the last cell tag opened in a piece of sheet XML. */
function lastCellRef(xml: string): string | null {
  let ref: string | null = null;
  for (const [tag] of xml.matchAll(/<(?:\w+:)?c\s[^>]*>/g)) ref = attribute(tag, 'r') ?? ref;
  return ref;
}

/** What the scan found past a limit: the part, and in a sheet the last cell reference seen. */
type ScanRefusal = { problem: 'cell_too_long'; part: string; ref: string | null } | { problem: 'too_many_rows'; part: string };

/**
 * One pass over every part of the archive, inflating as a stream: proves that no part grows past
 * what it declared, collects what exceljs's streaming reader does not give (hidden columns in
 * <cols>, <mergeCells> at the end of each sheet) and reads which sheet is which part. It also stops, before
 * exceljs or JSZip holds anything, at a text run longer than any allowed cell (a run without "<" holds
 * one text or attribute value; 8 characters of XML per character of text covers "&#7907;") and at a sheet
 * writing more rows than allowed, empty ones included.
 */
async function scanArchive(bytes: Buffer, entries: readonly ZipEntry[], limits: Limits): Promise<{ layouts: Map<string, SheetLayout>; sheetParts: Map<string, string>; hiddenSheets: Set<string>; refusal: ScanRefusal | null }> {
  const layouts = new Map<string, SheetLayout>();
  let workbookXml = '';
  let relsXml = '';
  let refusal: ScanRefusal | null = null;
  const maxRun = limits.maxCellLength * 8 + 1024;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    const isXml = /\.(xml|rels|vml)$/i.test(entry.name);
    const keep = entry.name === 'xl/workbook.xml' || entry.name === 'xl/_rels/workbook.xml.rels';
    const layout: SheetLayout = { hiddenColumns: new Set(), merges: [] };
    let carry = '';
    let kept = '';
    let run = 0;
    let rowCount = 0;
    let lastRef: string | null = null;
    for await (const chunk of inflateEntryText(bytes, entry)) {
      if (keep && kept.length < 4 * 1024 * 1024) kept += chunk;
      if (!isXml) continue;
      let at = chunk.indexOf('<');
      let runStart = -1;
      if (at < 0) run += chunk.length;
      else {
        if (run + at > maxRun) runStart = 0;
        let previous = at;
        while (runStart < 0 && (at = chunk.indexOf('<', previous + 1)) >= 0) {
          if (at - previous - 1 > maxRun) runStart = previous;
          previous = at;
        }
        run = chunk.length - previous - 1;
      }
      if (runStart < 0 && run > maxRun) runStart = chunk.length - run;
      if (runStart >= 0) {
        refusal = { problem: 'cell_too_long', part: entry.name, ref: isSheet ? (lastCellRef(carry + chunk.slice(0, Math.max(0, runStart))) ?? lastRef) : null };
      }
      if (refusal) break;
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
      for (const _ of complete.matchAll(/<(?:\w+:)?row[\s>/]/g)) rowCount++;
      lastRef = lastCellRef(complete.slice(Math.max(0, complete.lastIndexOf('<c ') - 1))) ?? lastRef;
      if (rowCount > limits.maxSheetRows) {
        refusal = { problem: 'too_many_rows', part: entry.name };
        break;
      }
    }
    if (refusal) break;
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
  return { layouts, sheetParts, hiddenSheets, refusal };
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

async function* readXlsxSheets(bytes: Buffer, fileName: string, limits: Limits): AsyncGenerator<RawSheet> {
  const { maxRows } = limits;
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
    checkDeclaredSizes(entries, { maxTotalBytes: limits.maxUncompressedBytes, maxRatio: MAX_COMPRESSION_RATIO });
    scan = await scanArchive(bytes, entries, limits);
  } catch (error) {
    if (error instanceof ZipFormatError) throw zipRefusal(fileName, error);
    if (error instanceof AppError) throw error;
    throw fileError('INVALID_INPUT', 'unreadable', `Không đọc được tệp “${fileName}”: tệp .xlsx bị hỏng.`, `"${fileName}" is a damaged .xlsx file.`);
  }
  if (scan.refusal) {
    const part = scan.refusal.part;
    const sheetName = [...scan.sheetParts].find(([, target]) => target === part)?.[0] ?? null;
    if (scan.refusal.problem === 'too_many_rows') throw tooManySheetRows(sheetName, limits.maxSheetRows, maxRows);
    throw cellTooLong(scan.refusal.ref, /^xl\/worksheets\//.test(part) ? sheetName : null, limits.maxCellLength, null);
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
      const cleaner = new CellCleaner(limits.maxCellLength, name);
      const rows = new Map<number, CellValue[]>();
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        let any = false;
        for (let c = 1; c < values.length; c++) {
          const value = cleaner.cell(values[c], row.number, c - 1);
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

async function* readCsvSheet(bytes: Buffer, limits: Limits): AsyncGenerator<RawSheet> {
  const { maxRows } = limits;
  // Counted before parsing, so a file of millions of empty lines costs one pass over its bytes.
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) {
    if (++lines > limits.maxSheetRows) throw tooManySheetRows(null, limits.maxSheetRows, maxRows);
  }
  const text = decodeCsv(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      // A record (all its fields) past this many characters stops the parser there.
      max_record_size: limits.maxCellLength * 64,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') throw cellTooLong(null, null, limits.maxCellLength, null, line);
    throw fileError('INVALID_INPUT', 'unreadable', 'Không đọc được tệp CSV (dấu ngoặc kép không khớp hoặc tệp hỏng).', 'The CSV file could not be read.');
  }
  const cleaner = new CellCleaner(limits.maxCellLength, null);
  const rows = new Map<number, CellValue[]>();
  records.forEach((record, index) => {
    const cells = record.map((value, column) => cleaner.cell(value, index + 1, column));
    if (cells.every((cell) => cell === null)) return;
    rows.set(index + 1, cells);
    if (rows.size > maxRows) throw tooManyRows(maxRows);
  });
  yield { name: null, rows, hiddenColumns: new Set(), merges: [], convertedCells: cleaner.converted };
}
