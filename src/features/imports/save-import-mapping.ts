import { recordAuditEvent } from '../../core/audit.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Clock } from '../../core/clock/index.ts';
import { withTransaction, type Database } from '../../core/db/database.ts';
import type { ColumnMapping } from './import-row.ts';
import { importProvinceOf } from './imports.policy.ts';
import * as repository from './imports.repository.ts';

/** Saves a column mapping under a name for the province, to reuse for its next lists. */
export async function saveImportMapping(db: Database, clock: Clock, actor: Actor, input: { provinceCode: string | null; name: string; mapping: ColumnMapping }): Promise<repository.SavedMapping[]> {
  const provinceCode = importProvinceOf(actor, input.provinceCode);
  const now = clock.now();
  return withTransaction(db, async (tx) => {
    await repository.upsertMapping(tx, provinceCode, input.name.trim(), input.mapping, actor.userId, now);
    await recordAuditEvent(tx, { actor: { userId: actor.userId, label: actor.displayName }, action: 'import.mapping_saved', entityType: 'import_mapping', entityId: `${provinceCode}:${input.name.trim()}`, after: input.mapping, occurredAt: now });
    return repository.listMappings(tx, provinceCode);
  });
}
