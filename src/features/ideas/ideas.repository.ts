import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import type { IdeaStatus } from './idea-status.ts';
import type { AppraisalLevel, AppraisalOutcome, FunnelCounts, StoredIdea } from './ideas.schemas.ts';

const ideaSelect = `
  SELECT i.id, i.producer_id AS "producerId", pr.name AS "producerName",
         i.province_code AS "provinceCode", i.commune_code AS "communeCode", c.full_name AS "communeName",
         i.year, i.product_name AS "productName", i.product_set AS "productSet", i.description,
         i.raw_materials AS "rawMaterials", i.market, i.status, i.round,
         i.submitted_at AS "submittedAt", i.decided_at AS "decidedAt", i.registered_by AS "registeredBy",
         coalesce((SELECT json_agg(json_build_object('round', a.round, 'outcome', a.outcome, 'reasons', a.reasons,
                                   'level', a.level, 'appraisedBy', a.appraised_by, 'appraisedByName', u.display_name,
                                   'appraisedAt', a.appraised_at) ORDER BY a.round)
                     FROM idea_appraisals a LEFT JOIN users u ON u.id = a.appraised_by
                    WHERE a.idea_id = i.id), '[]'::json) AS appraisals,
         i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt"
    FROM product_ideas i
    JOIN producers pr ON pr.id = i.producer_id
    LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = i.commune_code`;

/** json_agg returns times as text; the schema (and callers) expect Dates. */
function withDates(row: StoredIdea): StoredIdea {
  return { ...row, appraisals: row.appraisals.map((a) => ({ ...a, appraisedAt: new Date(a.appraisedAt) })) };
}

export async function findIdea(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredIdea | null> {
  const { rows } = await sql.query<StoredIdea>(`${ideaSelect} WHERE i.id = $1 ${options.forUpdate ? 'FOR UPDATE OF i' : ''}`, [id]);
  return rows[0] ? withDates(rows[0]) : null;
}

/** Where the caller may look, from ideas.policy.ts. */
export interface IdeaVisibility {
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
}

export async function listIdeas(
  sql: Sql,
  visibility: IdeaVisibility,
  filter: { year?: number; status?: IdeaStatus; communeCode?: string; producerId?: string; q?: string; limit: number; offset: number },
): Promise<{ items: StoredIdea[]; total: number }> {
  const where = new Conditions();
  if (visibility.provinceCode) where.add('i.province_code = ?', visibility.provinceCode);
  if (visibility.communeCode) where.add('i.commune_code = ?', visibility.communeCode);
  if (visibility.producerId) where.add('i.producer_id = ?', visibility.producerId);
  if (filter.year) where.add('i.year = ?', filter.year);
  if (filter.status) where.add('i.status = ?', filter.status);
  if (filter.communeCode) where.add('i.commune_code = ?', filter.communeCode);
  if (filter.producerId) where.add('i.producer_id = ?', filter.producerId);
  if (filter.q) where.add(`vn_unaccent(i.product_name || ' ' || pr.name) LIKE '%' || vn_unaccent(?) || '%'`, filter.q);
  const { items, total } = await selectPage<StoredIdea>(sql, ideaSelect, where, { orderBy: '"submittedAt" DESC, id', limit: filter.limit, offset: filter.offset });
  return { items: items.map(withDates), total };
}

export interface NewIdea {
  producerId: string;
  provinceCode: string;
  communeCode: string;
  year: number;
  productName: string;
  productSet: number;
  description: string;
  rawMaterials: string | null;
  market: string | null;
  status: IdeaStatus;
  registeredBy: string | null;
  now: Date;
}

export async function insertIdea(sql: Sql, idea: NewIdea): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO product_ideas (producer_id, province_code, commune_code, year, product_name, product_set, description,
                                raw_materials, market, status, registered_by, submitted_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $12) RETURNING id`,
    [idea.producerId, idea.provinceCode, idea.communeCode, idea.year, idea.productName, idea.productSet, idea.description,
      idea.rawMaterials, idea.market, idea.status, idea.registeredBy, idea.now],
  );
  return rows[0]!.id;
}

export async function insertAppraisal(
  sql: Sql,
  appraisal: { ideaId: string; round: number; outcome: AppraisalOutcome; reasons: string | null; level: AppraisalLevel; appraisedBy: string; at: Date },
): Promise<void> {
  await sql.query(
    `INSERT INTO idea_appraisals (idea_id, round, outcome, reasons, level, appraised_by, appraised_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [appraisal.ideaId, appraisal.round, appraisal.outcome, appraisal.reasons, appraisal.level, appraisal.appraisedBy, appraisal.at],
  );
}

