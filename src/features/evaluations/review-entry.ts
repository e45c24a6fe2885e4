import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { today } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { AppError, conflict, forbidden } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { notify } from '../notifications/index.ts';
import * as repository from './evaluations.repository.ts';
import type { EntryStatus } from './evaluations.repository.ts';
import { canAdvise, canManageRound, isCouncilRole } from './evaluations.policy.ts';
import type { AdvisoryInput, EntryDetail } from './evaluations.schemas.ts';
import { getEntryDetail, loadEntry } from './read-evaluations.ts';

const advisoryEffects: Record<AdvisoryInput['action'], { from: EntryStatus[]; to?: EntryStatus }> = {
  advisory_review: { from: ['reviewing', 'supplement_requested'] },
  site_visit: { from: ['reviewing', 'supplement_requested'] },
  lab_test_requested: { from: ['reviewing', 'supplement_requested'] },
  supplement_requested: { from: ['reviewing'], to: 'supplement_requested' },
  supplement_received: { from: ['supplement_requested'], to: 'reviewing' },
  advisory_report: { from: ['reviewing'] },
};

function invalidTransition(message: string, messageEn: string): AppError {
  return new AppError('INVALID_TRANSITION', message, undefined, messageEn);
}

/**
 * The advisory team's work on a dossier (QĐ 26/2026 Đ.7.3.c): reviews, requests for supplements or extra
 * lab tests, site visits, and its report to the council. Each is an event of the entry, audited.
 */
export async function recordAdvisoryWork(ctx: AppContext, actor: Actor, entryId: string, input: AdvisoryInput, requestId?: string): Promise<EntryDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const { round, entry, membership } = await loadEntry(tx, actor, entryId, { forUpdate: true });
    if (!canAdvise(actor, round, membership)) throw forbidden('Chỉ Tổ tư vấn hoặc cơ quan OCOP tổ chức đợt đánh giá ghi nhận công việc thẩm định.');
    if (entry.version !== input.version) throw conflict('Hồ sơ vừa được người khác cập nhật. Hãy tải lại.', 'Changed by someone else.');
    const effect = advisoryEffects[input.action];
    if (!effect.from.includes(entry.status)) throw invalidTransition('Hồ sơ không còn ở bước thẩm định của Tổ tư vấn.', 'The dossier is past the advisory review.');
    const now = ctx.clock.now();
    await repository.insertEntryEvent(tx, { entryId, action: input.action, note: input.note, happenedOn: input.happenedOn ?? today(ctx.clock), actorUserId: actor.userId, at: now });
    await repository.updateEntry(tx, entryId, { status: effect.to, advisoryReport: input.action === 'advisory_report' ? input.note : undefined }, now);
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
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: `round_entry.${input.action}`, entityType: 'round_entry', entityId: entryId, before: { status: entry.status }, after: { status: effect.to ?? entry.status, note: input.note }, requestId, occurredAt: now });
    return getEntryDetail(tx, actor, entryId);
  });
}

/** The council starts scoring a dossier once the advisory team has reported on it. */
export async function openScoring(ctx: AppContext, actor: Actor, entryId: string, version: number, requestId?: string): Promise<EntryDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const { round, entry, membership } = await loadEntry(tx, actor, entryId, { forUpdate: true });
    if (!canManageRound(actor, round) && membership !== 'chair') throw forbidden('Chỉ Chủ tịch hội đồng hoặc cơ quan tổ chức mở phiên chấm điểm.');
    if (entry.version !== version) throw conflict('Hồ sơ vừa được người khác cập nhật. Hãy tải lại.', 'Changed by someone else.');
    if (entry.status !== 'reviewing') throw invalidTransition('Chỉ mở chấm điểm cho hồ sơ đang thẩm định.', 'Only a dossier under review can be opened for scoring.');
    if (!entry.advisoryReport) throw invalidTransition('Tổ tư vấn cần báo cáo kết quả thẩm định trước khi hội đồng chấm điểm.', 'The advisory team must report first.');
    const members = await repository.listMembers(tx, round.id);
    const council = members.filter((m) => isCouncilRole(m.role));
    if (!council.some((m) => m.role === 'chair')) throw invalidTransition('Hội đồng chưa có Chủ tịch.', 'The council has no chair.');
    const now = ctx.clock.now();
    await repository.updateEntry(tx, entryId, { status: 'scoring' }, now);
    await repository.insertEntryEvent(tx, { entryId, action: 'scoring_opened', actorUserId: actor.userId, at: now });
    await notify(
      tx,
      council.map((m) => ({ userId: m.userId })),
      { kind: 'evaluation.scoring_opened', title: `Mời chấm điểm: ${entry.productName}`, link: `/admin/evaluations/entries/${entryId}`, dedupeKey: `evaluation.scoring_opened:${entryId}` },
      now,
    );
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'round_entry.scoring_opened', entityType: 'round_entry', entityId: entryId, before: { status: entry.status }, after: { status: 'scoring' }, requestId, occurredAt: now });
    return getEntryDetail(tx, actor, entryId);
  });
}

/**
 * A council member declares a conflict of interest with a product and is excluded from scoring it (their
 * draft, if any, no longer counts). Declaring is possible until they submit their sheet.
 */
export async function declareConflict(ctx: AppContext, actor: Actor, entryId: string, reason: string, requestId?: string): Promise<{ declared: true }> {
  return withTransaction(ctx.db, async (tx) => {
    const { entry, membership } = await loadEntry(tx, actor, entryId, { forUpdate: true });
    if (!isCouncilRole(membership)) throw forbidden('Chỉ thành viên hội đồng khai báo xung đột lợi ích.');
    if (!['reviewing', 'supplement_requested', 'scoring'].includes(entry.status)) throw invalidTransition('Phiên chấm điểm của hồ sơ đã kết thúc.', 'Scoring is over.');
    const submitted = await repository.findMemberScore(tx, entryId, actor.userId, entry.attempt);
    if (submitted?.status === 'submitted') throw invalidTransition('Anh/chị đã nộp phiếu chấm cho sản phẩm này.', 'Already submitted.');
    const now = ctx.clock.now();
    const inserted = await repository.insertConflict(tx, entryId, actor.userId, reason, now);
    if (!inserted) throw conflict('Anh/chị đã khai báo xung đột lợi ích với sản phẩm này.', 'Already declared.');
    await repository.insertEntryEvent(tx, { entryId, action: 'conflict_declared', note: reason, actorUserId: actor.userId, at: now });
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'round_entry.conflict_declared', entityType: 'round_entry', entityId: entryId, after: { userId: actor.userId, reason }, requestId, occurredAt: now });
    return { declared: true as const };
  });
}
