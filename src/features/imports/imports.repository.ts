import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';

export interface ImportCounts {
  rowsRead: number;
  producersNew: number;
  producersLinked: number;
  productsNew: number;
  productsLinked: number;
  certificatesNew: number;
  certificatesKnown: number;
  salesPointsNew: number;
  salesPointsLinked: number;
  rowsWithErrors: number;
  warnings: number;
}

export interface ImportBatch {
  id: string;
  provinceCode: string;
  kind: 'provincial_list' | 'national_register' | 'sales_points';
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  mapping: unknown;
  counts: ImportCounts;
  status: 'committed' | 'undone';
  createdBy: string;
  createdByName: string | null;
  createdAt: Date;
  undoneBy: string | null;
  undoneAt: Date | null;
}

const batchSelect = `
  SELECT b.id, b.province_code AS "provinceCode", b.kind, b.file_name AS "fileName", b.file_sha256 AS "fileSha256",
         b.file_bytes AS "fileBytes", b.mapping, b.counts, b.status, b.created_by AS "createdBy", u.display_name AS "createdByName",
         b.created_at AS "createdAt", b.undone_by AS "undoneBy", b.undone_at AS "undoneAt"
    FROM import_batches b LEFT JOIN users u ON u.id = b.created_by`;

export async function findBatch(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<ImportBatch | null> {
  const { rows } = await sql.query<ImportBatch>(`${batchSelect} WHERE b.id = $1 ${options.forUpdate ? 'FOR UPDATE OF b' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function findCommittedBatchOfFile(sql: Sql, provinceCode: string, sha256: string): Promise<ImportBatch | null> {
  const { rows } = await sql.query<ImportBatch>(`${batchSelect} WHERE b.province_code = $1 AND b.file_sha256 = $2 AND b.status = 'committed'`, [provinceCode, sha256]);
  return rows[0] ?? null;
}

export async function listBatches(sql: Sql, filter: { provinceCode: string | null; limit: number; offset: number }): Promise<{ items: ImportBatch[]; total: number }> {
  const where = new Conditions();
  if (filter.provinceCode) where.add('b.province_code = ?', filter.provinceCode);
  return selectPage<ImportBatch>(sql, batchSelect, where, { orderBy: '"createdAt" DESC, id', limit: filter.limit, offset: filter.offset });
}

export async function insertBatch(
  sql: Sql,
  batch: { provinceCode: string; kind: ImportBatch['kind']; fileName: string; fileSha256: string; fileBytes: number; mapping: unknown; counts: ImportCounts; createdBy: string },
  now: Date,
): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO import_batches (province_code, kind, file_name, file_sha256, file_bytes, mapping, counts, status, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'committed', $8, $9) RETURNING id`,
    [batch.provinceCode, batch.kind, batch.fileName, batch.fileSha256, batch.fileBytes, JSON.stringify(batch.mapping), JSON.stringify(batch.counts), batch.createdBy, now],
  );
  return rows[0]!.id;
}

export interface BatchRecord {
  entityType: 'producer' | 'product' | 'certificate' | 'sales_point';
  entityId: string;
  action: 'created' | 'linked';
  rowNumber: number;
}

export async function insertBatchRecords(sql: Sql, batchId: string, records: readonly BatchRecord[]): Promise<void> {
  if (records.length === 0) return;
  await sql.query(
    `INSERT INTO import_batch_records (batch_id, entity_type, entity_id, action, row_number)
     SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::int[]) ON CONFLICT DO NOTHING`,
    [batchId, records.map((r) => r.entityType), records.map((r) => r.entityId), records.map((r) => r.action), records.map((r) => r.rowNumber)],
  );
}

export async function listBatchRecords(sql: Sql, batchId: string): Promise<BatchRecord[]> {
  const { rows } = await sql.query<BatchRecord>(
    `SELECT entity_type AS "entityType", entity_id AS "entityId", action, row_number AS "rowNumber"
       FROM import_batch_records WHERE batch_id = $1 ORDER BY row_number, entity_type`,
    [batchId],
  );
  return rows;
}

export async function markUndone(sql: Sql, id: string, userId: string, now: Date): Promise<void> {
  await sql.query(`UPDATE import_batches SET status = 'undone', undone_by = $2, undone_at = $3 WHERE id = $1`, [id, userId, now]);
}

export interface SavedMapping {
  name: string;
  mapping: Record<string, number>;
  updatedAt: Date;
}

export async function listMappings(sql: Sql, provinceCode: string): Promise<SavedMapping[]> {
  const { rows } = await sql.query<SavedMapping>(
    `SELECT name, mapping, updated_at AS "updatedAt" FROM import_mappings WHERE province_code = $1 ORDER BY updated_at DESC`,
    [provinceCode],
  );
  return rows;
}

export async function upsertMapping(sql: Sql, provinceCode: string, name: string, mapping: unknown, userId: string, now: Date): Promise<void> {
  await sql.query(
    `INSERT INTO import_mappings (province_code, name, mapping, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (province_code, name) DO UPDATE SET mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [provinceCode, name, JSON.stringify(mapping), userId, now],
  );
}

/** A product of the province as the national register lists it: its current certificate, producer, story and photos. */
export interface RegisterProduct {
  name: string;
  stars: number;
  description: string | null;
  story: string | null;
  certificateNumber: string;
  issuedOn: string;
  expiresOn: string;
  /** Ids of public photos (served at /anh/<id>). */
  photoIds: string[];
  images: string[];
  producerName: string;
  representativeName: string | null;
  producerAddress: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * The read model of the national-register export: one row per product of the province with a certificate,
 * its latest certificate (as the catalogue shows it), and the story and packaging photos of its latest
 * forwarded dossier. A read across the registry's tables by design, like the open data.
 */
export async function listRegisterProducts(sql: Sql, provinceCode: string): Promise<Array<Omit<RegisterProduct, 'images'>>> {
  const { rows } = await sql.query<Omit<RegisterProduct, 'images'>>(
    `SELECT p.name, c.stars, NULL::text AS description, nullif(d.product_story, '') AS story, c.number AS "certificateNumber",
            c.issued_on::text AS "issuedOn", c.expires_on::text AS "expiresOn",
            coalesce((SELECT array_agg(f.id::text ORDER BY f.created_at) FROM dossier_files f
                       WHERE f.dossier_id = d.id AND f.kind IN ('packaging', 'label') AND f.mime_type LIKE 'image/%'), '{}') AS "photoIds",
            pr.name AS "producerName", pr.representative_name AS "representativeName", pr.address AS "producerAddress",
            pr.phone, pr.email
       FROM products p
       JOIN LATERAL (SELECT * FROM certificates lc WHERE lc.product_id = p.id ORDER BY lc.issued_on DESC, lc.created_at DESC LIMIT 1) c ON true
       JOIN producers pr ON pr.id = p.producer_id
       LEFT JOIN LATERAL (SELECT d.id, d.product_story FROM dossiers d WHERE d.product_id = p.id AND d.status = 'forwarded_to_province'
                           ORDER BY d.forwarded_at DESC LIMIT 1) d ON true
      WHERE p.province_code = $1
      ORDER BY p.name, p.id`,
    [provinceCode],
  );
  return rows;
}
