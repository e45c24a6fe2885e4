import type { Actor } from '../../core/auth/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';

/**
 * Who brings a province's earlier records in (issue 12): its provincial OCOP office, or a ministry
 * officer for any province. Returns the province the import is for.
 */
export function importProvinceOf(actor: Actor, requested: string | null | undefined): string {
  if (actor.role === 'province_office' && actor.provinceCode) {
    if (requested && requested !== actor.provinceCode) throw forbidden('Văn phòng OCOP tỉnh chỉ nhập dữ liệu của tỉnh mình.');
    return actor.provinceCode;
  }
  if (actor.role === 'ministry_officer' || actor.role === 'system_admin') {
    if (!requested) throw forbidden('Hãy chọn tỉnh/thành phố của danh sách nhập.');
    return requested;
  }
  throw forbidden('Chỉ Văn phòng OCOP tỉnh hoặc cán bộ Bộ được nhập dữ liệu.');
}

/**
 * The province whose import records (saved mappings, the national-register export) are read: as for an
 * import, but another province's records answer 404 like missing ones (issue 16, finding 5).
 */
export function importReadProvinceOf(actor: Actor, requested: string | null | undefined): string {
  if (actor.role === 'province_office' && actor.provinceCode && requested && requested !== actor.provinceCode) throw notFound('Đơn vị hành chính');
  return importProvinceOf(actor, requested);
}

/** Who reads the import batches of a province: the same people. */
export function importVisibility(actor: Actor): { provinceCode: string | null } | null {
  if (actor.role === 'province_office' && actor.provinceCode) return { provinceCode: actor.provinceCode };
  if (actor.role === 'ministry_officer' || actor.role === 'system_admin') return { provinceCode: null };
  return null;
}
