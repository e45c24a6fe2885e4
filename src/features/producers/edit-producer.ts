import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canEditProducer, canViewProducer } from './producers.policy.ts';
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
    if (before.version !== input.version) {
      throw conflict('Hồ sơ chủ thể vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    }
    const { version: _version, ...changes } = input;
    const now = ctx.clock.now();
    try {
      await repository.updateProducer(tx, id, changes, now);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict('Mã số thuế này đã được đăng ký cho chủ thể khác.');
      throw error;
    }
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
