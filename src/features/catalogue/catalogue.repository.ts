/**
 * The public catalogue's read model: every SQL statement of the catalogue. A product is in the
 * catalogue when it has a certificate; its current certificate is its latest issued one, and its
 * validity comes only from certificate_status() (migration 0007) on the day given by the caller.
 */
import { withTransaction, type Database, type Sql } from '../../core/db/database.ts';
import type { LocalDate } from '../../core/clock/index.ts';
import { Conditions } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { certificateStatusSql, type CertificateStatus } from '../certificates/index.ts';
import { statusesOfValidity, type CatalogueSort, type SearchText, type ValidityFilter } from './catalogue-query.ts';

export interface CatalogueFilter {
  text: SearchText | null;
  provinceCode?: string | undefined;
  communeCode?: string | undefined;
  producerId?: string | undefined;
  stars?: number | undefined;
  productSets?: number[] | undefined;
  validity?: ValidityFilter | undefined;
  /** The typo pass: similar rather than every word present (run when the words find nothing). */
  fuzzy?: boolean;
  sort: CatalogueSort;
  limit: number;
  offset: number;
}

export interface CatalogueItem {
  id: string;
  name: string;
  productSetNumber: number;
  producerId: string;
  producerName: string;
  provinceCode: string;
  provinceName: string | null;
  communeCode: string;
  communeName: string | null;
  stars: number;
  status: CertificateStatus;
  issuedOn: LocalDate;
  expiresOn: LocalDate;
}

/**
 * Counts per facet value, each under the query and the other facets' choices but not its own (standard
 * faceted search: choosing a province does not empty the province list, it narrows the star counts).
 * Values with no product are left out.
 */
export interface FacetCounts {
  provinces: Record<string, number>;
  /** Only when a province is chosen (its communes). */
  communes: Record<string, number>;
  stars: Record<string, number>;
  statuses: Partial<Record<CertificateStatus, number>>;
  productSets: Record<string, number>;
}

export const noFacetCounts = (): FacetCounts => ({ provinces: {}, communes: {}, stars: {}, statuses: {}, productSets: {} });

const entryColumns = `e.product_id, e.producer_id, e.province_code, e.commune_code, e.product_set_number, e.name, e.producer_name,
  e.name_folded, e.producer_name_folded, e.search_text`;
const certificateColumns = (alias: string) => `${alias}.id AS certificate_id, ${alias}.stars, ${alias}.issued_on, ${alias}.expires_on,
  ${alias}.revoked_on, ${alias}.superseded_on, ${alias}.re_evaluation_filed_on`;
const andWhere = (where: string, condition: string) => (where ? `${where} AND ${condition}` : `WHERE ${condition}`);

/**
 * Whether a product is in the catalogue on `day`: it has a certificate issued on or before that day.
 * (Its entry holds its latest certificate, which may be dated after today: a decision recorded ahead of its date.)
 */
const listedOn = (alias: string, day: string) =>
  // The rare entries dated after the day are looked up once (index catalogue_entries_issued_on_idx) and
  // hashed. A correlated subquery would be priced for every entry and set off the JIT (+8 ms a query).
  `(${alias}.issued_on <= ${day}::date OR ${alias}.product_id IN (
     SELECT f.product_id FROM catalogue_entries f WHERE f.issued_on > ${day}::date
        AND EXISTS (SELECT 1 FROM certificates fc WHERE fc.product_id = f.product_id AND fc.issued_on <= ${day}::date)))`;

/**
 * The catalogue entries (migration 0008: one row per certified product, its current certificate's
 * dates) with the status on `$day`. A superseded certificate is never shown as current.
 *
 * The entry holds the latest certificate by issue date, which the triggers cannot know is still in the
 * future. A certificate dated after `day` is not current yet: until its day the product shows the latest
 * certificate issued by then (superseded only from the new one's date), or is not listed at all when
 * it has none. Such entries are rare: the second branch first reads them alone (index
 * catalogue_entries_issued_on_idx, migration 0009; OFFSET 0 keeps the filters, e.g. the trigram text
 * match, from being pushed down to choose another index), then filters them. The first branch compares
 * `issued_on + 0` so that it never uses that index (true of nearly every entry) in place of the others.
 */
