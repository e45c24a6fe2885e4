/** Every SQL statement of evaluation rounds (docs/decisions/001: plain SQL, plain objects). */
import type { Sql } from '../../core/db/database.ts';
import type { EvaluationScore } from '../rule-sets/index.ts';
import type { EntryOutcome, RoundKind, RoundLevel } from './round-rules.ts';
import type { EntryStatus, RoundStatus } from './round-status.ts';

export interface Round {
  id: string;
  level: RoundLevel;
  provinceCode: string | null;
  year: number;
  kind: RoundKind;
  title: string;
  ruleSetId: string;
  proposalsDueOn: string;
  completeBy: string;
  maxSpread: number;
  quorumFraction: number;
  chairRequired: boolean;
  status: RoundStatus;
  sessionHeldOn: string | null;
  sessionPlace: string | null;
  closedAt: Date | null;
  version: number;
  createdAt: Date;
}

export interface RoundMember {
  userId: string;
  displayName: string;
  username: string;
  role: 'chair' | 'member' | 'advisory';
  agency: string;
}

export interface Entry {
  id: string;
  roundId: string;
  dossierId: string;
  dossierType: 'first' | 'upgrade' | 're_evaluation';
  dossierSubmittedOn: string | null;
  productId: string;
  productName: string;
  productCode: string | null;
  producerId: string;
  producerName: string;
  provinceCode: string;
  communeCode: string;
  communeName: string | null;
  productSetNumber: number;
  proposedByEntryId: string | null;
  status: EntryStatus;
  attempt: number;
  averageTotal: number | null;
  stars: number | null;
  outcome: EntryOutcome | null;
  advisoryReport: string | null;
  joinedOn: string;
  version: number;
}

const roundColumns = `r.id, r.level, r.province_code AS "provinceCode", r.year, r.kind, r.title, r.rule_set_id AS "ruleSetId",
  r.proposals_due_on AS "proposalsDueOn", r.complete_by AS "completeBy", r.max_spread::float8 AS "maxSpread",
  r.quorum_fraction::float8 AS "quorumFraction", r.chair_required AS "chairRequired", r.status,
  r.session_held_on AS "sessionHeldOn", r.session_place AS "sessionPlace", r.closed_at AS "closedAt", r.version, r.created_at AS "createdAt"`;

