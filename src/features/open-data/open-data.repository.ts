/**
 * The open-data read model: recognised products (with at least one certificate), their producers and
 * all certificates, with validity from certificate_status() on the day asked. Only what a certificate
 * and the recognition decision publish is selected: no tax codes, phones, addresses or people's names
 * besides the producer's own name (QĐ 26/2026 Đ.4; Nghị định 13/2023 on personal data).
 */
import type { LocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectKeysetPage, type KeyColumn } from '../../core/db/query-builder.ts';
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
  /** The key of the last row of the page before (a decoded cursor). */
  after?: readonly string[] | null;
}

export interface OpenDataPage<Row> {
  items: Row[];
  total: number;
  totalExact: boolean;
  nextKey: string[] | null;
}

const unitJoins = (alias: string) => `
  LEFT JOIN admin_units pu ON pu.version_id = '${CURRENT_UNITS_VERSION}' AND pu.level = 'province' AND pu.code = ${alias}.province_code
  LEFT JOIN admin_units cu ON cu.version_id = '${CURRENT_UNITS_VERSION}' AND cu.level = 'commune' AND cu.code = ${alias}.commune_code`;

/** The day as a SQL literal: it comes from the clock (LocalDate), and a literal keeps the count's parameters those of its filters. */
function dayLiteral(onDay: LocalDate): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(onDay)) throw new Error(`not a local date: ${onDay}`);
  return `'${onDay}'`;
}

/** Paged (keyset over `key`, decision 016) or, without a limit, every row for the bulk files. */
async function page<Row extends Record<string, unknown>>(
  sql: Sql,
  spec: { from: string; countFrom?: string; alias: string; key: readonly KeyColumn[]; direction: 'ASC' | 'DESC'; select: string },
  conditions: Conditions,
  filter: OpenDataFilter,
): Promise<OpenDataPage<Row>> {
  if (filter.limit === undefined) {
    const order = spec.key.map((k) => `${k.sql} ${spec.direction}`).join(', ');
    const { rows } = await sql.query<Row>(`${spec.select} ${conditions.where} ORDER BY ${order}`, conditions.values);
    return { items: rows, total: rows.length, totalExact: true, nextKey: null };
  }
  return selectKeysetPage<Row>(sql, { ...spec, limit: filter.limit, offset: filter.offset ?? 0, after: filter.after ?? null }, conditions);
}

/** The sort keys of the datasets (indexes products_listing_idx, producers_listing_idx, certificates_recent_idx). */
export const openDataKeys = {
  products: [{ sql: 'pr.province_code', type: 'text' }, { sql: 'pr.name', type: 'text' }, { sql: 'pr.id', type: 'uuid' }],
  producers: [{ sql: 'p.province_code', type: 'text' }, { sql: 'p.name', type: 'text' }, { sql: 'p.id', type: 'uuid' }],
  certificates: [{ sql: 'c.issued_on', type: 'date' }, { sql: 'c.number', type: 'text' }, { sql: 'c.id', type: 'uuid' }],
} as const satisfies Record<string, readonly KeyColumn[]>;

const latestCertificate = (alias: string) =>
  `SELECT * FROM certificates lc WHERE lc.product_id = ${alias}.id ORDER BY lc.issued_on DESC, lc.created_at DESC LIMIT 1`;

/**
 * A product's current certificate is its latest issued one (which may be expired or revoked). A page
 * looks it up for the page's products only, walking products in index order until the page is full;
 * the total counts every product's latest certificate in one pass over certificates.
 */