export const entries = (day: string, where: string) => `
  SELECT ${entryColumns}, e.certificate_id, e.stars, e.issued_on, e.expires_on, e.revoked_on, e.superseded_on, e.re_evaluation_filed_on,
         e.updated_at, ${certificateStatusSql('e', day)} AS status
    FROM catalogue_entries e ${andWhere(where, `e.issued_on + 0 <= ${day}::date`)}
  UNION ALL
  SELECT ${entryColumns}, ${certificateColumns('pc')}, e.updated_at, ${certificateStatusSql('pc', day)} AS status
    FROM (SELECT * FROM catalogue_entries f WHERE f.issued_on > ${day}::date OFFSET 0) e
    JOIN LATERAL (SELECT * FROM certificates c WHERE c.product_id = e.product_id AND c.issued_on <= ${day}::date
                   ORDER BY c.issued_on DESC, c.created_at DESC LIMIT 1) pc ON true
   ${where}`;

// Names for display, looked up for the rows of one page only (after ORDER BY … LIMIT).
const unitNames = (alias: string) => `
  (SELECT u.full_name FROM admin_units u WHERE u.version_id = '${CURRENT_UNITS_VERSION}' AND u.level = 'province' AND u.code = ${alias}.province_code) AS "provinceName",
  (SELECT u.full_name FROM admin_units u WHERE u.version_id = '${CURRENT_UNITS_VERSION}' AND u.level = 'commune' AND u.code = ${alias}.commune_code) AS "communeName"`;

const itemColumns = (alias: string) => `${alias}.product_id AS id, ${alias}.name, ${alias}.product_set_number AS "productSetNumber",
  ${alias}.producer_id AS "producerId", ${alias}.producer_name AS "producerName", ${alias}.province_code AS "provinceCode",
  ${alias}.commune_code AS "communeCode", ${alias}.stars, ${alias}.status, ${alias}.issued_on AS "issuedOn", ${alias}.expires_on AS "expiresOn",
  ${unitNames(alias)}`;

/**
 * Text matching on "product name producer name" folded: every word occurs (any order; 'd' finds
 * 'đ'); or, in the typo pass, the folded text is similar to a stretch of it (pg_trgm's <%). Both are
 * served by the trigram index catalogue_entries_search_idx.
 */
function addTextConditions(where: Conditions, text: SearchText, fuzzy: boolean, column = 'e.search_text'): void {
  if (fuzzy) {
    where.addRaw(`${where.param(text.folded)} <% ${column}`);
    return;
  }
  for (const word of text.words) where.addRaw(`${column} LIKE ${where.param(`%${word}%`)}`);
}

const inForceFirst = `CASE WHEN status IN ('valid', 'expiring', 'extended') THEN 0 ELSE 1 END`;
const byName = `name_folded, name, product_id`;

function orderBy(where: Conditions, filter: CatalogueFilter): string {
  switch (filter.sort) {
    case 'name':
      return byName;
    case 'newest':
      return `issued_on DESC, ${byName}`;
    case 'stars':
      return `${inForceFirst}, stars DESC, ${byName}`;
    case 'relevance': {
      if (!filter.text) return `${inForceFirst}, stars DESC, ${byName}`;
      // The typo pass: no entry has every word, so none is spelled as typed; the closest first (the
      // similarity the match computed: column `similarity` of the matching rows).
      if (filter.fuzzy) return `similarity DESC, ${inForceFirst}, stars DESC, ${byName}`;
      // Spelled exactly as typed (with its diacritics) first, then the phrase without diacritics,
      // then the producer's name the same two ways.
      const lower = where.param(filter.text.lower);
      const phrase = where.param(`%${filter.text.words.join(' ')}%`);
      return `CASE WHEN strpos(lower(name), ${lower}) > 0 THEN 0
                   WHEN name_folded LIKE ${phrase} THEN 1
                   WHEN strpos(lower(producer_name), ${lower}) > 0 THEN 2
                   WHEN producer_name_folded LIKE ${phrase} THEN 3
                   ELSE 4 END,
              ${inForceFirst}, stars DESC, ${byName}`;
    }
  }
}

/**
 * Runs text searches with sequential scans ruled out. The planner prices pg_trgm's similarity
 * operator like an equality test, so for `words LIKE … OR text <% search_text` it prefers reading
 * all 20,000 entries (140 ms at national size) to the trigram index (4 ms). SET LOCAL keeps the
 * setting to this read-only transaction.
 */
