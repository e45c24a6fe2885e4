import { recordAuditEvent } from '../../core/audit.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Clock } from '../../core/clock/index.ts';
import { withTransaction, type Database } from '../../core/db/database.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { findImportedCertificateBlockers, removeImportedCertificates } from '../certificates/index.ts';
import { findImportedSalesPointBlockers, removeImportedSalesPoints } from '../fairs/index.ts';
import { findImportedProducerBlockers, removeImportedProducers } from '../producers/index.ts';
import { findImportedProductBlockers, removeImportedProducts } from '../products/index.ts';
import { importVisibility } from './imports.policy.ts';
import * as repository from './imports.repository.ts';

// What a foreign key that stops the undo points from: "a later dossier blocks the undo".
const dependents: Array<[RegExp, string]> = [
  [/^dossiers?_/u, 'một hồ sơ sản phẩm lập sau khi nhập'],
  [/^users_/u, 'một tài khoản của chủ thể'],
  [/^product_ideas_/u, 'một ý tưởng sản phẩm'],
  [/^business_plans_/u, 'một phương án sản xuất kinh doanh'],
  [/^self_assessments_/u, 'một bản tự đánh giá'],
  [/^round_entries_/u, 'một lượt đánh giá của hội đồng'],
  [/^(fair|sales_point|listing)/u, 'một điểm bán hoặc hội chợ'],
  [/^training/u, 'một lớp tập huấn'],
  [/^products_/u, 'một sản phẩm thêm sau khi nhập'],
  [/^certificates_/u, 'một giấy chứng nhận cấp sau khi nhập'],
];

/**
 * Undoes a committed import as a whole (issue 12) while nothing made later depends on it: a record
 * edited since, a certificate revoked, re-evaluated or inspected, or a later dossier, account or idea
 * blocks it with the reason. Records the import only linked to are left alone. One transaction.
 */
export async function undoImport(db: Database, clock: Clock, actor: Actor, batchId: string): Promise<repository.ImportBatch> {
  const now = clock.now();
  const audit = { userId: actor.userId, label: actor.displayName };
  const visibility = importVisibility(actor);
  try {
    return await withTransaction(db, async (tx) => {
      const batch = await repository.findBatch(tx, batchId, { forUpdate: true });
      if (!batch || !visibility || (visibility.provinceCode && visibility.provinceCode !== batch.provinceCode)) throw notFound('Lượt nhập');
      if (batch.status === 'undone') throw new AppError('INVALID_TRANSITION', 'Lượt nhập này đã được hoàn tác.', undefined, 'Already undone.');
      const records = await repository.listBatchRecords(tx, batch.id);
      const created = (type: repository.BatchRecord['entityType']) => records.filter((r) => r.entityType === type && r.action === 'created').map((r) => r.entityId);
      const certificates = created('certificate');
      const products = created('product');
      const producers = created('producer');
      const points = created('sales_point');
      const blockers = [
        ...(await findImportedSalesPointBlockers(tx, points)),
        ...(await findImportedCertificateBlockers(tx, certificates)),
        ...(await findImportedProductBlockers(tx, products)),
        ...(await findImportedProducerBlockers(tx, producers)),
      ];
      if (blockers.length > 0) {
        throw new AppError('CONFLICT', `Không hoàn tác được lượt nhập: ${blockers.slice(0, 5).join('; ')}${blockers.length > 5 ? `; và ${blockers.length - 5} lý do khác` : ''}.`,
          { reasons: blockers }, 'Records made by this import have changed since; it cannot be undone.');
      }
      await removeImportedSalesPoints(tx, points, audit, now);
      await removeImportedCertificates(tx, certificates, audit, now);
      await removeImportedProducts(tx, products, audit, now);
      await removeImportedProducers(tx, producers, audit, now);
      await repository.markUndone(tx, batch.id, actor.userId, now);
      await recordAuditEvent(tx, { actor: audit, action: 'import.undone', entityType: 'import_batch', entityId: batch.id,
        before: { status: 'committed' }, after: { status: 'undone', removed: { salesPoints: points.length, certificates: certificates.length, products: products.length, producers: producers.length } }, occurredAt: now });
      return (await repository.findBatch(tx, batch.id))!;
    });
  } catch (error) {
    const pgError = error as { code?: string; constraint?: string };
    if (pgError.code === '23503') {
      const what = dependents.find(([pattern]) => pattern.test(pgError.constraint ?? ''))?.[1] ?? 'một bản ghi lập sau khi nhập';
      throw new AppError('CONFLICT', `Không hoàn tác được lượt nhập: ${what} dựa trên dữ liệu của lượt này. Chưa có gì bị xoá.`,
        { constraint: pgError.constraint }, 'A record made later depends on this import; nothing was removed.');
    }
    throw error;
  }
}
