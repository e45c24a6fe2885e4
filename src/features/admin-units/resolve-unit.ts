import type { Sql } from '../../core/db/database.ts';
import type { FieldIssue } from '../../core/errors.ts';
import { findUnit } from './admin-units.repository.ts';
import { CURRENT_UNITS_VERSION } from './current-version.ts';

export interface ResolvedUnit {
  provinceCode: string;
  communeCode: string | null;
  level: 'province' | 'commune';
  /** "Xã Than Uyên, Tỉnh Lai Châu" or "Tỉnh Lai Châu" */
  name: string;
}

/**
 * A province, or a commune of that province, in the list of units in force (a user's scope, the
 * organiser of a training, plan or fair, a sales point). Problems come back as field issues (named by `paths`) to report with the others.
 */
export async function resolveUnit(
  sql: Sql,
  provinceCode: string,
  communeCode: string | null | undefined,
  paths: { province: string; commune: string } = { province: 'provinceCode', commune: 'communeCode' },
): Promise<{ unit: ResolvedUnit | null; issues: FieldIssue[] }> {
  const province = await findUnit(sql, CURRENT_UNITS_VERSION, 'province', provinceCode);
  if (!province) return { unit: null, issues: [{ path: paths.province, message: 'Tỉnh/thành phố không có trong danh mục hiện hành.', messageEn: 'Unknown province.' }] };
  if (!communeCode) return { unit: { provinceCode, communeCode: null, level: 'province', name: province.fullName }, issues: [] };
  const commune = await findUnit(sql, CURRENT_UNITS_VERSION, 'commune', communeCode);
  if (!commune || commune.provinceCode !== provinceCode) {
    return { unit: null, issues: [{ path: paths.commune, message: 'Xã/phường không thuộc tỉnh đã chọn trong danh mục hiện hành.', messageEn: 'Unknown commune in that province.' }] };
  }
  return { unit: { provinceCode, communeCode, level: 'commune', name: `${commune.fullName}, ${province.fullName}` }, issues: [] };
}
