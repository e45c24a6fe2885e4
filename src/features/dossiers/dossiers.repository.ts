import type { Sql } from '../../core/db/database.ts';
import { Conditions, countUpTo, selectKeysetPage, type KeyColumn } from '../../core/db/query-builder.ts';
import type { LocalDate } from '../../core/clock/index.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import type { DossierStatus } from './dossier-status.ts';
import type {
  CommuneCheck,
  CommuneCheckInput,
  DossierEvent,
  DossierFile,
  DossierRecord,
  DossierSummary,
  DossierType,
  FileKind,
  Form01Changes,
  SupplementRequest,
} from './dossiers.schemas.ts';

// ---------------------------------------------------------------------------------------------
// Visibility (from dossiers.policy.ts)
// ---------------------------------------------------------------------------------------------

/** Where the caller may look; `stage` hides dossiers not yet filed with (or forwarded to) the caller's level. */
export interface DossierVisibility {
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
  stage: 'all' | 'submitted' | 'forwarded';
}

function addVisibility(conditions: Conditions, visibility: DossierVisibility): Conditions {
  if (visibility.provinceCode) conditions.add('d.province_code = ?', visibility.provinceCode);
  if (visibility.communeCode) conditions.add('d.commune_code = ?', visibility.communeCode);
  if (visibility.producerId) conditions.add('d.producer_id = ?', visibility.producerId);
  if (visibility.stage === 'submitted') conditions.addRaw('d.submitted_at IS NOT NULL');
  if (visibility.stage === 'forwarded') conditions.addRaw('d.forwarded_at IS NOT NULL');
  return conditions;
}

// ---------------------------------------------------------------------------------------------
// Dossiers
// ---------------------------------------------------------------------------------------------

const dossierSelect = `
  SELECT d.id, d.product_id AS "productId", p.name AS "productName", p.product_set_number AS "productSetNumber",
         p.product_code AS "productCode", d.producer_id AS "producerId", pr.name AS "producerName",
         d.province_code AS "provinceCode", d.commune_code AS "communeCode", c.full_name AS "communeName",
         d.type, d.rule_set_id AS "ruleSetId", d.status, d.form_number AS "formNumber", d.submitted_at AS "submittedAt",
         d.received_on AS "receivedOn", d.due_at AS "dueAt", d.forwarded_at AS "forwardedAt", d.withdrawn_at AS "withdrawnAt",
         d.version, d.created_at AS "createdAt", d.updated_at AS "updatedAt",
         d.applicant_name AS "applicantName", d.representative_name AS "representativeName",
         d.representative_position AS "representativePosition", d.address, d.phone, d.email, d.sample_count AS "sampleCount",
         d.commitment_accepted AS "commitmentAccepted", d.product_story AS "productStory",
         d.self_assessment_id AS "selfAssessmentId", d.received_at AS "receivedAt", d.received_by AS "receivedBy",
         d.forwarded_by AS "forwardedBy"
    FROM dossiers d
    JOIN products p ON p.id = d.product_id
    JOIN producers pr ON pr.id = d.producer_id
    LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = d.commune_code`;

