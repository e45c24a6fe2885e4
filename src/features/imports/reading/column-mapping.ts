import { foldVietnamese } from '../../../core/text.ts';
import { type ColumnMapping, type ImportField } from '../import-row.ts';
import type { TableColumn } from './table.ts';

/**
 * Headings of provincial OCOP lists, as officials write them, to the field they hold. Matched on the
 * folded heading (foldVietnamese: no diacritics, lower case), so "Mã số thuế", "MA SO THUE" and
 * "Ma so thue" are one heading. The order matters: the first rule that matches wins, so the specific
 * headings ("Địa chỉ chủ thể", "Số điện thoại", "Ngày hết hạn") come before the general ones
 * ("Chủ thể", "Ngày"). `exact` headings are the whole folded text; `contains` ones may sit inside a
 * longer heading such as "Giấy chứng nhận – Số QĐ".
 */
interface HeadingRule {
  field: ImportField;
  exact?: readonly string[];
  contains: readonly RegExp[];
}

const rules: readonly HeadingRule[] = [
  // A list of sales points: its own headings first, so "Địa chỉ điểm bán" is not the producer's address.
  { field: 'salesPointName', exact: ['ten diem ban', 'diem ban', 'ten cua hang', 'diem gioi thieu va ban san pham'], contains: [/\bten (diem ban|cua hang|diem gioi thieu)\b/, /^diem (ban|gioi thieu)( va ban)?( san pham)?( ocop)?$/] },
  { field: 'salesPointAddress', exact: ['dia chi diem ban', 'dia chi cua hang'], contains: [/\bdia chi (diem ban|cua hang|diem gioi thieu)\b/, /\bso nha\b/] },
  { field: 'salesPointOperator', exact: ['don vi quan ly', 'nguoi quan ly', 'chu diem ban'], contains: [/\b(don vi|nguoi) (quan ly|van hanh|phu trach)\b/, /\bchu (diem ban|cua hang)\b/] },
  { field: 'producerPhone', exact: ['sdt', 'dt', 'dien thoai', 'so dien thoai'], contains: [/\b(so )?dien thoai\b/, /\bsdt\b/, /\bso dt\b/, /\bdt lien he\b/] },
  { field: 'producerEmail', exact: ['email', 'e-mail', 'thu dien tu'], contains: [/\be-?mail\b/, /\bthu dien tu\b/] },
  { field: 'producerTaxCode', exact: ['mst', 'ma so thue'], contains: [/\bma so thue\b/, /\bmst\b/, /\bma so (doanh nghiep|dn|htx|hop tac xa)\b/, /\bma so dkkd\b/] },
  { field: 'producerRepresentative', exact: ['nguoi dai dien', 'dai dien'], contains: [/\bnguoi dai dien\b/, /\bdai dien (phap luat|theo phap luat)\b/, /\b(giam doc|chu ho|chu co so|chu nhiem)\b/] },
  { field: 'producerLegalForm', exact: ['loai hinh'], contains: [/\bloai hinh\b/, /\bhinh thuc to chuc\b/] },
  { field: 'producerAddress', exact: ['dia chi'], contains: [/\bdia chi\b/, /\btru so\b/] },
  { field: 'communeName', exact: ['xa', 'phuong', 'xa/phuong', 'xa, phuong', 'xa/phuong/thi tran'], contains: [/^(ten )?(xa|phuong|thi tran)( ?[/,] ?(xa|phuong|thi tran|dac khu))*$/, /\bcap xa\b/] },
  { field: 'districtName', exact: ['huyen', 'huyen/tp', 'huyen/thanh pho', 'huyen, thi xa, thanh pho'], contains: [/^(ten )?(huyen|quan|thi xa)( ?[/,] ?(huyen|quan|thi xa|tp|thanh pho))*$/, /\bcap huyen\b/] },
  { field: 'provinceName', exact: ['tinh', 'tinh/thanh pho', 'tinh/tp'], contains: [/^(ten )?tinh( ?[/,] ?(thanh pho|tp))?$/] },
  { field: 'expiresOn', exact: ['hieu luc den', 'ngay het han', 'het han'], contains: [/\bhieu luc (den|toi)\b/, /\b(ngay )?het han\b/, /\bthoi han (hieu luc|giay chung nhan|gcn)?\b/, /\bco gia tri den\b/] },
  { field: 'decisionDate', exact: ['ngay qd', 'ngay cap', 'ngay quyet dinh', 'ngay cong nhan'], contains: [/\bngay (qd|quyet dinh|cap|cong nhan|ban hanh)\b/, /\bngay, thang, nam\b/, /^ngay$/] },
  { field: 'certificateNumber', exact: ['so gcn', 'so giay chung nhan'], contains: [/\bso (gcn|giay chung nhan|chung nhan)\b/, /\bma gcn\b/] },
  { field: 'issuingBody', exact: ['co quan cap', 'cap cong nhan'], contains: [/\bco quan (cap|cong nhan|ban hanh)\b/, /\bdon vi cap\b/, /\bcap (cong nhan|quyet dinh)\b/, /\bnoi cap\b/] },
  { field: 'decisionNumber', exact: ['so qd', 'quyet dinh', 'so quyet dinh'], contains: [/\bso (qd|quyet dinh)\b/, /\bquyet dinh( cong nhan| so)?\b/, /^qd\b/, /\bqd cong nhan\b/] },
  { field: 'stars', exact: ['so sao', 'hang sao', 'xep hang', 'hang', 'sao'], contains: [/\b(so|hang) sao\b/, /\bxep hang\b/, /\bphan hang\b/, /\bket qua (danh gia|xep hang|phan hang)\b/, /\bsao\b/] },
  { field: 'productCode', exact: ['ma san pham', 'ma sp', 'ma so san pham'], contains: [/\bma (so )?(san pham|sp)\b/, /\bma ocop\b/] },
  { field: 'productSet', exact: ['bo san pham', 'nhom san pham', 'nganh hang'], contains: [/\b(bo|nhom|phan nhom|nganh|loai) (san pham|sp|hang)\b/, /\bnganh hang\b/] },
  { field: 'productDescription', exact: ['mo ta', 'ghi chu san pham'], contains: [/\bmo ta\b/, /\bquy cach\b/] },
  { field: 'productName', exact: ['ten san pham', 'san pham', 'ten sp'], contains: [/\bten (san pham|sp)\b/, /^san pham( ocop)?$/, /\bsan pham ocop\b/] },
  {
    field: 'producerName',
    exact: ['chu the', 'ten chu the', 'chu the san xuat', 'ten htx/doanh nghiep', 'don vi san xuat'],
    contains: [/\bchu the\b/, /\bten (htx|hop tac xa|doanh nghiep|dn|co so|don vi|to chuc)\b/, /\b(co so|don vi|to chuc) san xuat\b/, /^(htx|hop tac xa)( ?\/ ?(doanh nghiep|dn|cong ty|ho kinh doanh))+$/],
  },
];