export async function withTrigramIndex<T>(db: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    return work(tx);
  });
}

export interface CatalogueResult {
  items: CatalogueItem[];
  /** Products matching the query and every facet choice. */
  total: number;
  /** Products matching the text (and the hidden producer filter) whatever the facets: 0 means the words found nothing. */
  textMatches: number;
  facets: FacetCounts;
  /** Producers whose own name matches the text (asked for with `producers`). */
  producers: ProducerMatch[];
}

/**
 * The facet choices as conditions on a matching row: each facet's counts use the others' (and the
 * page and total use them all). A facet not chosen is `true`.
 */
function facetConditions(filter: CatalogueFilter, where: Conditions) {
  return {
    province: filter.provinceCode ? `m.province_code = ${where.param(filter.provinceCode)}` : 'true',
    commune: filter.communeCode ? `m.commune_code = ${where.param(filter.communeCode)}` : 'true',
    stars: filter.stars ? `m.stars = ${where.param(filter.stars)}` : 'true',
    validity: filter.validity ? `m.status = ANY(${where.param(statusesOfValidity[filter.validity])}::text[])` : 'true',
    productSets: filter.productSets ? `m.product_set_number = ANY(${where.param(filter.productSets)}::int[])` : 'true',
  };
}

/**
 * One page of catalogue products on `day`, the number matching and every facet's counts.
 *
 * A text search finds its rows once (the costly part: the trigram index, the similarity of the typo
 * pass) into a materialised CTE of a few hundred rows, then groups them for the facets (GROUPING SETS:
 * one pass, each facet counting the rows that pass the others' choices), sorts them for the page and
 * lists the producers, all in one statement. Browsing without text reads every entry: the facets and
 * the page then run as two statements side by side (a CTE of 20,000 wide rows would spill to disk).
 */