export async function findDossier(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<DossierRecord | null> {
  const { rows } = await sql.query<DossierRecord>(`${dossierSelect} WHERE d.id = $1 ${options.forUpdate ? 'FOR UPDATE OF d' : ''}`, [id]);
  return rows[0] ?? null;
}

/** The national list's sort: last changed first (indexes dossiers_recent_idx and the scoped ones of 0012). */
export const dossierListKey: readonly KeyColumn[] = [
  { sql: 'd.updated_at', type: 'timestamptz' },
  { sql: 'd.id', type: 'uuid' },
];

export async function listDossiers(
  sql: Sql,
  visibility: DossierVisibility,
  filter: { status?: DossierStatus; producerId?: string; productId?: string; limit: number; offset: number; after: readonly string[] | null },
): Promise<{ items: DossierSummary[]; total: number; totalExact: boolean; nextKey: string[] | null }> {
  const c = addVisibility(new Conditions(), visibility);
  if (filter.status) c.add('d.status = ?', filter.status);
  if (filter.producerId) c.add('d.producer_id = ?', filter.producerId);
  if (filter.productId) c.add('d.product_id = ?', filter.productId);
  return selectKeysetPage<DossierSummary>(
    sql,
    { from: 'dossiers d', alias: 'd', key: dossierListKey, direction: 'DESC', select: dossierSelect, limit: filter.limit, offset: filter.offset, after: filter.after },
    c,
  );
}

/** The dossier of a product still at the commune (at most one: dossiers_one_open_per_product). */
export async function findOpenDossierOfProduct(sql: Sql, productId: string): Promise<{ id: string; status: DossierStatus } | null> {
  const { rows } = await sql.query<{ id: string; status: DossierStatus }>(
    `SELECT id, status FROM dossiers
      WHERE product_id = $1 AND status IN ('draft', 'submitted', 'commune_reviewing', 'returned_for_supplement', 'resubmitted')`,
    [productId],
  );
  return rows[0] ?? null;
}

/** Another live (not withdrawn) dossier that already uses this self-assessment. */
export async function findDossierUsingSelfAssessment(sql: Sql, selfAssessmentId: string, exceptDossierId: string | null): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT id FROM dossiers WHERE self_assessment_id = $1 AND status <> 'withdrawn' AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [selfAssessmentId, exceptDossierId],
  );
  return rows[0]?.id ?? null;
}

/** The live dossiers (not withdrawn) that file one of the producer's self-assessments: self-assessment id → dossier id. */
export async function listSelfAssessmentsInUse(sql: Sql, producerId: string): Promise<Map<string, string>> {
  const { rows } = await sql.query<{ selfAssessmentId: string; dossierId: string }>(
    `SELECT self_assessment_id AS "selfAssessmentId", id AS "dossierId" FROM dossiers
      WHERE producer_id = $1 AND self_assessment_id IS NOT NULL AND status <> 'withdrawn'`,
    [producerId],
  );
  return new Map(rows.map((row) => [row.selfAssessmentId, row.dossierId]));
}

export interface NewDossier {
  productId: string;
  producerId: string;
  provinceCode: string;
  communeCode: string;
  type: DossierType;
  ruleSetId: string;
  form: Required<Form01Changes>;
  createdBy: string;
  now: Date;
}

