import type { LocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { certificateStatusSql, type CertificateStatus, type RevocationGround } from '../certificates/index.ts';

/** What the public verification page shows: only what the certificate itself publishes. */
export interface VerifiedCertificate {
  id: string;
  publicToken: string;
  number: string;
  productId: string;
  productName: string;
  productCode: string | null;
  producerName: string;
  provinceName: string | null;
  communeName: string | null;
  stars: number;
  issuingBody: string;
  decisionNumber: string;
  issuedOn: LocalDate;
  expiresOn: LocalDate;
  supersededOn: LocalDate | null;
  revokedOn: LocalDate | null;
  gtin: string | null;
  version: number;
  /** certificate_status() on the day asked (the only definition of validity). */
  status: CertificateStatus;
  revocation: { ground: RevocationGround; decidedOn: LocalDate; decisionNumber: string } | null;
}

export async function findCertificateByToken(sql: Sql, publicToken: string, onDay: LocalDate): Promise<VerifiedCertificate | null> {
  const { rows } = await sql.query<Omit<VerifiedCertificate, 'revocation'> & { ground: RevocationGround | null; revocationDecidedOn: LocalDate | null; revocationDecisionNumber: string | null }>(
    `SELECT c.id, c.public_token AS "publicToken", c.number, c.product_id AS "productId", c.product_name AS "productName",
            pr.product_code AS "productCode", c.producer_name AS "producerName", pu.full_name AS "provinceName",
            cu.full_name AS "communeName", c.stars, c.issuing_body AS "issuingBody", c.decision_number AS "decisionNumber",
            c.issued_on AS "issuedOn", c.expires_on AS "expiresOn", c.superseded_on AS "supersededOn", c.revoked_on AS "revokedOn",
            c.gtin, c.version, ${certificateStatusSql('c', '$2')} AS status,
            r.ground, r.decided_on AS "revocationDecidedOn", r.decision_number AS "revocationDecisionNumber"
       FROM certificates c
       JOIN products pr ON pr.id = c.product_id
       LEFT JOIN admin_units pu ON pu.version_id = '${CURRENT_UNITS_VERSION}' AND pu.level = 'province' AND pu.code = c.province_code
       LEFT JOIN admin_units cu ON cu.version_id = '${CURRENT_UNITS_VERSION}' AND cu.level = 'commune' AND cu.code = c.commune_code
       LEFT JOIN certificate_revocations r ON r.certificate_id = c.id
      WHERE c.public_token = $1`,
    [publicToken, onDay],
  );
  const row = rows[0];
  if (!row) return null;
  const { ground, revocationDecidedOn, revocationDecisionNumber, ...certificate } = row;
  return {
    ...certificate,
    revocation: ground && revocationDecidedOn ? { ground, decidedOn: revocationDecidedOn, decisionNumber: revocationDecisionNumber ?? '' } : null,
  };
}

/**
 * Counts one verification of the certificate on `day` and returns the total of all days, in one
 * statement (the CTE's insert is not visible to the outer SELECT, so today's row is added separately).
 */
export async function recordVerification(sql: Sql, certificateId: string, day: LocalDate): Promise<number> {
  const { rows } = await sql.query<{ total: number }>(
    `WITH counted AS (
       INSERT INTO certificate_verifications (certificate_id, day, count) VALUES ($1, $2, 1)
       ON CONFLICT (certificate_id, day) DO UPDATE SET count = certificate_verifications.count + 1
       RETURNING count)
     SELECT ((SELECT count FROM counted)
             + COALESCE((SELECT sum(count) FROM certificate_verifications WHERE certificate_id = $1 AND day <> $2), 0))::int AS total`,
    [certificateId, day],
  );
  return rows[0]!.total;
}

export async function countVerifications(sql: Sql, certificateId: string): Promise<number> {
  const { rows } = await sql.query<{ total: number }>(
    'SELECT COALESCE(sum(count), 0)::int AS total FROM certificate_verifications WHERE certificate_id = $1',
    [certificateId],
  );
  return rows[0]!.total;
}

/** A certificate number as people type it: without spaces, in capitals. */
export const normalizeCertificateNumber = (number: string) => number.normalize('NFC').replace(/\s+/g, '').toUpperCase();

/**
 * The public token of the certificate with this number: exact match first (the unique index), then
 * ignoring case and spaces (numbers imported from paper registers were typed by hand).
 */
export async function findTokenByNumber(sql: Sql, number: string): Promise<string | null> {
  const normalized = normalizeCertificateNumber(number);
  if (!normalized) return null;
  const { rows } = await sql.query<{ publicToken: string }>(
    `(SELECT public_token AS "publicToken" FROM certificates WHERE number = $1)
     UNION ALL
     (SELECT public_token FROM certificates WHERE upper(regexp_replace(number, '\\s+', '', 'g')) = $1 LIMIT 1)
     LIMIT 1`,
    [normalized],
  );
  return rows[0]?.publicToken ?? null;
}

/**
 * The certificate a GS1 Digital Link for this GTIN-14 resolves to: the one named by `cert` when it
 * carries this GTIN, otherwise the product's latest certificate (which may say expired or revoked).
 */
export async function findTokenByGtin(sql: Sql, gtin14: string, preferredToken: string | null): Promise<string | null> {
  const { rows } = await sql.query<{ publicToken: string }>(
    `SELECT public_token AS "publicToken" FROM certificates
      WHERE gtin IS NOT NULL AND lpad(gtin, 14, '0') = $1
      ORDER BY (public_token = $2) DESC, issued_on DESC, created_at DESC
      LIMIT 1`,
    [gtin14, preferredToken ?? ''],
  );
  return rows[0]?.publicToken ?? null;
}
