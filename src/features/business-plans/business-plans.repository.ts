import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import type { PlanForwardingRule } from '../province-settings/index.ts';
import type { PlanVisibility } from './business-plans.policy.ts';
import type { RecordSupportInput, StoredPlan } from './business-plans.schemas.ts';
import type { PlanStatus } from './plan-status.ts';

const planSelect = `
  SELECT bp.id, bp.idea_id AS "ideaId", i.product_name AS "productName", i.product_set AS "productSet",
         bp.producer_id AS "producerId", pr.name AS "producerName",
         bp.province_code AS "provinceCode", bp.commune_code AS "communeCode", c.full_name AS "communeName",
         bp.year, bp.title, bp.summary, bp.total_investment_vnd AS "totalInvestmentVnd", bp.expected_revenue_vnd AS "expectedRevenueVnd",
         bp.status, bp.round, bp.received_at AS "receivedAt", bp.due_at AS "dueAt",
         CASE WHEN bp.forwarding_days IS NULL THEN NULL
              ELSE json_build_object('days', bp.forwarding_days, 'dayKind', bp.forwarding_day_kind, 'consequence', bp.forwarding_consequence) END
           AS "forwardingRule",
         bp.forwarded_at AS "forwardedAt", bp.overdue_at AS "overdueAt", bp.overdue_consequence AS "overdueConsequence",
         bp.decided_at AS "decidedAt", bp.submitted_by AS "submittedBy",
         coalesce((SELECT json_agg(json_build_object('round', r.round, 'outcome', r.outcome, 'reasons', r.reasons,
                                   'reviewedBy', r.reviewed_by, 'reviewedByName', u.display_name, 'reviewedAt', r.reviewed_at) ORDER BY r.round)
                     FROM business_plan_reviews r LEFT JOIN users u ON u.id = r.reviewed_by WHERE r.plan_id = bp.id), '[]'::json) AS reviews,
         coalesce((SELECT json_agg(json_build_object('id', s.id, 'kind', s.kind, 'providedOn', s.provided_on, 'amountVnd', s.amount_vnd,
                                   'provider', s.provider, 'note', s.note, 'recordedBy', s.recorded_by, 'createdAt', s.created_at)
                                   ORDER BY s.provided_on, s.created_at)
                     FROM business_plan_supports s WHERE s.plan_id = bp.id), '[]'::json) AS supports,
         (SELECT coalesce(sum(s.amount_vnd), 0)::bigint FROM business_plan_supports s WHERE s.plan_id = bp.id) AS "supportTotalVnd",
         bp.version, bp.created_at AS "createdAt", bp.updated_at AS "updatedAt"
    FROM business_plans bp
    JOIN product_ideas i ON i.id = bp.idea_id
    JOIN producers pr ON pr.id = bp.producer_id
    LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = bp.commune_code`;

/** json_agg returns times as text; the schema expects Dates. */
function withDates(row: StoredPlan): StoredPlan {
  return {
    ...row,
    reviews: row.reviews.map((r) => ({ ...r, reviewedAt: new Date(r.reviewedAt) })),
    supports: row.supports.map((s) => ({ ...s, createdAt: new Date(s.createdAt) })),
  };
}

export async function findPlan(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredPlan | null> {
  const { rows } = await sql.query<StoredPlan>(`${planSelect} WHERE bp.id = $1 ${options.forUpdate ? 'FOR UPDATE OF bp' : ''}`, [id]);
  return rows[0] ? withDates(rows[0]) : null;
}

export async function findPlanIdOfIdea(sql: Sql, ideaId: string): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>('SELECT id FROM business_plans WHERE idea_id = $1', [ideaId]);
  return rows[0]?.id ?? null;
}

function scopeConditions(visibility: PlanVisibility, where = new Conditions()): Conditions {
  if (visibility.provinceCode) where.add('bp.province_code = ?', visibility.provinceCode);
  if (visibility.communeCode) where.add('bp.commune_code = ?', visibility.communeCode);
  if (visibility.producerId) where.add('bp.producer_id = ?', visibility.producerId);
  return where;
}

async function pageOfPlans(sql: Sql, where: Conditions, orderBy: string, page: { limit: number; offset: number }) {
  const { items, total } = await selectPage<StoredPlan>(sql, planSelect, where, { orderBy, limit: page.limit, offset: page.offset });
  return { items: items.map(withDates), total };
}

