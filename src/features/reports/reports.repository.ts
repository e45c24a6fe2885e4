/**
 * The programme report's read model: it reads across the rooms' tables (certificates, products,
 * producers, revocations, evaluation rounds, ideas, business plans, dossiers, sales points) by design,
 * as ARCHITECTURE.md allows a report to. It never writes. The rules every figure keeps:
 * - a certificate counts only from its day of issue: one dated after the day counted to (`asOf`) is left out;
 * - a certificate's status is certificate_status() (the rule certificateStatusSql gives the lists);
 * - a producer merged into another is counted as the producer it was merged into (coalesce(merged_into_id, id));
 * - a withdrawn dossier is never a submitted, received or forwarded one.
 * Scope: province null = the nation; commune null = the whole province.
 */
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { certificateStatusSql } from '../certificates/index.ts';
import type { Sql } from '../../core/db/database.ts';
import type { LocalDate } from '../../core/clock/index.ts';

export interface ReportScope {
  provinceCode: string | null;
  communeCode: string | null;
}

/** One certificate with what its figures are broken down by. */
export interface CertificateFact {
  certificateId: string;
  productId: string;
  stars: number;
  issuedOn: string;
  provinceCode: string;
  communeCode: string;
  productSetNumber: number;
  ruleSetId: string;
  /** The producer as counted: the one it was merged into, when merged. */
  producerKey: string;
  legalForm: string;
  /** Stars of the certificate this one replaced (re-evaluation or upgrade); null for a first recognition. */
  previousStars: number | null;
}

const scopeOf = (alias: string, p: number, c: number) =>
  `($${p}::text IS NULL OR ${alias}.province_code = $${p}) AND ($${c}::text IS NULL OR ${alias}.commune_code = $${c})`;

const factSelect = `
  SELECT c.id AS "certificateId", c.product_id AS "productId", c.stars, c.issued_on::text AS "issuedOn",
         c.province_code AS "provinceCode", c.commune_code AS "communeCode",
         pr.product_set_number AS "productSetNumber", pr.rule_set_id AS "ruleSetId",
         coalesce(p.merged_into_id, p.id) AS "producerKey", coalesce(survivor.legal_form, p.legal_form) AS "legalForm",
         (SELECT o.stars FROM certificates o WHERE o.superseded_by = c.id ORDER BY o.issued_on DESC LIMIT 1) AS "previousStars"
    FROM certificates c
    JOIN products pr ON pr.id = c.product_id
    JOIN producers p ON p.id = c.producer_id
    LEFT JOIN producers survivor ON survivor.id = p.merged_into_id`;

/** Certificates issued from `from` to `asOf` (both included) in the scope, oldest first. */
export async function listCertificatesIssued(sql: Sql, scope: ReportScope, from: LocalDate, asOf: LocalDate): Promise<CertificateFact[]> {
  const { rows } = await sql.query<CertificateFact>(
    `${factSelect} WHERE ${scopeOf('c', 1, 2)} AND c.issued_on >= $3::date AND c.issued_on <= $4::date ORDER BY c.issued_on, c.id`,
    [scope.provinceCode, scope.communeCode, from, asOf],
  );
  return rows;
}

/** The certificate in force on `asOf` of each product in the scope (valid, expiring or extended). */
export async function listCertificatesInForce(sql: Sql, scope: ReportScope, asOf: LocalDate): Promise<CertificateFact[]> {
  const { rows } = await sql.query<CertificateFact>(
    `SELECT DISTINCT ON ("productId") * FROM (
       ${factSelect}
        WHERE ${scopeOf('c', 1, 2)} AND c.issued_on <= $3::date
          AND ${certificateStatusSql('c', '$3')} IN ('valid', 'expiring', 'extended')
     ) facts ORDER BY "productId", "issuedOn" DESC, "certificateId"`,
    [scope.provinceCode, scope.communeCode, asOf],
  );
  return rows;
}

export interface CertificateCounts {
  everRecognisedProducts: number;
  expiring: number;
  expiredInPeriod: number;
  expiredReEvaluated: number;
}

/**
 * Products ever recognised up to `asOf`; certificates expiring within 180 days of `asOf` (status
 * 'expiring'); certificates whose last valid day fell in the period before `asOf`, not revoked by then,
 * and of those the ones replaced by a re-evaluation's certificate.
 */
