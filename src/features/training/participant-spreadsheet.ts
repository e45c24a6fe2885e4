/**
 * The participant list of a training as officials keep it in Excel: one person a row, under a heading row
 * ("STT | Họ và tên | Đối tượng | Chủ thể OCOP | Số điện thoại | Đơn vị công tác"). Reading checks every
 * row and reports every problem at once with its row number, so the list is fixed in one pass.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.ts';
import { foldVietnamese } from '../../core/text.ts';
import { readWorkbookSheets, type CellValue, type RawSheet } from '../imports/index.ts';
import type { ProducerCandidate } from './training.repository.ts';
import { normalizePhone, PHONE_PATTERN, type ImportRow, type OfficialLevel, type ParticipantKind } from './training.schemas.ts';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 1000;
/** Names are at most 120 characters, units 200: a longer cell is no participant (issue 16 finding 7). */
export const MAX_CELL_LENGTH = 1000;
/** 1,000 participants in six columns are about 300 kB of sheet XML. */
const MAX_UNCOMPRESSED_BYTES = 10 * 1024 * 1024;
const HEADER_SEARCH_ROWS = 10;

/** A value written back in a message, cut so that a long cell never comes back whole. */
const quoted = (value: string) => (value.length > 80 ? `${value.slice(0, 80)}…` : value);

export const columns = {
  fullName: 'Họ và tên',
  kind: 'Đối tượng',
  producer: 'Chủ thể OCOP (mã số thuế hoặc tên)',
  phone: 'Số điện thoại',
  organisation: 'Đơn vị công tác',
} as const;
type Column = keyof typeof columns;

/** Headings as people write them, folded (no accents, lower case), to the column they mean. */
function columnOfHeading(heading: string): Column | null {
  const h = foldVietnamese(heading);
  if (/^(ho va ten|ho ten|ten hoc vien|ten nguoi tham du)/.test(h)) return 'fullName';
  if (/^(doi tuong|thanh phan|loai)/.test(h)) return 'kind';
  if (/^(chu the|ma so thue|hop tac xa|co so)/.test(h)) return 'producer';
  if (/(dien thoai|sdt|so dt)/.test(h)) return 'phone';
  if (/^(don vi|co quan|to chuc|noi cong tac)/.test(h)) return 'organisation';
  return null;
}

export const kindLabels: Record<string, string> = {
  'official:province': 'Cán bộ tỉnh',
  'official:commune': 'Cán bộ xã',
  producer: 'Chủ thể OCOP',
  other: 'Khác',
};

function parseKind(value: string): { kind: ParticipantKind; officialLevel: OfficialLevel | null } | null {
  const v = foldVietnamese(value).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(can bo|cb|cong chuc|vien chuc)( cap)? (tinh|so|nganh)/.test(v)) return { kind: 'official', officialLevel: 'province' };
  if (/^(can bo|cb|cong chuc|vien chuc)( cap)? (xa|phuong|dac khu)/.test(v)) return { kind: 'official', officialLevel: 'commune' };
  if (/^(chu the|hop tac xa|htx|to hop tac|doanh nghiep|ho kinh doanh|ho san xuat|co so san xuat)/.test(v)) return { kind: 'producer', officialLevel: null };
  if (/^(khac|nguoi dan|hoc vien khac)/.test(v)) return { kind: 'other', officialLevel: null };
  return null;
}

export interface SheetRow {
  row: number;
  values: Partial<Record<Column, string>>;
}

export interface SheetIssue {
  path: string;
  message: string;
  messageEn: string;
}