export async function searchCatalogue(
  sql: Sql,
  filter: CatalogueFilter,
  day: LocalDate,
  options: { facets?: boolean; producers?: number } = {},
): Promise<CatalogueResult> {
  const where = new Conditions();
  const dayParameter = where.param(day);
  const fuzzy = filter.fuzzy ?? false;
  const similarity = filter.text && fuzzy ? where.param(filter.text.folded) : null;
  if (filter.text) addTextConditions(where, filter.text, fuzzy);
  if (filter.producerId) where.add('e.producer_id = ?::uuid', filter.producerId);
  // Without facets (a producer's or a place's own page) the place and product set narrow the rows at once.
  if (!options.facets) {
    if (filter.provinceCode) where.add('e.province_code = ?', filter.provinceCode);
    if (filter.communeCode) where.add('e.commune_code = ?', filter.communeCode);
    if (filter.productSets) where.add('e.product_set_number = ANY(?::int[])', filter.productSets);
  }
  const chosen = facetConditions(options.facets ? filter : { ...filter, provinceCode: undefined, communeCode: undefined, productSets: undefined }, where);
  const all = Object.values(chosen).join(' AND ');
  const except = (...own: Array<keyof typeof chosen>) =>
    Object.entries(chosen).filter(([name]) => !own.includes(name as keyof typeof chosen)).map(([, condition]) => condition).join(' AND ');
  const order = orderBy(where, filter);
  const limit = where.param(filter.limit);
  const offset = where.param(filter.offset);

  const matching = `SELECT m.product_id, m.name, m.product_set_number, m.producer_id, m.producer_name, m.province_code, m.commune_code, m.stars, m.status,
         m.issued_on, m.expires_on, m.name_folded, m.producer_name_folded${similarity ? `, word_similarity(${similarity}, m.search_text) AS similarity` : ''}
    FROM (${entries(dayParameter, where.where)}) m WHERE m.status <> 'superseded'`;
  const communes = Boolean(options.facets && filter.provinceCode);
  const facetsOf = (source: string) => `SELECT json_agg(json_build_array(f.facet, f.value, f.n)) FROM (
         SELECT CASE WHEN GROUPING(m.province_code) = 0 THEN 'province' ${communes ? `WHEN GROUPING(m.commune_code) = 0 THEN 'commune'` : ''}
                     WHEN GROUPING(m.stars) = 0 THEN 'stars' WHEN GROUPING(m.status) = 0 THEN 'status' ELSE 'productSet' END AS facet,
                coalesce(m.province_code, ${communes ? 'm.commune_code, ' : ''}m.stars::text, m.status, m.product_set_number::text) AS value,
                CASE WHEN GROUPING(m.province_code) = 0 THEN count(*) FILTER (WHERE ${except('province', 'commune')})
                     ${communes ? `WHEN GROUPING(m.commune_code) = 0 THEN count(*) FILTER (WHERE ${except('commune')})` : ''}
                     WHEN GROUPING(m.stars) = 0 THEN count(*) FILTER (WHERE ${except('stars')})
                     WHEN GROUPING(m.status) = 0 THEN count(*) FILTER (WHERE ${except('validity')})
                     ELSE count(*) FILTER (WHERE ${except('productSets')}) END::int AS n
           FROM ${source} m
          GROUP BY GROUPING SETS ((m.province_code), ${communes ? '(m.commune_code), ' : ''}(m.stars), (m.status), (m.product_set_number))) f
        WHERE f.n > 0`;
  const pageOf = (source: string, counted: boolean) => `SELECT json_agg(row_to_json(page) ORDER BY page.position) FROM (
         SELECT ${itemColumns('m')}, row_number() OVER () AS position${counted ? ', m.total' : ''} FROM (
           SELECT *${counted ? ', count(*) OVER () AS total' : ''} FROM ${source} m WHERE ${all} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) m) page`;
  const producerLimit = options.producers && filter.text ? where.param(options.producers) : null;
  const producersOf = (source: string) => `SELECT json_agg(json_build_array(p.id, p.name,
           (SELECT u.full_name FROM admin_units u WHERE u.version_id = '${CURRENT_UNITS_VERSION}' AND u.level = 'province' AND u.code = p.province_code), p.n)
           ORDER BY p.exact, p.n DESC, p.name) FROM (
         SELECT m.producer_id AS id, min(m.producer_name) AS name, min(m.province_code) AS province_code, count(*)::int AS n,
                min(CASE WHEN strpos(lower(m.producer_name), ${where.param(filter.text?.lower ?? '')}) > 0 THEN 0 ELSE 1 END) AS exact
           FROM ${source} m WHERE ${producerTextCondition(where, filter.text!, fuzzy)}
          GROUP BY m.producer_id ORDER BY exact, n DESC, name LIMIT ${producerLimit}) p`;

  type Row = { items: Array<Record<string, unknown>> | null; facets: Array<[string, string, number]> | null; producers: Array<[string, string, string | null, number]> | null; textMatches: number };
  let row: Row;
  if (filter.text) {
    const { rows } = await sql.query<Row>(
      `WITH matching AS MATERIALIZED (${matching})
       SELECT (${pageOf('matching', !options.facets)}) AS items,
              ${options.facets ? `(${facetsOf('matching')})` : 'NULL::json'} AS facets,
              ${producerLimit ? `(${producersOf('matching')})` : 'NULL::json'} AS producers,
              (SELECT count(*)::int FROM matching) AS "textMatches"`,
      where.values,
    );
    row = rows[0]!;
  } else {
    // Two statements at once on a pool (one after the other in a transaction); each binds the values it uses.
    const [page, facets] = await Promise.all([
      sql.query<{ items: Row['items'] }>(...onlyUsed(`SELECT (${pageOf(`(${matching})`, !options.facets)}) AS items`, where.values)),
      options.facets ? sql.query<{ facets: Row['facets'] }>(...onlyUsed(`SELECT (${facetsOf(`(${matching})`)}) AS facets`, where.values)) : null,
    ]);
    row = { items: page.rows[0]!.items, facets: facets?.rows[0]!.facets ?? null, producers: null, textMatches: 0 };
  }
  const counts = noFacetCounts();
  for (const [facet, value, n] of row.facets ?? []) {
    if (facet === 'province') counts.provinces[value] = n;
    else if (facet === 'commune') counts.communes[value] = n;
    else if (facet === 'stars') counts.stars[value] = n;
    else if (facet === 'status') counts.statuses[value as CertificateStatus] = n;
    else counts.productSets[value] = n;
  }
  const items = (row.items ?? []).map(({ position: _position, total: _total, ...item }) => item as unknown as CatalogueItem);
  // With facets, the products passing every choice are those of the validity facet's chosen statuses.
  const total = options.facets
    ? (filter.validity ? statusesOfValidity[filter.validity] : Object.keys(counts.statuses)).reduce((sum, status) => sum + (counts.statuses[status as CertificateStatus] ?? 0), 0)
    : Number(row.items?.[0]?.total ?? 0);
  return {
    items,
    total,
    textMatches: filter.text ? row.textMatches : total,
    facets: counts,
    producers: (row.producers ?? []).map(([id, name, provinceName, productCount]) => ({ id, name, provinceName, productCount })),
  };
}

