import type { Sql } from '../../core/db/database.ts';
import * as repository from './products.repository.ts';

export type NewProduct = repository.NewProduct;

/**
 * Enters a product in the registry, inside the caller's transaction: a first-time dossier brings a new
 * product; an import brings the products a province recognised before. The caller authorizes and audits.
 */
export function registerProduct(tx: Sql, product: NewProduct): Promise<string> {
  return repository.insertProduct(tx, product);
}
