/**
 * The numbers written on a dossier and its product. Pure formatting; the sequences live in the database.
 */

/** Mẫu 01 (QĐ 26/2026): "Số: ……/PĐK-(Mã tỉnh)-(Mã xã)-(Năm)", e.g. 007/PĐK-12-03595-2026. */
export function formatFormNumber(parts: { number: number; provinceCode: string; communeCode: string; year: number }): string {
  return `${String(parts.number).padStart(3, '0')}/PĐK-${parts.provinceCode}-${parts.communeCode}-${parts.year}`;
}

/**
 * The product code of a rule set, or null when the rule set's format is not known. QĐ 26/2026 (Phụ lục,
 * header of the score sheet): (T)-(X)-(STT)-YYYY = province code, commune code (QĐ 19/2025/QĐ-TTg), the
 * commune's sequence number, year. Earlier regimes used district codes (e.g. 83-832-28882-2-2022), which
 * no longer exist, so no new code is made in their format.
 */
export function formatProductCode(parts: { ruleSetId: string; number: number; provinceCode: string; communeCode: string; year: number }): string | null {
  switch (parts.ruleSetId) {
    case '26-2026':
      return `${parts.provinceCode}-${parts.communeCode}-${parts.number}-${parts.year}`;
    default:
      return null;
  }
}
