import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import type { Place } from './fairs.policy.ts';
import type { Fair, FairParticipant, FairScope, Listing, ProducerPromotion, SalesPoint } from './fairs.schemas.ts';

const unitJoins = (alias: string) => `
    LEFT JOIN admin_units p ON p.version_id = '${CURRENT_UNITS_VERSION}' AND p.level = 'province' AND p.code = ${alias}.province_code
    LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = ${alias}.commune_code`;

export interface Visibility {
  provinceCode: string | null;
  communeCode: string | null;
}

function scopeConditions(where: Conditions, alias: string, visibility: Visibility, filter: { provinceCode?: string | undefined; communeCode?: string | undefined }) {
  if (visibility.provinceCode) where.add(`${alias}.province_code = ?`, visibility.provinceCode);
  if (visibility.communeCode) where.add(`${alias}.commune_code = ?`, visibility.communeCode);
  if (filter.provinceCode) where.add(`${alias}.province_code = ?`, filter.provinceCode);
  if (filter.communeCode) where.add(`${alias}.commune_code = ?`, filter.communeCode);
}

// ---------------------------------------------------------------------------------------------
// Fairs

const fairSelect = `
  SELECT f.id, f.organiser_level AS "organiserLevel", f.province_code AS "provinceCode", p.full_name AS "provinceName",
         f.commune_code AS "communeCode", c.full_name AS "communeName", f.name, f.scope, f.starts_on AS "startsOn",
         f.ends_on AS "endsOn", f.place, f.organiser_name AS "organiserName",
         (SELECT count(*) FROM fair_participants fp WHERE fp.fair_id = f.id)::int AS "participantCount",
         (SELECT coalesce(sum(fp.visitors), 0) FROM fair_participants fp WHERE fp.fair_id = f.id)::int AS "totalVisitors",
         (SELECT coalesce(sum(fp.sales_revenue_vnd), 0) FROM fair_participants fp WHERE fp.fair_id = f.id)::float8 AS "totalRevenueVnd",
         f.version, f.created_at AS "createdAt", f.updated_at AS "updatedAt"
    FROM fairs f ${unitJoins('f')}`;

