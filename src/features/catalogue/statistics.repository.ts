/**
 * The public statistics page's counts (issue 13 point 3), on the catalogue's own read model: a product
 * counts as the catalogue lists it on `day` (its certificate current on that day, a superseded one never,
 * one dated later not yet), so every figure is the total of the catalogue search its link opens.
 */
import type { LocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { entries } from './catalogue.repository.ts';

export interface UnitStarCount {
  /** The province's code, or the commune's when counting within a province. */
  unitCode: string;
  stars: number;
  /** Listed in the catalogue (recognised, in force or not). */
  products: number;
  /** Of those, with the certificate in force on the day (valid, expiring or extended). */
  inForce: number;
}

/** Listed products per unit (provinces; a province's communes when `provinceCode` is given) and star of their current certificate. */
export async function countListedByUnitAndStar(sql: Sql, day: LocalDate, provinceCode: string | null): Promise<UnitStarCount[]> {
  const { rows } = await sql.query<UnitStarCount>(
    `SELECT CASE WHEN $2::text IS NULL THEN province_code ELSE commune_code END AS "unitCode", stars, count(*)::int AS products,
            count(*) FILTER (WHERE status IN ('valid', 'expiring', 'extended'))::int AS "inForce"
       FROM (${entries('$1', 'WHERE ($2::text IS NULL OR e.province_code = $2)')}) listed
      WHERE status <> 'superseded'
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [day, provinceCode],
  );
  return rows;
}

/** Listed products (of a province, or all) per year of their first recognition (their earliest certificate issued by `day`). */
export async function countListedByFirstYear(sql: Sql, day: LocalDate, provinceCode: string | null): Promise<Array<{ year: number; products: number }>> {
  const { rows } = await sql.query<{ year: number; products: number }>(
    `SELECT extract(year FROM first.issued_on)::int AS year, count(*)::int AS products
       FROM (${entries('$1', 'WHERE ($2::text IS NULL OR e.province_code = $2)')}) listed
       JOIN LATERAL (SELECT min(c.issued_on) AS issued_on FROM certificates c WHERE c.product_id = listed.product_id AND c.issued_on <= $1::date) first ON true
      WHERE listed.status <> 'superseded'
      GROUP BY 1 ORDER BY 1`,
    [day, provinceCode],
  );
  return rows;
}
