/**
 * A read table and its column mapping → ImportRow (../import-row.ts): each row's values parsed and
 * every problem of its cells reported at once, with the row number and column letter the official
 * sees. Nothing here looks at the database: units and producers are matched by the plan.
 */
import { addDays, daysBetween, localDateParts, type LocalDate } from '../../../core/clock/index.ts';
import { foldVietnamese } from '../../../core/text.ts';
import { parseTaxCode } from '../../producers/index.ts';
import { findClassification } from '../../rule-sets/index.ts';
import type { ColumnMapping, ImportField, ImportRow, RowIssue } from '../import-row.ts';
import { importFieldLabels } from './column-mapping.ts';
import type { CellValue, ReadTable, TableRow } from './read-table.ts';
import { columnLetter } from './read-table.ts';
import { inferLegalForm, normalizeUnitName, parseAddress, parseEmail, parseLocalDate, parsePhone, parseProductCode, parseStars, producerMatchKey, quoted, type Parsed } from './values.ts';

/** QĐ 26/2026 Điều 6 (and 148/2023 before it): a certificate is valid for 36 months from the decision. */
const CERTIFICATE_MONTHS = 36;

const taxCodeMessages: Record<string, { vi: string; en: string }> = {
  format: { vi: 'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số cho đơn vị phụ thuộc; hộ kinh doanh có thể dùng số định danh 12 chữ số.', en: 'A tax code has 10 digits, or 13 for a branch; a household may use its 12-digit personal ID.' },
  check_digit: { vi: 'Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp.', en: 'Invalid tax code: the check digit (10th digit) does not match.' },
  zero_sequence: { vi: 'Mã số thuế không đúng: chữ số thứ 3 đến thứ 9 không thể đều bằng 0.', en: 'Invalid tax code: digits 3 to 9 cannot all be zero.' },
  zero_branch: { vi: 'Mã số thuế không đúng: ba số của đơn vị phụ thuộc phải từ 001 đến 999.', en: 'Invalid tax code: the branch number must be 001 to 999.' },
};

function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = localDateParts(date);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

const formatDate = (date: LocalDate) => {
  const { year, month, day } = localDateParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
};

let productSetNames: Array<{ number: number; key: string }> | null = null;
function productSetByName(text: string): number | null {
  productSetNames ??= (() => {
    const classification = findClassification('26-2026');
    const sets: Array<{ number: number; key: string }> = [];
    for (const sector of classification?.sectors ?? []) {
      for (const group of sector.groups) {
        if (group.productSet) sets.push({ number: group.productSet.number, key: foldVietnamese(group.productSet.name) });
        for (const subgroup of group.subgroups) sets.push({ number: subgroup.productSet.number, key: foldVietnamese(subgroup.productSet.name) });
      }
    }
    return sets;
  })();
  const key = foldVietnamese(text);
  return productSetNames.find((set) => set.key === key)?.number ?? null;
}

/** "11", 11, "Bộ 11", "11 - Chè tươi, chè chế biến", or the set's name (QĐ 26/2026 Phụ lục I). */
function parseProductSet(value: CellValue): Parsed<number> {
  const text = String(value).trim();
  const number = typeof value === 'number' ? value : Number(/^(?:bo(?: san pham)?\s*(?:so)?\s*)?(\d{1,2})(?:\s*[.:\-–)]|\s|$)/.exec(foldVietnamese(text))?.[1] ?? NaN);
  const found = Number.isInteger(number) && number >= 1 && number <= 26 ? number : productSetByName(text);
  if (found === null) {
    return {
      ok: false,
      code: 'unknown_product_set',
      message: `“${quoted(text)}” không phải một trong 26 bộ sản phẩm (QĐ 26/2026 Phụ lục I); ghi số bộ 1–26 hoặc đúng tên bộ.`,
      messageEn: `"${quoted(text)}" is not one of the 26 product sets (QĐ 26/2026 Annex I); write 1–26 or the set's name.`,
    };
  }
  return { ok: true, value: found };
}

