import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { notify } from '../notifications/index.ts';
import { canManageRound, isCouncilRole } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { EntryDetail } from './evaluations.schemas.ts';
import { getEntryDetail } from './read-entry.ts';
import { loadEntry } from './round-access.ts';
import { listRoundMembers } from './round-members.ts';
import { entryAllows, entryTransitions, invalidTransition } from './round-status.ts';

/** The council starts scoring a dossier once the advisory team has reported on it. */
export async function openScoring(ctx: AppContext, actor: Actor, entryId: string, version: number, requestId?: string): Promise<EntryDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const { round, entry, membership } = await loadEntry(tx, actor, entryId, { forUpdate: true });
    if (!canManageRound(actor, round) && membership !== 'chair') throw forbidden('Chỉ Chủ tịch hội đồng hoặc cơ quan tổ chức mở phiên chấm điểm.');
    if (entry.version !== version) throw conflict('Hồ sơ vừa được người khác cập nhật. Hãy tải lại.', 'Changed by someone else.');
    if (!entryAllows(entry.status, 'openScoring')) throw invalidTransition('Chỉ mở chấm điểm cho hồ sơ đang thẩm định.', 'Only a dossier under review can be opened for scoring.');
    if (!entry.advisoryReport) throw invalidTransition('Tổ tư vấn cần báo cáo kết quả thẩm định trước khi hội đồng chấm điểm.', 'The advisory team must report first.');
    const members = await listRoundMembers(tx, round.id);
    const council = members.filter((m) => isCouncilRole(m.role));
    if (!council.some((m) => m.role === 'chair')) throw invalidTransition('Hội đồng chưa có Chủ tịch.', 'The council has no chair.');
    const now = ctx.clock.now();
    await repository.updateEntry(tx, entryId, { status: entryTransitions.openScoring.to }, now);
    await repository.insertEntryEvent(tx, { entryId, action: 'scoring_opened', actorUserId: actor.userId, at: now });
    await notify(
      tx,
      council.map((m) => ({ userId: m.userId })),
      { kind: 'evaluation.scoring_opened', title: `Mời chấm điểm: ${entry.productName}`, link: `/admin/evaluations/entries/${entryId}`, dedupeKey: `evaluation.scoring_opened:${entryId}` },
      now,
    );
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'round_entry.scoring_opened', entityType: 'round_entry', entityId: entryId, before: { status: entry.status }, after: { status: entryTransitions.openScoring.to }, requestId, occurredAt: now });
    return getEntryDetail(tx, actor, entryId);
  });
}
