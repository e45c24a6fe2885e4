import type { Actor } from '../../core/auth/actor.ts';
import { forbidden } from '../../core/errors.ts';

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

/** Who reads the import batches of a province: the same people. */
export function importVisibility(actor: Actor): { provinceCode: string | null } | null {
  if (actor.role === 'province_office' && actor.provinceCode) return { provinceCode: actor.provinceCode };
  if (actor.role === 'ministry_officer' || actor.role === 'system_admin') return { provinceCode: null };
  return null;
}