/** A statement with only the parameters it uses, renumbered (PostgreSQL refuses values it has no place for). */
function onlyUsed(text: string, values: unknown[]): [string, unknown[]] {
  const used: unknown[] = [];
  const numbers = new Map<string, string>();
  const renumbered = text.replace(/\$(\d+)/g, (_match, n: string) => {
    if (!numbers.has(n)) {
      used.push(values[Number(n) - 1]);
      numbers.set(n, `$${used.length}`);
    }
    return numbers.get(n)!;
  });
  return [renumbered, used];
}

/** The text checked against the producer's own name (the page lists producers whose name matches). */
function producerTextCondition(where: Conditions, text: SearchText, fuzzy: boolean): string {
  if (fuzzy) return `${where.param(text.folded)} <% m.producer_name_folded`;
  return text.words.map((word) => `m.producer_name_folded LIKE ${where.param(`%${word}%`)}`).join(' AND ');
}

export interface ProducerMatch {
  id: string;
  name: string;
  provinceName: string | null;
  productCount: number;
}

export interface Unit {
  code: string;
  name: string;
  fullName: string;
  provinceCode: string;
}

/** A unit of the current list (names as they are today). */
export async function findCurrentUnit(sql: Sql, level: 'province' | 'commune', code: string): Promise<Unit | null> {
  const { rows } = await sql.query<Unit>(
    `SELECT code, name, full_name AS "fullName", province_code AS "provinceCode" FROM admin_units
      WHERE version_id = $1 AND level = $2 AND code = $3`,
    [CURRENT_UNITS_VERSION, level, code],
  );
  return rows[0] ?? null;
}

/** A commune in any version (a code recorded before the 2025 reform), newest version first, with its district and province. */
export async function findCommuneInAnyVersion(sql: Sql, code: string): Promise<{ label: string; versionId: string } | null> {
  const { rows } = await sql.query<{ label: string; versionId: string }>(
    `SELECT concat_ws(', ', u.full_name, d.full_name, p.full_name) AS label, u.version_id AS "versionId"
       FROM admin_units u JOIN admin_unit_versions v ON v.id = u.version_id
       LEFT JOIN admin_units d ON d.version_id = u.version_id AND d.code = u.parent_code AND d.level = 'district'
       LEFT JOIN admin_units p ON p.version_id = u.version_id AND p.code = u.province_code AND p.level = 'province'
      WHERE u.code = $1 AND u.level = 'commune'
      ORDER BY v.valid_from DESC NULLS LAST LIMIT 1`,
    [code],
  );
  return rows[0] ?? null;
}

/** The units the current commune was formed from (1 July 2025), with their old district and province. */
export async function listFormerUnits(sql: Sql, communeCode: string): Promise<string[]> {
  const { rows } = await sql.query<{ label: string }>(
    `SELECT concat_ws(', ', u.full_name, d.full_name, p.full_name) AS label
       FROM admin_unit_successions s
       JOIN admin_units u ON u.version_id = s.from_version AND u.level = s.from_level AND u.code = s.from_code
       LEFT JOIN admin_units d ON d.version_id = u.version_id AND d.code = u.parent_code AND d.level = 'district'
       LEFT JOIN admin_units p ON p.version_id = u.version_id AND p.code = u.province_code AND p.level = 'province'
      WHERE s.to_version = $1 AND s.to_level = 'commune' AND s.to_code = $2
      ORDER BY u.code`,
    [CURRENT_UNITS_VERSION, communeCode],
  );
  return rows.map((row) => row.label);
}

/** The provinces of the current list, or the communes of one province, by name (the facets' labels). */
export async function listCurrentUnits(sql: Sql, level: 'province' | 'commune', provinceCode?: string): Promise<Unit[]> {
  const { rows } = await sql.query<Unit>(
    `SELECT code, name, full_name AS "fullName", province_code AS "provinceCode" FROM admin_units
      WHERE version_id = $1 AND level = $2 AND ($3::text IS NULL OR province_code = $3)
      ORDER BY ${level === 'province' ? 'code' : 'vn_unaccent(name), code'}`,
    [CURRENT_UNITS_VERSION, level, provinceCode ?? null],
  );
  return rows;
}

