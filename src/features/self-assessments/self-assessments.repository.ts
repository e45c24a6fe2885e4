import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import type { SelfAssessment } from './self-assessments.schemas.ts';

const select = `
  SELECT s.id, s.producer_id AS "producerId", p.name AS "producerName", s.province_code AS "provinceCode",
         s.commune_code AS "communeCode", s.rule_set_id AS "ruleSetId", s.product_set_number AS "productSetNumber",
         s.product_name AS "productName", s.choices, s.total_points::float8 AS "totalPoints", s.stars, s.status,
         s.version, s.created_at AS "createdAt", s.updated_at AS "updatedAt"
    FROM self_assessments s JOIN producers p ON p.id = s.producer_id`;

export async function findSelfAssessment(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<SelfAssessment | null> {
  const { rows } = await sql.query<SelfAssessment>(`${select} WHERE s.id = $1 ${options.forUpdate ? 'FOR UPDATE OF s' : ''}`, [id]);
  return rows[0] ?? null;
}

export interface SelfAssessmentVisibility {
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
}

export async function listSelfAssessments(
  sql: Sql,
  visibility: SelfAssessmentVisibility,
  filter: { producerId?: string; limit: number; offset: number },
): Promise<{ items: SelfAssessment[]; total: number }> {
  const where = new Conditions();
  if (visibility.provinceCode) where.add('s.province_code = ?', visibility.provinceCode);
  if (visibility.communeCode) where.add('s.commune_code = ?', visibility.communeCode);
  if (visibility.producerId) where.add('s.producer_id = ?', visibility.producerId);
  if (filter.producerId) where.add('s.producer_id = ?', filter.producerId);
  return selectPage<SelfAssessment>(sql, select, where, { orderBy: '"updatedAt" DESC', limit: filter.limit, offset: filter.offset });
}

/** Every self-assessment of one producer, newest first (a producer has a handful; capped for safety). */
export async function listSelfAssessmentsOfProducer(sql: Sql, producerId: string, limit = 500): Promise<SelfAssessment[]> {
  const { rows } = await sql.query<SelfAssessment>(`${select} WHERE s.producer_id = $1 ORDER BY s.updated_at DESC LIMIT $2`, [producerId, limit]);
  return rows;
}

export interface SelfAssessmentRow {
  producerId: string;
  provinceCode: string;
  communeCode: string;
  ruleSetId: string;
  productSetNumber: number;
  productName: string;
  choices: Record<string, string>;
  totalPoints: number | null;
  stars: number | null;
  createdBy: string;
  now: Date;
}

export async function insertSelfAssessment(sql: Sql, row: SelfAssessmentRow): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO self_assessments (producer_id, province_code, commune_code, rule_set_id, product_set_number, product_name,
                                   choices, total_points, stars, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [row.producerId, row.provinceCode, row.communeCode, row.ruleSetId, row.productSetNumber, row.productName,
      JSON.stringify(row.choices), row.totalPoints, row.stars, row.createdBy, row.now],
  );
  return rows[0]!.id;
}

export async function updateSelfAssessment(
  sql: Sql,
  id: string,
  changes: { productName: string; choices: Record<string, string>; totalPoints: number | null; stars: number | null },
  now: Date,
): Promise<void> {
  await sql.query(
    `UPDATE self_assessments SET product_name = $2, choices = $3, total_points = $4, stars = $5,
            version = version + 1, updated_at = $6 WHERE id = $1`,
    [id, changes.productName, JSON.stringify(changes.choices), changes.totalPoints, changes.stars, now],
  );
}

/** A report filed with a dossier is frozen: the producer starts a new draft to change it (issue 4). */
export async function markSelfAssessmentAttached(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query(
    `UPDATE self_assessments SET status = 'attached', version = version + 1, updated_at = $2 WHERE id = $1 AND status = 'draft'`,
    [id, now],
  );
}
