import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { ImportRow, RowIssue } from './import-row.ts';
import type { RegisterProduct } from './imports.repository.ts';
import { inferLegalForm, parseAddress, parseEmail, parseLocalDate, parsePhone, parseStars } from './reading/values.ts';

/**
 * The product register of the national OCOP management system (ocopvietnam.gov.vn): per product its
 * name, ocop_star, description, story, ocop_certificate_number, issued_on, expiry_date, images and the
 * manufacturer {name, representative, address, phone_number, email}. docs/national-register.md describes
 * each field and how it maps onto this system's records. The CSV form flattens the manufacturer into
 * `manufacturer.<field>` columns and joins images with " | ".
 */
export const REGISTER_CSV_COLUMNS = [
  'name', 'ocop_star', 'description', 'story', 'ocop_certificate_number', 'issued_on', 'expiry_date', 'images',
  'manufacturer.name', 'manufacturer.representative', 'manufacturer.address', 'manufacturer.phone_number', 'manufacturer.email',
] as const;

const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? null : String(v).normalize('NFC').trim() || null));

const registerRecord = z.object({
  name: text,
  ocop_star: z.union([z.number(), z.string()]).nullish(),
  description: text,
  story: text,
  ocop_certificate_number: text,
  issued_on: text,
  expiry_date: text,
  images: z.union([z.array(z.string()), z.string()]).nullish(),
  manufacturer: z
    .object({ name: text, representative: text, address: text, phone_number: text, email: text })
    .partial()
    .nullish(),
});
type RegisterRecord = z.infer<typeof registerRecord>;

const MAX_RECORDS = 20_000;

function invalidFile(message: string, messageEn: string): AppError {
  return new AppError('INVALID_INPUT', message, { issues: [{ path: 'file', message, messageEn }] }, messageEn);
}