export interface CloseProduct {
  id: string;
  name: string;
  stars: number;
  status: CertificateStatus;
  provinceName: string | null;
}

/**
 * Recognised products whose names come closest to a text that found nothing, even as a typo: the
 * similarity threshold is lowered for this one question (pg_trgm's word_similarity, default 0.6),
 * closest first. Runs in withTrigramIndex's transaction, so the setting ends with it.
 */
export async function listCloseProducts(sql: Sql, text: SearchText, day: LocalDate, limit: number): Promise<CloseProduct[]> {
  await sql.query(`SELECT set_config('pg_trgm.word_similarity_threshold', '0.3', true)`);
  const where = new Conditions();
  const dayParameter = where.param(day);
  const folded = where.param(text.folded);
  where.addRaw(`${folded} <% e.search_text`);
  const { rows } = await sql.query<CloseProduct>(
    `SELECT m.product_id AS id, m.name, m.stars, m.status,
            (SELECT u.full_name FROM admin_units u WHERE u.version_id = '${CURRENT_UNITS_VERSION}' AND u.level = 'province' AND u.code = m.province_code) AS "provinceName"
       FROM (${entries(dayParameter, where.where)}) m
      WHERE m.status <> 'superseded'
      ORDER BY word_similarity(${folded}, m.name_folded) DESC, ${inForceFirst}, m.stars DESC, m.name_folded, m.product_id
      LIMIT ${where.param(limit)}`,
    where.values,
  );
  return rows;
}

/** Provinces (current list) for the facet, with their catalogue product counts. */
export async function listProvinces(sql: Sql, day: LocalDate): Promise<Array<Unit & { productCount: number }>> {
  const { rows } = await sql.query<Unit & { productCount: number }>(
    `SELECT u.code, u.name, u.full_name AS "fullName", u.province_code AS "provinceCode",
            coalesce(counts.n, 0) AS "productCount"
       FROM admin_units u
       LEFT JOIN (SELECT e.province_code, count(*)::int AS n FROM catalogue_entries e WHERE ${listedOn('e', '$2')} GROUP BY e.province_code) counts
             ON counts.province_code = u.code
      WHERE u.version_id = $1 AND u.level = 'province' ORDER BY u.code`,
    [CURRENT_UNITS_VERSION, day],
  );
  return rows;
}

/** Communes of a province that have catalogue products. */
export async function listCommunesWithProducts(sql: Sql, provinceCode: string, day: LocalDate): Promise<Array<Unit & { productCount: number }>> {
  const { rows } = await sql.query<Unit & { productCount: number }>(
    `SELECT u.code, u.name, u.full_name AS "fullName", u.province_code AS "provinceCode", counts.n AS "productCount"
       FROM (SELECT e.commune_code, count(*)::int AS n FROM catalogue_entries e WHERE e.province_code = $2 AND ${listedOn('e', '$3')} GROUP BY e.commune_code) counts
       JOIN admin_units u ON u.version_id = $1 AND u.level = 'commune' AND u.code = counts.commune_code
      ORDER BY vn_unaccent(u.name)`,
    [CURRENT_UNITS_VERSION, provinceCode, day],
  );
  return rows;
}

export interface CatalogueProduct extends CatalogueItem {
  certificateNumber: string;
  producerLegalForm: string;
  producerAddress: string | null;
  productCode: string | null;
  certificateId: string;
  publicToken: string;
  issuingBody: string;
  decisionNumber: string;
  level: 'province' | 'central';
  certificateCommuneCode: string;
  certificateProvinceCode: string;
  revokedOn: LocalDate | null;
  reEvaluationFiledOn: LocalDate | null;
  gtin: string | null;
  story: string | null;
  dossierId: string | null;
  updatedAt: Date;
}

