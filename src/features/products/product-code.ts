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
