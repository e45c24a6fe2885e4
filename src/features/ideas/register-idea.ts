import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { localDateParts, today } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { forbidden, invalidInput, notFound, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findProducer } from '../producers/index.ts';
import { initialIdeaStatus } from './idea-status.ts';
import { canSubmitIdeaFor, canViewIdea, ideaActionsFor } from './ideas.policy.ts';
import * as repository from './ideas.repository.ts';
import type { Idea, RegisterIdeaInput } from './ideas.schemas.ts';

/** A producer (for itself) or its commune's officer registers a product idea (phiếu đăng ký ý tưởng sản phẩm). */
export async function registerIdea(ctx: AppContext, actor: Actor, input: RegisterIdeaInput, requestId?: string): Promise<Idea> {
  const producerId = input.producerId ?? (actor.role === 'producer' ? actor.producerId : null);
  const issues: FieldIssue[] = [];
  if (!producerId) issues.push({ path: 'producerId', message: 'Chọn chủ thể đăng ký ý tưởng.' });
  // Ideas are registered for the coming cycle at the latest.
  const thisYear = localDateParts(today(ctx.clock)).year;
  if (input.year > thisYear + 1) issues.push({ path: 'year', message: `Chỉ đăng ký ý tưởng cho năm ${thisYear} hoặc ${thisYear + 1}.` });
  if (issues.length > 0 || !producerId) throw invalidInput(issues);

  return withTransaction(ctx.db, async (tx) => {
    const producer = await findProducer(tx, producerId);
    const place = producer && { provinceCode: producer.provinceCode, communeCode: producer.communeCode, producerId: producer.id };
    // Out of scope looks like missing; in scope but the wrong role is a plain refusal.
    if (!producer || !place || !canViewIdea(actor, place)) throw notFound('Chủ thể');
    if (!canSubmitIdeaFor(actor, place)) throw forbidden('Ý tưởng sản phẩm do chủ thể hoặc cán bộ cấp xã đăng ký.');
    if (producer.mergedIntoId) throw invalidInput([{ path: 'producerId', message: 'Chủ thể này đã được gộp vào chủ thể khác; hãy đăng ký cho chủ thể được giữ lại.' }]);
    const now = ctx.clock.now();
    const id = await repository.insertIdea(tx, {
      ...place,
      year: input.year,
      productName: input.productName,
      productSet: input.productSet,
      description: input.description,
      rawMaterials: input.rawMaterials,
      market: input.market,
      status: initialIdeaStatus,
      registeredBy: actor.userId,
      now,
    });
    const idea = (await repository.findIdea(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'idea.registered', entityType: 'product_idea', entityId: id, after: idea, requestId, occurredAt: now });
    return { ...idea, allowedActions: ideaActionsFor(actor, idea) };
  });
}
