import { unitMeetsScope, type Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { findUnit } from './admin-units.repository.ts';
import { CURRENT_UNITS_VERSION } from './current-version.ts';

/**
 * The province and commune a list, report or figure query names, checked against the caller's scope
 * (issue 16, finding 5): a unit outside it — or a commune that is not in the named province, or not in
 * the list of units — answers 404 like a missing record, never an empty answer or the caller's own unit
 * in its place. A commune alone is placed in its province. Nothing named: nothing to check.
 */
export async function checkUnitInScope(
  sql: Sql,
  actor: Actor,
  asked: { provinceCode?: string | null | undefined; communeCode?: string | null | undefined },
): Promise<{ provinceCode: string | null; communeCode: string | null }> {
  let provinceCode = asked.provinceCode ?? null;
  const communeCode = asked.communeCode ?? null;
  if (communeCode) {
    const commune = await findUnit(sql, CURRENT_UNITS_VERSION, 'commune', communeCode);
    if (!commune || (provinceCode !== null && commune.provinceCode !== provinceCode)) throw notFound('Đơn vị hành chính');
    provinceCode = commune.provinceCode;
  }
  if (provinceCode !== null && !unitMeetsScope(actor, { provinceCode, communeCode })) throw notFound('Đơn vị hành chính');
  return { provinceCode, communeCode };
}
