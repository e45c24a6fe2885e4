import { recordAuditEvent, type AuditActor } from '../../core/audit.ts';
import type { Sql } from '../../core/db/database.ts';
import * as repository from './producers.repository.ts';

/** Producers an import created that were edited or merged since, so undoing the import would lose work. */
export async function findImportedProducerBlockers(tx: Sql, ids: readonly string[]): Promise<string[]> {
  const edited = await repository.listEditedProducers(tx, ids);
  return edited.map((p) => `Chủ thể "${p.name}" đã được sửa hoặc gộp sau khi nhập`);
}

/**
 * Takes back producers an import created (undoing the import, issue 12). The caller has checked the
 * blockers; anything made for them since (a product, an idea, an account) is kept by the foreign keys.
 */
export async function removeImportedProducers(tx: Sql, ids: readonly string[], actor: AuditActor, now: Date): Promise<void> {
  await repository.deleteProducers(tx, ids);
  for (const id of ids) {
    await recordAuditEvent(tx, { actor, action: 'producer.import_undone', entityType: 'producer', entityId: id, occurredAt: now });
  }
}