/** Text of a cell as the reader cleaned it (NFC, spaces; formulas give their result); a phone typed as a number lost its 0. */
function cellText(value: CellValue | undefined, column: Column | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const digits = String(value);
    // 912345678 is 0912345678 after Excel dropped the leading zero of a Vietnamese mobile number.
    if (column === 'phone' && /^[35789]\d{8}$/.test(digits)) return `0${digits}`;
    return digits;
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * Reads the first visible worksheet through the imports room's guarded reader: the archive's sizes are
 * checked before anything is decompressed, rows (empty ones included) and cell length are bounded while
 * streaming. Problems with the file itself (not a row) come back as issues.
 */
export async function readParticipantSheet(content: Buffer): Promise<{ rows: SheetRow[]; issues: SheetIssue[] }> {
  const fileIssue = (message: string, messageEn: string) => ({ rows: [], issues: [{ path: 'file', message, messageEn }] });
  if (content.length === 0) return fileIssue('Tệp rỗng.', 'Empty file.');
  // An .xlsx file is a ZIP archive: "PK\x03\x04".
  if (content.subarray(0, 4).toString('binary') !== 'PK\u0003\u0004') {
    return fileIssue('Tệp không phải bảng tính Excel .xlsx (tệp .xls cũ hoặc .csv cần lưu lại thành .xlsx).', 'Not an .xlsx workbook.');
  }
  let sheet: RawSheet | undefined;
  try {
    const sheets = readWorkbookSheets(content, 'danh sách học viên', {
      maxBytes: MAX_IMPORT_BYTES,
      maxRows: MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS,
      maxCellLength: MAX_CELL_LENGTH,
      maxUncompressedBytes: MAX_UNCOMPRESSED_BYTES,
    });
    sheet = (await sheets.next()).value ?? undefined;
    await sheets.return(undefined);
  } catch (error) {
    if (error instanceof AppError) {
      const { issues, reason } = (error.details ?? {}) as { issues?: SheetIssue[]; reason?: string };
      if (reason === 'unreadable' || reason === 'encrypted') return fileIssue('Không đọc được tệp .xlsx (tệp hỏng hoặc có mật khẩu).', 'Unreadable .xlsx file.');
      return { rows: [], issues: issues ?? [{ path: 'file', message: error.message, messageEn: error.messageEn ?? error.message }] };
    }
    return fileIssue('Không đọc được tệp .xlsx (tệp hỏng hoặc có mật khẩu).', 'Unreadable .xlsx file.');
  }
  if (!sheet) return fileIssue('Bảng tính không có trang nào.', 'The workbook has no worksheet.');

  let headerRow = 0;
  let mapping = new Map<number, Column>();
  for (const [r, cells] of sheet.rows) {
    if (r > HEADER_SEARCH_ROWS) break;
    const found = new Map<number, Column>();
    cells.forEach((value, index) => {
      const column = columnOfHeading(cellText(value, null));
      if (column && ![...found.values()].includes(column)) found.set(index, column);
    });
    if ([...found.values()].includes('fullName')) {
      headerRow = r;
      mapping = found;
      break;
    }
  }
  if (!headerRow) {
    return fileIssue(
      `Không tìm thấy dòng tiêu đề có cột “${columns.fullName}” trong ${HEADER_SEARCH_ROWS} dòng đầu. Hãy dùng tệp mẫu.`,
      `No heading row with a "${columns.fullName}" column in the first ${HEADER_SEARCH_ROWS} rows.`,
    );
  }
  const present = new Set(mapping.values());
  if (!present.has('kind')) {
    return fileIssue(`Thiếu cột “${columns.kind}”.`, 'Missing the participant kind column.');
  }

  const rows: SheetRow[] = [];
  for (const [r, cells] of sheet.rows) {
    if (r <= headerRow) continue;
    const values: Partial<Record<Column, string>> = {};
    for (const [index, column] of mapping) {
      const text = cellText(cells[index], column);
      if (text) values[column] = text;
    }
    if (Object.keys(values).length === 0) continue;
    rows.push({ row: r, values });
    if (rows.length > MAX_IMPORT_ROWS) {
      return fileIssue(
        `Tệp có hơn ${MAX_IMPORT_ROWS} dòng dữ liệu; hãy chia thành nhiều tệp.`,
        `More than ${MAX_IMPORT_ROWS} data rows; split the file.`,
      );
    }
  }
  if (rows.length === 0) return fileIssue('Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.', 'No data rows under the heading row.');
  return { rows, issues: [] };
}

const taxDigits = (value: string) => value.replace(/[\s.-]/g, '');

export interface ValidationContext {
  /** The producers of the training's unit. */
  producers: readonly ProducerCandidate[];
  /** Those already registered in the training. */
  registered: ReadonlyArray<{ number: number; fullName: string; phone: string | null }>;
}

export const personKey = (fullName: string, phone: string | null) => `${foldVietnamese(fullName)}|${phone ?? ''}`;

/** Checks each row; every row comes back with its problems (none when it can be imported). */
export function validateParticipantRows(rows: readonly SheetRow[], context: ValidationContext): ImportRow[] {
  const byTaxCode = new Map<string, ProducerCandidate>();
  const byName = new Map<string, ProducerCandidate[]>();
  for (const producer of context.producers) {
    if (producer.taxCode) byTaxCode.set(taxDigits(producer.taxCode), producer);
    const key = foldVietnamese(producer.name);
    byName.set(key, [...(byName.get(key) ?? []), producer]);
  }
  const registered = new Map(context.registered.map((p) => [personKey(p.fullName, p.phone), p.number]));
  const seen = new Map<string, number>();

  return rows.map(({ row, values }) => {
    const errors: ImportRow['errors'] = [];
    const error = (column: Column, message: string) => errors.push({ column: columns[column], message });

    const fullName = (values.fullName ?? '').replace(/\s+/g, ' ').trim();
    if (!fullName) error('fullName', 'Không được để trống.');
    else if (fullName.length < 2) error('fullName', 'Cần ít nhất 2 ký tự.');
    else if (fullName.length > 120) error('fullName', 'Tối đa 120 ký tự.');

    let kind: ParticipantKind | null = null;
    let officialLevel: OfficialLevel | null = null;
    if (!values.kind) error('kind', `Không được để trống; ghi một trong: ${Object.values(kindLabels).join(', ')}.`);
    else {
      const parsed = parseKind(values.kind);
      if (!parsed) error('kind', `“${quoted(values.kind)}” không phải đối tượng hợp lệ; ghi một trong: ${Object.values(kindLabels).join(', ')}.`);
      else ({ kind, officialLevel } = parsed);
    }

    let producer: ProducerCandidate | null = null;
    if (values.producer) {
      if (kind && kind !== 'producer') error('producer', 'Chỉ ghi chủ thể khi đối tượng là “Chủ thể OCOP”.');
      const digits = taxDigits(values.producer);
      if (/^\d{10}(\d{3})?$|^\d{12}$/.test(digits)) {
        producer = byTaxCode.get(digits) ?? null;
        if (!producer) error('producer', `Không có chủ thể mã số thuế ${quoted(values.producer)} trong địa bàn của lớp.`);
      } else {
        const matches = byName.get(foldVietnamese(values.producer)) ?? [];
        if (matches.length === 1) producer = matches[0]!;
        else if (matches.length === 0) error('producer', `Không có chủ thể tên “${quoted(values.producer)}” trong địa bàn của lớp; kiểm tra tên hoặc ghi mã số thuế.`);
        else error('producer', `Có ${matches.length} chủ thể cùng tên “${quoted(values.producer)}”; hãy ghi mã số thuế.`);
      }
    } else if (kind === 'producer') {
      error('producer', 'Người của chủ thể OCOP cần ghi chủ thể (mã số thuế hoặc tên).');
    }

    let phone: string | null = null;
    if (values.phone) {
      phone = normalizePhone(values.phone);
      if (!PHONE_PATTERN.test(phone)) {
        error('phone', `“${quoted(values.phone)}” không phải số điện thoại hợp lệ (8–15 chữ số).`);
        phone = null;
      }
    }

    const organisation = values.organisation?.trim() || null;
    if (organisation && organisation.length > 200) error('organisation', 'Tối đa 200 ký tự.');

    if (fullName.length >= 2) {
      const key = personKey(fullName, phone);
      const earlier = seen.get(key);
      if (earlier !== undefined) error('fullName', `Trùng với dòng ${earlier} của tệp (cùng họ tên và số điện thoại).`);
      else seen.set(key, row);
      const number = registered.get(key);
      if (number !== undefined) error('fullName', `Người này đã có trong danh sách lớp (số thứ tự ${number}).`);
    }

    return {
      row,
      fullName,
      kind,
      officialLevel,
      producerId: producer?.id ?? null,
      producerName: producer?.name ?? null,
      phone,
      organisation,
      errors,
    };
  });
}

/** The template officials fill in: the headings, one example row per kind, and the accepted values. */
export async function buildParticipantTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OCOP Hub';
  const sheet = workbook.addWorksheet('Danh sách học viên');
  sheet.columns = [
    { header: 'STT', width: 6 },
    { header: columns.fullName, width: 28 },
    { header: columns.kind, width: 18 },
    { header: columns.producer, width: 34 },
    { header: columns.phone, width: 16 },
    { header: columns.organisation, width: 34 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(5).numFmt = '@';
  sheet.addRow([1, 'Nguyễn Văn A', kindLabels['official:commune'], '', '0912345678', 'UBND xã …']);
  sheet.addRow([2, 'Lò Thị B', kindLabels.producer, 'HTX … (hoặc mã số thuế)', '0987654321', '']);
  sheet.getColumn(3).eachCell((cell, row) => {
    if (row > 1) cell.dataValidation = { type: 'list', allowBlank: false, formulae: [`"${Object.values(kindLabels).join(',')}"`] };
  });
  for (let row = 4; row <= 500; row++) {
    sheet.getCell(row, 3).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(kindLabels).join(',')}"`] };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
