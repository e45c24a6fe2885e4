import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { importVisibility } from './imports.policy.ts';
import * as repository from './imports.repository.ts';

/** A batch with what it created and linked, for its page and before an undo. */
export async function readImportBatch(sql: Sql, actor: Actor, id: string): Promise<repository.ImportBatch & { records: repository.BatchRecord[] }> {
  const visibility = importVisibility(actor);
  const batch = await repository.findBatch(sql, id);
  if (!batch || !visibility || (visibility.provinceCode && visibility.provinceCode !== batch.provinceCode)) throw notFound('Lượt nhập');
  return { ...batch, records: await repository.listBatchRecords(sql, id) };
}