/** A catalogue product with its current certificate and the story of its latest forwarded dossier. */
export async function findCatalogueProduct(sql: Sql, id: string, day: LocalDate): Promise<CatalogueProduct | null> {
  const { rows } = await sql.query<CatalogueProduct>(
    `SELECT ${itemColumns('e')}, c.number AS "certificateNumber", pr.legal_form AS "producerLegalForm", pr.address AS "producerAddress",
            p.product_code AS "productCode", c.id AS "certificateId", c.public_token AS "publicToken",
            c.issuing_body AS "issuingBody", c.decision_number AS "decisionNumber", c.level,
            c.commune_code AS "certificateCommuneCode", c.province_code AS "certificateProvinceCode",
            c.revoked_on AS "revokedOn", c.re_evaluation_filed_on AS "reEvaluationFiledOn", c.gtin,
            d.product_story AS story, d.id AS "dossierId",
            e.updated_at AS "updatedAt"
       FROM (${entries('$2', 'WHERE e.product_id = $1')}) e
       JOIN products p ON p.id = e.product_id
       JOIN certificates c ON c.id = e.certificate_id
       JOIN producers pr ON pr.id = e.producer_id
       LEFT JOIN LATERAL (
         SELECT d.id, d.product_story FROM dossiers d
          WHERE d.product_id = p.id AND d.status = 'forwarded_to_province'
          ORDER BY d.forwarded_at DESC LIMIT 1) d ON true
      WHERE e.status <> 'superseded'`,
    [id, day],
  );
  return rows[0] ?? null;
}

export interface ProductPhoto {
  id: string;
  kind: 'packaging' | 'label';
  originalName: string;
}

/** Packaging and label images of a dossier (the product's latest forwarded one). */
export async function listProductPhotos(sql: Sql, dossierId: string): Promise<ProductPhoto[]> {
  const { rows } = await sql.query<ProductPhoto>(
    `SELECT f.id, f.kind, f.original_name AS "originalName" FROM dossier_files f
      WHERE f.dossier_id = $1 AND f.kind IN ('packaging', 'label') AND f.mime_type LIKE 'image/%'
      ORDER BY CASE f.kind WHEN 'packaging' THEN 0 ELSE 1 END, f.created_at LIMIT 6`,
    [dossierId],
  );
  return rows;
}

/**
 * A file the public may see: a packaging or label image of a forwarded dossier of a product that has
 * a certificate. Anything else (evidence, lab reports, drafts) stays private.
 */
export async function findPublicPhoto(sql: Sql, fileId: string, day: LocalDate): Promise<{ sha256: string; mimeType: string; storageKey: string } | null> {
  const { rows } = await sql.query<{ sha256: string; mimeType: string; storageKey: string }>(
    `SELECT f.sha256, f.mime_type AS "mimeType", s.storage_key AS "storageKey"
       FROM dossier_files f
       JOIN stored_files s ON s.sha256 = f.sha256
       JOIN dossiers d ON d.id = f.dossier_id
      WHERE f.id = $1 AND f.kind IN ('packaging', 'label') AND f.mime_type LIKE 'image/%'
        AND d.status = 'forwarded_to_province'
        AND EXISTS (SELECT 1 FROM catalogue_entries e WHERE e.product_id = d.product_id AND ${listedOn('e', '$2')})`,
    [fileId, day],
  );
  return rows[0] ?? null;
}

export interface WhereToBuy {
  salesPoints: Array<{ name: string; streetAddress: string; communeName: string | null; provinceName: string | null; phone: string | null }>;
  listings: Array<{ platform: string; url: string }>;
  fairs: Array<{ name: string; place: string; startsOn: LocalDate; endsOn: LocalDate }>;
}

