/**
 * The number written on a dossier (the product's code: products/product-code.ts). Pure formatting; the sequences live in the database.
 */

/** Mẫu 01 (QĐ 26/2026): "Số: ……/PĐK-(Mã tỉnh)-(Mã xã)-(Năm)", e.g. 007/PĐK-12-03595-2026. */
export function formatFormNumber(parts: { number: number; provinceCode: string; communeCode: string; year: number }): string {
  return `${String(parts.number).padStart(3, '0')}/PĐK-${parts.provinceCode}-${parts.communeCode}-${parts.year}`;
}
