/** Vietnamese without diacritics, case kept ("Giấy chứng nhận Đạt" → "Giay chung nhan Dat"), as brandname SMS are sent. */
export function stripVietnameseDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * Vietnamese text folding for search: removes tone marks and other diacritics,
 * maps đ/Đ to d, lower-cases and collapses whitespace. "Thanh Hoá" and "thanh hóa"
 * (two accepted accent placements) fold to the same key "thanh hoa".
 * The SQL function vn_unaccent() (db/migrations) must fold the same way.
 */
export function foldVietnamese(text: string): string {
  return stripVietnameseDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