export async function insertDossier(sql: Sql, row: NewDossier): Promise<string> {
  const f = row.form;
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO dossiers (product_id, producer_id, province_code, commune_code, type, rule_set_id, applicant_name,
                           representative_name, representative_position, address, phone, email, sample_count,
                           commitment_accepted, product_story, self_assessment_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) RETURNING id`,
    [row.productId, row.producerId, row.provinceCode, row.communeCode, row.type, row.ruleSetId, f.applicantName,
      f.representativeName, f.representativePosition, f.address, f.phone, f.email, f.sampleCount, f.commitmentAccepted,
      f.productStory, f.selfAssessmentId, row.createdBy, row.now],
  );
  return rows[0]!.id;
}

const formColumns: Record<keyof Form01Changes, string> = {
  applicantName: 'applicant_name',
  representativeName: 'representative_name',
  representativePosition: 'representative_position',
  address: 'address',
  phone: 'phone',
  email: 'email',
  sampleCount: 'sample_count',
  commitmentAccepted: 'commitment_accepted',
  productStory: 'product_story',
  selfAssessmentId: 'self_assessment_id',
};

/** Writes the Mẫu 01 fields that are present in `changes`. */
export async function updateDossierForm(sql: Sql, id: string, changes: Form01Changes): Promise<void> {
  const values: unknown[] = [id];
  const sets: string[] = [];
  for (const [key, column] of Object.entries(formColumns) as [keyof Form01Changes, string][]) {
    if (changes[key] === undefined) continue;
    values.push(changes[key]);
    sets.push(`${column} = $${values.length}`);
  }
  if (sets.length) await sql.query(`UPDATE dossiers SET ${sets.join(', ')} WHERE id = $1`, values);
}

/** What a transition writes besides the status; absent keys stay as they are. */
export interface DossierStateChanges {
  status?: DossierStatus;
  submittedAt?: Date;
  receivedAt?: Date;
  receivedOn?: LocalDate;
  receivedBy?: string;
  formNumber?: string;
  forwardedAt?: Date;
  forwardedBy?: string;
  withdrawnAt?: Date;
}

const stateColumns: Record<keyof DossierStateChanges, string> = {
  status: 'status',
  submittedAt: 'submitted_at',
  receivedAt: 'received_at',
  receivedOn: 'received_on',
  receivedBy: 'received_by',
  formNumber: 'form_number',
  forwardedAt: 'forwarded_at',
  forwardedBy: 'forwarded_by',
  withdrawnAt: 'withdrawn_at',
};

export async function updateDossierState(sql: Sql, id: string, changes: DossierStateChanges): Promise<void> {
  const values: unknown[] = [id];
  const sets: string[] = [];
  for (const [key, column] of Object.entries(stateColumns) as [keyof DossierStateChanges, string][]) {
    if (changes[key] === undefined) continue;
    values.push(changes[key]);
    sets.push(`${column} = $${values.length}`);
  }
  if (sets.length) await sql.query(`UPDATE dossiers SET ${sets.join(', ')} WHERE id = $1`, values);
}

/** Every change of a dossier ends here: the recomputed deadline, a new version, the time. */
export async function touchDossier(sql: Sql, id: string, dueAt: Date | null, now: Date): Promise<void> {
  await sql.query('UPDATE dossiers SET due_at = $2, version = version + 1, updated_at = $3 WHERE id = $1', [id, dueAt, now]);
}

/** NNN of NNN/PĐK-(province)-(commune)-(year): counted per commune and year, under the row lock of the upsert. */
export async function nextFormNumber(sql: Sql, key: { provinceCode: string; communeCode: string; year: number }): Promise<number> {
  const { rows } = await sql.query<{ lastNumber: number }>(
    `INSERT INTO dossier_form_number_sequences AS s (province_code, commune_code, year, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (province_code, commune_code, year) DO UPDATE SET last_number = s.last_number + 1
     RETURNING last_number AS "lastNumber"`,
    [key.provinceCode, key.communeCode, key.year],
  );
  return rows[0]!.lastNumber;
}

// ---------------------------------------------------------------------------------------------
// Requests for supplements (clock suspensions)
// ---------------------------------------------------------------------------------------------

export async function listSupplementRequests(sql: Sql, dossierId: string): Promise<SupplementRequest[]> {
  const { rows } = await sql.query<SupplementRequest>(
    `SELECT id, from_on AS "fromOn", to_on AS "toOn", reasons, requested_at AS "requestedAt",
            supplemented_at AS "supplementedAt", supplement_note AS "supplementNote"
       FROM dossier_clock_suspensions WHERE dossier_id = $1 ORDER BY from_on, requested_at`,
    [dossierId],
  );
  return rows;
}

export async function openSupplementRequest(
  sql: Sql,
  row: { dossierId: string; fromOn: LocalDate; reasons: string[]; requestedBy: string; requestedAt: Date },
): Promise<void> {
  await sql.query(
    `INSERT INTO dossier_clock_suspensions (dossier_id, from_on, reasons, requested_by, requested_at) VALUES ($1, $2, $3, $4, $5)`,
    [row.dossierId, row.fromOn, JSON.stringify(row.reasons), row.requestedBy, row.requestedAt],
  );
}

export async function closeSupplementRequest(
  sql: Sql,
  dossierId: string,
  row: { toOn: LocalDate; supplementedBy: string; supplementedAt: Date; note: string | null },
): Promise<number> {
  const { rowCount } = await sql.query(
    `UPDATE dossier_clock_suspensions SET to_on = $2, supplemented_by = $3, supplemented_at = $4, supplement_note = $5
      WHERE dossier_id = $1 AND to_on IS NULL`,
    [dossierId, row.toOn, row.supplementedBy, row.supplementedAt, row.note],
  );
  return rowCount ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Events (the history the producer and officers see)
// ---------------------------------------------------------------------------------------------

export async function insertDossierEvent(
  sql: Sql,
  row: { dossierId: string; action: string; fromStatus: string | null; toStatus: string | null; note: string | null; actorUserId: string; occurredAt: Date },
): Promise<void> {
  await sql.query(
    `INSERT INTO dossier_events (dossier_id, action, from_status, to_status, note, actor_user_id, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row.dossierId, row.action, row.fromStatus, row.toStatus, row.note, row.actorUserId, row.occurredAt],
  );
}

