/** What waits on a province office, a council member or the ministry, for the dashboards (issue 13). */
import type { Sql } from '../../core/db/database.ts';
import type { RoundLevel } from './round-rules.ts';


/** Forwarded dossiers of a province (every province when null) waiting for a round: no live or decided province entry. */
export async function countDossiersWaitingForRound(sql: Sql, provinceCode: string | null): Promise<{ count: number; firstForwardedAt: Date | null }> {
  const result = await sql.query<{ count: number; firstForwardedAt: Date | null }>(
    `SELECT count(*)::int AS count, min(d.forwarded_at) AS "firstForwardedAt" FROM dossiers d
      WHERE d.status = 'forwarded_to_province' AND ($1::text IS NULL OR d.province_code = $1)
        AND NOT EXISTS (SELECT 1 FROM round_entries x WHERE x.dossier_id = d.id AND x.proposed_by_entry_id IS NULL AND x.status <> 'withdrawn')`,
    [provinceCode],
  );
  return result.rows[0]!;
}

export interface RoundToFinish {
  id: string;
  title: string;
  level: RoundLevel;
  provinceCode: string | null;
  status: 'open' | 'closed';
  completeBy: string;
  openEntries: number;
}

/**
 * Rounds not yet decided that the office running them must close (open) or decide (closed): a province's
 * own rounds for its office (provinceCode), the central ones for the ministry (level 'central'), or all.
 */
export async function listRoundsToFinish(sql: Sql, filter: { level: RoundLevel | null; provinceCode: string | null }): Promise<RoundToFinish[]> {
  const result = await sql.query<RoundToFinish>(
    `SELECT r.id, r.title, r.level, r.province_code AS "provinceCode", r.status, r.complete_by::text AS "completeBy",
            (SELECT count(*)::int FROM round_entries e WHERE e.round_id = r.id AND e.status NOT IN ('decided', 'withdrawn')) AS "openEntries"
       FROM evaluation_rounds r
      WHERE r.status IN ('open', 'closed') AND ($1::text IS NULL OR r.level = $1) AND ($2::text IS NULL OR r.province_code = $2)
      ORDER BY r.complete_by, r.created_at LIMIT 50`,
    [filter.level, filter.provinceCode],
  );
  return result.rows;
}

/** Whether a province (or the ministry, provinceCode null and level central) has an open round. */
export async function hasOpenRound(sql: Sql, level: RoundLevel, provinceCode: string | null): Promise<boolean> {
  const result = await sql.query(`SELECT 1 FROM evaluation_rounds WHERE status = 'open' AND level = $1 AND province_code IS NOT DISTINCT FROM $2 LIMIT 1`, [level, provinceCode]);
  return result.rows.length > 0;
}

/** Province entries proposed for 5★ (Đ.7.4) that no central round has taken yet (as addWaitingEntries selects them). */
export async function countProposalsToCentral(sql: Sql): Promise<{ count: number; firstProposedAt: Date | null }> {
  const result = await sql.query<{ count: number; firstProposedAt: Date | null }>(
    `SELECT count(*)::int AS count, min(x.updated_at) AS "firstProposedAt" FROM round_entries x
      WHERE x.outcome = 'proposed_to_central' AND x.status = 'decided'
        AND NOT EXISTS (SELECT 1 FROM round_entries c WHERE c.proposed_by_entry_id = x.id AND c.status <> 'withdrawn')`,
  );
  return result.rows[0]!;
}

export interface SheetToScore {
  entryId: string;
  roundId: string;
  roundTitle: string;
  productName: string;
  completeBy: string;
}

/**
 * The entries a council member (chair or member) has yet to score: scoring is open, the member declared no
 * conflict, and no sheet of the current attempt is submitted. The round's complete_by is their deadline.
 */
export async function listSheetsToScore(sql: Sql, userId: string, limit: number): Promise<SheetToScore[]> {
  const result = await sql.query<SheetToScore>(
    `SELECT e.id AS "entryId", r.id AS "roundId", r.title AS "roundTitle", p.name AS "productName", r.complete_by::text AS "completeBy"
       FROM round_members m
       JOIN evaluation_rounds r ON r.id = m.round_id AND r.status = 'open'
       JOIN round_entries e ON e.round_id = r.id AND e.status = 'scoring'
       JOIN products p ON p.id = e.product_id
      WHERE m.user_id = $1 AND m.role IN ('chair', 'member')
        AND NOT EXISTS (SELECT 1 FROM entry_conflicts x WHERE x.entry_id = e.id AND x.user_id = $1)
        AND NOT EXISTS (SELECT 1 FROM member_scores s WHERE s.entry_id = e.id AND s.member_user_id = $1 AND s.attempt = e.attempt AND s.status = 'submitted')
      ORDER BY r.complete_by, p.name, e.id LIMIT $2`,
    [userId, limit],
  );
  return result.rows;
}
