import type { Sql } from '../../core/db/database.ts';
import { Conditions } from '../../core/db/query-builder.ts';

export type UnitLevel = 'province' | 'district' | 'commune';

export interface AdminUnitVersion {
  id: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  legalBasis: string;
  source: unknown;
}

export interface AdminUnit {
  versionId: string;
  level: UnitLevel;
  code: string;
  name: string;
  fullName: string;
  typeName: string;
  nameEn: string | null;
  parentCode: string | null;
  provinceCode: string;
}

export interface UnitWithContext extends AdminUnit {
  parentName: string | null;
  provinceName: string;
}

export interface Succession {
  fromCode: string;
  fromName: string;
  toCode: string | null;
  toName: string | null;
  toProvinceCode: string | null;
  toProvinceName: string | null;
  isPartial: boolean;
}

const unitColumns = (alias: string) => `${alias}.version_id AS "versionId", ${alias}.level, ${alias}.code, ${alias}.name,
  ${alias}.full_name AS "fullName", ${alias}.type_name AS "typeName", ${alias}.name_en AS "nameEn",
  ${alias}.parent_code AS "parentCode", ${alias}.province_code AS "provinceCode"`;

// Parent and province names for display ("Xã Mường Than, Huyện Than Uyên, Tỉnh Lai Châu").
// A code names one unit within a version (admin_units_code_key), whatever its level.
const withContext = `
  LEFT JOIN admin_units parent ON parent.version_id = u.version_id AND parent.code = u.parent_code
  JOIN admin_units province ON province.version_id = u.version_id AND province.code = u.province_code`;

const contextColumns = `${unitColumns('u')}, parent.full_name AS "parentName", province.full_name AS "provinceName"`;

export async function listVersions(sql: Sql): Promise<AdminUnitVersion[]> {
  const { rows } = await sql.query<AdminUnitVersion>(
    `SELECT id, name, valid_from AS "validFrom", valid_to AS "validTo", legal_basis AS "legalBasis", source
       FROM admin_unit_versions ORDER BY valid_from NULLS FIRST`,
  );
  return rows;
}

export async function findVersion(sql: Sql, id: string): Promise<AdminUnitVersion | null> {
  const { rows } = await sql.query<AdminUnitVersion>(
    `SELECT id, name, valid_from AS "validFrom", valid_to AS "validTo", legal_basis AS "legalBasis", source
       FROM admin_unit_versions WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The version in force on a date (YYYY-MM-DD). */
export async function findVersionInForce(sql: Sql, onDate: string): Promise<AdminUnitVersion | null> {
  const { rows } = await sql.query<AdminUnitVersion>(
    `SELECT id, name, valid_from AS "validFrom", valid_to AS "validTo", legal_basis AS "legalBasis", source
       FROM admin_unit_versions
      WHERE (valid_from IS NULL OR valid_from <= $1) AND (valid_to IS NULL OR valid_to >= $1)
      ORDER BY valid_from DESC NULLS LAST LIMIT 1`,
    [onDate],
  );
  return rows[0] ?? null;
}

export async function insertVersion(sql: Sql, version: AdminUnitVersion): Promise<void> {
  await sql.query(
    `INSERT INTO admin_unit_versions (id, name, valid_from, valid_to, legal_basis, source)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [version.id, version.name, version.validFrom, version.validTo, version.legalBasis, JSON.stringify(version.source)],
  );
}