export async function listDossierEvents(sql: Sql, dossierId: string): Promise<DossierEvent[]> {
  const { rows } = await sql.query<DossierEvent>(
    `SELECT e.id, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.note,
            u.display_name AS "actorName", e.occurred_at AS "occurredAt"
       FROM dossier_events e LEFT JOIN users u ON u.id = e.actor_user_id
      WHERE e.dossier_id = $1 ORDER BY e.seq`,
    [dossierId],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The commune's check (Mẫu 03)
// ---------------------------------------------------------------------------------------------

export async function findCommuneCheck(sql: Sql, dossierId: string): Promise<CommuneCheck | null> {
  const { rows } = await sql.query<CommuneCheck>(
    `SELECT dossier_complete AS "dossierComplete",
            json_build_object('assessment', origin_assessment, 'passed', origin_passed) AS origin,
            json_build_object('assessment', local_labour_assessment, 'passed', local_labour_passed) AS "localLabour",
            json_build_object('assessment', idea_origin_assessment, 'passed', idea_origin_passed) AS "ideaOrigin",
            json_build_object('assessment', local_identity_assessment, 'passed', local_identity_passed) AS "localIdentity",
            conclusion, checked_by AS "checkedBy", checked_at AS "checkedAt", updated_at AS "updatedAt"
       FROM commune_checks WHERE dossier_id = $1`,
    [dossierId],
  );
  return rows[0] ?? null;
}

export async function saveCommuneCheck(sql: Sql, dossierId: string, input: Omit<CommuneCheckInput, 'version'>, checkedBy: string, now: Date): Promise<void> {
  await sql.query(
    `INSERT INTO commune_checks (dossier_id, dossier_complete, origin_assessment, origin_passed, local_labour_assessment,
                                 local_labour_passed, idea_origin_assessment, idea_origin_passed, local_identity_assessment,
                                 local_identity_passed, conclusion, checked_by, checked_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     ON CONFLICT (dossier_id) DO UPDATE SET
       dossier_complete = EXCLUDED.dossier_complete, origin_assessment = EXCLUDED.origin_assessment,
       origin_passed = EXCLUDED.origin_passed, local_labour_assessment = EXCLUDED.local_labour_assessment,
       local_labour_passed = EXCLUDED.local_labour_passed, idea_origin_assessment = EXCLUDED.idea_origin_assessment,
       idea_origin_passed = EXCLUDED.idea_origin_passed, local_identity_assessment = EXCLUDED.local_identity_assessment,
       local_identity_passed = EXCLUDED.local_identity_passed, conclusion = EXCLUDED.conclusion,
       checked_by = EXCLUDED.checked_by, updated_at = EXCLUDED.updated_at`,
    [dossierId, input.dossierComplete, input.origin.assessment, input.origin.passed, input.localLabour.assessment,
      input.localLabour.passed, input.ideaOrigin.assessment, input.ideaOrigin.passed, input.localIdentity.assessment,
      input.localIdentity.passed, input.conclusion, checkedBy, now],
  );
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

const fileSelect = `
  SELECT f.id, f.kind, f.criterion_code AS "criterionCode", f.original_name AS "originalName", f.mime_type AS "mimeType",
         f.size_bytes AS "sizeBytes", f.sha256, f.reused_from_id AS "reusedFromId", f.created_at AS "createdAt"
    FROM dossier_files f`;

export async function listDossierFiles(sql: Sql, dossierId: string): Promise<DossierFile[]> {
  const { rows } = await sql.query<DossierFile>(`${fileSelect} WHERE f.dossier_id = $1 ORDER BY f.created_at, f.original_name, f.id`, [dossierId]);
  return rows;
}

/**
 * Bytes of the distinct contents a dossier holds, and all the dossiers of its producer (a content filed
 * twice is stored once, so it counts once). The producer's advisory lock serialises the uploads of one
 * producer to several dossiers at once, so two cannot both pass the quota.
 */
export async function measureFileUsage(sql: Sql, dossierId: string, producerId: string): Promise<{ dossierBytes: number; producerBytes: number }> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext('producer-files:' || $1))`, [producerId]);
  const { rows } = await sql.query<{ dossierBytes: string; producerBytes: string }>(
    `SELECT coalesce((SELECT sum(size_bytes) FROM (SELECT DISTINCT sha256, size_bytes FROM dossier_files WHERE dossier_id = $1) d), 0) AS "dossierBytes",
            coalesce((SELECT sum(size_bytes) FROM (SELECT DISTINCT f.sha256, f.size_bytes
                                                     FROM dossier_files f JOIN dossiers x ON x.id = f.dossier_id
                                                    WHERE x.producer_id = $2) p), 0) AS "producerBytes"`,
    [dossierId, producerId],
  );
  return { dossierBytes: Number(rows[0]!.dossierBytes), producerBytes: Number(rows[0]!.producerBytes) };
}

export async function findDossierFile(sql: Sql, dossierId: string, fileId: string): Promise<(DossierFile & { storageKey: string }) | null> {
  const { rows } = await sql.query<DossierFile & { storageKey: string }>(
    `SELECT f.id, f.kind, f.criterion_code AS "criterionCode", f.original_name AS "originalName", f.mime_type AS "mimeType",
            f.size_bytes AS "sizeBytes", f.sha256, f.reused_from_id AS "reusedFromId", f.created_at AS "createdAt",
            s.storage_key AS "storageKey"
       FROM dossier_files f JOIN stored_files s ON s.sha256 = f.sha256
      WHERE f.dossier_id = $1 AND f.id = $2`,
    [dossierId, fileId],
  );
  return rows[0] ?? null;
}

export async function insertStoredFile(sql: Sql, row: { sha256: string; sizeBytes: number; mimeType: string; storageKey: string; now: Date }): Promise<void> {
  await sql.query(
    `INSERT INTO stored_files (sha256, size_bytes, mime_type, storage_key, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (sha256) DO NOTHING`,
    [row.sha256, row.sizeBytes, row.mimeType, row.storageKey, row.now],
  );
}

export interface NewDossierFile {
  dossierId: string;
  sha256: string;
  kind: FileKind;
  criterionCode: string | null;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedBy: string;
  now: Date;
}

/** Returns the new file's id, or null when the dossier already holds that content for that purpose. */
export async function insertDossierFile(sql: Sql, row: NewDossierFile): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO dossier_files (dossier_id, sha256, kind, criterion_code, original_name, mime_type, size_bytes, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
    [row.dossierId, row.sha256, row.kind, row.criterionCode, row.originalName, row.mimeType, row.sizeBytes, row.uploadedBy, row.now],
  );
  return rows[0]?.id ?? null;
}

/** Copies the file references of one dossier to another (the stored blobs are shared); returns how many were new. */
export async function copyDossierFiles(sql: Sql, fromDossierId: string, toDossierId: string, uploadedBy: string, now: Date): Promise<number> {
  const { rowCount } = await sql.query(
    `INSERT INTO dossier_files (dossier_id, sha256, kind, criterion_code, original_name, mime_type, size_bytes, reused_from_id, uploaded_by, created_at)
     SELECT $2, f.sha256, f.kind, f.criterion_code, f.original_name, f.mime_type, f.size_bytes, coalesce(f.reused_from_id, f.id), $3, $4
       FROM dossier_files f WHERE f.dossier_id = $1
     ON CONFLICT DO NOTHING`,
    [fromDossierId, toDossierId, uploadedBy, now],
  );
  return rowCount ?? 0;
}

export async function deleteDossierFile(sql: Sql, dossierId: string, fileId: string): Promise<boolean> {
  const { rowCount } = await sql.query('DELETE FROM dossier_files WHERE dossier_id = $1 AND id = $2', [dossierId, fileId]);
  return (rowCount ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------
// Dashboards
// ---------------------------------------------------------------------------------------------

const QUEUE_LIMIT = 200;

export interface QueueWindow {
  limit: number;
  offset: number;
}

/**
 * One page of dossiers in `orderBy`: the page's ids are found on dossiers alone (indexes
 * dossiers_province_queue_idx, dossiers_due_idx), then only those rows are joined; and how many match.
 */
async function pageOfQueue(sql: Sql, c: Conditions, orderBy: string, window: QueueWindow): Promise<{ items: DossierSummary[]; total: number }> {
  const where = c.where;
  const countValues = [...c.values];
  const limit = c.param(window.limit);
  const offset = c.param(window.offset);
  const [{ rows }, count] = await Promise.all([
    sql.query<DossierSummary>(
      `WITH page AS MATERIALIZED (
         SELECT d.id AS page_id, row_number() OVER (ORDER BY ${orderBy}) AS n FROM dossiers d ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset})
       ${dossierSelect} JOIN page ON page.page_id = d.id ORDER BY page.n`,
      c.values,
    ),
    countUpTo(sql, `FROM dossiers d ${where}`, countValues),
  ]);
  return { items: rows, total: count.total };
}

const waitingOrder = 'd.due_at NULLS LAST, d.submitted_at NULLS LAST, d.updated_at, d.id';
const dueOrder = 'd.due_at, d.id';

export async function listDossiersInStatuses(sql: Sql, visibility: DossierVisibility, statuses: readonly DossierStatus[]): Promise<DossierSummary[]> {
  return (await pageDossiersInStatuses(sql, visibility, statuses, { limit: QUEUE_LIMIT, offset: 0 })).items;
}

/** A page of the dossiers in these statuses, the earliest deadline first, and how many there are. */
export async function pageDossiersInStatuses(
  sql: Sql,
  visibility: DossierVisibility,
  statuses: readonly DossierStatus[],
  window: QueueWindow,
): Promise<{ items: DossierSummary[]; total: number }> {
  if (statuses.length === 0) return { items: [], total: 0 };
  const c = addVisibility(new Conditions(), visibility).add('d.status = ANY(?::text[])', statuses);
  return pageOfQueue(sql, c, waitingOrder, window);
}

/** Dossiers at the commune whose deadline falls in [dueFrom, dueUntil] (either bound may be open): a page, and how many. */
export async function pageDossiersDueBetween(
  sql: Sql,
  visibility: DossierVisibility,
  statuses: readonly DossierStatus[],
  range: { dueAfter?: Date; dueUntil?: Date; dueBefore?: Date },
  window: QueueWindow,
): Promise<{ items: DossierSummary[]; total: number }> {
  const c = addVisibility(new Conditions(), visibility).add('d.status = ANY(?::text[])', statuses).addRaw('d.due_at IS NOT NULL');
  if (range.dueAfter) c.add('d.due_at >= ?', range.dueAfter);
  if (range.dueUntil) c.add('d.due_at <= ?', range.dueUntil);
  if (range.dueBefore) c.add('d.due_at < ?', range.dueBefore);
  return pageOfQueue(sql, c, dueOrder, window);
}

export interface OnTimeRow {
  provinceCode: string;
  provinceName: string | null;
  /** Null in rows per province. */
  communeCode: string | null;
  communeName: string | null;
  forwarded: number;
  onTime: number;
}

/** Dossiers forwarded in [from, until): how many, and how many by their deadline, per commune or per province. */
export async function countForwardedOnTime(
  sql: Sql,
  visibility: DossierVisibility,
  filter: { provinceCode?: string; communeCode?: string; from: Date; until: Date; by: 'commune' | 'province' },
): Promise<OnTimeRow[]> {
  const c = addVisibility(new Conditions(), visibility)
    .addRaw('d.forwarded_at IS NOT NULL')
    .add('d.forwarded_at >= ?', filter.from)
    .add('d.forwarded_at < ?', filter.until);
  if (filter.provinceCode) c.add('d.province_code = ?', filter.provinceCode);
  if (filter.communeCode) c.add('d.commune_code = ?', filter.communeCode);
  const perCommune = filter.by === 'commune';
  // Counted first, named after: the unit names are looked up once per group, not once per dossier.
  const { rows } = await sql.query<OnTimeRow>(
    `SELECT g."provinceCode", p.full_name AS "provinceName", g."communeCode", cu.full_name AS "communeName", g.forwarded, g."onTime"
       FROM (SELECT d.province_code AS "provinceCode", ${perCommune ? 'd.commune_code' : 'NULL::text'} AS "communeCode",
                    count(*)::int AS forwarded, count(*) FILTER (WHERE d.forwarded_at <= d.due_at)::int AS "onTime"
               FROM dossiers d ${c.where}
              GROUP BY 1, 2) g
       LEFT JOIN admin_units p ON p.version_id = '${CURRENT_UNITS_VERSION}' AND p.level = 'province' AND p.code = g."provinceCode"
       LEFT JOIN admin_units cu ON cu.version_id = '${CURRENT_UNITS_VERSION}' AND cu.level = 'commune' AND cu.code = g."communeCode"
      ORDER BY g."provinceCode", g."communeCode"`,
    c.values,
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Dashboard counts (issue 13)
// ---------------------------------------------------------------------------------------------

export interface DossierCount {
  count: number;
  /** Of them, those whose due_at has passed (a paused clock has no due_at and is never overdue). */
  overdue: number;
  /** The earliest due_at among them, or null. */
  firstDueAt: Date | null;
}

/** How many dossiers in the caller's view are in these statuses, how many are overdue, and the next deadline. */
export async function countDossiersInStatuses(sql: Sql, visibility: DossierVisibility, statuses: readonly DossierStatus[], now: Date): Promise<DossierCount> {
  const c = addVisibility(new Conditions(), visibility).add('d.status = ANY(?::text[])', statuses);
  const at = c.param(now);
  const { rows } = await sql.query<DossierCount>(
    `SELECT count(*)::int AS count, count(*) FILTER (WHERE d.due_at < ${at})::int AS overdue, min(d.due_at) AS "firstDueAt"
       FROM dossiers d ${c.where}`,
    c.values,
  );
  return rows[0]!;
}

/** Dossiers submitted in [from, until) in the caller's view, a withdrawn one not counted. */
export async function countDossiersSubmittedBetween(sql: Sql, visibility: DossierVisibility, range: { from: Date; until: Date }): Promise<number> {
  const c = addVisibility(new Conditions(), visibility)
    .addRaw("d.status <> 'withdrawn'")
    .add('d.submitted_at >= ?', range.from)
    .add('d.submitted_at < ?', range.until);
  const { rows } = await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM dossiers d ${c.where}`, c.values);
  return rows[0]!.count;
}