export async function listPlans(
  sql: Sql,
  visibility: PlanVisibility,
  filter: { year?: number; status?: PlanStatus; ideaId?: string; producerId?: string; q?: string; limit: number; offset: number },
): Promise<{ items: StoredPlan[]; total: number }> {
  const where = scopeConditions(visibility);
  if (filter.year) where.add('bp.year = ?', filter.year);
  if (filter.status) where.add('bp.status = ?', filter.status);
  if (filter.ideaId) where.add('bp.idea_id = ?', filter.ideaId);
  if (filter.producerId) where.add('bp.producer_id = ?', filter.producerId);
  if (filter.q) where.add(`vn_unaccent(bp.title || ' ' || i.product_name || ' ' || pr.name) LIKE '%' || vn_unaccent(?) || '%'`, filter.q);
  return pageOfPlans(sql, where, '"receivedAt" DESC, id', filter);
}

/**
 * The forwarding dashboard. due: received, not yet forwarded, deadline ahead (soonest first);
 * overdue: deadline passed, whether the sweep has marked it yet or not (oldest first).
 */
export async function listPlansByDueState(
  sql: Sql,
  visibility: PlanVisibility,
  state: 'due' | 'overdue',
  now: Date,
  page: { limit: number; offset: number },
): Promise<{ items: StoredPlan[]; total: number }> {
  const where = scopeConditions(visibility);
  if (state === 'due') where.add(`bp.status = 'submitted' AND bp.due_at >= ?`, now);
  else where.add(`((bp.status = 'submitted' AND bp.due_at < ?) OR bp.status = 'forwarding_overdue')`, now);
  return pageOfPlans(sql, where, '"dueAt", id', page);
}

export interface NewPlan {
  ideaId: string;
  producerId: string;
  provinceCode: string;
  communeCode: string;
  year: number;
  title: string;
  summary: string;
  totalInvestmentVnd: number | null;
  expectedRevenueVnd: number | null;
  status: PlanStatus;
  rule: PlanForwardingRule | null;
  dueAt: Date | null;
  submittedBy: string;
  now: Date;
}

export async function insertPlan(sql: Sql, plan: NewPlan): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO business_plans (idea_id, producer_id, province_code, commune_code, year, title, summary, total_investment_vnd,
                                 expected_revenue_vnd, status, received_at, due_at, forwarding_days, forwarding_day_kind,
                                 forwarding_consequence, submitted_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $11, $11) RETURNING id`,
    [plan.ideaId, plan.producerId, plan.provinceCode, plan.communeCode, plan.year, plan.title, plan.summary, plan.totalInvestmentVnd,
      plan.expectedRevenueVnd, plan.status, plan.now, plan.dueAt, plan.rule?.days ?? null, plan.rule?.dayKind ?? null,
      plan.rule?.consequence ?? null, plan.submittedBy],
  );
  return rows[0]!.id;
}

export async function markForwarded(sql: Sql, id: string, status: PlanStatus, now: Date): Promise<void> {
  await sql.query(`UPDATE business_plans SET status = $2, forwarded_at = $3, version = version + 1, updated_at = $3 WHERE id = $1`, [id, status, now]);
}

/** The sweep's change: applies the consequence recorded at receipt. Only a plan still waiting and past due changes. */
export async function markForwardingOverdue(sql: Sql, id: string, status: PlanStatus, now: Date): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE business_plans SET status = $2, overdue_at = $3, overdue_consequence = forwarding_consequence, version = version + 1, updated_at = $3
      WHERE id = $1 AND status = 'submitted' AND due_at < $3`,
    [id, status, now],
  );
  return (rowCount ?? 0) === 1;
}