export async function insertRound(
  sql: Sql,
  round: Omit<Round, 'id' | 'status' | 'sessionHeldOn' | 'sessionPlace' | 'closedAt' | 'version' | 'createdAt'>,
  openedBy: string,
  now: Date,
): Promise<string> {
  const result = await sql.query<{ id: string }>(
    `INSERT INTO evaluation_rounds (level, province_code, year, kind, title, rule_set_id, proposals_due_on, complete_by,
       max_spread, quorum_fraction, chair_required, opened_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
    [round.level, round.provinceCode, round.year, round.kind, round.title, round.ruleSetId, round.proposalsDueOn, round.completeBy,
      round.maxSpread, round.quorumFraction, round.chairRequired, openedBy, now],
  );
  return result.rows[0]!.id;
}

export async function findRound(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Round | null> {
  const result = await sql.query<Round>(`SELECT ${roundColumns} FROM evaluation_rounds r WHERE r.id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  return result.rows[0] ?? null;
}

export interface RoundVisibility {
  /** null: every round; otherwise rounds of these levels/provinces, or where the user is a member. */
  provinceCode: string | null;
  levels: RoundLevel[];
  memberUserId: string | null;
}

export async function listRounds(sql: Sql, visibility: RoundVisibility, filter: { status?: string; year?: number; limit: number; offset: number }) {
  const values: unknown[] = [];
  const conditions: string[] = [];
  const add = (value: unknown) => `$${values.push(value)}`;
  if (visibility.memberUserId) {
    conditions.push(`EXISTS (SELECT 1 FROM round_members m WHERE m.round_id = r.id AND m.user_id = ${add(visibility.memberUserId)})`);
  } else {
    conditions.push(`r.level = ANY(${add(visibility.levels)}::text[])`);
    if (visibility.provinceCode) conditions.push(`(r.province_code = ${add(visibility.provinceCode)} OR r.level = 'central')`);
  }
  if (filter.status) conditions.push(`r.status = ${add(filter.status)}`);
  if (filter.year) conditions.push(`r.year = ${add(filter.year)}`);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const items = await sql.query<Round & { entryCount: number }>(
    `SELECT ${roundColumns}, (SELECT count(*)::int FROM round_entries e WHERE e.round_id = r.id AND e.status <> 'withdrawn') AS "entryCount"
     FROM evaluation_rounds r ${where} ORDER BY r.created_at DESC, r.id LIMIT ${add(filter.limit)} OFFSET ${add(filter.offset)}`,
    values,
  );
  const total = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM evaluation_rounds r ${where}`, values.slice(0, values.length - 2));
  return { items: items.rows, total: total.rows[0]!.total };
}

/**
 * The open round a newly forwarded dossier joins: the one whose proposals close first from today on,
 * else the latest open one. A re-evaluation dossier prefers a re-evaluation round (decided by written
 * consultation, Đ.7.6); other dossiers never join one.
 */
export async function findOpenRoundFor(sql: Sql, level: RoundLevel, provinceCode: string | null, today: string, dossierType: string | null = null): Promise<string | null> {
  const result = await sql.query<{ id: string }>(
    `SELECT id FROM evaluation_rounds
     WHERE status = 'open' AND level = $1 AND province_code IS NOT DISTINCT FROM $2
       AND (kind <> 're_evaluation' OR $4::text = 're_evaluation')
     ORDER BY ((kind = 're_evaluation') = ($4::text IS NOT DISTINCT FROM 're_evaluation')) DESC,
       (proposals_due_on >= $3) DESC, CASE WHEN proposals_due_on >= $3 THEN proposals_due_on END ASC, proposals_due_on DESC
     LIMIT 1`,
    [level, provinceCode, today, dossierType],
  );
  return result.rows[0]?.id ?? null;
}

export async function updateRound(sql: Sql, id: string, changes: Partial<Pick<Round, 'status' | 'sessionHeldOn' | 'sessionPlace' | 'closedAt'>> & { closedBy?: string }, now: Date) {
  await sql.query(
    `UPDATE evaluation_rounds SET status = coalesce($2, status), session_held_on = coalesce($3, session_held_on),
       session_place = coalesce($4, session_place), closed_at = coalesce($5, closed_at), closed_by = coalesce($6, closed_by),
       updated_at = $7, version = version + 1 WHERE id = $1`,
    [id, changes.status ?? null, changes.sessionHeldOn ?? null, changes.sessionPlace ?? null, changes.closedAt ?? null, changes.closedBy ?? null, now],
  );
}

export type RoundSettings = Pick<Round, 'title' | 'proposalsDueOn' | 'completeBy' | 'maxSpread' | 'quorumFraction' | 'chairRequired'>;

/** The organiser's corrections to an open round's settings (each field kept when not given). */
export async function updateRoundSettings(sql: Sql, id: string, changes: Partial<RoundSettings>, now: Date) {
  await sql.query(
    `UPDATE evaluation_rounds SET title = coalesce($2, title), proposals_due_on = coalesce($3, proposals_due_on),
       complete_by = coalesce($4, complete_by), max_spread = coalesce($5, max_spread), quorum_fraction = coalesce($6, quorum_fraction),
       chair_required = coalesce($7, chair_required), updated_at = $8, version = version + 1 WHERE id = $1`,
    [id, changes.title ?? null, changes.proposalsDueOn ?? null, changes.completeBy ?? null, changes.maxSpread ?? null, changes.quorumFraction ?? null,
      changes.chairRequired ?? null, now],
  );
}

/** Whether any member has submitted a score sheet for an entry of the round (any attempt). */
export async function hasSubmittedSheet(sql: Sql, roundId: string): Promise<boolean> {
  const result = await sql.query(
    `SELECT 1 FROM member_scores s JOIN round_entries e ON e.id = s.entry_id WHERE e.round_id = $1 AND s.status = 'submitted' LIMIT 1`,
    [roundId],
  );
  return (result.rowCount ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

/** A seat in the round; the holder's name comes from the users feature (round-members.ts). */
export type RoundSeat = Pick<RoundMember, 'userId' | 'role' | 'agency'>;

export async function listSeats(sql: Sql, roundId: string): Promise<RoundSeat[]> {
  const result = await sql.query<RoundSeat>(
    `SELECT m.user_id AS "userId", m.role, m.agency FROM round_members m WHERE m.round_id = $1
     ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, m.user_id`,
    [roundId],
  );
  return result.rows;
}

export async function replaceMembers(sql: Sql, roundId: string, members: Array<{ userId: string; role: string; agency: string }>, now: Date) {
  await sql.query('DELETE FROM round_members WHERE round_id = $1', [roundId]);
  for (const member of members) {
    await sql.query('INSERT INTO round_members (round_id, user_id, role, agency, added_at) VALUES ($1, $2, $3, $4, $5)', [roundId, member.userId, member.role, member.agency, now]);
  }
}

export async function memberRole(sql: Sql, roundId: string, userId: string): Promise<RoundMember['role'] | null> {
  const result = await sql.query<{ role: RoundMember['role'] }>('SELECT role FROM round_members WHERE round_id = $1 AND user_id = $2', [roundId, userId]);
  return result.rows[0]?.role ?? null;
}

// ---------------------------------------------------------------------------------------------
// Entries
// ---------------------------------------------------------------------------------------------

const entryColumns = `e.id, e.round_id AS "roundId", e.dossier_id AS "dossierId", d.type AS "dossierType",
  (d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS "dossierSubmittedOn",
  e.product_id AS "productId", p.name AS "productName", p.product_code AS "productCode", e.producer_id AS "producerId",
  pr.name AS "producerName", e.province_code AS "provinceCode", e.commune_code AS "communeCode", cu.full_name AS "communeName",
  e.product_set_number AS "productSetNumber", e.proposed_by_entry_id AS "proposedByEntryId", e.status, e.attempt,
  e.average_total::float8 AS "averageTotal", e.stars, e.outcome, e.advisory_report AS "advisoryReport",
  (e.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS "joinedOn", e.version`;
const entryJoins = `FROM round_entries e
  JOIN dossiers d ON d.id = e.dossier_id
  JOIN products p ON p.id = e.product_id
  JOIN producers pr ON pr.id = e.producer_id
  LEFT JOIN admin_units cu ON cu.version_id = 'vn-2025' AND cu.level = 'commune' AND cu.code = e.commune_code`;

export async function findEntry(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Entry | null> {
  const result = await sql.query<Entry>(`SELECT ${entryColumns} ${entryJoins} WHERE e.id = $1 ${options.forUpdate ? 'FOR UPDATE OF e' : ''}`, [id]);
  return result.rows[0] ?? null;
}

export async function listEntries(sql: Sql, roundId: string, options: { forUpdate?: boolean } = {}): Promise<Entry[]> {
  const result = await sql.query<Entry>(
    `SELECT ${entryColumns} ${entryJoins} WHERE e.round_id = $1 ORDER BY p.name, e.id ${options.forUpdate ? 'FOR UPDATE OF e' : ''}`,
    [roundId],
  );
  return result.rows;
}

export async function findEntryResult(sql: Sql, id: string): Promise<EvaluationScore | null> {
  const result = await sql.query<{ result: EvaluationScore | null }>('SELECT result FROM round_entries WHERE id = $1', [id]);
  return result.rows[0]?.result ?? null;
}

/** The province's dossiers that may join a round: forwarded by its communes, in no live or decided province entry. */
const waitingDossierConditions = `d.status = 'forwarded_to_province' AND d.province_code = $1
  AND ($2::text <> 're_evaluation' OR d.type = 're_evaluation')
  AND NOT EXISTS (SELECT 1 FROM round_entries x WHERE x.dossier_id = d.id AND x.proposed_by_entry_id IS NULL AND x.status <> 'withdrawn')`;

/**
 * The dossiers waiting for a province round (or the one named), oldest forwarded first, with the day each
 * was forwarded (join-open-round.ts leaves out those that already led to a certificate).
 */
export async function listWaitingDossiers(sql: Sql, round: Pick<Round, 'provinceCode' | 'kind'>, dossierId: string | null = null) {
  const result = await sql.query<{ dossierId: string; productId: string; forwardedOn: string | null }>(
    `SELECT d.id AS "dossierId", d.product_id AS "productId", (d.forwarded_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS "forwardedOn"
     FROM dossiers d WHERE ${waitingDossierConditions} AND ($3::uuid IS NULL OR d.id = $3)
     ORDER BY d.forwarded_at`,
    [round.provinceCode, round.kind, dossierId],
  );
  return result.rows;
}

/**
 * Adds to a round the dossiers waiting for it: at province level, the given dossiers among those waiting
 * (listWaitingDossiers); at central level, province entries proposed to the ministry that have no
 * central entry yet (or the one of the dossier named). Returns the new entry ids.
 */
export async function addWaitingEntries(sql: Sql, round: Pick<Round, 'id' | 'level' | 'provinceCode' | 'kind'>, now: Date, dossierIds: readonly string[] | null = null): Promise<string[]> {
  if (round.level === 'province') {
    const result = await sql.query<{ id: string }>(
      `INSERT INTO round_entries (round_id, dossier_id, product_id, producer_id, province_code, commune_code, product_set_number, created_at, updated_at)
       SELECT $3, d.id, d.product_id, d.producer_id, d.province_code, d.commune_code, p.product_set_number, $4, $4
       FROM dossiers d JOIN products p ON p.id = d.product_id
       WHERE ${waitingDossierConditions} AND d.id = ANY($5::uuid[])
       ORDER BY d.forwarded_at
       RETURNING id`,
      [round.provinceCode, round.kind, round.id, now, dossierIds ?? []],
    );
    return result.rows.map((row) => row.id);
  }
  const result = await sql.query<{ id: string }>(
    `INSERT INTO round_entries (round_id, dossier_id, product_id, producer_id, province_code, commune_code, product_set_number,
       proposed_by_entry_id, created_at, updated_at)
     SELECT $1, x.dossier_id, x.product_id, x.producer_id, x.province_code, x.commune_code, x.product_set_number, x.id, $2, $2
     FROM round_entries x
     JOIN dossiers d ON d.id = x.dossier_id
     WHERE x.outcome = 'proposed_to_central' AND x.status = 'decided' AND ($3::uuid[] IS NULL OR x.dossier_id = ANY($3::uuid[]))
       AND ($4::text <> 're_evaluation' OR d.type = 're_evaluation')
       AND NOT EXISTS (SELECT 1 FROM round_entries c WHERE c.proposed_by_entry_id = x.id AND c.status <> 'withdrawn')
     RETURNING id`,
    [round.id, now, dossierIds, round.kind],
  );
  return result.rows.map((row) => row.id);
}

export async function updateEntry(
  sql: Sql,
  id: string,
  changes: { status?: EntryStatus; attempt?: number; advisoryReport?: string; result?: EvaluationScore; averageTotal?: number; stars?: number | null; outcome?: EntryOutcome },
  now: Date,
) {
  await sql.query(
    `UPDATE round_entries SET status = coalesce($2, status), attempt = coalesce($3, attempt), advisory_report = coalesce($4, advisory_report),
       result = coalesce($5::jsonb, result), average_total = coalesce($6, average_total),
       stars = CASE WHEN $8::text IS NULL THEN stars ELSE $7 END, outcome = coalesce($8, outcome),
       updated_at = $9, version = version + 1 WHERE id = $1`,
    [id, changes.status ?? null, changes.attempt ?? null, changes.advisoryReport ?? null, changes.result ? JSON.stringify(changes.result) : null,
      changes.averageTotal ?? null, changes.stars ?? null, changes.outcome ?? null, now],
  );
}

export async function insertEntryEvent(
  sql: Sql,
  event: { entryId: string; action: string; note?: string | null; details?: unknown; happenedOn?: string | null; actorUserId: string | null; at: Date },
) {
  await sql.query(
    `INSERT INTO round_entry_events (entry_id, action, note, details, happened_on, actor_user_id, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [event.entryId, event.action, event.note ?? null, event.details === undefined ? null : JSON.stringify(event.details), event.happenedOn ?? null, event.actorUserId, event.at],
  );
}

export async function listEntryEvents(sql: Sql, entryId: string) {
  const result = await sql.query<{ action: string; note: string | null; details: unknown; happenedOn: string | null; actorUserId: string | null; occurredAt: Date }>(
    `SELECT ev.action, ev.note, ev.details, ev.happened_on AS "happenedOn", ev.actor_user_id AS "actorUserId", ev.occurred_at AS "occurredAt"
     FROM round_entry_events ev WHERE ev.entry_id = $1 ORDER BY ev.seq`,
    [entryId],
  );
  return result.rows;
}

// ---------------------------------------------------------------------------------------------
// Conflicts of interest and score sheets
// ---------------------------------------------------------------------------------------------

export async function insertConflict(sql: Sql, entryId: string, userId: string, reason: string, now: Date): Promise<boolean> {
  const result = await sql.query('INSERT INTO entry_conflicts (entry_id, user_id, reason, declared_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [entryId, userId, reason, now]);
  return (result.rowCount ?? 0) > 0;
}

export async function listConflicts(sql: Sql, entryIds: string[]) {
  const result = await sql.query<{ entryId: string; userId: string; reason: string; declaredAt: Date }>(
    `SELECT c.entry_id AS "entryId", c.user_id AS "userId", c.reason, c.declared_at AS "declaredAt"
     FROM entry_conflicts c WHERE c.entry_id = ANY($1::uuid[]) ORDER BY c.declared_at`,
    [entryIds],
  );
  return result.rows;
}

export interface MemberScore {
  id: string;
  entryId: string;
  memberUserId: string;
  attempt: number;
  choices: Record<string, string>;
  disqualificationReasonId: string | null;
  stopRuleId: string | null;
  comment: string;
  status: 'draft' | 'submitted';
  total: number | null;
  submittedAt: Date | null;
  updatedAt: Date;
}

const scoreColumns = `id, entry_id AS "entryId", member_user_id AS "memberUserId", attempt, choices,
  disqualification_reason_id AS "disqualificationReasonId", stop_rule_id AS "stopRuleId", comment, status,
  total::float8 AS total, submitted_at AS "submittedAt", updated_at AS "updatedAt"`;

export async function findMemberScore(sql: Sql, entryId: string, userId: string, attempt: number, options: { forUpdate?: boolean } = {}): Promise<MemberScore | null> {
  const result = await sql.query<MemberScore>(
    `SELECT ${scoreColumns} FROM member_scores WHERE entry_id = $1 AND member_user_id = $2 AND attempt = $3 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [entryId, userId, attempt],
  );
  return result.rows[0] ?? null;
}

export async function listScores(sql: Sql, entryIds: string[], options: { submittedOnly?: boolean } = {}): Promise<MemberScore[]> {
  const result = await sql.query<MemberScore>(
    `SELECT ${scoreColumns} FROM member_scores WHERE entry_id = ANY($1::uuid[]) ${options.submittedOnly ? `AND status = 'submitted'` : ''} ORDER BY attempt, submitted_at NULLS LAST, id`,
    [entryIds],
  );
  return result.rows;
}

export async function saveMemberScore(
  sql: Sql,
  score: Pick<MemberScore, 'entryId' | 'memberUserId' | 'attempt' | 'choices' | 'disqualificationReasonId' | 'stopRuleId' | 'comment' | 'status' | 'total'>,
  now: Date,
) {
  await sql.query(
    `INSERT INTO member_scores (entry_id, member_user_id, attempt, choices, disqualification_reason_id, stop_rule_id, comment, status, total,
       submitted_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $8 = 'submitted' THEN $10::timestamptz END, $10, $10)
     ON CONFLICT (entry_id, member_user_id, attempt) DO UPDATE SET choices = EXCLUDED.choices,
       disqualification_reason_id = EXCLUDED.disqualification_reason_id, stop_rule_id = EXCLUDED.stop_rule_id, comment = EXCLUDED.comment,
       status = EXCLUDED.status, total = EXCLUDED.total, submitted_at = EXCLUDED.submitted_at, updated_at = EXCLUDED.updated_at`,
    [score.entryId, score.memberUserId, score.attempt, JSON.stringify(score.choices), score.disqualificationReasonId, score.stopRuleId, score.comment,
      score.status, score.total, now],
  );
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

export async function insertDecision(
  sql: Sql,
  decision: { roundId: string; number: string; signedOn: string; signerName: string; signerTitle: string; issuingBody: string; recordedBy: string },
  now: Date,
): Promise<string> {
  const result = await sql.query<{ id: string }>(
    `INSERT INTO recognition_decisions (round_id, number, signed_on, signer_name, signer_title, issuing_body, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [decision.roundId, decision.number, decision.signedOn, decision.signerName, decision.signerTitle, decision.issuingBody, decision.recordedBy, now],
  );
  return result.rows[0]!.id;
}

export async function findDecision(sql: Sql, roundId: string) {
  const result = await sql.query<{ id: string; number: string; signedOn: string; signerName: string; signerTitle: string; issuingBody: string }>(
    `SELECT id, number, signed_on AS "signedOn", signer_name AS "signerName", signer_title AS "signerTitle", issuing_body AS "issuingBody"
     FROM recognition_decisions WHERE round_id = $1`,
    [roundId],
  );
  return result.rows[0] ?? null;
}

/**
 * Whether the user sits on a round that evaluates this dossier, and may see it: advisory members and the
 * chair always, other council members unless they declared a conflict of interest with it.
 */
export async function isSeatedOnDossier(sql: Sql, userId: string, dossierId: string): Promise<boolean> {
  const result = await sql.query(
    `SELECT 1 FROM round_entries e
     JOIN round_members m ON m.round_id = e.round_id AND m.user_id = $1
     WHERE e.dossier_id = $2 AND e.status <> 'withdrawn'
       AND (m.role <> 'member' OR NOT EXISTS (SELECT 1 FROM entry_conflicts c WHERE c.entry_id = e.id AND c.user_id = $1))
     LIMIT 1`,
    [userId, dossierId],
  );
  return (result.rowCount ?? 0) > 0;
}

/** The ministry's decided entry for a province entry it proposed (the latest, if evaluated twice). */
export async function findDecidedCentralEntry(sql: Sql, proposedByEntryId: string) {
  const { rows } = await sql.query<{ id: string; stars: number | null; roundId: string }>(
    `SELECT id, stars, round_id AS "roundId" FROM round_entries
     WHERE proposed_by_entry_id = $1 AND status = 'decided' ORDER BY updated_at DESC LIMIT 1`,
    [proposedByEntryId],
  );
  return rows[0] ?? null;
}

/** The account that closed the round's session (the minutes name them). */
export async function findRoundCloser(sql: Sql, roundId: string): Promise<string | null> {
  const { rows } = await sql.query<{ closedBy: string | null }>('SELECT closed_by AS "closedBy" FROM evaluation_rounds WHERE id = $1', [roundId]);
  return rows[0]?.closedBy ?? null;
}
