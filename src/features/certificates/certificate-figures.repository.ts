/** The certificate counts of the dashboards (issue 13): on the same status rule as the lists (certificate_status()). */
import type { LocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { certificateStatusSql, type CertificateStatus } from './certificate-status.ts';

/** Where a count looks: null means no limit (core/auth/actor.ts visibilityOf). */
export interface CertificateScope {
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
}

const scopeFilter = (first: number) =>
  `($${first}::text IS NULL OR c.province_code = $${first}) AND ($${first + 1}::text IS NULL OR c.commune_code = $${first + 1})
   AND ($${first + 2}::uuid IS NULL OR c.producer_id = $${first + 2})`;
const scopeValues = (scope: CertificateScope) => [scope.provinceCode, scope.communeCode, scope.producerId];

export interface CertificateFigures {
  /** Products with a certificate in force on the day (valid, expiring or extended), by its stars. */
  inForce: { 3: number; 4: number; 5: number };
  /** Certificates by status on the day (superseded ones are left out: their product holds a newer one). */
  valid: number;
  expiring: number;
  extended: number;
  expired: number;
  revoked: number;
  /** Certificates whose validity ran out in [yearStart, day): not revoked, nor replaced by an upgrade, before. */
  expiredInYear: number;
  /** Of those, the ones whose producer filed a re-evaluation dossier (Đ.7.6.a, Đ.12.3). */
  reEvaluatedOfExpired: number;
  /** Products that received a certificate dated in [yearStart, day]. */
  recognisedInYear: number;
}

/**
 * The certificate figures of a scope on a day, counting only certificates dated by then (one recorded
 * ahead of its date does not count yet). Status comes from certificate_status(), the lists' own rule.
 */
export async function countCertificateFigures(sql: Sql, scope: CertificateScope, onDay: LocalDate, yearStart: LocalDate): Promise<CertificateFigures> {
  // One pass over the scope's certificates: the status is computed once per row, every figure is a FILTER.
  const { rows } = await sql.query<Record<string, number>>(
    `WITH scoped AS (
       SELECT c.product_id, c.stars, c.issued_on, c.re_evaluation_filed_on, ${certificateStatusSql('c', '$1')} AS status,
              (c.expires_on >= $2::date AND c.expires_on < $1::date
                AND NOT (c.revoked_on IS NOT NULL AND c.revoked_on <= c.expires_on)
                AND NOT (c.superseded_on IS NOT NULL AND c.superseded_on <= c.expires_on AND c.re_evaluation_filed_on IS NULL)) AS ran_out
         FROM certificates c
        WHERE c.issued_on <= $1::date AND ${scopeFilter(3)}
     )
     SELECT count(DISTINCT product_id) FILTER (WHERE stars = 3 AND status IN ('valid', 'expiring', 'extended'))::int AS "inForce3",
            count(DISTINCT product_id) FILTER (WHERE stars = 4 AND status IN ('valid', 'expiring', 'extended'))::int AS "inForce4",
            count(DISTINCT product_id) FILTER (WHERE stars = 5 AND status IN ('valid', 'expiring', 'extended'))::int AS "inForce5",
            count(*) FILTER (WHERE status = 'valid')::int AS valid,
            count(*) FILTER (WHERE status = 'expiring')::int AS expiring,
            count(*) FILTER (WHERE status = 'extended')::int AS extended,
            count(*) FILTER (WHERE status = 'expired')::int AS expired,
            count(*) FILTER (WHERE status = 'revoked')::int AS revoked,
            count(*) FILTER (WHERE ran_out)::int AS "expiredInYear",
            count(*) FILTER (WHERE ran_out AND re_evaluation_filed_on IS NOT NULL)::int AS "reEvaluatedOfExpired",
            count(DISTINCT product_id) FILTER (WHERE issued_on >= $2::date)::int AS "recognisedInYear"
       FROM scoped`,
    [onDay, yearStart, ...scopeValues(scope)],
  );
  const r = rows[0]!;
  return {
    inForce: { 3: r.inForce3!, 4: r.inForce4!, 5: r.inForce5! },
    valid: r.valid!,
    expiring: r.expiring!,
    extended: r.extended!,
    expired: r.expired!,
    revoked: r.revoked!,
    expiredInYear: r.expiredInYear!,
    reEvaluatedOfExpired: r.reEvaluatedOfExpired!,
    recognisedInYear: r.recognisedInYear!,
  };
}

export interface WindowCount {
  count: number;
  /** The earliest day among them (the window's opening or closing day), or null when none. */
  firstOn: LocalDate | null;
}

/**
 * Certificates in force with no re-evaluation filed whose filing window (Đ.7.6.a: from 180 to 120 days
 * before expiry) opens, or closes, within `withinDays` days from `onDay` (both days included).
 */
export async function countReEvaluationWindows(
  sql: Sql,
  scope: CertificateScope,
  onDay: LocalDate,
  window: { opensDaysBefore: number; closesDaysBefore: number },
  withinDays: number,
): Promise<{ opening: WindowCount; closing: WindowCount }> {
  const { rows } = await sql.query<{ opening: number; opensOn: LocalDate | null; closing: number; closesOn: LocalDate | null }>(
    `SELECT count(*) FILTER (WHERE c.expires_on - $2::int BETWEEN $1::date AND $1::date + $4::int)::int AS opening,
            min(c.expires_on - $2::int) FILTER (WHERE c.expires_on - $2::int BETWEEN $1::date AND $1::date + $4::int)::text AS "opensOn",
            count(*) FILTER (WHERE c.expires_on - $3::int BETWEEN $1::date AND $1::date + $4::int)::int AS closing,
            min(c.expires_on - $3::int) FILTER (WHERE c.expires_on - $3::int BETWEEN $1::date AND $1::date + $4::int)::text AS "closesOn"
       FROM certificates c
      WHERE c.revoked_on IS NULL AND c.superseded_by IS NULL AND c.re_evaluation_filed_on IS NULL AND c.issued_on <= $1::date
        AND c.expires_on BETWEEN $1::date + $3::int AND $1::date + $2::int + $4::int AND ${scopeFilter(5)}`,
    [onDay, window.opensDaysBefore, window.closesDaysBefore, withinDays, ...scopeValues(scope)],
  );
  const r = rows[0]!;
  return { opening: { count: r.opening, firstOn: r.opensOn }, closing: { count: r.closing, firstOn: r.closesOn } };
}

export interface PendingRevocation {
  certificateId: string;
  number: string;
  productName: string;
  stars: number;
  inspectionId: string;
  findingOn: LocalDate;
}

/**
 * Inspections that found a violation (Đ.9) more than `deadlineDays` days ago while the certificate is still
 * not revoked: the revocation is past the Đ.8.2 limit. Oldest finding first.
 */
export async function listOverdueRevocations(sql: Sql, scope: CertificateScope, onDay: LocalDate, deadlineDays: number, limit: number): Promise<PendingRevocation[]> {
  const { rows } = await sql.query<PendingRevocation>(
    `SELECT DISTINCT ON (c.id) c.id AS "certificateId", c.number, c.product_name AS "productName", c.stars,
            i.id AS "inspectionId", i.inspected_on::text AS "findingOn"
       FROM inspections i JOIN certificates c ON c.id = i.certificate_id
      WHERE i.outcome = 'violation' AND i.inspected_on + $2::int < $1::date AND c.revoked_on IS NULL AND c.superseded_by IS NULL
        AND NOT EXISTS (SELECT 1 FROM certificate_revocations r WHERE r.certificate_id = c.id) AND ${scopeFilter(4)}
      ORDER BY c.id, i.inspected_on
      LIMIT $3`,
    [onDay, deadlineDays, limit, ...scopeValues(scope)],
  );
  return rows.sort((a, b) => (a.findingOn < b.findingOn ? -1 : a.findingOn > b.findingOn ? 1 : 0));
}

export interface ProductStanding {
  productId: string;
  certificateId: string;
  number: string;
  stars: number;
  issuedOn: LocalDate;
  expiresOn: LocalDate;
  reEvaluationFiledOn: LocalDate | null;
  status: CertificateStatus;
}

/** Each product's latest certificate dated by `onDay` (a future-dated one is not its certificate yet), with its status. */
export async function latestCertificatesOfProducts(sql: Sql, productIds: readonly string[], onDay: LocalDate): Promise<ProductStanding[]> {
  if (productIds.length === 0) return [];
  const { rows } = await sql.query<ProductStanding>(
    `SELECT DISTINCT ON (c.product_id) c.product_id AS "productId", c.id AS "certificateId", c.number, c.stars,
            c.issued_on AS "issuedOn", c.expires_on AS "expiresOn", c.re_evaluation_filed_on AS "reEvaluationFiledOn",
            ${certificateStatusSql('c', '$2')} AS status
       FROM certificates c
      WHERE c.product_id = ANY($1::uuid[]) AND c.issued_on <= $2::date
      ORDER BY c.product_id, c.issued_on DESC, c.created_at DESC`,
    [productIds, onDay],
  );
  return rows;
}