export async function countCertificates(sql: Sql, scope: ReportScope, from: LocalDate, asOf: LocalDate): Promise<CertificateCounts> {
  const { rows } = await sql.query<CertificateCounts>(
    `SELECT count(DISTINCT c.product_id)::int AS "everRecognisedProducts",
            count(*) FILTER (WHERE ${certificateStatusSql('c', '$4')} = 'expiring')::int AS expiring,
            count(*) FILTER (WHERE c.expires_on >= $3::date AND c.expires_on < $4::date
                               AND (c.revoked_on IS NULL OR c.revoked_on > c.expires_on))::int AS "expiredInPeriod",
            count(*) FILTER (WHERE c.expires_on >= $3::date AND c.expires_on < $4::date
                               AND (c.revoked_on IS NULL OR c.revoked_on > c.expires_on)
                               AND c.superseded_on IS NOT NULL AND c.superseded_on <= $4::date)::int AS "expiredReEvaluated"
       FROM certificates c
      WHERE ${scopeOf('c', 1, 2)} AND c.issued_on <= $4::date`,
    [scope.provinceCode, scope.communeCode, from, asOf],
  );
  return rows[0]!;
}

/** Revocations decided in the period (to `asOf`), by ground. */
export async function countRevocationsByGround(sql: Sql, scope: ReportScope, from: LocalDate, asOf: LocalDate): Promise<Array<{ ground: string; count: number }>> {
  const { rows } = await sql.query<{ ground: string; count: number }>(
    `SELECT r.ground, count(*)::int AS count
       FROM certificate_revocations r JOIN certificates c ON c.id = r.certificate_id
      WHERE ${scopeOf('c', 1, 2)} AND c.issued_on <= $4::date AND r.decided_on >= $3::date AND r.decided_on <= $4::date
      GROUP BY r.ground ORDER BY r.ground`,
    [scope.provinceCode, scope.communeCode, from, asOf],
  );
  return rows;
}

export interface RoundCounts {
  held: number;
  entriesDecided: number;
  recognised: number;
  notRecognised: number;
  proposedToCentral: number;
}

/**
 * Evaluation rounds whose council session was held in the period (the day of the session, or of the
 * closing when none was written): the province's rounds for a province, every round for the nation,
 * for a commune the rounds that evaluated one of its products. Entries counted are the scope's.
 */
export async function countRounds(sql: Sql, scope: ReportScope, range: { from: Date; until: Date; fromDay: LocalDate; asOf: LocalDate }): Promise<RoundCounts> {
  const { rows } = await sql.query<RoundCounts>(
    `WITH held AS (
       SELECT er.id FROM evaluation_rounds er
        WHERE er.status <> 'open'
          AND (CASE WHEN er.session_held_on IS NOT NULL THEN er.session_held_on >= $5::date AND er.session_held_on <= $6::date
                    ELSE er.closed_at >= $3 AND er.closed_at < $4 END)
          AND ($1::text IS NULL OR er.province_code = $1 OR (er.level = 'central' AND $2::text IS NOT NULL))
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM round_entries e WHERE e.round_id = er.id AND e.commune_code = $2))
          AND ($1::text IS NULL OR $2::text IS NOT NULL OR er.level = 'province')
     ), entries AS (
       SELECT e.outcome FROM round_entries e
        WHERE e.round_id IN (SELECT id FROM held) AND e.status IN ('closed', 'decided') AND ${scopeOf('e', 1, 2)}
     )
     SELECT (SELECT count(*) FROM held)::int AS held,
            count(*)::int AS "entriesDecided",
            count(*) FILTER (WHERE outcome IN ('recognised', 'recognised_from_central'))::int AS recognised,
            count(*) FILTER (WHERE outcome IN ('not_recognised', 'disqualified', 'stopped'))::int AS "notRecognised",
            count(*) FILTER (WHERE outcome = 'proposed_to_central')::int AS "proposedToCentral"
       FROM entries`,
    [scope.provinceCode, scope.communeCode, range.from, range.until, range.fromDay, range.asOf],
  );
  return rows[0]!;
}

export interface FunnelCounts {
  ideasRegistered: number;
  ideasPassed: number;
  plansReceived: number;
  plansApproved: number;
  dossiersSubmitted: number;
  dossiersWithdrawn: number;
  dossiersReceived: number;
  dossiersForwarded: number;
  dossiersForwardedOnTime: number;
}

/**
 * The steps before recognition in the period [from, until): ideas registered and passed, business plans
 * received and approved, dossiers submitted (a withdrawn one is not), received, forwarded to the
 * province, and forwarded by their due_at (the dossiers room's on-time rule). Withdrawn: dossiers
 * withdrawn in the period, shown apart.
 */
