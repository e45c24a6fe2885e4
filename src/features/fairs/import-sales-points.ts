import { recordAuditEvent, type AuditActor } from '../../core/audit.ts';
import type { Sql } from '../../core/db/database.ts';
import * as repository from './fairs.repository.ts';

export interface ImportedSalesPoint {
  provinceCode: string;
  communeCode: string;
  name: string;
  streetAddress: string;
  operatorName: string | null;
  phone: string | null;
}

/** The sales points a province already records, to link a listed one instead of creating it again. */
export function listKnownSalesPoints(sql: Sql, provinceCode: string) {
  return repository.listSalesPointNames(sql, provinceCode);
}

/** Records a sales point from a province's earlier list (issue 12), in the caller's transaction. */
export async function recordImportedSalesPoint(tx: Sql, point: ImportedSalesPoint, actor: AuditActor & { userId: string }, now: Date): Promise<string> {
  const id = await repository.insertSalesPoint(
    tx,
    { provinceCode: point.provinceCode, communeCode: point.communeCode },
    { name: point.name, streetAddress: point.streetAddress, operatorName: point.operatorName, phone: point.phone, email: null, openedOn: null, isActive: true },
    actor.userId,
    now,
  );
  await recordAuditEvent(tx, { actor, action: 'sales_point.imported', entityType: 'sales_point', entityId: id, after: point, occurredAt: now });
  return id;
}

/** Imported sales points that were edited or given products since, so undoing the import would lose work. */
export async function findImportedSalesPointBlockers(tx: Sql, ids: readonly string[]): Promise<string[]> {
  const changed = await repository.listChangedSalesPoints(tx, ids);
  return changed.map((p) => `Điểm bán "${p.name}" đã được sửa hoặc ghi sản phẩm sau khi nhập`);
}

export async function removeImportedSalesPoints(tx: Sql, ids: readonly string[], actor: AuditActor, now: Date): Promise<void> {
  await repository.deleteSalesPoints(tx, ids);
  for (const id of ids) {
    await recordAuditEvent(tx, { actor, action: 'sales_point.import_undone', entityType: 'sales_point', entityId: id, occurredAt: now });
  }
}