/** countForwardedOnTime's totals alone, for a dashboard (no per-commune grouping). */
export async function countForwardedOnTimeTotal(sql: Sql, visibility: DossierVisibility, range: { from: Date; until: Date }): Promise<{ forwarded: number; onTime: number }> {
  const c = addVisibility(new Conditions(), visibility)
    .addRaw('d.forwarded_at IS NOT NULL')
    .add('d.forwarded_at >= ?', range.from)
    .add('d.forwarded_at < ?', range.until);
  const { rows } = await sql.query<{ forwarded: number; onTime: number }>(
    `SELECT count(*)::int AS forwarded, count(*) FILTER (WHERE d.forwarded_at <= d.due_at)::int AS "onTime" FROM dossiers d ${c.where}`,
    c.values,
  );
  return rows[0]!;
}

/** Per commune: dossiers whose commune clock runs out by `dueSoonUntil` (not yet overdue), and those overdue. */
export async function countCommuneDeadlines(
  sql: Sql,
  now: Date,
  dueSoonUntil: Date,
): Promise<Array<{ provinceCode: string; communeCode: string; dueSoon: number; overdue: number; firstDueAt: Date | null }>> {
  const { rows } = await sql.query(
    `SELECT province_code AS "provinceCode", commune_code AS "communeCode",
            count(*) FILTER (WHERE due_at >= $1 AND due_at <= $2)::int AS "dueSoon",
            count(*) FILTER (WHERE due_at < $1)::int AS overdue,
            min(due_at) FILTER (WHERE due_at >= $1) AS "firstDueAt"
       FROM dossiers
      WHERE status IN ('submitted', 'commune_reviewing', 'resubmitted') AND due_at IS NOT NULL AND due_at <= $2
      GROUP BY province_code, commune_code`,
    [now, dueSoonUntil],
  );
  return rows as Array<{ provinceCode: string; communeCode: string; dueSoon: number; overdue: number; firstDueAt: Date | null }>;
}