/** The records of a register file: a JSON array (or `{ data: [...] }`, as the API pages answer) or its CSV form. */
function readRegisterRecords(bytes: Buffer): unknown[] {
  const content = bytes.toString('utf8').replace(/^\uFEFF/u, '');
  const start = content.trimStart()[0];
  if (start === '[' || start === '{') {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      throw invalidFile('Tệp JSON của cổng OCOP quốc gia không đọc được (sai cú pháp JSON).', 'The register JSON file cannot be parsed.');
    }
    const records = Array.isArray(json) ? json : ((json as { data?: unknown; items?: unknown }).data ?? (json as { items?: unknown }).items);
    if (!Array.isArray(records)) throw invalidFile('Tệp JSON phải là một danh sách sản phẩm (hoặc có trường "data").', 'The JSON must be a list of products.');
    return records;
  }
  let rows: Array<Record<string, string>>;
  try {
    rows = parseCsv(content, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch {
    throw invalidFile('Tệp CSV của cổng OCOP quốc gia không đọc được.', 'The register CSV file cannot be parsed.');
  }
  if (rows.length > 0 && !('name' in rows[0]!) && !('manufacturer.name' in rows[0]!)) {
    throw invalidFile(`Tệp CSV không có các cột của cổng OCOP quốc gia (${REGISTER_CSV_COLUMNS.join(', ')}).`, 'The CSV lacks the register columns.');
  }
  return rows.map((row) => ({
    ...row,
    images: row.images ? row.images.split('|').map((s) => s.trim()).filter(Boolean) : [],
    manufacturer: {
      name: row['manufacturer.name'], representative: row['manufacturer.representative'], address: row['manufacturer.address'],
      phone_number: row['manufacturer.phone_number'], email: row['manufacturer.email'],
    },
  }));
}

/**
 * A register file as import rows (the same plan and commit as a province's own list follow). The register
 * has no decision number, product set or commune code: the certificate number stands for the decision,
 * the product set is picked by the user, the commune is read from the manufacturer's address.
 */
export function readNationalRegister(bytes: Buffer): ImportRow[] {
  const records = readRegisterRecords(bytes);
  if (records.length === 0) throw invalidFile('Tệp không có sản phẩm nào.', 'The file holds no products.');
  if (records.length > MAX_RECORDS) throw invalidFile(`Tệp có ${records.length} sản phẩm, quá giới hạn ${MAX_RECORDS}.`, `More than ${MAX_RECORDS} records.`);
  return records.map((raw, index) => toImportRow(index + 1, raw));
}

function toImportRow(rowNumber: number, raw: unknown): ImportRow {
  const issues: RowIssue[] = [];
  const problem = (field: RowIssue['field'], code: string, message: string, messageEn: string, severity: RowIssue['severity'] = 'error') =>
    issues.push({ rowNumber, column: field, field, severity, code, message, messageEn });
  const parsed = registerRecord.safeParse(raw);
  const record: RegisterRecord = parsed.success ? parsed.data : { name: null, ocop_star: null, description: null, story: null, ocop_certificate_number: null, issued_on: null, expiry_date: null, images: null, manufacturer: null };
  if (!parsed.success) problem(null, 'invalid_record', 'Bản ghi không đúng cấu trúc của cổng OCOP quốc gia.', 'The record does not have the register shape.');
  const maker = record.manufacturer ?? {};
  const name = maker.name ?? '';
  if (!name) problem('producerName', 'missing_producer', 'Thiếu tên chủ thể (manufacturer.name).', 'No manufacturer name.');
  if (!record.name) problem('productName', 'missing_product', 'Thiếu tên sản phẩm (name).', 'No product name.');
  const address = maker.address ?? null;
  const place = address ? parseAddress(address) : { commune: null, district: null, province: null };
  let phone: string | null = null;
  if (maker.phone_number) {
    const p = parsePhone(maker.phone_number);
    if (p.ok) phone = p.value;
    else problem('producerPhone', 'invalid_phone', p.message, p.messageEn, 'warning');
  }
  let email: string | null = null;
  if (maker.email) {
    const e = parseEmail(maker.email);
    if (e.ok) email = e.value;
    else problem('producerEmail', 'invalid_email', e.message, e.messageEn, 'warning');
  }
  const stars = record.ocop_star === null || record.ocop_star === undefined ? null : parseStars(record.ocop_star);
  if (stars && !stars.ok) problem('stars', 'invalid_stars', stars.message, stars.messageEn);
  const date = (value: string | null, field: 'decisionDate' | 'expiresOn') => {
    if (!value) return null;
    const d = parseLocalDate(value);
    if (d.ok) return d.value;
    problem(field, 'invalid_date', d.message, d.messageEn);
    return null;
  };
  const issuedOn = date(record.issued_on, 'decisionDate');
  const expiresOn = date(record.expiry_date, 'expiresOn');
  const number = record.ocop_certificate_number;
  return {
    rowNumber,
    producer: {
      name,
      taxCode: null,
      legalForm: name ? inferLegalForm(name) : null,
      address,
      phone,
      email,
      representativeName: maker.representative ?? null,
    },
    place: { commune: place.commune, district: place.district, province: place.province, columns: { commune: 'manufacturer.address', district: 'manufacturer.address', province: null } },
    product: record.name ? { name: record.name, productSetNumber: null, productCode: null, description: record.description } : null,
    certificate: stars?.ok ? { stars: stars.value, decisionNumber: number, decisionDate: issuedOn, certificateNumber: number, issuingBody: null, expiresOn } : null,
    issues,
  };
}

/** One product in the register's shape. Personal data (the representative, phone, e-mail) only when `personal`. */
export function toRegisterRecord(product: RegisterProduct, personal: boolean) {
  return {
    name: product.name,
    ocop_star: product.stars,
    description: product.description,
    story: product.story,
    ocop_certificate_number: product.certificateNumber,
    issued_on: product.issuedOn,
    expiry_date: product.expiresOn,
    images: product.images,
    manufacturer: {
      name: product.producerName,
      representative: personal ? product.representativeName : null,
      address: product.producerAddress,
      phone_number: personal ? product.phone : null,
      email: personal ? product.email : null,
    },
  };
}

// A cell starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet.
const safeCell = (value: string) => (/^[=+\-@\t\r]/u.test(value) ? `'${value}` : value);

export function registerCsv(records: ReadonlyArray<ReturnType<typeof toRegisterRecord>>): string {
  const rows = records.map((r) => [
    r.name, r.ocop_star, r.description, r.story, r.ocop_certificate_number, r.issued_on, r.expiry_date, r.images.join(' | '),
    r.manufacturer.name, r.manufacturer.representative, r.manufacturer.address, r.manufacturer.phone_number, r.manufacturer.email,
  ].map((v) => (typeof v === 'string' ? safeCell(v) : v)));
  return `\uFEFF${stringify(rows, { header: true, columns: [...REGISTER_CSV_COLUMNS], record_delimiter: 'windows' })}`;
}
