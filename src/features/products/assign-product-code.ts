import type { Sql } from '../../core/db/database.ts';
import { formatProductCode } from './product-code.ts';
import * as repository from './products.repository.ts';

/**
 * A product seen by its commune for the first time gets its code (T)-(X)-(STT)-YYYY from the commune's
 * sequence (QĐ 26/2026); one that has a code keeps it. Runs inside the caller's transaction and locks the
 * product. Returns the product's code, or null under a rule set whose code format is not known.
 */
export async function assignProductCodeIfMissing(tx: Sql, productId: string, year: number, now: Date): Promise<string | null> {
  const product = await repository.findProduct(tx, productId, { forUpdate: true });
  if (!product) return null;
  if (product.productCode) return product.productCode;
  const key = { ruleSetId: product.ruleSetId, provinceCode: product.provinceCode, communeCode: product.communeCode, year };
  // Only rule sets whose code format is known hand out codes; older products keep the code they were given.
  if (!formatProductCode({ ...key, number: 1 })) return null;
  const number = await repository.nextProductCodeNumber(tx, key);
  const productCode = formatProductCode({ ...key, number })!;
  await repository.assignProductCode(tx, product.id, { productCode, year, number }, now);
  return productCode;
}
