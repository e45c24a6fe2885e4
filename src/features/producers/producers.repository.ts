import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { normalizeProducerName } from './producer-name.ts';
import type { CertificateInput, DuplicatePair, LegalForm, Producer, ProducerSummary } from './producers.schemas.ts';
import { parseTaxCode } from './tax-code.ts';

const producerSelect = `
  SELECT pr.id, pr.name, pr.legal_form AS "legalForm", pr.tax_code AS "taxCode",
         pr.province_code AS "provinceCode", p.full_name AS "provinceName",
         pr.commune_code AS "communeCode", c.full_name AS "communeName",
         pr.address, pr.phone, pr.email, pr.website,
         pr.representative_name AS "representativeName", pr.representative_gender AS "representativeGender",
         pr.representative_ethnicity AS "representativeEthnicity", pr.representative_position AS "representativePosition",
         pr.registration_number AS "registrationNumber", pr.registration_date AS "registrationDate",
         coalesce((SELECT json_agg(json_build_object('id', pc.id, 'kind', pc.kind, 'number', pc.number,
                                   'issuedOn', pc.issued_on, 'expiresOn', pc.expires_on, 'issuer', pc.issuer)
                                   ORDER BY pc.created_at, pc.id)
                     FROM producer_certificates pc WHERE pc.producer_id = pr.id), '[]'::json) AS certificates,
         pr.merged_into_id AS "mergedIntoId", pr.merged_at AS "mergedAt",
         pr.version, pr.created_at AS "createdAt", pr.updated_at AS "updatedAt"
    FROM producers pr
    LEFT JOIN admin_units p ON p.version_id = '${CURRENT_UNITS_VERSION}' AND p.level = 'province' AND p.code = pr.province_code
    LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = pr.commune_code`;

