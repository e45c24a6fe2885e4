import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import type { PlanPlace, PlanVisibility } from './plans.policy.ts';
import type { IndicatorKind, Plan, ProgressEntry } from './plans.schemas.ts';

const planSelect = `
  SELECT ap.id, ap.level, ap.province_code AS "provinceCode", p.full_name AS "provinceName",
         ap.commune_code AS "communeCode", c.full_name AS "communeName", ap.year, ap.title,
         ap.legal_reference AS "legalReference", ap.issued_on AS "issuedOn", ap.parent_plan_id AS "parentPlanId",
         parent.title AS "parentTitle",
         (SELECT count(*) FROM plan_indicators i WHERE i.plan_id = ap.id)::int AS "indicatorCount",
         ap.version, ap.created_at AS "createdAt", ap.updated_at AS "updatedAt"
    FROM annual_plans ap
    LEFT JOIN annual_plans parent ON parent.id = ap.parent_plan_id
    LEFT JOIN admin_units p ON p.version_id = '${CURRENT_UNITS_VERSION}' AND p.level = 'province' AND p.code = ap.province_code
    LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = ap.commune_code`;

export async function findPlan(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Plan | null> {
  const { rows } = await sql.query<Plan>(`${planSelect} WHERE ap.id = $1 ${options.forUpdate ? 'FOR UPDATE OF ap' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function listPlans(
  sql: Sql,
  visibility: PlanVisibility,
  filter: { provinceCode?: string | undefined; communeCode?: string | undefined; year?: number | undefined; limit: number; offset: number },
): Promise<{ items: Plan[]; total: number }> {
  const where = new Conditions();
  if (visibility.provinceCode) where.add('ap.province_code = ?', visibility.provinceCode);
  if (visibility.communeCode) where.add(`(ap.commune_code = ? ${visibility.includeProvinceLevel ? "OR ap.level = 'province'" : ''})`, visibility.communeCode);
  if (filter.provinceCode) where.add('ap.province_code = ?', filter.provinceCode);
  if (filter.communeCode) where.add('ap.commune_code = ?', filter.communeCode);
  if (filter.year) where.add('ap.year = ?', filter.year);
  return selectPage<Plan>(sql, planSelect, where, { orderBy: 'year DESC, level DESC, "communeName" NULLS FIRST, "createdAt"', limit: filter.limit, offset: filter.offset });
}

/** The plans of a unit for a year (a province's includes its own only), for reports. */
export async function listUnitPlansOfYear(sql: Sql, unit: PlanPlace, year: number): Promise<Plan[]> {
  const { rows } = await sql.query<Plan>(
    `${planSelect} WHERE ap.province_code = $1 AND ap.commune_code IS NOT DISTINCT FROM $2 AND ap.year = $3 ORDER BY ap.created_at`,
    [unit.provinceCode, unit.communeCode, year],
  );
  return rows;
}

export async function listChildPlans(sql: Sql, parentId: string): Promise<Array<{ id: string; communeCode: string | null; communeName: string | null; title: string }>> {
  const { rows } = await sql.query<{ id: string; communeCode: string | null; communeName: string | null; title: string }>(
    `SELECT ap.id, ap.commune_code AS "communeCode", c.full_name AS "communeName", ap.title
       FROM annual_plans ap
       LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = ap.commune_code
      WHERE ap.parent_plan_id = $1 ORDER BY c.full_name, ap.created_at`,
    [parentId],
  );
  return rows;
}

export interface PlanRow {
  level: 'province' | 'commune';
  provinceCode: string;
  communeCode: string | null;
  year: number;
  title: string;
  legalReference: string;
  issuedOn: string | null;
  parentPlanId: string | null;
}

export async function insertPlan(sql: Sql, row: PlanRow, createdBy: string, now: Date): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO annual_plans (level, province_code, commune_code, year, title, legal_reference, issued_on, parent_plan_id,
                               created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
    [row.level, row.provinceCode, row.communeCode, row.year, row.title, row.legalReference, row.issuedOn, row.parentPlanId, createdBy, now],
  );
  return rows[0]!.id;
}

export async function updatePlan(sql: Sql, id: string, changes: { title: string; legalReference: string; issuedOn: string | null }, now: Date): Promise<void> {
  await sql.query(
    'UPDATE annual_plans SET title = $2, legal_reference = $3, issued_on = $4, version = version + 1, updated_at = $5 WHERE id = $1',
    [id, changes.title, changes.legalReference, changes.issuedOn, now],
  );
}

export async function touchPlan(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query('UPDATE annual_plans SET version = version + 1, updated_at = $2 WHERE id = $1', [id, now]);
}

// ---------------------------------------------------------------------------------------------
// Indicators and progress

export interface IndicatorRow {
  id: string;
  planId: string;
  kind: IndicatorKind;
  productName: string | null;
  starRating: number | null;
  targetValue: number;
  unit: string;
  note: string | null;
  parentIndicatorId: string | null;
  sortOrder: number;
  version: number;
}

const indicatorSelect = `
  SELECT i.id, i.plan_id AS "planId", i.kind, i.product_name AS "productName", i.star_rating AS "starRating",
         i.target_value::float8 AS "targetValue", i.unit, i.note, i.parent_indicator_id AS "parentIndicatorId",
         i.sort_order AS "sortOrder", i.version
    FROM plan_indicators i`;

export async function listIndicators(sql: Sql, planId: string): Promise<IndicatorRow[]> {
  const { rows } = await sql.query<IndicatorRow>(`${indicatorSelect} WHERE i.plan_id = $1 ORDER BY i.sort_order, i.created_at, i.id`, [planId]);
  return rows;
}

export async function findIndicator(sql: Sql, planId: string, id: string): Promise<IndicatorRow | null> {
  const { rows } = await sql.query<IndicatorRow>(`${indicatorSelect} WHERE i.plan_id = $1 AND i.id = $2`, [planId, id]);
  return rows[0] ?? null;
}

export type NewIndicator = Omit<IndicatorRow, 'id' | 'planId' | 'version' | 'sortOrder'>;

export async function insertIndicators(sql: Sql, planId: string, indicators: readonly NewIndicator[], now: Date): Promise<void> {
  if (indicators.length === 0) return;
  await sql.query(
    `INSERT INTO plan_indicators (plan_id, kind, product_name, star_rating, target_value, unit, note, parent_indicator_id, sort_order, created_at, updated_at)
     SELECT $1, u.kind, u.product_name, u.star_rating, u.target_value, u.unit, u.note, u.parent_indicator_id,
            base.n + u.ordinality * 10, $9, $9
       FROM unnest($2::text[], $3::text[], $4::smallint[], $5::numeric[], $6::text[], $7::text[], $8::uuid[])
              WITH ORDINALITY AS u(kind, product_name, star_rating, target_value, unit, note, parent_indicator_id, ordinality)
      CROSS JOIN (SELECT coalesce(max(sort_order), 0) AS n FROM plan_indicators WHERE plan_id = $1) AS base`,
    [
      planId,
      indicators.map((i) => i.kind),
      indicators.map((i) => i.productName),
      indicators.map((i) => i.starRating),
      indicators.map((i) => i.targetValue),
      indicators.map((i) => i.unit),
      indicators.map((i) => i.note),
      indicators.map((i) => i.parentIndicatorId),
      now,
    ],
  );
}

export async function updateIndicator(
  sql: Sql,
  id: string,
  changes: { productName: string | null; starRating: number | null; targetValue: number; unit: string; note: string | null },
  now: Date,
): Promise<void> {
  await sql.query(
    `UPDATE plan_indicators SET product_name = $2, star_rating = $3, target_value = $4, unit = $5, note = $6,
            version = version + 1, updated_at = $7 WHERE id = $1`,
    [id, changes.productName, changes.starRating, changes.targetValue, changes.unit, changes.note, now],
  );
}

export async function listProgressEntries(sql: Sql, indicatorIds: readonly string[]): Promise<Map<string, ProgressEntry[]>> {
  const { rows } = await sql.query<ProgressEntry & { indicatorId: string }>(
    `SELECT id, indicator_id AS "indicatorId", value::float8 AS value, as_of AS "asOf", evidence, recorded_at AS "recordedAt"
       FROM plan_indicator_progress WHERE indicator_id = ANY($1::uuid[])
      ORDER BY as_of DESC, recorded_at DESC`,
    [indicatorIds],
  );
  const byIndicator = new Map<string, ProgressEntry[]>();
  for (const { indicatorId, ...entry } of rows) byIndicator.set(indicatorId, [...(byIndicator.get(indicatorId) ?? []), entry]);
  return byIndicator;
}

export async function insertProgressEntry(
  sql: Sql,
  indicatorId: string,
  entry: { value: number; asOf: string; evidence: string },
  recordedBy: string,
  now: Date,
): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO plan_indicator_progress (indicator_id, value, as_of, evidence, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [indicatorId, entry.value, entry.asOf, entry.evidence, recordedBy, now],
  );
  return rows[0]!.id;
}

/** For a province plan's indicators: how many commune indicators cascade from each, and their targets' total. */
export async function summarizeCascade(sql: Sql, indicatorIds: readonly string[]): Promise<Map<string, { childCount: number; childTargetTotal: number }>> {
  const { rows } = await sql.query<{ parentId: string; childCount: number; childTargetTotal: number }>(
    `SELECT parent_indicator_id AS "parentId", count(*)::int AS "childCount", sum(target_value)::float8 AS "childTargetTotal"
       FROM plan_indicators WHERE parent_indicator_id = ANY($1::uuid[]) GROUP BY parent_indicator_id`,
    [indicatorIds],
  );
  return new Map(rows.map((row) => [row.parentId, { childCount: row.childCount, childTargetTotal: row.childTargetTotal }]));
}

// ---------------------------------------------------------------------------------------------
// What the registry knows

/**
 * Cooperatives of the unit founded in the year: by their registration date (Giấy chứng nhận đăng ký HTX),
 * or, when the registry has none, by the day they were entered in OCOP Hub.
 */
export async function countNewCooperatives(sql: Sql, unit: PlanPlace, year: number): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM producers
      WHERE merged_into_id IS NULL AND legal_form = 'cooperative'
        AND province_code = $1 AND ($2::text IS NULL OR commune_code = $2)
        AND coalesce(registration_date, (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) >= make_date($3, 1, 1)
        AND coalesce(registration_date, (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) < make_date($3 + 1, 1, 1)`,
    [unit.provinceCode, unit.communeCode, year],
  );
  return rows[0]?.n ?? 0;
}

/** Fairs and events the unit took part in during the year (recorded by it or, for a province, by its communes). */
export async function countFairs(sql: Sql, unit: PlanPlace, year: number): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM fairs
      WHERE province_code = $1 AND ($2::text IS NULL OR commune_code = $2)
        AND starts_on >= make_date($3, 1, 1) AND starts_on < make_date($3 + 1, 1, 1)`,
    [unit.provinceCode, unit.communeCode, year],
  );
  return rows[0]?.n ?? 0;
}
