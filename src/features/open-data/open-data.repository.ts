/**
 * The open-data read model: recognised products (with at least one certificate), their producers and
 * all certificates, with validity from certificate_status() on the day asked. Only what a certificate
 * and the recognition decision publish is selected: no tax codes, phones, addresses or people's names
 * besides the producer's own name (QĐ 26/2026 Đ.4; Nghị định 13/2023 on personal data).
 */
import type { LocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { certificateStatusSql, type CertificateStatus } from '../certificates/index.ts';
import type { OpenCertificate, OpenProducer, OpenProduct } from './open-data.schemas.ts';

export interface OpenDataFilter {
  provinceCode?: string | undefined;
  stars?: number | undefined;
  status?: CertificateStatus | undefined;
  /** Absent: every row (bulk files). */
  limit?: number;
  offset?: number;
}

const unitJoins = (alias: string) => `
  LEFT JOIN admin_units pu ON pu.version_id = '${CURRENT_UNITS_VERSION}' AND pu.level = 'province' AND pu.code = ${alias}.province_code
  LEFT JOIN admin_units cu ON cu.version_id = '${CURRENT_UNITS_VERSION}' AND cu.level = 'commune' AND cu.code = ${alias}.commune_code`;

async function page<Row extends Record<string, unknown>>(sql: Sql, select: string, conditions: Conditions, orderBy: string, filter: OpenDataFilter) {
  if (filter.limit === undefined) {
    const { rows } = await sql.query<Row>(`SELECT * FROM (${select} ${conditions.where}) AS matching ORDER BY ${orderBy}`, conditions.values);
    return { items: rows, total: rows.length };
  }
  return selectPage<Row>(sql, select, conditions, { orderBy, limit: filter.limit, offset: filter.offset ?? 0 });
}

/** A product's current certificate is its latest issued one (which may be expired or revoked). */
export async function listOpenProducts(sql: Sql, onDay: LocalDate, filter: OpenDataFilter): Promise<{ items: Omit<OpenProduct, 'url'>[]; total: number }> {
  const conditions = new Conditions();
  const day = conditions.param(onDay);
  const select = `
    SELECT pr.id, pr.product_code AS "productCode", pr.name, pr.product_set_number AS "productSetNumber",
           pr.producer_id AS "producerId", p.name AS "producerName", pr.province_code AS "provinceCode", pu.full_name AS "provinceName",
           pr.commune_code AS "communeCode", cu.full_name AS "communeName", c.stars, c.id AS "certificateId",
           c.number AS "certificateNumber", ${certificateStatusSql('c', day)} AS "certificateStatus", c.issued_on AS "issuedOn",
           c.expires_on AS "expiresOn", c.issuing_body AS "issuingBody", c.decision_number AS "decisionNumber"
      FROM products pr
      JOIN LATERAL (SELECT * FROM certificates lc WHERE lc.product_id = pr.id ORDER BY lc.issued_on DESC, lc.created_at DESC LIMIT 1) c ON true
      JOIN producers p ON p.id = pr.producer_id
      ${unitJoins('pr')}`;
  if (filter.provinceCode) conditions.add('pr.province_code = ?', filter.provinceCode);
  if (filter.stars) conditions.add('c.stars = ?', filter.stars);
  if (filter.status) conditions.add(`${certificateStatusSql('c', day)} = ?`, filter.status);
  return page(sql, select, conditions, '"provinceCode", name, id', filter);
}

/** Producers with at least one recognised product, with counts over their products' current certificates. */
export async function listOpenProducers(sql: Sql, onDay: LocalDate, filter: OpenDataFilter): Promise<{ items: Omit<OpenProducer, 'legalFormLabel'>[]; total: number }> {
  const conditions = new Conditions();
  const day = conditions.param(onDay);
  const select = `
    SELECT p.id, p.name, p.legal_form AS "legalForm", p.province_code AS "provinceCode", pu.full_name AS "provinceName",
           p.commune_code AS "communeCode", cu.full_name AS "communeName", s.recognised AS "recognisedProducts",
           s.in_force AS "productsInForce", s.top AS "highestStarsInForce"
      FROM producers p
      JOIN LATERAL (
        SELECT count(*)::int AS recognised,
               count(*) FILTER (WHERE cur.status IN ('valid', 'expiring', 'extended'))::int AS in_force,
               max(cur.stars) FILTER (WHERE cur.status IN ('valid', 'expiring', 'extended')) AS top,
               array_agg(DISTINCT cur.stars) AS stars, array_agg(DISTINCT cur.status) AS statuses
          FROM (SELECT DISTINCT ON (c.product_id) c.stars, ${certificateStatusSql('c', day)} AS status
                  FROM certificates c WHERE c.producer_id = p.id
                 ORDER BY c.product_id, c.issued_on DESC, c.created_at DESC) cur
      ) s ON s.recognised > 0
      ${unitJoins('p')}`;
  // A producer merged into another is listed under that one (producers registry, decision 005).
  conditions.addRaw('p.merged_into_id IS NULL');
  if (filter.provinceCode) conditions.add('p.province_code = ?', filter.provinceCode);
  if (filter.stars) conditions.add('?::int = ANY(s.stars)', filter.stars);
  if (filter.status) conditions.add('?::text = ANY(s.statuses)', filter.status);
  return page(sql, select, conditions, '"provinceCode", name, id', filter);
}

export async function listOpenCertificates(sql: Sql, onDay: LocalDate, filter: OpenDataFilter): Promise<{ items: OpenCertificate[]; total: number }> {
  const conditions = new Conditions();
  const day = conditions.param(onDay);
  const select = `
    SELECT c.id, c.number, c.product_id AS "productId", pr.product_code AS "productCode", c.product_name AS "productName",
           c.producer_id AS "producerId", c.producer_name AS "producerName", c.province_code AS "provinceCode",
           pu.full_name AS "provinceName", c.commune_code AS "communeCode", cu.full_name AS "communeName", c.stars, c.level,
           c.issuing_body AS "issuingBody", c.decision_number AS "decisionNumber", c.issued_on AS "issuedOn",
           c.expires_on AS "expiresOn", ${certificateStatusSql('c', day)} AS status, c.superseded_on AS "supersededOn",
           c.revoked_on AS "revokedOn", r.ground AS "revocationGround", r.decision_number AS "revocationDecisionNumber", c.gtin
      FROM certificates c
      JOIN products pr ON pr.id = c.product_id
      LEFT JOIN certificate_revocations r ON r.certificate_id = c.id
      ${unitJoins('c')}`;
  if (filter.provinceCode) conditions.add('c.province_code = ?', filter.provinceCode);
  if (filter.stars) conditions.add('c.stars = ?', filter.stars);
  if (filter.status) conditions.add(`${certificateStatusSql('c', day)} = ?`, filter.status);
  return page(sql, select, conditions, '"issuedOn" DESC, number', filter);
}