/** The STT (số thứ tự) column: it is a heading, but no field. */
const rowNumberHeading = /^(stt|tt|so tt|so thu tu)$/;

function foldHeading(heading: string): string {
  return foldVietnamese(heading).replace(/[.:*()]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The field a heading names, and how sure: 2 for a whole known heading, 1 for one inside a longer one. */
export function matchHeading(heading: string): { field: ImportField; score: 1 | 2 } | null {
  const folded = foldHeading(heading);
  if (!folded) return null;
  for (const rule of rules) {
    if (rule.exact?.includes(folded)) return { field: rule.field, score: 2 };
  }
  for (const rule of rules) {
    if (rule.contains.some((pattern) => pattern.test(folded))) return { field: rule.field, score: 1 };
  }
  return null;
}

/** True for a cell that reads like a heading of an OCOP list (a field's heading or "STT"). */
export function isKnownHeading(text: string): boolean {
  // "4 sao", "3★" are values, not the "Sao" heading.
  if (/^\d/.test(text.trim())) return false;
  return rowNumberHeading.test(foldHeading(text)) || matchHeading(text) !== null;
}

/**
 * Which column holds which field, from the headings. A column gives at most one field and a field
 * comes from at most one column; whole known headings beat partial ones, then the leftmost wins.
 * Hidden columns are used only for a field no visible column gives (an official who hides the old
 * "Số QĐ" column next to the corrected one means the visible one).
 */
export function guessMapping(columns: readonly TableColumn[]): ColumnMapping {
  const candidates = columns.flatMap((column) => {
    const match = matchHeading(column.heading);
    return match ? [{ column, ...match }] : [];
  });
  candidates.sort((a, b) => Number(a.column.hidden) - Number(b.column.hidden) || b.score - a.score || a.column.index - b.column.index);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const { column, field } of candidates) {
    if (mapping[field] !== undefined || used.has(column.index)) continue;
    mapping[field] = column.index;
    used.add(column.index);
  }
  return mapping;
}

export const importFieldLabels: Record<ImportField, { vi: string; en: string }> = {
  producerName: { vi: 'Tên chủ thể', en: 'Producer name' },
  producerTaxCode: { vi: 'Mã số thuế', en: 'Tax code' },
  producerLegalForm: { vi: 'Loại hình chủ thể', en: 'Legal form' },
  producerAddress: { vi: 'Địa chỉ', en: 'Address' },
  producerPhone: { vi: 'Số điện thoại', en: 'Phone' },
  producerEmail: { vi: 'Thư điện tử', en: 'E-mail' },
  producerRepresentative: { vi: 'Người đại diện', en: 'Representative' },
  communeName: { vi: 'Xã/phường', en: 'Commune' },
  districtName: { vi: 'Huyện', en: 'District' },
  provinceName: { vi: 'Tỉnh', en: 'Province' },
  productName: { vi: 'Tên sản phẩm', en: 'Product name' },
  productSet: { vi: 'Bộ sản phẩm', en: 'Product set' },
  productCode: { vi: 'Mã sản phẩm', en: 'Product code' },
  productDescription: { vi: 'Mô tả sản phẩm', en: 'Product description' },
  stars: { vi: 'Hạng sao', en: 'Stars' },
  decisionNumber: { vi: 'Số quyết định công nhận', en: 'Decision number' },
  decisionDate: { vi: 'Ngày quyết định', en: 'Decision date' },
  certificateNumber: { vi: 'Số giấy chứng nhận', en: 'Certificate number' },
  issuingBody: { vi: 'Cơ quan cấp', en: 'Issuing body' },
  expiresOn: { vi: 'Ngày hết hạn', en: 'Expiry date' },
  salesPointName: { vi: 'Tên điểm bán', en: 'Sales point' },
  salesPointAddress: { vi: 'Địa chỉ điểm bán', en: 'Sales point address' },
  salesPointOperator: { vi: 'Đơn vị quản lý điểm bán', en: 'Sales point operator' },
};
