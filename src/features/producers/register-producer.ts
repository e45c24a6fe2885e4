import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { CURRENT_UNITS_VERSION, findUnit } from '../admin-units/index.ts';
import { assertNotDuplicate, taxCodeIssueFor } from './check-duplicates.ts';
import { canRegisterProducerIn } from './producers.policy.ts';
import * as repository from './producers.repository.ts';
import type { CreateProducerInput, Producer } from './producers.schemas.ts';

export async function registerProducer(
  ctx: AppContext,
  actor: Actor,
  input: CreateProducerInput,
  requestId?: string,
): Promise<Producer> {
  const issues: FieldIssue[] = [];
  const commune = await findUnit(ctx.db.pool, CURRENT_UNITS_VERSION, 'commune', input.communeCode);
  if (!commune) issues.push({ path: 'communeCode', message: 'Xã/phường không có trong danh mục hiện hành.' });
  const taxCodeIssue = taxCodeIssueFor(input.taxCode, input.legalForm);
  if (taxCodeIssue) issues.push(taxCodeIssue);
  if (issues.length > 0 || !commune) throw invalidInput(issues);
  const place = { provinceCode: commune.provinceCode, communeCode: commune.code };
  if (!canRegisterProducerIn(actor, place)) throw forbidden('Bạn chỉ đăng ký được chủ thể trong địa bàn của mình.');
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    await assertNotDuplicate(tx, { name: input.name, taxCode: input.taxCode, communeCode: commune.code }, input.confirmNotDuplicate);
    const { certificates, confirmNotDuplicate: _confirm, ...fields } = input;
    let id: string;
    try {
      id = await repository.insertProducer(tx, { ...fields, ...place, now });
    } catch (error) {
      // Two registrations of one tax code at the same moment: the unique index decides.
      if ((error as { code?: string }).code === '23505') throw conflict('Mã số thuế này đã được đăng ký cho chủ thể khác.');
      throw error;
    }
    await repository.replaceCertificates(tx, id, certificates, now);
    const producer = (await repository.findProducer(tx, id))!;
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'producer.registered',
      entityType: 'producer',
      entityId: id,
      after: { ...producer, confirmedNotDuplicate: input.confirmNotDuplicate || undefined },
      requestId,
      occurredAt: now,
    });
    return producer;
  });
}