const isEmpty = (value: CellValue | undefined): value is null | undefined => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

function asText(value: CellValue): string {
  if (value instanceof Date) return formatDate(`${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}-${String(value.getUTCDate()).padStart(2, '0')}`);
  return String(value).trim();
}

const sameUnit = (a: string, b: string) => {
  const strip = (s: string) => foldVietnamese(normalizeUnitName(s).name).replace(/^(xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho|tinh) /, '');
  return strip(a) === strip(b);
};

function toImportRow(row: TableRow, mapping: ColumnMapping): ImportRow {
  const issues: RowIssue[] = [];
  const letterOf = (field: ImportField) => (mapping[field] === undefined ? null : columnLetter(mapping[field]!));
  const cell = (field: ImportField): CellValue => (mapping[field] === undefined ? null : (row.cells[mapping[field]!] ?? null));
  const text = (field: ImportField): string | null => {
    const value = cell(field);
    return isEmpty(value) ? null : asText(value);
  };
  const issue = (field: ImportField | null, severity: RowIssue['severity'], code: string, message: string, messageEn: string) => {
    const label = field ? importFieldLabels[field] : null;
    issues.push({
      rowNumber: row.rowNumber,
      column: field ? letterOf(field) : null,
      field,
      severity,
      code,
      message: label ? `${label.vi}: ${message}` : message,
      messageEn: label ? `${label.en}: ${messageEn}` : messageEn,
    });
  };
  const parse = <T>(field: ImportField, parser: (value: CellValue) => Parsed<T>, severity: RowIssue['severity'] = 'error'): T | null => {
    const value = cell(field);
    if (isEmpty(value)) return null;
    const parsed = parser(value);
    if (!parsed.ok) {
      issue(field, severity, parsed.code, parsed.message, parsed.messageEn);
      return null;
    }
    if (parsed.warning) issue(field, 'warning', `${field}_note`, parsed.warning.message, parsed.warning.messageEn);
    return parsed.value;
  };

  // A list of sales points names no producer: its rows are points of sale at an address.
  const isSalesPointList = mapping.salesPointName !== undefined && mapping.producerName === undefined;
  const salesPointName = text('salesPointName');
  if (isSalesPointList && !salesPointName) issue('salesPointName', 'error', 'missing_sales_point_name', 'không được để trống.', 'is required.');

  // Producer
  const name = text('producerName') ?? '';
  if (!name && !isSalesPointList) issue('producerName', 'error', 'missing_producer_name', 'không được để trống.', 'is required.');
  let taxCode: string | null = null;
  const rawTax = cell('producerTaxCode');
  if (!isEmpty(rawTax)) {
    // A tax code typed as a number lost its leading 0 (0100109106 → 100109106).
    const written = typeof rawTax === 'number' && String(rawTax).length === 9 ? `0${rawTax}` : asText(rawTax);
    const parsed = parseTaxCode(written);
    if (parsed.ok) taxCode = parsed.value;
    else {
      const message = taxCodeMessages[parsed.problem]!;
      issue('producerTaxCode', 'error', parsed.problem === 'check_digit' ? 'tax_code_check_digit' : 'invalid_tax_code', `“${quoted(written)}”: ${message.vi}`, `"${quoted(written)}": ${message.en}`);
    }
  }
  const givenForm = text('producerLegalForm');
  const legalForm = inferLegalForm(name, givenForm);
  if (givenForm && inferLegalForm('', givenForm) === null) {
    issue('producerLegalForm', 'warning', 'unknown_legal_form', `“${quoted(givenForm)}” không phải loại hình đã biết (HTX, tổ hợp tác, doanh nghiệp, hộ kinh doanh, trang trại, hội); loại hình suy từ tên.`, `"${quoted(givenForm)}" is not a known legal form; inferred from the name.`);
  }
  // A sales point's own address column gives its place when the list has no producer address.
  const addressField: ImportField = isSalesPointList && mapping.producerAddress === undefined ? 'salesPointAddress' : 'producerAddress';
  const address = text(addressField);
  const phone = parse('producerPhone', parsePhone, 'warning');
  const email = parse('producerEmail', parseEmail, 'warning');

  // Place: the address first, then the unit columns, then the group row above.
  const fromAddress = address ? parseAddress(address) : { commune: null, district: null, province: null };
  const unitColumn = (field: 'communeName' | 'districtName' | 'provinceName') => {
    const value = text(field);
    return value ? normalizeUnitName(value).name : null;
  };
  const communeColumn = unitColumn('communeName');
  const districtColumn = unitColumn('districtName');
  const provinceColumn = unitColumn('provinceName');
  const groupDistrict = row.group ? normalizeUnitName(row.group).name : null;
  const place: ImportRow['place'] = { commune: null, district: null, province: null, columns: { commune: null, district: null, province: null } };
  const pick = (level: 'commune' | 'district' | 'province', fromAddressValue: string | null, column: string | null, field: ImportField, fallback: string | null = null) => {
    if (fromAddressValue) {
      place[level] = fromAddressValue;
      place.columns[level] = letterOf(addressField);
      if (column && !sameUnit(column, fromAddressValue)) {
        issue(field, 'warning', 'address_unit_mismatch', `“${quoted(column)}” khác với địa chỉ (“${quoted(fromAddressValue)}”); lấy theo địa chỉ.`, `"${quoted(column)}" differs from the address ("${quoted(fromAddressValue)}"); the address is used.`);
      }
    } else if (column) {
      place[level] = column;
      place.columns[level] = letterOf(field);
    } else if (fallback) {
      place[level] = fallback;
    }
  };
  pick('commune', fromAddress.commune, communeColumn, 'communeName');
  pick('district', fromAddress.district, districtColumn, 'districtName', groupDistrict);
  pick('province', fromAddress.province, provinceColumn, 'provinceName');
  if (groupDistrict && place.district && place.district !== groupDistrict && !sameUnit(place.district, groupDistrict)) {
    issue(place.columns.district === letterOf('districtName') ? 'districtName' : 'producerAddress', 'warning', 'group_district_mismatch', `Dòng nằm trong nhóm “${row.group}” nhưng ghi ${place.district}.`, `The row is under the group "${row.group}" but names ${place.district}.`);
  }
  // An address column holding only a name ("Mường Tè") names the commune; the plan resolves it, and
  // reports a row whose commune is still missing, naming the cell.
  if (!place.commune && address && !/[,;\-–]/u.test(address) && address.length <= 40) {
    place.commune = address;
    place.columns.commune = letterOf(addressField);
  }

  // Product
  const productName = text('productName');
  const productSetNumber = parse('productSet', parseProductSet, 'warning');
  const productCode = parse('productCode', parseProductCode, 'warning');
  const description = text('productDescription');
  const product: ImportRow['product'] = productName ? { name: productName, productSetNumber, productCode: productCode?.text ?? null, description } : null;

  // Certificate
  const starsCell = cell('stars');
  const decisionNumber = text('decisionNumber');
  let certificate: ImportRow['certificate'] = null;
  if (!isEmpty(starsCell) || decisionNumber) {
    if (!productName) issue('productName', 'error', 'missing_product_name', 'không được để trống khi dòng có hạng sao hoặc quyết định.', 'is required when the row has stars or a decision.');
    const stars = parse('stars', parseStars);
    if (isEmpty(starsCell)) issue('stars', 'error', 'missing_stars', 'dòng có quyết định công nhận nhưng không ghi hạng sao.', 'the row has a decision but no star rating.');
    const decisionDate = parse('decisionDate', parseLocalDate);
    const expiresOn = parse('expiresOn', parseLocalDate);
    if (decisionDate && expiresOn) {
      const expected = addMonths(decisionDate, CERTIFICATE_MONTHS);
      if (daysBetween(decisionDate, expiresOn) <= 0) {
        issue('expiresOn', 'error', 'expiry_before_decision', `ngày hết hạn ${formatDate(expiresOn)} không sau ngày quyết định ${formatDate(decisionDate)}.`, `the expiry ${expiresOn} is not after the decision date ${decisionDate}.`);
      } else if (expiresOn !== expected && expiresOn !== addDays(expected, -1)) {
        issue(
          'expiresOn',
          'warning',
          'expiry_not_36_months',
          `ngày hết hạn ghi ${formatDate(expiresOn)}, nhưng 36 tháng sau ngày quyết định ${formatDate(decisionDate)} là ${formatDate(expected)}; giữ ngày ghi trong danh sách.`,
          `the printed expiry ${expiresOn} is not 36 months after the decision date ${decisionDate} (${expected}); the printed one is kept.`,
        );
      }
    }
    if (stars !== null) {
      certificate = { stars, decisionNumber, decisionDate, certificateNumber: text('certificateNumber'), issuingBody: text('issuingBody'), expiresOn };
    }
  }

  return {
    rowNumber: row.rowNumber,
    producer: { name, taxCode, legalForm, address: isSalesPointList ? null : address, phone, email, representativeName: text('producerRepresentative') },
    place,
    product,
    certificate,
    salesPoint: salesPointName ? { name: salesPointName, streetAddress: address, operatorName: text('salesPointOperator'), phone } : null,
    issues,
  };
}