/** Sales points, online shops and fairs where the producer offers this product (matched by folded name). */
export async function findWhereToBuy(sql: Sql, product: { producerId: string; name: string }, day: LocalDate): Promise<WhereToBuy> {
  const sameProduct = (column: string) =>
    `(vn_unaccent(${column}) = vn_unaccent($2) OR vn_unaccent($2) LIKE '%' || vn_unaccent(${column}) || '%' OR vn_unaccent(${column}) LIKE '%' || vn_unaccent($2) || '%')`;
  const [salesPoints, listings, fairs] = await Promise.all([
    sql.query<WhereToBuy['salesPoints'][number]>(
      `SELECT DISTINCT s.name, s.street_address AS "streetAddress", c.name AS "communeName", p.name AS "provinceName", s.phone
         FROM sales_point_products sp JOIN sales_points s ON s.id = sp.sales_point_id
         LEFT JOIN admin_units p ON p.version_id = '${CURRENT_UNITS_VERSION}' AND p.level = 'province' AND p.code = s.province_code
         LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = s.commune_code
        WHERE sp.producer_id = $1 AND s.is_active AND ${sameProduct('sp.product_name')}
        ORDER BY s.name LIMIT 10`,
      [product.producerId, product.name],
    ),
    sql.query<WhereToBuy['listings'][number]>(
      `SELECT platform, url FROM ecommerce_listings
        WHERE producer_id = $1 AND is_active AND ${sameProduct('product_name')} ORDER BY platform, url LIMIT 10`,
      [product.producerId, product.name],
    ),
    sql.query<WhereToBuy['fairs'][number]>(
      `SELECT f.name, f.place, f.starts_on AS "startsOn", f.ends_on AS "endsOn"
         FROM fair_participants fp JOIN fairs f ON f.id = fp.fair_id
        WHERE fp.producer_id = $1 AND f.ends_on >= $3::date - 365
          AND (cardinality(fp.product_names) = 0 OR EXISTS (SELECT 1 FROM unnest(fp.product_names) AS n WHERE ${sameProduct('n')}))
        ORDER BY f.starts_on DESC LIMIT 5`,
      [product.producerId, product.name, day],
    ),
  ]);
  return { salesPoints: salesPoints.rows, listings: listings.rows, fairs: fairs.rows };
}

export interface PublicProducer {
  id: string;
  name: string;
  legalForm: string;
  address: string | null;
  provinceCode: string;
  provinceName: string | null;
  communeCode: string;
  communeName: string | null;
  updatedAt: Date;
}

/** A producer with at least one catalogue product (others are not public). */
export async function findPublicProducer(sql: Sql, id: string, day: LocalDate): Promise<PublicProducer | null> {
  const { rows } = await sql.query<PublicProducer>(
    `SELECT p.id, p.name, p.legal_form AS "legalForm", p.address, p.province_code AS "provinceCode",
            p.commune_code AS "communeCode", p.updated_at AS "updatedAt", ${unitNames('p')}
       FROM producers p
      WHERE p.id = $1 AND EXISTS (SELECT 1 FROM catalogue_entries e WHERE e.producer_id = p.id AND ${listedOn('e', '$2')})`,
    [id, day],
  );
  return rows[0] ?? null;
}

/** Products in force per star for a scope (a producer, province or commune) on `day`. */
export async function countInForceByStar(
  sql: Sql,
  scope: { producerId?: string; provinceCode?: string; communeCode?: string },
  day: LocalDate,
): Promise<Record<string, number>> {
  const where = new Conditions();
  const dayParameter = where.param(day);
  if (scope.producerId) where.add('e.producer_id = ?::uuid', scope.producerId);
  if (scope.provinceCode) where.add('e.province_code = ?', scope.provinceCode);
  if (scope.communeCode) where.add('e.commune_code = ?', scope.communeCode);
  const { rows } = await sql.query<{ stars: number; count: number }>(
    `SELECT stars, count(*)::int AS count FROM (${entries(dayParameter, where.where)}) matching
      WHERE status IN ('valid', 'expiring', 'extended') GROUP BY stars`,
    where.values,
  );
  return Object.fromEntries(rows.map((row) => [String(row.stars), row.count]));
}

export interface SitemapEntry {
  kind: 'product' | 'producer' | 'province' | 'commune';
  id: string;
  name: string;
  updatedAt: Date | null;
}

/** Every public page of the catalogue, for /sitemap.xml. */
export async function listSitemapEntries(sql: Sql, day: LocalDate): Promise<SitemapEntry[]> {
  const { rows } = await sql.query<SitemapEntry>(
    `WITH listed AS (SELECT * FROM catalogue_entries e WHERE ${listedOn('e', '$1')})
     SELECT 'product' AS kind, e.product_id::text AS id, e.name, e.updated_at AS "updatedAt" FROM listed e
     UNION ALL
     SELECT 'producer', e.producer_id::text, min(e.producer_name), max(e.updated_at) FROM listed e GROUP BY e.producer_id
     UNION ALL
     SELECT 'province', e.province_code, '', max(e.updated_at) FROM listed e GROUP BY e.province_code
     UNION ALL
     SELECT 'commune', e.commune_code, '', max(e.updated_at) FROM listed e GROUP BY e.commune_code
     ORDER BY 1, 2`,
    [day],
  );
  return rows;
}
