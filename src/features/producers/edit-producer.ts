import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { assertNotDuplicate, taxCodeIssueFor } from './check-duplicates.ts';
import { canEditProducer, canViewProducer, fieldsNotEditableBy } from './producers.policy.ts';
import * as repository from './producers.repository.ts';
import type { Producer, UpdateProducerInput } from './producers.schemas.ts';

export async function editProducer(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateProducerInput,
  requestId?: string,
): Promise<Producer> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findProducer(tx, id, { forUpdate: true });
    if (!before || !canViewProducer(actor, before)) throw notFound('Chủ thể');
    if (!canEditProducer(actor, before)) throw forbidden();
    if (before.mergedIntoId) {
      throw new AppError('INVALID_TRANSITION', 'Chủ thể này đã được gộp vào chủ thể khác; hãy sửa chủ thể được giữ lại.', { mergedIntoId: before.mergedIntoId }, 'Merged into another producer.');
    }
    if (before.version !== input.version) {
      throw conflict('Hồ sơ chủ thể vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    }
    const { version: _version, certificates, confirmNotDuplicate, ...changes } = input;
    const changed = [...Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined), ...(certificates ? ['certificates'] : [])];
    const refused = fieldsNotEditableBy(actor, changed);
    if (refused.length > 0) {
      throw new AppError('FORBIDDEN', 'Chủ thể chỉ tự sửa được địa chỉ, điện thoại, email và trang web; các thông tin khác do cán bộ cập nhật.', { fields: refused }, 'A producer may change only its contact details.');
    }
    const taxCode = changes.taxCode === undefined ? before.taxCode : changes.taxCode;
    const taxCodeIssue = taxCodeIssueFor(taxCode, changes.legalForm ?? before.legalForm);
    if (taxCodeIssue) throw invalidInput([taxCodeIssue]);
    const nameChanged = changes.name !== undefined && changes.name !== before.name;
    const taxCodeChanged = changes.taxCode !== undefined && changes.taxCode !== before.taxCode;
    if (nameChanged || taxCodeChanged) {
      await assertNotDuplicate(tx, { name: changes.name ?? before.name, taxCode, communeCode: before.communeCode, excludeId: id }, confirmNotDuplicate);
    }
    const now = ctx.clock.now();
    try {
      await repository.updateProducer(tx, id, changes, now);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict('Mã số thuế này đã được đăng ký cho chủ thể khác.');
      throw error;
    }
    if (certificates) await repository.replaceCertificates(tx, id, certificates, now);
    const after = (await repository.findProducer(tx, id))!;
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'producer.edited',
      entityType: 'producer',
      entityId: id,
      before,
      after,
      requestId,
      occurredAt: now,
    });
    return after;
  });
}
