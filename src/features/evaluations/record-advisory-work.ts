import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { today } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { notify } from '../notifications/index.ts';
import { canAdvise } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { AdvisoryInput, EntryDetail } from './evaluations.schemas.ts';
import { getEntryDetail } from './read-entry.ts';
import { loadEntry } from './round-access.ts';
import { invalidTransition, nextEntryStatus, type EntryStep } from './round-status.ts';

/** Each kind of advisory work as a step of the entry's table (round-status.ts). */
const advisorySteps: Record<AdvisoryInput['action'], EntryStep> = {
  advisory_review: 'advise',
  site_visit: 'advise',
  lab_test_requested: 'advise',
  supplement_requested: 'requestSupplement',
  supplement_received: 'receiveSupplement',
  advisory_report: 'report',
};

/**
 * The advisory team's work on a dossier (QĐ 26/2026 Đ.7.3.c): reviews, requests for supplements or extra
 * lab tests, site visits, and its report to the council. Each is an event of the entry, audited.
 */
export async function recordAdvisoryWork(ctx: AppContext, actor: Actor, entryId: string, input: AdvisoryInput, requestId?: string): Promise<EntryDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const { round, entry, membership } = await loadEntry(tx, actor, entryId, { forUpdate: true });
    if (!canAdvise(actor, round, membership)) throw forbidden('Chỉ Tổ tư vấn hoặc cơ quan OCOP tổ chức đợt đánh giá ghi nhận công việc thẩm định.');
    if (entry.version !== input.version) throw conflict('Hồ sơ vừa được người khác cập nhật. Hãy tải lại.', 'Changed by someone else.');
    const next = nextEntryStatus(entry.status, advisorySteps[input.action]);
    if (!next) throw invalidTransition('Hồ sơ không còn ở bước thẩm định của Tổ tư vấn.', 'The dossier is past the advisory review.');
    const now = ctx.clock.now();
    await repository.insertEntryEvent(tx, { entryId, action: input.action, note: input.note, happenedOn: input.happenedOn ?? today(ctx.clock), actorUserId: actor.userId, at: now });
    await repository.updateEntry(tx, entryId, { status: next, advisoryReport: input.action === 'advisory_report' ? input.note : undefined }, now);
    if (input.action === 'supplement_requested' || input.action === 'lab_test_requested') {
      await notify(
        tx,
        [{ producerId: entry.producerId }, { communeOf: { provinceCode: entry.provinceCode, communeCode: entry.communeCode } }],
        {
          kind: `evaluation.${input.action}`,
          title: input.action === 'supplement_requested' ? `Tổ tư vấn đề nghị bổ sung hồ sơ: ${entry.productName}` : `Tổ tư vấn đề nghị kiểm nghiệm bổ sung: ${entry.productName}`,
          body: input.note,
          link: `/admin/dossiers/${entry.dossierId}`,
          dedupeKey: `evaluation.${input.action}:${entryId}:${now.toISOString()}`,
        },
        now,
      );
    }
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: `round_entry.${input.action}`, entityType: 'round_entry', entityId: entryId, before: { status: entry.status }, after: { status: next, note: input.note }, requestId, occurredAt: now });
    return getEntryDetail(tx, actor, entryId);
  });
}
