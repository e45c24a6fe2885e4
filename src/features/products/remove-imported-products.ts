import { recordAuditEvent, type AuditActor } from '../../core/audit.ts';
import type { Sql } from '../../core/db/database.ts';
import * as repository from './products.repository.ts';

/** Products an import created that changed since (a code assigned after a recognition here, an edit). */
export async function findImportedProductBlockers(tx: Sql, ids: readonly string[]): Promise<string[]> {
  const edited = await repository.listEditedProducts(tx, ids);
  return edited.map((p) => `Sản phẩm "${p.name}" đã thay đổi sau khi nhập`);
}

/** Takes back products an import created (undoing the import); later dossiers are kept by the foreign keys. */
export async function removeImportedProducts(tx: Sql, ids: readonly string[], actor: AuditActor, now: Date): Promise<void> {
  await repository.deleteProducts(tx, ids);
  for (const id of ids) {
    await recordAuditEvent(tx, { actor, action: 'product.import_undone', entityType: 'product', entityId: id, occurredAt: now });
  }
}
