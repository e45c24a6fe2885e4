import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { isIdeaDecided, nextIdeaStatus, type IdeaAction } from './idea-status.ts';
import { appraisalLevelOf, canAppraiseIdea, canViewIdea, ideaActionsFor } from './ideas.policy.ts';
import * as repository from './ideas.repository.ts';
import type { AppraiseIdeaInput, AppraisalOutcome, Idea } from './ideas.schemas.ts';

const actionOf: Record<AppraisalOutcome, IdeaAction> = { passed: 'pass', returned: 'return', rejected: 'reject' };

/** The commune or province appraises an idea: passed, returned with reasons (may come back), or rejected. */
export async function appraiseIdea(ctx: AppContext, actor: Actor, id: string, input: AppraiseIdeaInput, requestId?: string): Promise<Idea> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findIdea(tx, id, { forUpdate: true });
    if (!before || !canViewIdea(actor, before)) throw notFound('Ý tưởng sản phẩm');
    if (!canAppraiseIdea(actor, before)) throw forbidden('Chỉ cán bộ cấp xã hoặc cơ quan OCOP cấp tỉnh thẩm định ý tưởng.');
    if (before.version !== input.version) throw conflict('Ý tưởng vừa được người khác cập nhật. Hãy tải lại để xem bản mới nhất.', 'Changed by someone else.');
    const status = nextIdeaStatus(before.status, actionOf[input.outcome]);
    const now = ctx.clock.now();
    await repository.insertAppraisal(tx, {
      ideaId: id,
      round: before.round,
      outcome: input.outcome,
      reasons: input.reasons,
      level: appraisalLevelOf(actor),
      appraisedBy: actor.userId,
      at: now,
    });
    await repository.updateIdeaStatus(tx, id, status, { decided: isIdeaDecided(status) }, now);
    const after = (await repository.findIdea(tx, id))!;
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: `idea.appraised.${input.outcome}`,
      entityType: 'product_idea',
      entityId: id,
      before,
      after,
      requestId,
      occurredAt: now,
    });
    return { ...after, allowedActions: ideaActionsFor(actor, after) };
  });
}