export async function listOpenProducts(sql: Sql, onDay: LocalDate, filter: OpenDataFilter): Promise<OpenDataPage<Omit<OpenProduct, 'url'>>> {
  const conditions = new Conditions();
  const day = dayLiteral(onDay);
  const select = `
    SELECT pr.id, pr.product_code AS "productCode", pr.name, pr.product_set_number AS "productSetNumber",
           pr.producer_id AS "producerId", p.name AS "producerName", pr.province_code AS "provinceCode", pu.full_name AS "provinceName",
           pr.commune_code AS "communeCode", cu.full_name AS "communeName", c.stars, c.id AS "certificateId",
           c.number AS "certificateNumber", ${certificateStatusSql('c', day)} AS "certificateStatus", c.issued_on AS "issuedOn",
           c.expires_on AS "expiresOn", c.issuing_body AS "issuingBody", c.decision_number AS "decisionNumber"
      FROM products pr
      JOIN LATERAL (${latestCertificate('pr')}) c ON true
      JOIN producers p ON p.id = pr.producer_id
      ${unitJoins('pr')}`;
  conditions.addRaw('EXISTS (SELECT 1 FROM certificates x WHERE x.product_id = pr.id)');
  if (filter.provinceCode) conditions.add('pr.province_code = ?', filter.provinceCode);
  if (filter.stars) conditions.add('c.stars = ?', filter.stars);
  if (filter.status) conditions.add(`${certificateStatusSql('c', day)} = ?`, filter.status);
  // Filtered by the current certificate: the page walks products until it is full; the total takes
  // every product's latest certificate in one pass. Unfiltered, neither needs the certificate at all.
  const byCertificate = filter.stars !== undefined || filter.status !== undefined;
  return page(sql, {
    from: byCertificate ? `products pr CROSS JOIN LATERAL (${latestCertificate('pr')}) c` : 'products pr',
    countFrom: byCertificate
      ? `(SELECT DISTINCT ON (lc.product_id) lc.* FROM certificates lc ORDER BY lc.product_id, lc.issued_on DESC, lc.created_at DESC) c
                JOIN products pr ON pr.id = c.product_id`
      : undefined,
    alias: 'pr', key: openDataKeys.products, direction: 'ASC', select,
  }, conditions, filter);
}

const producerStats = () => `
        SELECT count(*)::int AS recognised,
               count(*) FILTER (WHERE cur.status IN ('valid', 'expiring', 'extended'))::int AS in_force,
               max(cur.stars) FILTER (WHERE cur.status IN ('valid', 'expiring', 'extended')) AS top,
               array_agg(DISTINCT cur.stars) AS stars, array_agg(DISTINCT cur.status) AS statuses`;

/** Producers with at least one recognised product, with counts over their products' current certificates. */
export async function listOpenProducers(sql: Sql, onDay: LocalDate, filter: OpenDataFilter): Promise<OpenDataPage<Omit<OpenProducer, 'legalFormLabel'>>> {
  const conditions = new Conditions();
  const day = dayLiteral(onDay);
  const stats = `(${producerStats()}
          FROM (SELECT DISTINCT ON (c.product_id) c.stars, ${certificateStatusSql('c', day)} AS status
                  FROM certificates c WHERE c.producer_id = p.id
                 ORDER BY c.product_id, c.issued_on DESC, c.created_at DESC) cur)`;
  const select = `
    SELECT p.id, p.name, p.legal_form AS "legalForm", p.province_code AS "provinceCode", pu.full_name AS "provinceName",
           p.commune_code AS "communeCode", cu.full_name AS "communeName", s.recognised AS "recognisedProducts",
           s.in_force AS "productsInForce", s.top AS "highestStarsInForce"
      FROM producers p
      JOIN LATERAL ${stats} s ON true
      ${unitJoins('p')}`;
  // At least one recognised product: at least one certificate.
  conditions.addRaw('EXISTS (SELECT 1 FROM certificates x WHERE x.producer_id = p.id)');
  // A producer merged into another is listed under that one (producers registry, decision 005).
  conditions.addRaw('p.merged_into_id IS NULL');
  if (filter.provinceCode) conditions.add('p.province_code = ?', filter.provinceCode);
  if (filter.stars) conditions.add('?::int = ANY(s.stars)', filter.stars);
  if (filter.status) conditions.add('?::text = ANY(s.statuses)', filter.status);
  const byCertificate = filter.stars !== undefined || filter.status !== undefined;
  return page(sql, {
    from: byCertificate ? `producers p CROSS JOIN LATERAL ${stats} s` : 'producers p',
    // The same figures for every producer at once: one pass over certificates, grouped.
    countFrom: !byCertificate ? undefined : `producers p JOIN (${producerStats()}, cur.producer_id
          FROM (SELECT DISTINCT ON (c.producer_id, c.product_id) c.producer_id, c.stars, ${certificateStatusSql('c', day)} AS status
                  FROM certificates c ORDER BY c.producer_id, c.product_id, c.issued_on DESC, c.created_at DESC) cur
         GROUP BY cur.producer_id) s ON s.producer_id = p.id`,
    alias: 'p', key: openDataKeys.producers, direction: 'ASC', select,
  }, conditions, filter);
}

export async function listOpenCertificates(sql: Sql, onDay: LocalDate, filter: OpenDataFilter): Promise<OpenDataPage<OpenCertificate>> {
  const conditions = new Conditions();
  const day = dayLiteral(onDay);
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
  return page(sql, { from: 'certificates c', alias: 'c', key: openDataKeys.certificates, direction: 'DESC', select }, conditions, filter);
}