export async function countFunnel(sql: Sql, scope: ReportScope, range: { from: Date; until: Date }): Promise<FunnelCounts> {
  const { rows } = await sql.query<FunnelCounts>(
    `SELECT
       (SELECT count(*) FROM product_ideas i WHERE ${scopeOf('i', 1, 2)} AND i.submitted_at >= $3 AND i.submitted_at < $4)::int AS "ideasRegistered",
       (SELECT count(*) FROM product_ideas i WHERE ${scopeOf('i', 1, 2)} AND i.status = 'passed' AND i.decided_at >= $3 AND i.decided_at < $4)::int AS "ideasPassed",
       (SELECT count(*) FROM business_plans b WHERE ${scopeOf('b', 1, 2)} AND b.received_at >= $3 AND b.received_at < $4)::int AS "plansReceived",
       (SELECT count(*) FROM business_plans b WHERE ${scopeOf('b', 1, 2)} AND b.status = 'approved' AND b.decided_at >= $3 AND b.decided_at < $4)::int AS "plansApproved",
       (SELECT count(*) FROM dossiers d WHERE ${scopeOf('d', 1, 2)} AND d.status <> 'withdrawn' AND d.submitted_at >= $3 AND d.submitted_at < $4)::int AS "dossiersSubmitted",
       (SELECT count(*) FROM dossiers d WHERE ${scopeOf('d', 1, 2)} AND d.status = 'withdrawn' AND d.withdrawn_at >= $3 AND d.withdrawn_at < $4)::int AS "dossiersWithdrawn",
       (SELECT count(*) FROM dossiers d WHERE ${scopeOf('d', 1, 2)} AND d.status <> 'withdrawn' AND d.received_at >= $3 AND d.received_at < $4)::int AS "dossiersReceived",
       (SELECT count(*) FROM dossiers d WHERE ${scopeOf('d', 1, 2)} AND d.status <> 'withdrawn' AND d.forwarded_at >= $3 AND d.forwarded_at < $4)::int AS "dossiersForwarded",
       (SELECT count(*) FROM dossiers d WHERE ${scopeOf('d', 1, 2)} AND d.status <> 'withdrawn' AND d.forwarded_at >= $3 AND d.forwarded_at < $4
                                           AND d.forwarded_at <= d.due_at)::int AS "dossiersForwardedOnTime"`,
    [scope.provinceCode, scope.communeCode, range.from, range.until],
  );
  return rows[0]!;
}

export interface YearRecognitions {
  year: number;
  /** Products with a certificate issued in the year (first recognition, re-evaluation or upgrade), each once. */
  products: number;
  /** Certificates that replaced none: the product's first recognition. */
  firstRecognitions: number;
  certificates: number;
}

/**
 * Recognitions per calendar year from `fromYear` to the year of `asOf`, counted to `asOf` (a certificate
 * dated later is left out). Years without any are not returned; the use case fills them with zeros.
 */
export async function countRecognitionsByYear(sql: Sql, scope: ReportScope, fromYear: number, asOf: LocalDate): Promise<YearRecognitions[]> {
  const { rows } = await sql.query<YearRecognitions>(
    `SELECT extract(year FROM c.issued_on)::int AS year,
            count(DISTINCT c.product_id)::int AS products,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM certificates o WHERE o.superseded_by = c.id))::int AS "firstRecognitions",
            count(*)::int AS certificates
       FROM certificates c
      WHERE ${scopeOf('c', 1, 2)} AND c.issued_on >= make_date($3, 1, 1) AND c.issued_on <= $4::date
      GROUP BY 1 ORDER BY 1`,
    [scope.provinceCode, scope.communeCode, fromYear, asOf],
  );
  return rows;
}

export interface MonthExpiries {
  /** 'YYYY-MM' */
  month: string;
  stars: number;
  certificates: number;
}

/**
 * Certificates in force on `asOf` (valid or expiring: an extended one has already passed its last
 * day) whose last valid day falls from `asOf` to `until` (both included), per month of that day and star.
 */
