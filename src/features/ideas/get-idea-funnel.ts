import type { Actor } from '../../core/auth/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { CURRENT_UNITS_VERSION, findUnit } from '../admin-units/index.ts';
import { canViewFunnel, ideaVisibility } from './ideas.policy.ts';
import * as repository from './ideas.repository.ts';
import type { Funnel } from './ideas.schemas.ts';

/**
 * Funnel counts of one year for a unit: registered → appraised → approved (the figures provincial
 * reports publish, e.g. Hà Tĩnh 2020: 180 → 159 → 120). Without a unit, the caller's own: a commune
 * officer's commune, a province's office its province, the ministry the whole country. A unit outside
 * the caller's scope answers 404 like an unknown one.
 */
export async function getIdeaFunnel(
  ctx: AppContext,
  actor: Actor,
  query: { year: number; province?: string; commune?: string },
): Promise<Funnel> {
  if (!canViewFunnel(actor)) throw forbidden('Chủ thể xem ý tưởng của mình trong danh sách ý tưởng.');
  const scope = ideaVisibility(actor);
  let provinceCode = query.province ?? scope.provinceCode;
  let communeCode = query.commune ?? scope.communeCode;
  let communeName: string | null = null;
  if (communeCode) {
    const commune = await findUnit(ctx.db.pool, CURRENT_UNITS_VERSION, 'commune', communeCode);
    if (!commune || (provinceCode && commune.provinceCode !== provinceCode)) throw notFound('Đơn vị hành chính');
    provinceCode = commune.provinceCode;
    communeName = commune.fullName;
  }
  const outOfScope =
    (scope.provinceCode !== null && provinceCode !== scope.provinceCode) || (scope.communeCode !== null && communeCode !== scope.communeCode);
  if (outOfScope) throw notFound('Đơn vị hành chính');
  let provinceName: string | null = null;
  if (provinceCode) {
    const province = await findUnit(ctx.db.pool, CURRENT_UNITS_VERSION, 'province', provinceCode);
    if (!province) throw notFound('Đơn vị hành chính');
    provinceName = province.fullName;
  } else {
    communeCode = null;
  }
  const counts = await repository.countIdeaFunnel(ctx.db.pool, { year: query.year, provinceCode: provinceCode ?? null, communeCode: communeCode ?? null });
  return { year: query.year, provinceCode: provinceCode ?? null, provinceName, communeCode: communeCode ?? null, communeName, ...counts };
}
