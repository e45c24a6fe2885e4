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
