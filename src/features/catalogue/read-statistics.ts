/**
 * The public statistics page: OCOP products by star, by province (or a province's communes) and by
 * year of first recognition, cumulative since the programme's first recognitions in 2019, as the
 * catalogue lists them today.
 */
import { localDateParts, today, type LocalDate } from '../../core/clock/index.ts';
import type { AppContext } from '../../core/http/types.ts';
import * as catalogue from './catalogue.repository.ts';
import * as repository from './statistics.repository.ts';

/** The national programme's first recognitions (QĐ 1048/QĐ-TTg 2019). */
export const FIRST_STATISTICS_YEAR = 2019;

export interface UnitStatistics {
  code: string;
  name: string;
  products: number;
  inForce: number;
  stars3: number;
  stars4: number;
  stars5: number;
}

export interface PublicStatistics {
  day: LocalDate;
  /** Null for the nation; the province whose communes are counted otherwise. */
  province: catalogue.Unit | null;
  total: number;
  inForce: number;
  byStar: Array<{ stars: 3 | 4 | 5; products: number; inForce: number }>;
  /** From 2019 to this year; `before` holds products first recognised earlier (imported records), when any. */
  byYear: { before: number; years: Array<{ year: number; products: number; cumulative: number }> };
  /** The nation: every province of today's list. A province: its communes with products. Most products first. */
  units: UnitStatistics[];
}

/** Null when `provinceCode` names no province of today's list. */
export async function readPublicStatistics(ctx: AppContext, provinceCode?: string): Promise<PublicStatistics | null> {
  const day = today(ctx.clock);
  const sql = ctx.db.pool;
  const province = provinceCode ? await catalogue.findCurrentUnit(sql, 'province', provinceCode) : null;
  if (provinceCode && !province) return null;
  const scope = province?.code ?? null;
  const [counts, firstYears, units] = await Promise.all([
    repository.countListedByUnitAndStar(sql, day, scope),
    repository.countListedByFirstYear(sql, day, scope),
    scope ? catalogue.listCommunesWithProducts(sql, scope, day) : catalogue.listProvinces(sql, day),
  ]);
  const byStar = ([3, 4, 5] as const).map((stars) => {
    const rows = counts.filter((row) => row.stars === stars);
    return { stars, products: rows.reduce((sum, row) => sum + row.products, 0), inForce: rows.reduce((sum, row) => sum + row.inForce, 0) };
  });
  const before = firstYears.filter((row) => row.year < FIRST_STATISTICS_YEAR).reduce((sum, row) => sum + row.products, 0);
  let cumulative = before;
  const years = [];
  for (let year = FIRST_STATISTICS_YEAR; year <= localDateParts(day).year; year++) {
    const products = firstYears.find((row) => row.year === year)?.products ?? 0;
    cumulative += products;
    years.push({ year, products, cumulative });
  }
  const ofUnit = (code: string) => {
    const rows = counts.filter((row) => row.unitCode === code);
    const star = (stars: number) => rows.filter((row) => row.stars === stars).reduce((sum, row) => sum + row.products, 0);
    return { stars3: star(3), stars4: star(4), stars5: star(5), products: rows.reduce((sum, row) => sum + row.products, 0), inForce: rows.reduce((sum, row) => sum + row.inForce, 0) };
  };
  return {
    day,
    province,
    total: byStar.reduce((sum, row) => sum + row.products, 0),
    inForce: byStar.reduce((sum, row) => sum + row.inForce, 0),
    byStar,
    byYear: { before, years },
    units: units
      .map((unit) => ({ code: unit.code, name: unit.name, ...ofUnit(unit.code) }))
      .sort((a, b) => b.products - a.products || a.name.localeCompare(b.name, 'vi')),
  };
}