export async function countExpiriesByMonth(sql: Sql, scope: ReportScope, asOf: LocalDate, until: LocalDate): Promise<MonthExpiries[]> {
  const { rows } = await sql.query<MonthExpiries>(
    `SELECT to_char(c.expires_on, 'YYYY-MM') AS month, c.stars, count(*)::int AS certificates
       FROM certificates c
      WHERE ${scopeOf('c', 1, 2)} AND c.issued_on <= $3::date
        AND c.expires_on >= $3::date AND c.expires_on <= $4::date
        AND ${certificateStatusSql('c', '$3')} IN ('valid', 'expiring')
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [scope.provinceCode, scope.communeCode, asOf, until],
  );
  return rows;
}

/** Active sales points of the scope on `asOf`, and those opened in the period. */
export async function countSalesPoints(sql: Sql, scope: ReportScope, from: LocalDate, asOf: LocalDate): Promise<{ active: number; openedInPeriod: number }> {
  const { rows } = await sql.query<{ active: number; openedInPeriod: number }>(
    `SELECT count(*) FILTER (WHERE s.opened_on IS NULL OR s.opened_on <= $4::date)::int AS active,
            count(*) FILTER (WHERE s.opened_on >= $3::date AND s.opened_on <= $4::date)::int AS "openedInPeriod"
       FROM sales_points s WHERE s.is_active AND ${scopeOf('s', 1, 2)}`,
    [scope.provinceCode, scope.communeCode, from, asOf],
  );
  return rows[0]!;
}

/** The nation's trainings and fairs of a year, in total (the units' own reports list them one by one). */
export async function countNationalActivities(sql: Sql, year: number): Promise<{
  producers: number;
  producersTrained: number;
  trainings: number;
  sessions: number;
  registered: number;
  attended: { provinceOfficials: number; communeOfficials: number; producers: number; other: number };
  fairs: number;
  byScope: { in_province: number; out_of_province: number; international: number };
  participations: number;
  visitors: number;
  revenueVnd: number;
}> {
  const { rows } = await sql.query(
    `WITH t AS (SELECT id FROM trainings WHERE starts_on >= make_date($1, 1, 1) AND starts_on < make_date($1 + 1, 1, 1)),
          people AS (
            SELECT tp.kind, tp.official_level FROM training_participants tp
             WHERE tp.training_id IN (SELECT id FROM t)
               AND EXISTS (SELECT 1 FROM training_attendance a WHERE a.participant_id = tp.id AND a.present)),
          f AS (SELECT id, scope FROM fairs WHERE starts_on >= make_date($1, 1, 1) AND starts_on < make_date($1 + 1, 1, 1))
     SELECT (SELECT count(*) FROM producers WHERE merged_into_id IS NULL)::int AS producers,
            (SELECT count(DISTINCT coalesce(p.merged_into_id, p.id)) FROM training_participants tp JOIN producers p ON p.id = tp.producer_id
              WHERE tp.training_id IN (SELECT id FROM t)
                AND EXISTS (SELECT 1 FROM training_attendance a WHERE a.participant_id = tp.id AND a.present))::int AS "producersTrained",
            (SELECT count(*) FROM t)::int AS trainings,
            (SELECT count(*) FROM training_sessions s WHERE s.training_id IN (SELECT id FROM t))::int AS sessions,
            (SELECT count(*) FROM training_participants tp WHERE tp.training_id IN (SELECT id FROM t))::int AS registered,
            (SELECT count(*) FROM people WHERE kind = 'official' AND official_level = 'province')::int AS "provinceOfficials",
            (SELECT count(*) FROM people WHERE kind = 'official' AND official_level = 'commune')::int AS "communeOfficials",
            (SELECT count(*) FROM people WHERE kind = 'producer')::int AS "producerPeople",
            (SELECT count(*) FROM people WHERE kind = 'other')::int AS "otherPeople",
            (SELECT count(*) FROM f)::int AS fairs,
            (SELECT count(*) FROM f WHERE scope = 'in_province')::int AS "inProvince",
            (SELECT count(*) FROM f WHERE scope = 'out_of_province')::int AS "outOfProvince",
            (SELECT count(*) FROM f WHERE scope = 'international')::int AS international,
            (SELECT count(*) FROM fair_participants fp WHERE fp.fair_id IN (SELECT id FROM f))::int AS participations,
            (SELECT coalesce(sum(fp.visitors), 0) FROM fair_participants fp WHERE fp.fair_id IN (SELECT id FROM f))::bigint AS visitors,
            (SELECT coalesce(sum(fp.sales_revenue_vnd), 0) FROM fair_participants fp WHERE fp.fair_id IN (SELECT id FROM f))::bigint AS revenue`,
    [year],
  );
  const row = rows[0] as Record<string, number | string>;
  const n = (key: string) => Number(row[key]);
  return {
    producers: n('producers'),
    producersTrained: n('producersTrained'),
    trainings: n('trainings'),
    sessions: n('sessions'),
    registered: n('registered'),
    attended: { provinceOfficials: n('provinceOfficials'), communeOfficials: n('communeOfficials'), producers: n('producerPeople'), other: n('otherPeople') },
    fairs: n('fairs'),
    byScope: { in_province: n('inProvince'), out_of_province: n('outOfProvince'), international: n('international') },
    participations: n('participations'),
    visitors: n('visitors'),
    revenueVnd: n('revenue'),
  };
}

/** Current names of units by code (provinces or communes), for the breakdown by unit. */
export async function findUnitNames(sql: Sql, level: 'province' | 'commune', codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const { rows } = await sql.query<{ code: string; name: string }>(
    `SELECT code, full_name AS name FROM admin_units WHERE version_id = $3 AND level = $1 AND code = ANY($2::text[])`,
    [level, codes, CURRENT_UNITS_VERSION],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}