export async function findProducer(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Producer | null> {
  const { rows } = await sql.query<Producer>(
    `${producerSelect} WHERE pr.id = $1 ${options.forUpdate ? 'FOR UPDATE OF pr' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Where the caller may look, from producers.policy.ts. */
export interface ProducerVisibility {
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
}

function visibilityConditions(visibility: ProducerVisibility, alias: string, where = new Conditions()): Conditions {
  if (visibility.provinceCode) where.add(`${alias}.province_code = ?`, visibility.provinceCode);
  if (visibility.communeCode) where.add(`${alias}.commune_code = ?`, visibility.communeCode);
  if (visibility.producerId) where.add(`${alias}.id = ?`, visibility.producerId);
  return where;
}

/** Producers in scope; those merged into another are left out. */
export async function listProducers(
  sql: Sql,
  visibility: ProducerVisibility,
  filter: { q?: string; communeCode?: string; limit: number; offset: number },
): Promise<{ items: Producer[]; total: number }> {
  const where = visibilityConditions(visibility, 'pr', new Conditions().addRaw('pr.merged_into_id IS NULL'));
  if (filter.communeCode) where.add('pr.commune_code = ?', filter.communeCode);
  if (filter.q) where.add(`(vn_unaccent(pr.name) LIKE '%' || vn_unaccent(?) || '%' OR pr.tax_code LIKE replace(?, ' ', '') || '%')`, filter.q);
  return selectPage<Producer>(sql, producerSelect, where, { orderBy: 'name, id', limit: filter.limit, offset: filter.offset });
}

/** What a new producer row needs; the registry fields may be filled in later. */
export interface NewProducer {
  name: string;
  legalForm: LegalForm;
  /** In its written form (tax-code.ts). */
  taxCode: string | null;
  provinceCode: string;
  communeCode: string;
  address: string | null;
  phone: string | null;
  email?: string | null;
  website?: string | null;
  representativeName?: string | null;
  representativeGender?: 'female' | 'male' | null;
  representativeEthnicity?: string | null;
  representativePosition?: string | null;
  registrationNumber?: string | null;
  registrationDate?: string | null;
  isDemo?: boolean;
  now: Date;
}

function taxCodeRootOf(taxCode: string | null): string | null {
  if (taxCode === null) return null;
  const parsed = parseTaxCode(taxCode);
  if (!parsed.ok) throw new RangeError(`Not a valid tax code: ${taxCode}`);
  return parsed.root;
}

export async function insertProducer(sql: Sql, input: NewProducer): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO producers (name, normalized_name, legal_form, tax_code, tax_code_root, province_code, commune_code,
                            address, phone, email, website, representative_name, representative_gender,
                            representative_ethnicity, representative_position, registration_number, registration_date,
                            is_demo, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19) RETURNING id`,
    [
      input.name,
      normalizeProducerName(input.name),
      input.legalForm,
      input.taxCode,
      taxCodeRootOf(input.taxCode),
      input.provinceCode,
      input.communeCode,
      input.address,
      input.phone,
      input.email ?? null,
      input.website ?? null,
      input.representativeName ?? null,
      input.representativeGender ?? null,
      input.representativeEthnicity ?? null,
      input.representativePosition ?? null,
      input.registrationNumber ?? null,
      input.registrationDate ?? null,
      input.isDemo ?? false,
      input.now,
    ],
  );
  return rows[0]!.id;
}

const columnOf = {
  name: 'name',
  legalForm: 'legal_form',
  taxCode: 'tax_code',
  address: 'address',
  phone: 'phone',
  email: 'email',
  website: 'website',
  representativeName: 'representative_name',
  representativeGender: 'representative_gender',
  representativeEthnicity: 'representative_ethnicity',
  representativePosition: 'representative_position',
  registrationNumber: 'registration_number',
  registrationDate: 'registration_date',
} as const;
export type ProducerChanges = Partial<{ [K in keyof typeof columnOf]: Producer[K] }>;

export async function updateProducer(sql: Sql, id: string, changes: ProducerChanges, now: Date): Promise<void> {
  const entries = Object.entries(changes).filter(([key, value]) => value !== undefined && key in columnOf) as [keyof typeof columnOf, unknown][];
  const values: unknown[] = [id, now];
  const sets = entries.map(([key, value]) => {
    values.push(value);
    return `${columnOf[key]} = $${values.length}`;
  });
  if (changes.name !== undefined) {
    values.push(normalizeProducerName(changes.name));
    sets.push(`normalized_name = $${values.length}`);
  }
  if (changes.taxCode !== undefined) {
    values.push(taxCodeRootOf(changes.taxCode));
    sets.push(`tax_code_root = $${values.length}`);
  }
  await sql.query(`UPDATE producers SET ${[...sets, 'version = version + 1', 'updated_at = $2'].join(', ')} WHERE id = $1`, values);
}

export async function replaceCertificates(sql: Sql, producerId: string, certificates: readonly CertificateInput[], now: Date): Promise<void> {
  await sql.query('DELETE FROM producer_certificates WHERE producer_id = $1', [producerId]);
  if (certificates.length === 0) return;
  await sql.query(
    `INSERT INTO producer_certificates (producer_id, kind, number, issued_on, expires_on, issuer, created_at)
     SELECT $1, c.kind, c.number, c.issued_on, c.expires_on, c.issuer, $2::timestamptz + (c.position * interval '1 microsecond')
       FROM unnest($3::text[], $4::text[], $5::date[], $6::date[], $7::text[]) WITH ORDINALITY
            AS c(kind, number, issued_on, expires_on, issuer, position)`,
    [
      producerId,
      now,
      certificates.map((c) => c.kind),
      certificates.map((c) => c.number),
      certificates.map((c) => c.issuedOn),
      certificates.map((c) => c.expiresOn),
      certificates.map((c) => c.issuer),
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// Duplicates
// ---------------------------------------------------------------------------------------------

const summaryOf = (alias: string) => `json_build_object(
  'id', ${alias}.id, 'name', ${alias}.name, 'legalForm', ${alias}.legal_form, 'taxCode', ${alias}.tax_code,
  'provinceCode', ${alias}.province_code, 'communeCode', ${alias}.commune_code, 'communeName', ${alias}.commune_name,
  'version', ${alias}.version, 'createdAt', ${alias}.created_at)`;

export interface DuplicateCandidate extends ProducerSummary {
  reason: 'tax_code' | 'name';
  mergedIntoId: string | null;
}

/**
 * Producers that are probably the one being registered or edited: the same tax-code owner (the
 * first 10 digits, so a branch meets its parent) anywhere, or the same name key in the same commune.
 * Merged-away producers count only for the tax code (their code stays taken).
 */
export async function findLikelyDuplicates(
  sql: Sql,
  probe: { name: string; taxCode: string | null; communeCode: string; excludeId?: string },
): Promise<DuplicateCandidate[]> {
  const { rows } = await sql.query<DuplicateCandidate>(
    `SELECT pr.id, pr.name, pr.legal_form AS "legalForm", pr.tax_code AS "taxCode", pr.province_code AS "provinceCode",
            pr.commune_code AS "communeCode", c.full_name AS "communeName", pr.version, pr.created_at AS "createdAt",
            pr.merged_into_id AS "mergedIntoId",
            CASE WHEN pr.tax_code_root = $1 THEN 'tax_code' ELSE 'name' END AS reason
       FROM producers pr
       LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = pr.commune_code
      WHERE (pr.id <> $4 OR $4 IS NULL)
        AND ((pr.tax_code_root = $1)
          OR (pr.merged_into_id IS NULL AND pr.commune_code = $2 AND pr.normalized_name = $3))
      ORDER BY reason DESC, pr.created_at
      LIMIT 10`,
    [taxCodeRootOf(probe.taxCode), probe.communeCode, normalizeProducerName(probe.name), probe.excludeId ?? null],
  );
  return rows;
}

/** Pairs of producers in scope that are probably one and the same, oldest first. */
export async function listDuplicatePairs(
  sql: Sql,
  visibility: ProducerVisibility,
  page: { limit: number; offset: number },
): Promise<{ items: DuplicatePair[]; total: number }> {
  const where = visibilityConditions(visibility, 'pr', new Conditions().addRaw('pr.merged_into_id IS NULL'));
  const { rows } = await sql.query<DuplicatePair & { total: number }>(
    `WITH visible AS (SELECT pr.*, u.full_name AS commune_name FROM producers pr
                        LEFT JOIN admin_units u ON u.version_id = '${CURRENT_UNITS_VERSION}' AND u.level = 'commune' AND u.code = pr.commune_code
                       ${where.where})
     SELECT CASE WHEN a.tax_code_root = b.tax_code_root THEN 'tax_code' ELSE 'name' END AS reason,
            ${summaryOf('a')} AS first, ${summaryOf('b')} AS second, count(*) OVER () AS total
       FROM visible a
       JOIN visible b ON (a.created_at, a.id) < (b.created_at, b.id)
                     AND (a.tax_code_root = b.tax_code_root OR (a.commune_code = b.commune_code AND a.normalized_name = b.normalized_name))
      ORDER BY a.created_at, a.id, b.created_at, b.id
      LIMIT ${where.param(page.limit)} OFFSET ${where.param(page.offset)}`,
    where.values,
  );
  const asDate = (summary: ProducerSummary) => ({ ...summary, createdAt: new Date(summary.createdAt) });
  return {
    items: rows.map(({ reason, first, second }) => ({ reason, first: asDate(first), second: asDate(second) })),
    total: rows[0]?.total ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------

/** Locks both producers in a fixed order (by id), so two merges of the same pair cannot deadlock. */
export async function lockProducers(sql: Sql, ids: readonly string[]): Promise<void> {
  await sql.query('SELECT id FROM producers WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
}

export async function moveCertificates(sql: Sql, fromId: string, toId: string): Promise<number> {
  const { rowCount } = await sql.query('UPDATE producer_certificates SET producer_id = $2 WHERE producer_id = $1', [fromId, toId]);
  return rowCount ?? 0;
}

/** Marks a producer as merged into another. Its tax code is released when the target takes it over. */
export async function markMerged(sql: Sql, id: string, intoId: string, options: { releaseTaxCode: boolean }, now: Date): Promise<void> {
  await sql.query(
    `UPDATE producers SET merged_into_id = $2, merged_at = $3, updated_at = $3, version = version + 1
                          ${options.releaseTaxCode ? ', tax_code = NULL, tax_code_root = NULL' : ''}
      WHERE id = $1`,
    [id, intoId, now],
  );
}

export interface KnownProducer {
  id: string;
  name: string;
  taxCode: string | null;
  taxCodeRoot: string | null;
  communeCode: string;
  normalizedName: string;
  mergedIntoId: string | null;
}

/**
 * Producers already registered that an imported list may mean: the same tax-code owner, or the same
 * name key in the same commune (the rule of findLikelyDuplicates, for many rows at once).
 */
export async function listKnownProducers(
  sql: Sql,
  probe: { taxCodeRoots: readonly string[]; names: ReadonlyArray<{ communeCode: string; name: string }> },
): Promise<KnownProducer[]> {
  const { rows } = await sql.query<KnownProducer>(
    `SELECT pr.id, pr.name, pr.tax_code AS "taxCode", pr.tax_code_root AS "taxCodeRoot", pr.commune_code AS "communeCode",
            pr.normalized_name AS "normalizedName", pr.merged_into_id AS "mergedIntoId"
       FROM producers pr
      WHERE pr.tax_code_root = ANY($1::text[])
         OR (pr.commune_code, pr.normalized_name) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [probe.taxCodeRoots, probe.names.map((n) => n.communeCode), probe.names.map((n) => normalizeProducerName(n.name))],
  );
  return rows;
}

/** Producers changed since they were created (an edit bumps the version). */
export async function listEditedProducers(sql: Sql, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const { rows } = await sql.query<{ id: string; name: string }>(
    'SELECT id, name FROM producers WHERE id = ANY($1::uuid[]) AND (version > 1 OR merged_into_id IS NOT NULL) FOR UPDATE',
    [ids],
  );
  return rows;
}

export async function deleteProducers(sql: Sql, ids: readonly string[]): Promise<void> {
  await sql.query('DELETE FROM producer_certificates WHERE producer_id = ANY($1::uuid[])', [ids]);
  await sql.query('DELETE FROM producers WHERE id = ANY($1::uuid[])', [ids]);
}

/** A producer's own contact, for notices to households and cooperatives that never sign in. */
export interface ProducerContact {
  producerId: string;
  name: string;
  email: string | null;
  phone: string | null;
  provinceCode: string;
  communeCode: string;
}

export async function findProducerContacts(sql: Sql, producerIds: readonly string[]): Promise<ProducerContact[]> {
  if (producerIds.length === 0) return [];
  const { rows } = await sql.query<ProducerContact>(
    `SELECT id AS "producerId", name, email, phone, province_code AS "provinceCode", commune_code AS "communeCode"
     FROM producers WHERE id = ANY($1::uuid[])`,
    [producerIds],
  );
  return rows;
}

/** The producers of a commune (for "who could not be reached"), by name. */
export async function listProducerContactsOfCommune(sql: Sql, provinceCode: string, communeCode: string | null): Promise<ProducerContact[]> {
  const { rows } = await sql.query<ProducerContact>(
    `SELECT id AS "producerId", name, email, phone, province_code AS "provinceCode", commune_code AS "communeCode"
     FROM producers WHERE province_code = $1 AND ($2::text IS NULL OR commune_code = $2) ORDER BY name LIMIT 2000`,
    [provinceCode, communeCode],
  );
  return rows;
}