/** One statement for a whole version (~14,000 rows): fast on PGlite as well as on a server. */
export async function insertUnits(sql: Sql, versionId: string, units: Omit<AdminUnit, 'versionId'>[]): Promise<void> {
  const column = <K extends keyof Omit<AdminUnit, 'versionId'>>(key: K) => units.map((unit) => unit[key]);
  await sql.query(
    `INSERT INTO admin_units (version_id, level, code, name, full_name, type_name, name_en, parent_code, province_code)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
    [
      versionId,
      column('level'),
      column('code'),
      column('name'),
      column('fullName'),
      column('typeName'),
      column('nameEn'),
      column('parentCode'),
      column('provinceCode'),
    ],
  );
  await sql.query(
    `UPDATE admin_units u SET search_text = vn_unaccent(
       u.full_name || ' ' ||
       coalesce((SELECT parent.full_name FROM admin_units parent
                  WHERE parent.version_id = u.version_id AND parent.code = u.parent_code), '') || ' ' ||
       (SELECT province.full_name FROM admin_units province
         WHERE province.version_id = u.version_id AND province.code = u.province_code))
      WHERE u.version_id = $1`,
    [versionId],
  );
  // Fresh statistics, or the planner guesses badly on a table that just grew by 14,000 rows.
  await sql.query('ANALYZE admin_units');
}

export interface SuccessionRow {
  fromLevel: UnitLevel;
  fromCode: string;
  toLevel: UnitLevel;
  toCode: string;
  isPartial: boolean;
}

export async function insertSuccessions(
  sql: Sql,
  fromVersion: string,
  toVersion: string,
  rows: SuccessionRow[],
): Promise<void> {
  await sql.query(
    `INSERT INTO admin_unit_successions (from_version, from_level, from_code, to_version, to_level, to_code, is_partial)
     SELECT $1, from_level, from_code, $2, to_level, to_code, is_partial
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[])
         AS t(from_level, from_code, to_level, to_code, is_partial)
     ON CONFLICT DO NOTHING`,
    [
      fromVersion,
      toVersion,
      rows.map((r) => r.fromLevel),
      rows.map((r) => r.fromCode),
      rows.map((r) => r.toLevel),
      rows.map((r) => r.toCode),
      rows.map((r) => r.isPartial),
    ],
  );
}

export async function findUnit(sql: Sql, versionId: string, level: UnitLevel, code: string): Promise<UnitWithContext | null> {
  const { rows } = await sql.query<UnitWithContext>(
    `SELECT ${contextColumns} FROM admin_units u ${withContext}
      WHERE u.version_id = $1 AND u.level = $2 AND u.code = $3`,
    [versionId, level, code],
  );
  return rows[0] ?? null;
}

export interface UnitFilter {
  versionId: string;
  level?: UnitLevel;
  parentCode?: string;
  provinceCode?: string;
  /** Free text; matched without diacritics against the unit, its parent and province names. */
  text?: string;
  limit: number;
  offset: number;
}

export async function listUnits(sql: Sql, filter: UnitFilter): Promise<{ items: UnitWithContext[]; total: number }> {
  const where = new Conditions().add('u.version_id = ?', filter.versionId);
  if (filter.level) where.add('u.level = ?', filter.level);
  if (filter.parentCode) where.add('u.parent_code = ?', filter.parentCode);
  if (filter.provinceCode) where.add('u.province_code = ?', filter.provinceCode);
  const levelOrder = `CASE u.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, u.code`;
  let order = levelOrder;
  if (filter.text) {
    // Every word must start a word of "unit, parent, province", without diacritics ('d' finds 'đ';
    // 'uyen' does not find 'huyện').
    for (const word of filter.text.split(/[\s,]+/).filter(Boolean)) {
      where.add(`(u.search_text LIKE vn_unaccent(?) || '%' OR u.search_text LIKE '% ' || vn_unaccent(?) || '%')`, word);
    }
    // Spelled exactly as typed (with its diacritics) ranks first, then the unit's own name matching.
    const exact = where.param(filter.text.trim());
    order = `(CASE WHEN u.full_name ILIKE '%' || ${exact} || '%' THEN 0 ELSE 2 END
             + CASE WHEN vn_unaccent(u.full_name) LIKE '%' || vn_unaccent(${exact}) || '%' THEN 0 ELSE 1 END), ${levelOrder}`;
  }
  const limit = where.param(filter.limit);
  const offset = where.param(filter.offset);
  const { rows } = await sql.query<UnitWithContext & { total: number }>(
    `SELECT ${contextColumns}, count(*) OVER () AS total
       FROM admin_units u ${withContext}
      ${where.where}
      ORDER BY ${order}
      LIMIT ${limit} OFFSET ${offset}`,
    where.values,
  );
  return { items: rows.map(({ total: _total, ...unit }) => unit), total: rows[0]?.total ?? 0 };
}

/**
 * What became of a unit in the next version. A commune maps directly; a district or province
 * maps through its communes (the 2025 reform abolished districts and merged communes across them).
 */
export async function listSuccessions(
  sql: Sql,
  fromVersion: string,
  level: UnitLevel,
  code: string,
): Promise<Succession[]> {
  const scope =
    level === 'commune' ? 'c.code = $2' : level === 'district' ? 'c.parent_code = $2' : 'c.province_code = $2';
  const successor = `n.code AS "toCode", n.full_name AS "toName", np.code AS "toProvinceCode",
    np.full_name AS "toProvinceName", coalesce(s.is_partial, false) AS "isPartial"`;
  const successorJoins = `
       LEFT JOIN admin_units n ON n.version_id = s.to_version AND n.level = s.to_level AND n.code = s.to_code
       LEFT JOIN admin_units np ON np.version_id = n.version_id AND np.code = n.province_code`;
  const { rows } = await sql.query<Succession>(
    `SELECT c.code AS "fromCode", c.full_name AS "fromName", ${successor}
       FROM admin_units c
       LEFT JOIN admin_unit_successions s
         ON s.from_version = c.version_id AND s.from_level = 'commune' AND s.from_code = c.code
       ${successorJoins}
      WHERE c.version_id = $1 AND c.level = 'commune' AND ${scope}
     UNION ALL
     -- A district that succeeded whole (island districts without communes became special zones).
     SELECT d.code, d.full_name, ${successor}
       FROM admin_units d
       JOIN admin_unit_successions s ON s.from_version = d.version_id AND s.from_level = d.level AND s.from_code = d.code
       ${successorJoins}
      WHERE d.version_id = $1 AND d.level = 'district' AND d.code = $2 AND $3 = 'district'
      ORDER BY 1, 3`,
    [fromVersion, code, level],
  );
  return rows;
}

export async function hasSuccessorVersion(sql: Sql, versionId: string): Promise<boolean> {
  const { rows } = await sql.query('SELECT 1 FROM admin_unit_successions WHERE from_version = $1 LIMIT 1', [versionId]);
  return rows.length > 0;
}

/** The units a unit was formed from (the reverse of listSuccessions, for a new commune). */
export async function listPredecessors(sql: Sql, toVersion: string, level: UnitLevel, code: string): Promise<UnitWithContext[]> {
  const { rows } = await sql.query<UnitWithContext>(
    `SELECT ${contextColumns}
       FROM admin_unit_successions s
       JOIN admin_units u ON u.version_id = s.from_version AND u.level = s.from_level AND u.code = s.from_code
       ${withContext}
      WHERE s.to_version = $1 AND s.to_level = $2 AND s.to_code = $3
      ORDER BY u.code`,
    [toVersion, level, code],
  );
  return rows;
}

export async function countUnits(sql: Sql, versionId: string): Promise<Record<UnitLevel, number>> {
  const { rows } = await sql.query<{ level: UnitLevel; count: number }>(
    'SELECT level, count(*)::int AS count FROM admin_units WHERE version_id = $1 GROUP BY level',
    [versionId],
  );
  const counts = { province: 0, district: 0, commune: 0 };
  for (const row of rows) counts[row.level] = row.count;
  return counts;
}

export interface NamedCommune {
  versionId: string;
  code: string;
  name: string;
  fullName: string;
  typeName: string;
  districtName: string | null;
  provinceCode: string;
  provinceName: string;
  /** Trigram similarity of the folded names (1 for an exact folded match). */
  score: number;
}

/**
 * Communes of a version named like `name` (folded, without the unit type), in the given provinces and,
 * when `districtName` is given, in the district of that name. `fuzzy` also finds misspellings (pg_trgm).
 */
export async function findCommunesByName(
  sql: Sql,
  query: { versionId: string; provinceCodes: readonly string[]; name: string; districtName: string | null; fuzzy: boolean },
): Promise<NamedCommune[]> {
  const match = query.fuzzy
    ? 'similarity(vn_unaccent(c.name), vn_unaccent($3)) >= 0.4'
    : 'vn_unaccent(c.name) = vn_unaccent($3)';
  const { rows } = await sql.query<NamedCommune>(
    `SELECT c.version_id AS "versionId", c.code, c.name, c.full_name AS "fullName", c.type_name AS "typeName",
            d.full_name AS "districtName", c.province_code AS "provinceCode", p.full_name AS "provinceName",
            similarity(vn_unaccent(c.name), vn_unaccent($3))::float8 AS score
       FROM admin_units c
       LEFT JOIN admin_units d ON d.version_id = c.version_id AND d.code = c.parent_code AND d.level = 'district'
       JOIN admin_units p ON p.version_id = c.version_id AND p.code = c.province_code
      WHERE c.version_id = $1 AND c.level = 'commune' AND c.province_code = ANY($2::text[]) AND ${match}
        AND ($4::text IS NULL OR vn_unaccent(d.name) = vn_unaccent($4))
      ORDER BY score DESC, c.code
      LIMIT 8`,
    [query.versionId, query.provinceCodes, query.name, query.districtName],
  );
  return rows;
}

/** The provinces of an earlier version whose communes went (wholly or in part) into a current province. */
export async function listPredecessorProvinces(sql: Sql, fromVersion: string, toVersion: string, provinceCode: string): Promise<string[]> {
  const { rows } = await sql.query<{ code: string }>(
    `SELECT DISTINCT o.province_code AS code
       FROM admin_unit_successions s
       JOIN admin_units o ON o.version_id = s.from_version AND o.level = s.from_level AND o.code = s.from_code
       JOIN admin_units n ON n.version_id = s.to_version AND n.level = s.to_level AND n.code = s.to_code
      WHERE s.from_version = $1 AND s.to_version = $2 AND n.province_code = $3
      ORDER BY 1`,
    [fromVersion, toVersion, provinceCode],
  );
  return rows.map((r) => r.code);
}