/** Records the new status of an idea; a final decision stamps decided_at. */
export async function updateIdeaStatus(sql: Sql, id: string, status: IdeaStatus, options: { decided: boolean }, now: Date): Promise<void> {
  await sql.query(
    `UPDATE product_ideas SET status = $2, decided_at = CASE WHEN $3 THEN $4::timestamptz END, version = version + 1, updated_at = $4
      WHERE id = $1`,
    [id, status, options.decided, now],
  );
}

const columnOf = { productName: 'product_name', productSet: 'product_set', description: 'description', rawMaterials: 'raw_materials', market: 'market' } as const;
export type IdeaChanges = Partial<{ [K in keyof typeof columnOf]: StoredIdea[K] }>;

/** A resubmission: the changed fields, the next round, back to submitted. */
export async function resubmitIdeaRow(sql: Sql, id: string, changes: IdeaChanges, status: IdeaStatus, now: Date): Promise<void> {
  const entries = Object.entries(changes).filter(([key, value]) => value !== undefined && key in columnOf) as [keyof typeof columnOf, unknown][];
  const values: unknown[] = [id, status, now];
  const sets = entries.map(([key, value]) => {
    values.push(value);
    return `${columnOf[key]} = $${values.length}`;
  });
  await sql.query(
    `UPDATE product_ideas SET ${[...sets, 'status = $2', 'round = round + 1', 'submitted_at = $3', 'decided_at = NULL', 'version = version + 1', 'updated_at = $3'].join(', ')}
      WHERE id = $1`,
    values,
  );
}

/** Ideas follow their producer when it is merged into another (producers/merge-producer.ts). */
export async function moveIdeasToProducer(
  sql: Sql,
  fromProducerId: string,
  to: { id: string; provinceCode: string; communeCode: string },
  now: Date,
): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE product_ideas SET producer_id = $2, province_code = $3, commune_code = $4, version = version + 1, updated_at = $5
      WHERE producer_id = $1 RETURNING id`,
    [fromProducerId, to.id, to.provinceCode, to.communeCode, now],
  );
  return rows.map((row) => row.id);
}

const countColumns = `
  count(*)::int AS registered,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM idea_appraisals a WHERE a.idea_id = i.id))::int AS appraised,
  count(*) FILTER (WHERE i.status = 'passed')::int AS approved,
  count(*) FILTER (WHERE i.status = 'returned')::int AS returned,
  count(*) FILTER (WHERE i.status = 'rejected')::int AS rejected,
  count(*) FILTER (WHERE i.status = 'submitted')::int AS awaiting`;

/**
 * The funnel of one year in a unit (the whole country, a province or a commune), with the same
 * counts per commune (for a province) or per province (for the country).
 */
export async function countIdeaFunnel(
  sql: Sql,
  unit: { year: number; provinceCode: string | null; communeCode: string | null },
): Promise<FunnelCounts & { breakdown: (FunnelCounts & { code: string; name: string | null })[] }> {
  const filter = new Conditions().add('i.year = ?', unit.year);
  if (unit.provinceCode) filter.add('i.province_code = ?', unit.provinceCode);
  if (unit.communeCode) filter.add('i.commune_code = ?', unit.communeCode);
  const { where, values } = filter;
  const { rows: totals } = await sql.query<FunnelCounts>(`SELECT ${countColumns} FROM product_ideas i ${where}`, values);
  if (unit.communeCode) return { ...totals[0]!, breakdown: [] };
  const [column, level] = unit.provinceCode ? ['commune_code', 'commune'] : ['province_code', 'province'];
  const { rows: breakdown } = await sql.query<FunnelCounts & { code: string; name: string | null }>(
    `SELECT i.${column} AS code, u.full_name AS name, ${countColumns}
       FROM product_ideas i
       LEFT JOIN admin_units u ON u.version_id = '${CURRENT_UNITS_VERSION}' AND u.level = '${level}' AND u.code = i.${column}
      ${where}
      GROUP BY i.${column}, u.full_name
      ORDER BY registered DESC, code`,
    values,
  );
  return { ...totals[0]!, breakdown };
}
