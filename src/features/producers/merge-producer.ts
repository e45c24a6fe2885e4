import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
// Features that import this one own records of a producer; their index exports only functions, so this
// import cycle is safe as long as none of them uses a producers export at module top level.
import { movePlansToProducer } from '../business-plans/index.ts';
import { moveIdeasToProducer } from '../ideas/index.ts';
import { moveUsersToProducer } from '../users/index.ts';
import { canMergeProducers, canViewProducer } from './producers.policy.ts';
import * as repository from './producers.repository.ts';
import type { MergeProducerInput, Producer } from './producers.schemas.ts';

/** Registry fields the surviving producer takes from the duplicate when it has none of its own. */
const fillableFields = [
  'address',
  'phone',
  'email',
  'website',
  'representativeName',
  'representativeGender',
  'representativeEthnicity',
  'representativePosition',
  'registrationNumber',
  'registrationDate',
] as const;

/**
 * Merges a duplicate producer (the one in the URL) into the one that stays (`intoId`): its accounts,
 * certificates, ideas and business plans move over, empty fields of the survivor are filled from it,
 * and it is marked merged (kept, never deleted, so old references and the audit trail still resolve).
 */
export async function mergeProducer(
  ctx: AppContext,
  actor: Actor,
  sourceId: string,
  input: MergeProducerInput,
  requestId?: string,
): Promise<Producer> {
  if (sourceId === input.intoId) throw invalidInput([{ path: 'intoId', message: 'Không thể gộp một chủ thể vào chính nó.' }]);
  return withTransaction(ctx.db, async (tx) => {
    await repository.lockProducers(tx, [sourceId, input.intoId]);
    const source = await repository.findProducer(tx, sourceId);
    if (!source || !canViewProducer(actor, source)) throw notFound('Chủ thể');
    const target = await repository.findProducer(tx, input.intoId);
    if (!target || !canViewProducer(actor, target)) throw notFound('Chủ thể được giữ lại');
    if (!canMergeProducers(actor, source, target)) throw forbidden('Bạn chỉ gộp được các chủ thể trong địa bàn mình quản lý.');
    if (source.mergedIntoId || target.mergedIntoId) {
      throw new AppError('INVALID_TRANSITION', 'Một trong hai chủ thể đã được gộp trước đó.', undefined, 'One of the producers was already merged.');
    }
    if (source.version !== input.version) {
      throw conflict('Hồ sơ chủ thể vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    }
    const now = ctx.clock.now();
    const takeTaxCode = target.taxCode === null && source.taxCode !== null;
    // The tax code is unique: release it from the duplicate before the survivor takes it.
    await repository.markMerged(tx, source.id, target.id, { releaseTaxCode: takeTaxCode }, now);
    const fill = Object.fromEntries(
      fillableFields.filter((field) => target[field] === null && source[field] !== null).map((field) => [field, source[field]]),
    );
    if (takeTaxCode) fill.taxCode = source.taxCode;
    await repository.updateProducer(tx, target.id, fill, now);
    const place = { id: target.id, provinceCode: target.provinceCode, communeCode: target.communeCode };
    const moved: Record<string, string[] | number> = {
      users: await moveUsersToProducer(tx, source.id, place, now),
      certificates: await repository.moveCertificates(tx, source.id, target.id),
      ideas: await moveIdeasToProducer(tx, source.id, place, now),
      businessPlans: await movePlansToProducer(tx, source.id, place, now),
    };

    const sourceAfter = (await repository.findProducer(tx, source.id))!;
    const targetAfter = (await repository.findProducer(tx, target.id))!;
    const audit = { actor: auditActorOf(actor), entityType: 'producer', requestId, occurredAt: now };
    await recordAuditEvent(tx, { ...audit, action: 'producer.merged', entityId: source.id, before: source, after: { ...sourceAfter, mergedInto: target.id } });
    await recordAuditEvent(tx, {
      ...audit,
      action: 'producer.merge_received',
      entityId: target.id,
      before: target,
      after: { ...targetAfter, mergedFrom: source.id, filledFields: Object.keys(fill), moved },
    });
    return targetAfter;
  });
}
