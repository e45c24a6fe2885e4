import type { LocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { certificateStatusSql, type CertificateStatus } from './certificate-status.ts';
import type { CertificateVisibility } from './certificates.policy.ts';
import type { CertificateSummary, Inspection, InspectionOutcome, Revocation, RevocationGround } from './certificates.schemas.ts';

const unitJoins = (alias: string) => `
    LEFT JOIN admin_units p ON p.version_id = '${CURRENT_UNITS_VERSION}' AND p.level = 'province' AND p.code = ${alias}.province_code
    LEFT JOIN admin_units cu ON cu.version_id = '${CURRENT_UNITS_VERSION}' AND cu.level = 'commune' AND cu.code = ${alias}.commune_code`;

/** The certificate columns, its unit names and its status on the day bound to `dayParameter`. */
const summaryColumns = (dayParameter: string) => `
  c.id, c.number, c.product_id AS "productId", c.product_name AS "productName", c.producer_id AS "producerId",
  c.producer_name AS "producerName", c.province_code AS "provinceCode", p.full_name AS "provinceName",
  c.commune_code AS "communeCode", cu.full_name AS "communeName", c.stars, c.level, c.issuing_body AS "issuingBody",
  c.decision_number AS "decisionNumber", c.issued_on AS "issuedOn", c.expires_on AS "expiresOn",
  c.re_evaluation_filed_on AS "reEvaluationFiledOn", c.superseded_on AS "supersededOn", c.revoked_on AS "revokedOn",
  ${certificateStatusSql('c', dayParameter)} AS status`;

export interface CertificateRecord extends CertificateSummary {
  publicToken: string;
  ruleSetId: string;
  decisionId: string | null;
  entryId: string | null;
  supersededBy: string | null;
  gtin: string | null;
  isImported: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The signer of the recognition decision, when it was recorded here. */
  signerName: string | null;
  signerTitle: string | null;
}

export async function findCertificate(sql: Sql, id: string, onDay: LocalDate, options: { forUpdate?: boolean } = {}): Promise<CertificateRecord | null> {
  const { rows } = await sql.query<CertificateRecord>(
    `SELECT ${summaryColumns('$2')}, c.public_token AS "publicToken", c.rule_set_id AS "ruleSetId", c.decision_id AS "decisionId",
            c.entry_id AS "entryId", c.superseded_by AS "supersededBy", c.gtin, c.is_imported AS "isImported", c.version,
            c.created_at AS "createdAt", c.updated_at AS "updatedAt", d.signer_name AS "signerName", d.signer_title AS "signerTitle"
       FROM certificates c ${unitJoins('c')}
       LEFT JOIN recognition_decisions d ON d.id = c.decision_id
      WHERE c.id = $1 ${options.forUpdate ? 'FOR UPDATE OF c' : ''}`,
    [id, onDay],
  );
  return rows[0] ?? null;
}

export interface CertificateFilter {
  status?: CertificateStatus | 'in_force' | undefined;
  stars?: number | undefined;
  provinceCode?: string | undefined;
  producerId?: string | undefined;
  productId?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listCertificates(sql: Sql, visibility: CertificateVisibility, onDay: LocalDate, filter: CertificateFilter) {
  const where = new Conditions();
  const day = where.param(onDay);
  if (visibility.provinceCode) where.add('"provinceCode" = ?', visibility.provinceCode);
  if (visibility.communeCode) where.add('"communeCode" = ?', visibility.communeCode);
  if (visibility.producerId) where.add('"producerId" = ?', visibility.producerId);
  if (filter.provinceCode) where.add('"provinceCode" = ?', filter.provinceCode);
  if (filter.producerId) where.add('"producerId" = ?', filter.producerId);
  if (filter.productId) where.add('"productId" = ?', filter.productId);
  if (filter.stars) where.add('stars = ?', filter.stars);
  if (filter.status === 'in_force') where.addRaw(`status IN ('valid', 'expiring', 'extended')`);
  else if (filter.status) where.add('status = ?', filter.status);
  if (filter.q) where.add(`vn_unaccent(number || ' ' || "productName" || ' ' || "producerName" || ' ' || "decisionNumber") LIKE '%' || vn_unaccent(?) || '%'`, filter.q);
  const select = `SELECT * FROM (SELECT ${summaryColumns(day)} FROM certificates c ${unitJoins('c')}) AS certificate`;
  return selectPage<CertificateSummary>(sql, select, where, { orderBy: '"issuedOn" DESC, number DESC', limit: filter.limit, offset: filter.offset });
}

/** The product's certificate that a re-evaluation is for: the newest one neither revoked nor superseded. */
export async function findCurrentCertificateOfProduct(sql: Sql, productId: string, options: { forUpdate?: boolean } = {}) {
  const { rows } = await sql.query<{ id: string; number: string; expiresOn: LocalDate; reEvaluationFiledOn: LocalDate | null }>(
    `SELECT id, number, expires_on AS "expiresOn", re_evaluation_filed_on AS "reEvaluationFiledOn" FROM certificates
      WHERE product_id = $1 AND revoked_on IS NULL AND superseded_by IS NULL
      ORDER BY issued_on DESC, created_at DESC LIMIT 1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [productId],
  );
  return rows[0] ?? null;
}

export async function setReEvaluationFiled(sql: Sql, id: string, filedOn: LocalDate, now: Date): Promise<void> {
  await sql.query(
    `UPDATE certificates SET re_evaluation_filed_on = $2, updated_at = $3, version = version + 1 WHERE id = $1 AND re_evaluation_filed_on IS NULL`,
    [id, filedOn, now],
  );
}

/** A re-evaluation that ended without a new certificate ends the Đ.12.3 extension of the one in force. */
export async function clearReEvaluationFiled(sql: Sql, productId: string, now: Date): Promise<void> {
  await sql.query(
    `UPDATE certificates SET re_evaluation_filed_on = NULL, updated_at = $2, version = version + 1
     WHERE product_id = $1 AND superseded_by IS NULL AND revoked_on IS NULL AND re_evaluation_filed_on IS NOT NULL`,
    [productId, now],
  );
}

// ---------------------------------------------------------------------------------------------
// Issuing
// ---------------------------------------------------------------------------------------------

/** The next number of the issuer's yearly sequence (a row lock hands each number out once). */
export async function nextCertificateNumber(sql: Sql, issuerCode: string, year: number): Promise<number> {
  const { rows } = await sql.query<{ last_number: number }>(
    `INSERT INTO certificate_number_sequences (issuer_code, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (issuer_code, year) DO UPDATE SET last_number = certificate_number_sequences.last_number + 1
     RETURNING last_number`,
    [issuerCode, year],
  );
  return rows[0]!.last_number;
}

export interface NewCertificate {
  publicToken: string;
  number: string;
  productId: string;
  producerId: string;
  provinceCode: string;
  communeCode: string;
  stars: number;
  ruleSetId: string;
  productName: string;
  producerName: string;
  level: 'province' | 'central';
  issuingBody: string;
  decisionNumber: string;
  entryId: string | null;
  decisionId: string | null;
  issuedOn: LocalDate;
  expiresOn: LocalDate;
  gtin: string | null;
  isImported: boolean;
}

export async function insertCertificate(sql: Sql, c: NewCertificate, now: Date): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO certificates (public_token, number, product_id, producer_id, province_code, commune_code, stars, rule_set_id,
       product_name, producer_name, level, issuing_body, decision_number, entry_id, decision_id, issued_on, expires_on, gtin,
       is_imported, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)
     RETURNING id`,
    [
      c.publicToken, c.number, c.productId, c.producerId, c.provinceCode, c.communeCode, c.stars, c.ruleSetId, c.productName, c.producerName,
      c.level, c.issuingBody, c.decisionNumber, c.entryId, c.decisionId, c.issuedOn, c.expiresOn, c.gtin, c.isImported, now,
    ],
  );
  return rows[0]!.id;
}

/** The product's earlier certificates still in force are replaced by `byId` from `on`; returns their numbers. */
export async function supersedeEarlierCertificates(sql: Sql, productId: string, byId: string, on: LocalDate, now: Date): Promise<string[]> {
  const { rows } = await sql.query<{ number: string }>(
    `UPDATE certificates SET superseded_by = $1, superseded_on = $2, updated_at = $3, version = version + 1
     WHERE product_id = $4 AND id <> $1 AND superseded_by IS NULL AND revoked_on IS NULL AND issued_on <= $2
     RETURNING number`,
    [byId, on, now, productId],
  );
  return rows.map((row) => row.number);
}

// ---------------------------------------------------------------------------------------------
// Reminders
// ---------------------------------------------------------------------------------------------

export interface ReminderCertificate {
  id: string;
  number: string;
  productName: string;
  producerId: string;
  provinceCode: string;
  communeCode: string;
  publicToken: string;
  stars: number;
  expiresOn: string;
  reEvaluationFiledOn: string | null;
  revokedOn: string | null;
  supersededOn: string | null;
}

export async function findCertificateForReminder(sql: Sql, id: string): Promise<ReminderCertificate | null> {
  const { rows } = await sql.query<ReminderCertificate>(
    `SELECT id, number, product_name AS "productName", producer_id AS "producerId", province_code AS "provinceCode",
            commune_code AS "communeCode", public_token AS "publicToken", stars,
            expires_on AS "expiresOn", re_evaluation_filed_on AS "reEvaluationFiledOn", revoked_on AS "revokedOn", superseded_on AS "supersededOn"
       FROM certificates WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Revocation

export async function findRevocation(sql: Sql, certificateId: string): Promise<Revocation | null> {
  const { rows } = await sql.query<Revocation>(
    `SELECT ground, finding_on AS "findingOn", decided_on AS "decidedOn", decision_number AS "decisionNumber", reason,
            inspection_id AS "inspectionId", late, recorded_by AS "recordedBy", created_at AS "createdAt"
       FROM certificate_revocations WHERE certificate_id = $1`,
    [certificateId],
  );
  return rows[0] ?? null;
}

export interface RevocationRow {
  ground: RevocationGround;
  findingOn: LocalDate;
  decidedOn: LocalDate;
  decisionNumber: string;
  reason: string;
  inspectionId: string | null;
  late: boolean;
}

/** False when the certificate has a revocation already. */
export async function insertRevocation(sql: Sql, certificateId: string, row: RevocationRow, recordedBy: string, now: Date): Promise<boolean> {
  const result = await sql.query(
    `INSERT INTO certificate_revocations (certificate_id, ground, finding_on, decided_on, decision_number, reason, inspection_id, late, recorded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (certificate_id) DO NOTHING`,
    [certificateId, row.ground, row.findingOn, row.decidedOn, row.decisionNumber, row.reason, row.inspectionId, row.late, recordedBy, now],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function markRevoked(sql: Sql, certificateId: string, revokedOn: LocalDate, now: Date): Promise<void> {
  await sql.query('UPDATE certificates SET revoked_on = $2, updated_at = $3, version = version + 1 WHERE id = $1', [certificateId, revokedOn, now]);
}

// ---------------------------------------------------------------------------------------------
// Inspections

const inspectionSelect = (dayParameter: string) => `
  SELECT i.id, i.certificate_id AS "certificateId", c.number AS "certificateNumber", c.product_name AS "productName",
         c.producer_name AS "producerName", c.stars, i.province_code AS "provinceCode", c.commune_code AS "communeCode",
         c.producer_id AS "producerId", i.kind, i.planned_on AS "plannedOn", i.inspected_on AS "inspectedOn",
         i.inspecting_body AS "inspectingBody", i.criteria_maintained AS "criteriaMaintained", i.mark_used_properly AS "markUsedProperly",
         i.findings, i.outcome, (i.outcome IS NULL AND i.planned_on < ${dayParameter}::date) AS overdue,
         EXISTS (SELECT 1 FROM certificate_revocations r WHERE r.inspection_id = i.id) AS "revokedByThis",
         i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt"
    FROM inspections i JOIN certificates c ON c.id = i.certificate_id`;

export async function findInspection(sql: Sql, id: string, onDay: LocalDate, options: { forUpdate?: boolean } = {}): Promise<Inspection | null> {
  const { rows } = await sql.query<Inspection>(`${inspectionSelect('$2')} WHERE i.id = $1 ${options.forUpdate ? 'FOR UPDATE OF i' : ''}`, [id, onDay]);
  return rows[0] ?? null;
}

export async function listInspectionsOfCertificate(sql: Sql, certificateId: string, onDay: LocalDate): Promise<Inspection[]> {
  const { rows } = await sql.query<Inspection>(`${inspectionSelect('$2')} WHERE i.certificate_id = $1 ORDER BY i.planned_on DESC, i.created_at DESC`, [certificateId, onDay]);
  return rows;
}

export interface InspectionFilter {
  due?: 'due' | 'overdue' | undefined;
  outcome?: InspectionOutcome | 'pending' | undefined;
  certificateId?: string | undefined;
  provinceCode?: string | undefined;
  limit: number;
  offset: number;
}

/** Days ahead a planned inspection counts as due. */
export const INSPECTION_DUE_DAYS = 30;

export async function listInspections(sql: Sql, visibility: CertificateVisibility, onDay: LocalDate, filter: InspectionFilter) {
  const where = new Conditions();
  const day = where.param(onDay);
  if (visibility.provinceCode) where.add('i.province_code = ?', visibility.provinceCode);
  if (visibility.communeCode) where.add('c.commune_code = ?', visibility.communeCode);
  if (visibility.producerId) where.add('c.producer_id = ?', visibility.producerId);
  if (filter.provinceCode) where.add('i.province_code = ?', filter.provinceCode);
  if (filter.certificateId) where.add('i.certificate_id = ?', filter.certificateId);
  if (filter.outcome === 'pending') where.addRaw('i.outcome IS NULL');
  else if (filter.outcome) where.add('i.outcome = ?', filter.outcome);
  if (filter.due === 'overdue') where.addRaw(`i.outcome IS NULL AND i.planned_on < ${day}::date`);
  if (filter.due === 'due') where.add(`i.outcome IS NULL AND i.planned_on >= ${day}::date AND i.planned_on <= ${day}::date + ?::int`, INSPECTION_DUE_DAYS);
  return selectPage<Inspection>(sql, inspectionSelect(day), where, { orderBy: '"plannedOn" DESC, "createdAt" DESC', limit: filter.limit, offset: filter.offset });
}

export interface InspectionPlanRow {
  kind: 'planned' | 'ad_hoc';
  plannedOn: LocalDate;
  inspectingBody: string;
}

export async function insertInspection(sql: Sql, certificate: { id: string; provinceCode: string }, row: InspectionPlanRow, createdBy: string, now: Date): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO inspections (certificate_id, province_code, kind, planned_on, inspecting_body, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [certificate.id, certificate.provinceCode, row.kind, row.plannedOn, row.inspectingBody, createdBy, now],
  );
  return rows[0]!.id;
}

export interface InspectionResultRow {
  inspectedOn: LocalDate;
  criteriaMaintained: boolean;
  markUsedProperly: boolean;
  findings: string;
  outcome: InspectionOutcome;
  inspectingBody: string;
}

export async function updateInspectionResult(sql: Sql, id: string, row: InspectionResultRow, now: Date): Promise<void> {
  await sql.query(
    `UPDATE inspections SET inspected_on = $2, criteria_maintained = $3, mark_used_properly = $4, findings = $5, outcome = $6,
            inspecting_body = $7, updated_at = $8, version = version + 1 WHERE id = $1`,
    [id, row.inspectedOn, row.criteriaMaintained, row.markUsedProperly, row.findings, row.outcome, row.inspectingBody, now],
  );
}

// ---------------------------------------------------------------------------------------------
// Imported certificates (issue 12)
// ---------------------------------------------------------------------------------------------

export interface KnownCertificate {
  id: string;
  number: string;
  productId: string;
  stars: number;
  decisionNumber: string;
  issuedOn: LocalDate;
}

/** Certificates already held with one of these printed numbers, or of one of these products. */
export async function listKnownCertificates(sql: Sql, probe: { numbers: readonly string[]; productIds: readonly string[] }): Promise<KnownCertificate[]> {
  const { rows } = await sql.query<KnownCertificate>(
    `SELECT id, number, product_id AS "productId", stars, decision_number AS "decisionNumber", issued_on AS "issuedOn"
       FROM certificates WHERE number = ANY($1::text[]) OR product_id = ANY($2::uuid[])`,
    [probe.numbers, probe.productIds],
  );
  return rows;
}

/** A certificate older than one the product already holds is superseded by the next one from its issue day. */
export async function supersedeByLaterCertificate(sql: Sql, id: string, productId: string, issuedOn: LocalDate, now: Date): Promise<void> {
  await sql.query(
    `UPDATE certificates c SET superseded_by = later.id, superseded_on = later.issued_on, updated_at = $4, version = c.version + 1
       FROM (SELECT id, issued_on FROM certificates
              WHERE product_id = $2 AND id <> $1 AND issued_on > $3 ORDER BY issued_on, created_at LIMIT 1) later
      WHERE c.id = $1 AND c.superseded_by IS NULL`,
    [id, productId, issuedOn, now],
  );
}

export interface ImportedCertificateState {
  id: string;
  number: string;
  isImported: boolean;
  /** Why it can no longer be taken back, or null. */
  blockedBy: 'revoked' | 're_evaluation_filed' | 'superseded_by_later' | 'inspected' | null;
}

/** What has happened to certificates since an import, to decide whether the import may be undone. */
export async function listImportedCertificateStates(sql: Sql, ids: readonly string[]): Promise<ImportedCertificateState[]> {
  const { rows } = await sql.query<ImportedCertificateState>(
    `SELECT c.id, c.number, c.is_imported AS "isImported",
            CASE WHEN c.revoked_on IS NOT NULL OR EXISTS (SELECT 1 FROM certificate_revocations r WHERE r.certificate_id = c.id) THEN 'revoked'
                 WHEN c.re_evaluation_filed_on IS NOT NULL THEN 're_evaluation_filed'
                 WHEN c.superseded_by IS NOT NULL AND NOT (c.superseded_by = ANY($1::uuid[])) THEN 'superseded_by_later'
                 WHEN EXISTS (SELECT 1 FROM inspections i WHERE i.certificate_id = c.id) THEN 'inspected'
            END AS "blockedBy"
       FROM certificates c WHERE c.id = ANY($1::uuid[]) FOR UPDATE OF c`,
    [ids],
  );
  return rows;
}

/** Deletes imported certificates; the certificates they had superseded are in force again. */
export async function deleteImportedCertificates(sql: Sql, ids: readonly string[], now: Date): Promise<void> {
  await sql.query(`UPDATE certificates SET superseded_by = NULL, superseded_on = NULL, updated_at = $2, version = version + 1
                    WHERE superseded_by = ANY($1::uuid[]) AND NOT (id = ANY($1::uuid[]))`, [ids, now]);
  await sql.query('UPDATE certificates SET superseded_by = NULL, superseded_on = NULL WHERE id = ANY($1::uuid[])', [ids]);
  // Scan counts of the verification page go with the certificate they counted.
  await sql.query('DELETE FROM certificate_verifications WHERE certificate_id = ANY($1::uuid[])', [ids]);
  await sql.query('DELETE FROM certificates WHERE id = ANY($1::uuid[]) AND is_imported', [ids]);
}

/** The certificates issued on evaluation entries (the result each entry led to). */
export async function certificatesOfEntries(sql: Sql, entryIds: readonly string[]) {
  const { rows } = await sql.query<{ entryId: string; id: string; number: string; stars: number; publicToken: string; expiresOn: LocalDate }>(
    `SELECT entry_id AS "entryId", id, number, stars, public_token AS "publicToken", expires_on AS "expiresOn" FROM certificates WHERE entry_id = ANY($1::uuid[])`,
    [entryIds],
  );
  return rows;
}

/** The day each product's latest certificate was issued (any certificate, in force or not), for those that have one. */
export async function latestIssuedOnOfProducts(sql: Sql, productIds: readonly string[]): Promise<Map<string, LocalDate>> {
  if (productIds.length === 0) return new Map();
  const { rows } = await sql.query<{ productId: string; issuedOn: LocalDate }>(
    `SELECT product_id AS "productId", max(issued_on) AS "issuedOn" FROM certificates WHERE product_id = ANY($1::uuid[]) GROUP BY product_id`,
    [productIds],
  );
  return new Map(rows.map((row) => [row.productId, row.issuedOn]));
}