export async function insertReview(
  sql: Sql,
  review: { planId: string; round: number; outcome: 'approved' | 'returned'; reasons: string | null; reviewedBy: string; at: Date },
): Promise<void> {
  await sql.query(
    `INSERT INTO business_plan_reviews (plan_id, round, outcome, reasons, reviewed_by, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [review.planId, review.round, review.outcome, review.reasons, review.reviewedBy, review.at],
  );
}

export async function recordDecision(sql: Sql, id: string, status: PlanStatus, options: { decided: boolean }, now: Date): Promise<void> {
  await sql.query(
    `UPDATE business_plans SET status = $2, decided_at = CASE WHEN $3 THEN $4::timestamptz END, version = version + 1, updated_at = $4 WHERE id = $1`,
    [id, status, options.decided, now],
  );
}

const columnOf = { title: 'title', summary: 'summary', totalInvestmentVnd: 'total_investment_vnd', expectedRevenueVnd: 'expected_revenue_vnd' } as const;
export type PlanChanges = Partial<{ [K in keyof typeof columnOf]: StoredPlan[K] }>;

/** A resubmission is a new receipt by the commune: the next round, and a new deadline under today's rule. */
export async function resubmitPlanRow(
  sql: Sql,
  id: string,
  changes: PlanChanges,
  receipt: { status: PlanStatus; rule: PlanForwardingRule | null; dueAt: Date | null; now: Date },
): Promise<void> {
  const entries = Object.entries(changes).filter(([key, value]) => value !== undefined && key in columnOf) as [keyof typeof columnOf, unknown][];
  const values: unknown[] = [id, receipt.status, receipt.now, receipt.dueAt, receipt.rule?.days ?? null, receipt.rule?.dayKind ?? null, receipt.rule?.consequence ?? null];
  const sets = entries.map(([key, value]) => {
    values.push(value);
    return `${columnOf[key]} = $${values.length}`;
  });
  await sql.query(
    `UPDATE business_plans SET ${[
      ...sets,
      'status = $2',
      'round = round + 1',
      'received_at = $3',
      'due_at = $4',
      'forwarding_days = $5',
      'forwarding_day_kind = $6',
      'forwarding_consequence = $7',
      'forwarded_at = NULL',
      'overdue_at = NULL',
      'overdue_consequence = NULL',
      'decided_at = NULL',
      'version = version + 1',
      'updated_at = $3',
    ].join(', ')} WHERE id = $1`,
    values,
  );
}

export async function insertSupport(sql: Sql, planId: string, support: RecordSupportInput & { recordedBy: string; now: Date }): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO business_plan_supports (plan_id, kind, provided_on, amount_vnd, provider, note, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [planId, support.kind, support.providedOn, support.amountVnd, support.provider, support.note, support.recordedBy, support.now],
  );
  return rows[0]!.id;
}

/** Plans past their forwarding deadline that the sweep has not handled yet. */
export async function listPlansPastDue(sql: Sql, now: Date, limit: number): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT id FROM business_plans WHERE status = 'submitted' AND due_at < $1 ORDER BY due_at, id LIMIT $2`,
    [now, limit],
  );
  return rows.map((row) => row.id);
}

/** Plans follow their producer when it is merged into another (producers/merge-producer.ts). */
export async function movePlansToProducer(
  sql: Sql,
  fromProducerId: string,
  to: { id: string; provinceCode: string; communeCode: string },
  now: Date,
): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE business_plans SET producer_id = $2, province_code = $3, commune_code = $4, version = version + 1, updated_at = $5
      WHERE producer_id = $1 RETURNING id`,
    [fromProducerId, to.id, to.provinceCode, to.communeCode, now],
  );
  return rows.map((row) => row.id);
}

/** Dashboard counts (issue 13): plans in these statuses in the caller's view, how many past due_at, the next due_at. */
export async function countPlansInStatuses(
  sql: Sql,
  visibility: PlanVisibility,
  statuses: readonly PlanStatus[],
  now: Date,
): Promise<{ count: number; overdue: number; firstDueAt: Date | null }> {
  const where = scopeConditions(visibility).add('bp.status = ANY(?::text[])', statuses);
  const at = where.param(now);
  const { rows } = await sql.query<{ count: number; overdue: number; firstDueAt: Date | null }>(
    `SELECT count(*)::int AS count,
            count(*) FILTER (WHERE bp.status = 'forwarding_overdue' OR (bp.status = 'submitted' AND bp.due_at < ${at}))::int AS overdue,
            min(bp.due_at) AS "firstDueAt"
       FROM business_plans bp ${where.where}`,
    where.values,
  );
  return rows[0]!;
}

/** The business plans of a year in the caller's view (the funnel's second step). */
export async function countPlansOfYear(sql: Sql, visibility: PlanVisibility, year: number): Promise<number> {
  const where = scopeConditions(visibility).add('bp.year = ?', year);
  const { rows } = await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM business_plans bp ${where.where}`, where.values);
  return rows[0]!.count;
}
