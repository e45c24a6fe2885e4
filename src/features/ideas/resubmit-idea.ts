import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { nextIdeaStatus } from './idea-status.ts';
import { canSubmitIdeaFor, canViewIdea, ideaActionsFor } from './ideas.policy.ts';
import * as repository from './ideas.repository.ts';
import type { Idea, ResubmitIdeaInput } from './ideas.schemas.ts';

/** A returned idea comes back, amended, for the next round of appraisal. */
export async function resubmitIdea(ctx: AppContext, actor: Actor, id: string, input: ResubmitIdeaInput, requestId?: string): Promise<Idea> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findIdea(tx, id, { forUpdate: true });
    if (!before || !canViewIdea(actor, before)) throw notFound('Ý tưởng sản phẩm');
    if (!canSubmitIdeaFor(actor, before)) throw forbidden('Ý tưởng do chủ thể hoặc cán bộ cấp xã nộp lại.');
    if (before.version !== input.version) throw conflict('Ý tưởng vừa được người khác cập nhật. Hãy tải lại để xem bản mới nhất.', 'Changed by someone else.');
    const status = nextIdeaStatus(before.status, 'resubmit');
    const { version: _version, ...changes } = input;
    const now = ctx.clock.now();
    await repository.resubmitIdeaRow(tx, id, changes, status, now);
    const after = (await repository.findIdea(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'idea.resubmitted', entityType: 'product_idea', entityId: id, before, after, requestId, occurredAt: now });
    return { ...after, allowedActions: ideaActionsFor(actor, after) };
  });
}
