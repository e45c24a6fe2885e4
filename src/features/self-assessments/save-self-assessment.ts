import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { toLocalDate } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findProducer } from '../producers/index.ts';
import { evaluateSheet, findCriteriaSheet, findRuleSet, findRuleSetInForce, type SheetEvaluation } from '../rule-sets/index.ts';
import { canReadSelfAssessment, canWriteSelfAssessment } from './self-assessments.policy.ts';
import * as repository from './self-assessments.repository.ts';
import type { CreateSelfAssessmentInput, SelfAssessment, UpdateSelfAssessmentInput } from './self-assessments.schemas.ts';

export type EvaluatedSelfAssessment = SelfAssessment & { evaluation: SheetEvaluation };

function evaluate(ruleSetId: string, productSetNumber: number, choices: Record<string, string>): SheetEvaluation {
  const ruleSet = findRuleSet(ruleSetId);
  const sheet = ruleSet && findCriteriaSheet(ruleSet.id, productSetNumber);
  if (!ruleSet || !sheet) {
    throw invalidInput([{ path: 'productSetNumber', message: `Bộ quy định ${ruleSetId} không có phiếu đánh giá cho bộ sản phẩm ${productSetNumber}.` }]);
  }
  return evaluateSheet(ruleSet, sheet, choices);
}

/** The stored score is derived from the choices: kept only when the sheet is complete. */
const storedScore = (evaluation: SheetEvaluation) =>
  evaluation.complete
    ? { totalPoints: Math.floor(evaluation.score.total * 100) / 100, stars: evaluation.score.starOutcome.stars }
    : { totalPoints: null, stars: null };

export async function createSelfAssessment(
  ctx: AppContext,
  actor: Actor,
  input: CreateSelfAssessmentInput,
  requestId?: string,
): Promise<EvaluatedSelfAssessment> {
  const producer = await findProducer(ctx.db.pool, input.producerId);
  const place = producer && { producerId: producer.id, provinceCode: producer.provinceCode, communeCode: producer.communeCode };
  if (!place || !canReadSelfAssessment(actor, place)) throw notFound('Chủ thể');
  if (!canWriteSelfAssessment(actor, place)) throw forbidden();
  const ruleSetId = input.ruleSetId ?? findRuleSetInForce(toLocalDate(ctx.clock.now()))?.id;
  if (!ruleSetId || !findRuleSet(ruleSetId)) throw invalidInput([{ path: 'ruleSetId', message: 'Không có bộ quy định này.' }]);
  const evaluation = evaluate(ruleSetId, input.productSetNumber, input.choices);
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const id = await repository.insertSelfAssessment(tx, {
      ...place,
      ruleSetId,
      productSetNumber: input.productSetNumber,
      productName: input.productName,
      choices: input.choices,
      ...storedScore(evaluation),
      createdBy: actor.userId,
      now,
    });
    const saved = (await repository.findSelfAssessment(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'self_assessment.created', entityType: 'self_assessment', entityId: id, after: saved, requestId, occurredAt: now });
    return { ...saved, evaluation };
  });
}

export async function updateSelfAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateSelfAssessmentInput,
  requestId?: string,
): Promise<EvaluatedSelfAssessment> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findSelfAssessment(tx, id, { forUpdate: true });
    if (!before || !canReadSelfAssessment(actor, before)) throw notFound('Bản tự đánh giá');
    if (!canWriteSelfAssessment(actor, before)) throw forbidden();
    if (before.status !== 'draft') {
      throw new AppError('INVALID_TRANSITION', 'Bản tự đánh giá đã gắn vào hồ sơ, không sửa được nữa.', undefined, 'Attached to a dossier.');
    }
    if (before.version !== input.version) {
      throw conflict('Bản tự đánh giá vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    }
    const choices = input.choices ?? before.choices;
    const evaluation = evaluate(before.ruleSetId, before.productSetNumber, choices);
    const now = ctx.clock.now();
    await repository.updateSelfAssessment(tx, id, { productName: input.productName ?? before.productName, choices, ...storedScore(evaluation) }, now);
    const after = (await repository.findSelfAssessment(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'self_assessment.updated', entityType: 'self_assessment', entityId: id, before, after, requestId, occurredAt: now });
    return { ...after, evaluation };
  });
}

export async function getSelfAssessment(ctx: AppContext, actor: Actor, id: string): Promise<EvaluatedSelfAssessment> {
  const record = await repository.findSelfAssessment(ctx.db.pool, id);
  if (!record || !canReadSelfAssessment(actor, record)) throw notFound('Bản tự đánh giá');
  return { ...record, evaluation: evaluate(record.ruleSetId, record.productSetNumber, record.choices) };
}
