/**
 * The SQL of the demo data: rows a real province would have made through screens the demo does not
 * walk through (a forwarded dossier, a revocation, a sales point), and the look-ups that keep the seeds
 * idempotent. Nothing here runs outside demo mode.
 */
import type { Actor } from '../core/auth/actor.ts';
import type { LocalDate } from '../core/clock/index.ts';
import type { Sql } from '../core/db/database.ts';

export async function findDemoActor(sql: Sql, username: string): Promise<Actor | null> {
  const { rows } = await sql.query<Actor>(
    `SELECT id AS "userId", username, display_name AS "displayName", role, scope_province_code AS "provinceCode",
            scope_commune_code AS "communeCode", producer_id AS "producerId", locale
     FROM users WHERE username = $1`,
    [username],
  );
  return rows[0] ?? null;
}

export async function hasRoundTitled(sql: Sql, title: string): Promise<boolean> {
  return ((await sql.query('SELECT 1 FROM evaluation_rounds WHERE title = $1', [title])).rowCount ?? 0) > 0;
}

export async function findRoundEntry(sql: Sql, roundId: string, dossierId: string): Promise<{ id: string; version: number } | null> {
  const { rows } = await sql.query<{ id: string; version: number }>('SELECT id, version FROM round_entries WHERE round_id = $1 AND dossier_id = $2', [roundId, dossierId]);
  return rows[0] ?? null;
}

export async function hasDemoProduct(sql: Sql, name: string): Promise<boolean> {
  const { rows } = await sql.query(`SELECT 1 FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE pr.is_demo AND p.name = $1`, [name]);
  return rows.length > 0;
}

export async function listDemoProducerIds(sql: Sql): Promise<Map<string, string>> {
  const { rows } = await sql.query<{ id: string; name: string }>('SELECT id, name FROM producers WHERE is_demo');
  return new Map(rows.map((row) => [row.name, row.id]));
}

export async function insertDemoProduct(tx: Sql, producerId: string, product: { name: string; productSetNumber: number }): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO products (producer_id, province_code, commune_code, name, product_set_number, rule_set_id)
     SELECT id, province_code, commune_code, $2, $3, '26-2026' FROM producers WHERE id = $1 RETURNING id`,
    [producerId, product.name, product.productSetNumber],
  );
  return rows[0]!.id;
}

/** The dossier the commune forwarded, with the product story shown on the product page. */
export async function insertForwardedDossier(tx: Sql, productId: string, story: string, forwardedOn: LocalDate, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO dossiers (product_id, producer_id, province_code, commune_code, type, rule_set_id, product_story, status,
       form_number, submitted_at, received_at, received_on, forwarded_at, created_at, updated_at)
     SELECT p.id, p.producer_id, p.province_code, p.commune_code, 'first', '26-2026', $2, 'forwarded_to_province',
            'DEMO-' || left(p.id::text, 8), $3::date - 20, $3::date - 15, $3::date - 15, $3, $4, $4
       FROM products p WHERE p.id = $1`,
    [productId, story, forwardedOn, now],
  );
}

export async function insertDemoRevocation(tx: Sql, certificateId: string, revokedOn: LocalDate, now: Date): Promise<void> {
  await tx.query('UPDATE certificates SET revoked_on = $2, updated_at = $3, version = version + 1 WHERE id = $1', [certificateId, revokedOn, now]);
  await tx.query(
    `INSERT INTO certificate_revocations (certificate_id, ground, finding_on, decided_on, decision_number, reason, late, created_at)
     VALUES ($1, 'production_stopped', $2, $2, '45/QĐ-UBND', 'Chủ thể ngừng sản xuất sản phẩm (dữ liệu minh họa).', false, $3)`,
    [certificateId, revokedOn, now],
  );
}

export async function insertDemoSalesPoint(tx: Sql, now: Date): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO sales_points (name, province_code, commune_code, street_address, operator_name, created_at, updated_at)
     VALUES ('Điểm giới thiệu và bán sản phẩm OCOP Than Uyên', '12', '03595', 'Tổ 3, khu trung tâm xã Than Uyên', 'HTX Nông nghiệp Mường Than', $1, $1)
     RETURNING id`,
    [now],
  );
  return rows[0]!.id;
}

export async function insertSalesPointProduct(tx: Sql, salesPointId: string, producerId: string, productName: string): Promise<void> {
  await tx.query('INSERT INTO sales_point_products (sales_point_id, producer_id, product_name) VALUES ($1, $2, $3)', [salesPointId, producerId, productName]);
}

export async function insertDemoListing(tx: Sql, producerId: string, productName: string, url: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO ecommerce_listings (producer_id, province_code, commune_code, product_name, platform, url, created_at, updated_at)
     SELECT id, province_code, commune_code, $2, $3, $4, $5, $5 FROM producers WHERE id = $1`,
    [producerId, productName, url.includes('shopee') ? 'shopee' : 'own_website', url, now],
  );
}
