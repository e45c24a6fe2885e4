import type { Sql } from '../../core/db/database.ts';
import { Conditions } from '../../core/db/query-builder.ts';
import type { ProductVisibility } from './products.policy.ts';
import type { Product } from './products.schemas.ts';

const productSelect = `
  SELECT p.id, p.producer_id AS "producerId", pr.name AS "producerName", p.province_code AS "provinceCode",
         p.commune_code AS "communeCode", p.name, p.product_set_number AS "productSetNumber", p.rule_set_id AS "ruleSetId",
         p.product_code AS "productCode", p.created_at AS "createdAt"
    FROM products p JOIN producers pr ON pr.id = p.producer_id`;

export async function findProduct(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Product | null> {
  const { rows } = await sql.query<Product>(`${productSelect} WHERE p.id = $1 ${options.forUpdate ? 'FOR UPDATE OF p' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function listProducts(sql: Sql, visibility: ProductVisibility, filter: { producerId?: string }): Promise<Product[]> {
  const c = new Conditions();
  if (visibility.provinceCode) c.add('p.province_code = ?', visibility.provinceCode);
  if (visibility.communeCode) c.add('p.commune_code = ?', visibility.communeCode);
  if (visibility.producerId) c.add('p.producer_id = ?', visibility.producerId);
  if (filter.producerId) c.add('p.producer_id = ?', filter.producerId);
  const { rows } = await sql.query<Product>(`${productSelect} ${c.where} ORDER BY p.created_at DESC, p.id LIMIT 500`, c.values);
  return rows;
}

export interface NewProduct {
  producerId: string;
  provinceCode: string;
  communeCode: string;
  name: string;
  productSetNumber: number;
  ruleSetId: string;
  createdBy: string | null;
  /** The code as printed on an earlier list (imports only). */
  printedCode?: string | null;
  now: Date;
}

export async function insertProduct(sql: Sql, row: NewProduct): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO products (producer_id, province_code, commune_code, name, product_set_number, rule_set_id, created_by, printed_code, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [row.producerId, row.provinceCode, row.communeCode, row.name, row.productSetNumber, row.ruleSetId, row.createdBy, row.printedCode ?? null, row.now],
  );
  return rows[0]!.id;
}

/** The next STT of a (rule set, province, commune, year): the upsert takes the row lock until commit. */
export async function nextProductCodeNumber(
  sql: Sql,
  key: { ruleSetId: string; provinceCode: string; communeCode: string; year: number },
): Promise<number> {
  const { rows } = await sql.query<{ lastNumber: number }>(
    `INSERT INTO product_code_sequences AS s (rule_set_id, province_code, commune_code, year, last_number)
     VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (rule_set_id, province_code, commune_code, year) DO UPDATE SET last_number = s.last_number + 1
     RETURNING last_number AS "lastNumber"`,
    [key.ruleSetId, key.provinceCode, key.communeCode, key.year],
  );
  return rows[0]!.lastNumber;
}

export async function assignProductCode(
  sql: Sql,
  id: string,
  code: { productCode: string; year: number; number: number },
  now: Date,
): Promise<void> {
  await sql.query(
    `UPDATE products SET product_code = $2, code_year = $3, code_number = $4, code_assigned_at = $5,
            version = version + 1, updated_at = $5
      WHERE id = $1 AND product_code IS NULL`,
    [id, code.productCode, code.year, code.number, now],
  );
}

export interface KnownProduct {
  id: string;
  producerId: string;
  name: string;
  productSetNumber: number;
}

/** The products of these producers (an import links a listed product to the one already held). */
export async function listProductsOfProducers(sql: Sql, producerIds: readonly string[]): Promise<KnownProduct[]> {
  const { rows } = await sql.query<KnownProduct>(
    'SELECT id, producer_id AS "producerId", name, product_set_number AS "productSetNumber" FROM products WHERE producer_id = ANY($1::uuid[])',
    [producerIds],
  );
  return rows;
}

/** Products changed since they were created (a code assigned, an edit). */
export async function listEditedProducts(sql: Sql, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const { rows } = await sql.query<{ id: string; name: string }>(
    'SELECT id, name FROM products WHERE id = ANY($1::uuid[]) AND version > 1 FOR UPDATE',
    [ids],
  );
  return rows;
}

export async function deleteProducts(sql: Sql, ids: readonly string[]): Promise<void> {
  await sql.query('DELETE FROM products WHERE id = ANY($1::uuid[])', [ids]);
}