/** Every data row of the table as an ImportRow, with its problems and those of duplicates in the file. */
export function toImportRows(table: ReadTable, mapping: ColumnMapping): ImportRow[] {
  const rows = table.rows.map((row) => toImportRow(row, mapping));
  const duplicates = findFileDuplicates(rows);
  const byRow = new Map(rows.map((row) => [row.rowNumber, row]));
  for (const issue of duplicates) byRow.get(issue.rowNumber)?.issues.push(issue);
  return rows;
}

/**
 * Rows of one file that repeat an earlier row: the same values everywhere (error: importing both
 * would record the product twice), or the same product of the same producer written differently
 * ("HTX Chè Tam Đường" / "Hợp tác xã chè Tam Đường": warning, the official decides). The issue goes
 * on the later row and names the earlier one. Does not modify the rows.
 */
export function findFileDuplicates(rows: readonly ImportRow[]): RowIssue[] {
  const issues: RowIssue[] = [];
  const exact = new Map<string, number>();
  const near = new Map<string, number>();
  for (const row of rows) {
    if (!row.producer.name && !row.product) continue;
    const { rowNumber: _rowNumber, issues: _issues, place, ...values } = row;
    const exactKey = JSON.stringify({ ...values, place: { commune: place.commune, district: place.district, province: place.province } });
    const earlier = exact.get(exactKey);
    if (earlier !== undefined) {
      issues.push({
        rowNumber: row.rowNumber,
        column: null,
        field: null,
        severity: 'error',
        code: 'duplicate_row',
        message: `Dòng ${row.rowNumber} lặp lại y hệt dòng ${earlier}; bỏ một trong hai dòng.`,
        messageEn: `Row ${row.rowNumber} repeats row ${earlier} exactly; remove one of them.`,
      });
      continue;
    }
    exact.set(exactKey, row.rowNumber);
    if (!row.product || !row.producer.name) continue;
    const nearKey = `${producerMatchKey(row.producer.name)}|${foldVietnamese(row.product.name)}`;
    const similar = near.get(nearKey);
    if (similar !== undefined) {
      issues.push({
        rowNumber: row.rowNumber,
        column: null,
        field: null,
        severity: 'warning',
        code: 'possible_duplicate',
        message: `Dòng ${row.rowNumber} có vẻ trùng dòng ${similar}: cùng sản phẩm “${row.product.name}” của cùng chủ thể (tên viết khác). Kiểm tra trước khi nhập.`,
        messageEn: `Row ${row.rowNumber} looks like row ${similar}: the same product "${row.product.name}" of the same producer, written differently.`,
      });
    } else near.set(nearKey, row.rowNumber);
  }
  return issues;
}
