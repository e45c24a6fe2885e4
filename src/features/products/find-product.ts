import type { Sql } from '../../core/db/database.ts';
import * as repository from './products.repository.ts';
import type { Product } from './products.schemas.ts';

/** One product with its producer's name; `forUpdate` locks it for the caller's transaction. */
export function findProduct(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Product | null> {
  return repository.findProduct(sql, id, options);
}
