import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { isCouncilRole } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import { loadEntry } from './round-access.ts';
import { entryAllows, invalidTransition } from './round-status.ts';

/**
 * A council member declares a conflict of interest with a product and is excluded from scoring it (their
 * draft, if any, no longer counts). Declaring is possible until they submit their sheet.
 */
export async function declareConflict(ctx: AppContext, actor: Actor, entryId: string, reason: string, requestId?: string): Promise<{ declared: true }> {
  return withTransaction(ctx.db, async (tx) => {
    const { entry, membership } = await loadEntry(tx, actor, entryId, { forUpdate: true });
    if (!isCouncilRole(membership)) throw forbidden('Chỉ thành viên hội đồng khai báo xung đột lợi ích.');
    if (!entryAllows(entry.status, 'declareConflict')) throw invalidTransition('Phiên chấm điểm của hồ sơ đã kết thúc.', 'Scoring is over.');
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
