import type pg from 'pg';
import type { Sql } from './database.ts';

/**
 * Builds a WHERE clause from optional filters without hand-numbering parameters: each `?` in a
 * condition becomes the next `$n`, bound to the value given (a condition may use its value twice).
 */
export class Conditions {
  readonly values: unknown[] = [];
  private readonly parts: string[] = [];

  add(condition: string, value: unknown): this {
    this.parts.push(condition.replaceAll('?', this.param(value)));
    return this;
  }

  /** A condition without a parameter, e.g. "scope_province_code IS NULL". */
  addRaw(condition: string): this {
    this.parts.push(condition);
    return this;
  }

  /** Binds a value and returns its placeholder, for use outside WHERE (ORDER BY, LIMIT). */
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  get where(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/**
 * One page of a filtered list and the total number of matching rows, in one statement
 * (`count(*) OVER ()` counts before LIMIT). `select` is the SELECT…FROM…JOIN part without WHERE.
 */
export async function selectPage<Row extends pg.QueryResultRow>(
  sql: Sql,
  select: string,
  conditions: Conditions,
  page: { orderBy: string; limit: number; offset: number },
): Promise<{ items: Row[]; total: number }> {
  const limit = conditions.param(page.limit);
  const offset = conditions.param(page.offset);
  const { rows } = await sql.query<Row & { total: number }>(
    `SELECT *, count(*) OVER () AS total FROM (${select} ${conditions.where}) AS matching
      ORDER BY ${page.orderBy} LIMIT ${limit} OFFSET ${offset}`,
    conditions.values,
  );
  return { items: rows.map(({ total: _total, ...row }) => row as unknown as Row), total: rows[0]?.total ?? 0 };
}

/** Counts stop here: past it a list says "more than 100,000" (`totalExact` false) instead of counting on. */
export const COUNT_CAP = 100_000;

/** How many rows of `fromWhere` ("FROM … WHERE …") there are, counting no further than `cap`. */
export async function countUpTo(sql: Sql, fromWhere: string, values: unknown[], cap = COUNT_CAP): Promise<{ total: number; totalExact: boolean }> {
  const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${cap + 1}) AS capped`, values);
  const n = rows[0]!.n;
  return n > cap ? { total: cap, totalExact: false } : { total: n, totalExact: true };
}

/** One column of a keyset sort key; NOT NULL columns only (a NULL never compares). */
export interface KeyColumn {
  sql: string;
  type: 'timestamptz' | 'date' | 'uuid' | 'text';
}

const keyText: Record<KeyColumn['type'], (expression: string) => string> = {
  // Microseconds since the epoch: a timestamptz round-trips exactly (a JS Date keeps milliseconds only).
  timestamptz: (e) => `(extract(epoch FROM ${e}) * 1000000)::bigint::text`,
  date: (e) => `to_char(${e}, 'YYYY-MM-DD')`,
  uuid: (e) => `${e}::text`,
  text: (e) => e,
};
const keyValue: Record<KeyColumn['type'], (placeholder: string) => string> = {
  timestamptz: (p) => `(TIMESTAMPTZ 'epoch' + ${p}::bigint * interval '1 microsecond')`,
  date: (p) => `${p}::date`,
  uuid: (p) => `${p}::uuid`,
  text: (p) => `${p}::text`,
};
export const keyPatterns: Record<KeyColumn['type'], RegExp> = {
  timestamptz: /^-?\d{1,19}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  text: /^[\s\S]{0,300}$/,
};

export interface KeysetPage {
  /** The base table and its alias ("dossiers d"): filtered, counted and paged before anything is joined. */
  from: string;
  /**
   * What the total counts, when counting `from` row by row would be slow (e.g. a set-based form of a
   * LATERAL in `from`): the same aliases, so that the same conditions apply. Default: `from`.
   */
  countFrom?: string;
  /** The base table's alias, whose `id` identifies a row. */
  alias: string;
  /** The sort key, all in one direction, the last column unique (the id), matching an index. */
  key: readonly KeyColumn[];
  direction: 'ASC' | 'DESC';
  /** What is shown of a row: a SELECT … FROM … JOIN over the base table's alias, without WHERE. */
  select: string;
  limit: number;
  /** Rows to skip (page/pageSize paging) when no cursor is given; index-only, before the joins. */
  offset: number;
  /** The key of the last row of the page before (decoded cursor), or null for the first page. */
  after: readonly string[] | null;
}

/**
 * One page of a filtered list, index-paged (issue 13 point 5): the page's ids are found on the base
 * table alone, in the order of an index (after the cursor's key, or skipping `offset`), and only those
 * rows are joined and shown; the total is a separate capped count of the base table. Returns the key
 * of the page's last row when another page follows.
 */
export async function selectKeysetPage<Row extends pg.QueryResultRow>(
  sql: Sql,
  spec: KeysetPage,
  conditions: Conditions,
): Promise<{ items: Row[]; total: number; totalExact: boolean; nextKey: string[] | null }> {
  const filters = conditions.where;
  const countValues = [...conditions.values];
  const parts = filters ? [filters.slice('WHERE '.length)] : [];
  if (spec.after) {
    const values = spec.after.map((part, i) => keyValue[spec.key[i]!.type](conditions.param(part)));
    parts.push(`(${spec.key.map((k) => k.sql).join(', ')}) ${spec.direction === 'DESC' ? '<' : '>'} (${values.join(', ')})`);
  }
  const where = parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
  const limit = conditions.param(spec.limit + 1);
  const offset = conditions.param(spec.after ? 0 : spec.offset);
  const order = spec.key.map((k) => `${k.sql} ${spec.direction}`).join(', ');
  const pageOrder = spec.key.map((_k, i) => `page.s${i} ${spec.direction}`).join(', ');
  const [{ rows }, count] = await Promise.all([
    sql.query<Row & { page_key: string[] }>(
      `WITH page AS MATERIALIZED (
         SELECT ${spec.alias}.id AS page_id, ${spec.key.map((k, i) => `${k.sql} AS s${i}`).join(', ')},
                ARRAY[${spec.key.map((k) => keyText[k.type](k.sql)).join(', ')}] AS page_key
           FROM ${spec.from} ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})
       SELECT shown.*, page.page_key FROM page
         JOIN LATERAL (${spec.select} WHERE ${spec.alias}.id = page.page_id) AS shown ON true
        ORDER BY ${pageOrder}`,
      conditions.values,
    ),
    countUpTo(sql, `FROM ${spec.countFrom ?? spec.from} ${filters}`, countValues),
  ]);
  const more = rows.length > spec.limit;
  const shown = more ? rows.slice(0, spec.limit) : rows;
  return {
    items: shown.map(({ page_key: _key, ...row }) => row as unknown as Row),
    ...count,
    nextKey: more ? shown[shown.length - 1]!.page_key : null,
  };
}
