import type { Actor } from '../../core/auth/actor.ts';
import { localDateParts, today } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { forbidden, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { CURRENT_UNITS_VERSION, findUnit, resolveUnit, type ResolvedUnit } from '../admin-units/index.ts';
import { canReadUnitTraining, defaultUnit, trainingVisibility, type Unit } from './training.policy.ts';
import * as repository from './training.repository.ts';
import type { Coverage } from './training.schemas.ts';

/** Percent with one decimal, as reports print it; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** Coverage of a unit in a year, without any access check (for plans and reports, which check their own). */
export async function computeTrainingCoverage(sql: Sql, unit: Unit, year: number): Promise<Omit<Coverage, 'unitName'>> {
  const counts = await repository.computeCoverage(sql, unit, year);
  return {
    provinceCode: unit.provinceCode,
    communeCode: unit.communeCode,
    year,
    ...counts,
    producers: { ...counts.producers, percent: percentOf(counts.producers.trained, counts.producers.total) },
  };
}

/**
 * The unit and year a coverage or report request is about, checked: the unit asked for (or the actor's
 * own), in the list of units, within the actor's scope (otherwise it answers like a missing one).
 */
export async function resolveReportUnit(
  ctx: AppContext,
  actor: Actor,
  query: { province?: string | undefined; commune?: string | undefined; year?: number | undefined },
): Promise<{ unit: ResolvedUnit; year: number }> {
  if (!trainingVisibility(actor)) throw forbidden();
  // A commune named without its province is placed in it, never dropped for the caller's own unit (issue 16, finding 5).
  let provinceCode = query.province;
  if (!provinceCode && query.commune) {
    const commune = await findUnit(ctx.db.pool, CURRENT_UNITS_VERSION, 'commune', query.commune);
    if (!commune) throw invalidInput([{ path: 'querystring.commune', message: 'Xã/phường không có trong danh mục hiện hành.', messageEn: 'Unknown commune.' }]);
    provinceCode = commune.provinceCode;
  }
  const asked = provinceCode ? { provinceCode, communeCode: query.commune ?? null } : defaultUnit(actor);
  if (!asked) {
    throw invalidInput([{ path: 'querystring.province', message: 'Chọn tỉnh (và xã nếu cần) để xem số liệu.', messageEn: 'Choose a province.' }]);
  }
  const { unit, issues } = await resolveUnit(ctx.db.pool, asked.provinceCode, asked.communeCode, { province: 'querystring.province', commune: 'querystring.commune' });
  if (!unit) throw invalidInput(issues);
  if (!canReadUnitTraining(actor, unit)) throw notFound('Đơn vị');
  return { unit, year: query.year ?? localDateParts(today(ctx.clock)).year };
}

export async function getTrainingCoverage(
  ctx: AppContext,
  actor: Actor,
  query: { province?: string | undefined; commune?: string | undefined; year?: number | undefined },
): Promise<Coverage> {
  const { unit, year } = await resolveReportUnit(ctx, actor, query);
  return { ...(await computeTrainingCoverage(ctx.db.pool, unit, year)), unitName: unit.name };
}
