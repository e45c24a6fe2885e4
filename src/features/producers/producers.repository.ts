import type { Sql } from '../../core/db/database.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import type { CreateProducerInput, Producer, UpdateProducerInput } from './producers.schemas.ts';


const producerSelect = `
  SELECT pr.id, pr.name, pr.legal_form AS "legalForm", pr.tax_code AS "taxCode",
         pr.province_code AS "provinceCode", p.full_name AS "provinceName",
         pr.commune_code AS "communeCode", c.full_name AS "communeName",
         pr.address, pr.phone, pr.version, pr.created_at AS "createdAt", pr.updated_at AS "updatedAt"
    FROM producers pr
    LEFT JOIN admin_units p ON p.version_id = '${CURRENT_UNITS_VERSION}' AND p.level = 'province' AND p.code = pr.province_code
    LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = pr.commune_code`;

export async function findProducer(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Producer | null> {
  const { rows } = await sql.query<Producer>(
    `${producerSelect} WHERE pr.id = $1 ${options.forUpdate ? 'FOR UPDATE OF pr' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Where the caller may look, from producers.policy.ts. */
export interface ProducerVisibility {
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
}

export async function listProducers(
  sql: Sql,
  visibility: ProducerVisibility,
  filter: { q?: string; communeCode?: string; limit: number; offset: number },
): Promise<{ items: Producer[]; total: number }> {
  const values: unknown[] = [];
  const conditions: string[] = [];
  const add = (condition: string, value: unknown) => {
    values.push(value);
    conditions.push(condition.replaceAll('?', `$${values.length}`));
  };
  if (visibility.provinceCode) add('pr.province_code = ?', visibility.provinceCode);
  if (visibility.communeCode) add('pr.commune_code = ?', visibility.communeCode);
  if (visibility.producerId) add('pr.id = ?', visibility.producerId);
  if (filter.communeCode) add('pr.commune_code = ?', filter.communeCode);
  if (filter.q) add(`vn_unaccent(pr.name) LIKE '%' || vn_unaccent(?) || '%'`, filter.q);
  values.push(filter.limit, filter.offset);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const { rows } = await sql.query<Producer & { total: number }>(
    `SELECT *, count(*) OVER () AS total FROM (${producerSelect} ${where}) AS visible
      ORDER BY name LIMIT $${values.length - 1} OFFSET $${values.length}`,
    values,
  );
  return { items: rows.map(({ total: _total, ...rest }) => rest), total: rows[0]?.total ?? 0 };
}

export async function insertProducer(
  sql: Sql,
  input: CreateProducerInput & { provinceCode: string; isDemo?: boolean; now: Date },
): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO producers (name, legal_form, tax_code, province_code, commune_code, address, phone, is_demo, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [input.name, input.legalForm, input.taxCode, input.provinceCode, input.communeCode, input.address, input.phone, input.isDemo ?? false, input.now],
  );
  return rows[0]!.id;
}

const columnOf = { name: 'name', legalForm: 'legal_form', taxCode: 'tax_code', address: 'address', phone: 'phone' } as const;

export async function updateProducer(
  sql: Sql,
  id: string,
  changes: Omit<UpdateProducerInput, 'version'>,
  now: Date,
): Promise<void> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof typeof columnOf, unknown][];
  const sets = entries.map(([key], index) => `${columnOf[key]} = $${index + 3}`);
  await sql.query(
    `UPDATE producers SET ${[...sets, 'version = version + 1', 'updated_at = $2'].join(', ')} WHERE id = $1`,
    [id, now, ...entries.map(([, value]) => value)],
  );
}