export async function findFair(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Fair | null> {
  const { rows } = await sql.query<Fair>(`${fairSelect} WHERE f.id = $1 ${options.forUpdate ? 'FOR UPDATE OF f' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function listFairs(
  sql: Sql,
  visibility: Visibility,
  filter: { provinceCode?: string | undefined; communeCode?: string | undefined; year?: number | undefined; limit: number; offset: number },
): Promise<{ items: Fair[]; total: number }> {
  const where = new Conditions();
  scopeConditions(where, 'f', visibility, filter);
  if (filter.year) where.add('f.starts_on >= make_date(?, 1, 1)', filter.year).add('f.starts_on < make_date(? + 1, 1, 1)', filter.year);
  return selectPage<Fair>(sql, fairSelect, where, { orderBy: '"startsOn" DESC, "createdAt" DESC', limit: filter.limit, offset: filter.offset });
}

/** The fairs a unit took part in during a year (a province's includes its communes'), for reports. */
export async function listUnitFairsOfYear(sql: Sql, unit: Place, year: number): Promise<Fair[]> {
  const { rows } = await sql.query<Fair>(
    `${fairSelect} WHERE f.province_code = $1 AND ($2::text IS NULL OR f.commune_code = $2)
        AND f.starts_on >= make_date($3, 1, 1) AND f.starts_on < make_date($3 + 1, 1, 1)
      ORDER BY f.starts_on, f.created_at`,
    [unit.provinceCode, unit.communeCode, year],
  );
  return rows;
}

export interface FairRow {
  name: string;
  scope: FairScope;
  startsOn: string;
  endsOn: string;
  place: string;
  organiserName: string | null;
}

export async function insertFair(sql: Sql, place: Place, row: FairRow, createdBy: string, now: Date): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO fairs (organiser_level, province_code, commune_code, name, scope, starts_on, ends_on, place, organiser_name, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [place.communeCode ? 'commune' : 'province', place.provinceCode, place.communeCode, row.name, row.scope, row.startsOn, row.endsOn, row.place, row.organiserName, createdBy, now],
  );
  return rows[0]!.id;
}

export async function updateFair(sql: Sql, id: string, row: FairRow, now: Date): Promise<void> {
  await sql.query(
    `UPDATE fairs SET name = $2, scope = $3, starts_on = $4, ends_on = $5, place = $6, organiser_name = $7,
            version = version + 1, updated_at = $8 WHERE id = $1`,
    [id, row.name, row.scope, row.startsOn, row.endsOn, row.place, row.organiserName, now],
  );
}

const participantSelect = `
  SELECT fp.id, fp.fair_id AS "fairId", fp.producer_id AS "producerId", pr.name AS "producerName", fp.product_names AS "productNames",
         fp.booth, fp.visitors, fp.sales_revenue_vnd::float8 AS "salesRevenueVnd", fp.version
    FROM fair_participants fp JOIN producers pr ON pr.id = fp.producer_id`;

export async function listFairParticipants(sql: Sql, fairId: string): Promise<FairParticipant[]> {
  const { rows } = await sql.query<FairParticipant>(`${participantSelect} WHERE fp.fair_id = $1 ORDER BY pr.name, fp.id`, [fairId]);
  return rows;
}

export async function findFairParticipant(sql: Sql, fairId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<FairParticipant | null> {
  const { rows } = await sql.query<FairParticipant>(`${participantSelect} WHERE fp.fair_id = $1 AND fp.id = $2 ${options.forUpdate ? 'FOR UPDATE OF fp' : ''}`, [fairId, id]);
  return rows[0] ?? null;
}

export interface FairParticipantRow {
  productNames: string[];
  booth: string | null;
  visitors: number | null;
  salesRevenueVnd: number | null;
}

/** Null when the producer already takes part in the fair. */
export async function insertFairParticipant(sql: Sql, fairId: string, producerId: string, row: FairParticipantRow, now: Date): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO fair_participants (fair_id, producer_id, product_names, booth, visitors, sales_revenue_vnd, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (fair_id, producer_id) DO NOTHING RETURNING id`,
    [fairId, producerId, row.productNames, row.booth, row.visitors, row.salesRevenueVnd, now],
  );
  return rows[0]?.id ?? null;
}

export async function updateFairParticipant(sql: Sql, id: string, row: FairParticipantRow, now: Date): Promise<void> {
  await sql.query(
    `UPDATE fair_participants SET product_names = $2, booth = $3, visitors = $4, sales_revenue_vnd = $5,
            version = version + 1, updated_at = $6 WHERE id = $1`,
    [id, row.productNames, row.booth, row.visitors, row.salesRevenueVnd, now],
  );
}

export async function touchFair(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query('UPDATE fairs SET version = version + 1, updated_at = $2 WHERE id = $1', [id, now]);
}

// ---------------------------------------------------------------------------------------------
// Sales points

const salesPointSelect = `
  SELECT sp.id, sp.name, sp.province_code AS "provinceCode", p.full_name AS "provinceName", sp.commune_code AS "communeCode",
         c.full_name AS "communeName", sp.street_address AS "streetAddress", sp.operator_name AS "operatorName", sp.phone, sp.email,
         sp.opened_on AS "openedOn", sp.is_active AS "isActive",
         coalesce((SELECT json_agg(json_build_object('producerId', spp.producer_id, 'producerName', pr.name, 'productName', spp.product_name)
                                   ORDER BY pr.name, spp.product_name)
                     FROM sales_point_products spp JOIN producers pr ON pr.id = spp.producer_id
                    WHERE spp.sales_point_id = sp.id), '[]'::json) AS products,
         sp.version, sp.created_at AS "createdAt", sp.updated_at AS "updatedAt"
    FROM sales_points sp ${unitJoins('sp')}`;

export async function findSalesPoint(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<SalesPoint | null> {
  const { rows } = await sql.query<SalesPoint>(`${salesPointSelect} WHERE sp.id = $1 ${options.forUpdate ? 'FOR UPDATE OF sp' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function listSalesPoints(
  sql: Sql,
  visibility: Visibility,
  filter: { provinceCode?: string | undefined; communeCode?: string | undefined; active?: boolean | undefined; limit: number; offset: number },
): Promise<{ items: SalesPoint[]; total: number }> {
  const where = new Conditions();
  scopeConditions(where, 'sp', visibility, filter);
  if (filter.active !== undefined) where.add('sp.is_active = ?', filter.active);
  return selectPage<SalesPoint>(sql, salesPointSelect, where, { orderBy: '"communeName", name, id', limit: filter.limit, offset: filter.offset });
}

export interface SalesPointRow {
  name: string;
  streetAddress: string;
  operatorName: string | null;
  phone: string | null;
  email: string | null;
  openedOn: string | null;
  isActive: boolean;
}

export async function insertSalesPoint(sql: Sql, place: { provinceCode: string; communeCode: string }, row: SalesPointRow, createdBy: string, now: Date): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO sales_points (name, province_code, commune_code, street_address, operator_name, phone, email, opened_on, is_active, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $11, $7, $8, $9, $10, $10) RETURNING id`,
    [row.name, place.provinceCode, place.communeCode, row.streetAddress, row.operatorName, row.phone, row.openedOn, row.isActive, createdBy, now, row.email],
  );
  return rows[0]!.id;
}

export async function updateSalesPoint(sql: Sql, id: string, row: SalesPointRow, now: Date): Promise<void> {
  await sql.query(
    `UPDATE sales_points SET name = $2, street_address = $3, operator_name = $4, phone = $5, opened_on = $6, is_active = $7,
            email = $9, version = version + 1, updated_at = $8 WHERE id = $1`,
    [id, row.name, row.streetAddress, row.operatorName, row.phone, row.openedOn, row.isActive, now, row.email],
  );
}

export async function replaceSalesPointProducts(sql: Sql, id: string, products: ReadonlyArray<{ producerId: string; productName: string }>): Promise<void> {
  await sql.query('DELETE FROM sales_point_products WHERE sales_point_id = $1', [id]);
  await sql.query(
    `INSERT INTO sales_point_products (sales_point_id, producer_id, product_name)
     SELECT $1, u.producer_id, u.product_name FROM unnest($2::uuid[], $3::text[]) AS u(producer_id, product_name)
     ON CONFLICT DO NOTHING`,
    [id, products.map((p) => p.producerId), products.map((p) => p.productName)],
  );
}

// ---------------------------------------------------------------------------------------------
// Listings

const listingSelect = `
  SELECT l.id, l.producer_id AS "producerId", pr.name AS "producerName", l.province_code AS "provinceCode", l.commune_code AS "communeCode",
         l.product_name AS "productName", l.platform, l.url, l.is_active AS "isActive", l.version,
         l.created_at AS "createdAt", l.updated_at AS "updatedAt"
    FROM ecommerce_listings l JOIN producers pr ON pr.id = l.producer_id`;

export async function findListing(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Listing | null> {
  const { rows } = await sql.query<Listing>(`${listingSelect} WHERE l.id = $1 ${options.forUpdate ? 'FOR UPDATE OF l' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function listListings(
  sql: Sql,
  visibility: Visibility & { producerId: string | null },
  filter: { producerId?: string | undefined; provinceCode?: string | undefined; communeCode?: string | undefined; limit: number; offset: number },
): Promise<{ items: Listing[]; total: number }> {
  const where = new Conditions();
  scopeConditions(where, 'l', visibility, filter);
  if (visibility.producerId) where.add('l.producer_id = ?', visibility.producerId);
  if (filter.producerId) where.add('l.producer_id = ?', filter.producerId);
  return selectPage<Listing>(sql, listingSelect, where, { orderBy: '"producerName", "productName", id', limit: filter.limit, offset: filter.offset });
}

export interface ListingRow {
  productName: string;
  platform: Listing['platform'];
  url: string;
  isActive: boolean;
}

/** Null when the producer already lists that address. */
export async function insertListing(sql: Sql, producer: { id: string; provinceCode: string; communeCode: string }, row: ListingRow, createdBy: string, now: Date): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO ecommerce_listings (producer_id, province_code, commune_code, product_name, platform, url, is_active, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (producer_id, url) DO NOTHING RETURNING id`,
    [producer.id, producer.provinceCode, producer.communeCode, row.productName, row.platform, row.url, row.isActive, createdBy, now],
  );
  return rows[0]?.id ?? null;
}

export async function updateListing(sql: Sql, id: string, row: ListingRow, now: Date): Promise<void> {
  await sql.query(
    `UPDATE ecommerce_listings SET product_name = $2, platform = $3, url = $4, is_active = $5, version = version + 1, updated_at = $6 WHERE id = $1`,
    [id, row.productName, row.platform, row.url, row.isActive, now],
  );
}

export async function listingUrlTaken(sql: Sql, producerId: string, url: string, exceptId: string): Promise<boolean> {
  const { rows } = await sql.query('SELECT 1 FROM ecommerce_listings WHERE producer_id = $1 AND url = $2 AND id <> $3', [producerId, url, exceptId]);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// One producer

export async function findProducerPlaces(sql: Sql, ids: readonly string[]): Promise<Map<string, { id: string; name: string; provinceCode: string; communeCode: string }>> {
  const { rows } = await sql.query<{ id: string; name: string; provinceCode: string; communeCode: string }>(
    `SELECT id, name, province_code AS "provinceCode", commune_code AS "communeCode" FROM producers
      WHERE id = ANY($1::uuid[]) AND merged_into_id IS NULL`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

export async function findProducerPromotion(sql: Sql, producerId: string): Promise<ProducerPromotion> {
  const fairs = await sql.query<ProducerPromotion['fairs'][number]>(
    `SELECT f.id AS "fairId", f.name AS "fairName", f.scope, f.starts_on AS "startsOn", f.ends_on AS "endsOn", f.place,
            fp.id AS "participantId", fp.product_names AS "productNames", fp.booth, fp.visitors,
            fp.sales_revenue_vnd::float8 AS "salesRevenueVnd", fp.version
       FROM fair_participants fp JOIN fairs f ON f.id = fp.fair_id
      WHERE fp.producer_id = $1 ORDER BY f.starts_on DESC`,
    [producerId],
  );
  const salesPoints = await sql.query<ProducerPromotion['salesPoints'][number]>(
    `SELECT sp.id, sp.name, sp.street_address AS "streetAddress", c.full_name AS "communeName", p.full_name AS "provinceName",
            array_agg(spp.product_name ORDER BY spp.product_name) AS "productNames"
       FROM sales_point_products spp JOIN sales_points sp ON sp.id = spp.sales_point_id ${unitJoins('sp')}
      WHERE spp.producer_id = $1 AND sp.is_active
      GROUP BY sp.id, c.full_name, p.full_name ORDER BY sp.name`,
    [producerId],
  );
  const listings = await sql.query<Listing>(`${listingSelect} WHERE l.producer_id = $1 ORDER BY l.product_name, l.id`, [producerId]);
  return { fairs: fairs.rows, salesPoints: salesPoints.rows, listings: listings.rows };
}

/** The sales points of a province (an import links a listed point to the one already held). */
export async function listSalesPointNames(sql: Sql, provinceCode: string): Promise<Array<{ id: string; name: string; communeCode: string }>> {
  const { rows } = await sql.query<{ id: string; name: string; communeCode: string }>(
    'SELECT id, name, commune_code AS "communeCode" FROM sales_points WHERE province_code = $1',
    [provinceCode],
  );
  return rows;
}

/** Sales points changed since they were created, or given products to sell. */
export async function listChangedSalesPoints(sql: Sql, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const { rows } = await sql.query<{ id: string; name: string }>(
    `SELECT sp.id, sp.name FROM sales_points sp
      WHERE sp.id = ANY($1::uuid[]) AND (sp.version > 1 OR EXISTS (SELECT 1 FROM sales_point_products spp WHERE spp.sales_point_id = sp.id))
      FOR UPDATE OF sp`,
    [ids],
  );
  return rows;
}

export async function deleteSalesPoints(sql: Sql, ids: readonly string[]): Promise<void> {
  await sql.query('DELETE FROM sales_points WHERE id = ANY($1::uuid[])', [ids]);
}

/** Who sells a producer's product under this name: the active sales points, with their contact. */
export interface Stockist {
  salesPointId: string;
  name: string;
  phone: string | null;
  email: string | null;
  provinceCode: string;
  communeCode: string;
}

export async function listStockistsOfProduct(sql: Sql, producerId: string, productName: string): Promise<Stockist[]> {
  const { rows } = await sql.query<Stockist>(
    `SELECT DISTINCT sp.id AS "salesPointId", sp.name, sp.phone, sp.email, sp.province_code AS "provinceCode", sp.commune_code AS "communeCode"
       FROM sales_point_products spp JOIN sales_points sp ON sp.id = spp.sales_point_id
      WHERE sp.is_active AND spp.producer_id = $1 AND vn_unaccent(spp.product_name) = vn_unaccent($2)`,
    [producerId, productName],
  );
  return rows;
}
