import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { AppError, forbidden, invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { notify } from '../notifications/index.ts';
import { evaluateSheet, findCriteriaSheet, findRuleSet, scoreEvaluation, type MemberScoreSheet } from '../rule-sets/index.ts';
import * as repository from './evaluations.repository.ts';
import type { Entry, MemberScore, Round } from './evaluations.repository.ts';
import { isCouncilRole } from './evaluations.policy.ts';
import type { MyScore, MyScoreInput } from './evaluations.schemas.ts';
import { expectedScorers, loadEntry } from './read-evaluations.ts';

function sheetOf(round: Round, entry: Entry) {
  const ruleSet = findRuleSet(round.ruleSetId);
  const sheet = findCriteriaSheet(round.ruleSetId, entry.productSetNumber);
  if (!ruleSet || !sheet) throw new AppError('INVALID_TRANSITION', `Bộ tiêu chí ${round.ruleSetId} không có phiếu chấm nhóm ${entry.productSetNumber}.`, undefined, 'No criteria sheet.');
  return { ruleSet, sheet };
}

export const memberSheetOf = (score: Pick<MemberScore, 'memberUserId' | 'choices' | 'disqualificationReasonId' | 'stopRuleId'>, isChair: boolean): MemberScoreSheet => ({
  memberId: score.memberUserId,
  isChair,
  choices: score.choices,
  ...(score.disqualificationReasonId ? { disqualified: { reasonId: score.disqualificationReasonId } } : {}),
  ...(score.stopRuleId ? { stoppedBy: { ruleId: score.stopRuleId } } : {}),
});

function present(round: Round, entry: Entry, score: Pick<MemberScore, 'choices' | 'disqualificationReasonId' | 'stopRuleId' | 'comment'> & { status: MyScore['status'] }, rescoreOrdered: MyScore['rescoreOrdered'] = null): MyScore {
  const { ruleSet, sheet } = sheetOf(round, entry);
  const evaluation = evaluateSheet(ruleSet, sheet, score.choices);
  const ended = Boolean(score.disqualificationReasonId || score.stopRuleId);
  return {
    entryId: entry.id,
    attempt: entry.attempt,
    ruleSetId: round.ruleSetId,
    productSetNumber: entry.productSetNumber,
    status: score.status,
    choices: score.choices,
    disqualificationReasonId: score.disqualificationReasonId,
    stopRuleId: score.stopRuleId,
    comment: score.comment,
    missing: ended ? [] : evaluation.missing,
    total: evaluation.score.total,
    parts: evaluation.score.parts,
    stars: evaluation.score.starOutcome.stars,
    rescoreOrdered,
  };
}

async function loadScorer(sql: Sql, actor: Actor, entryId: string, forUpdate = false) {
  const access = await loadEntry(sql, actor, entryId, { forUpdate });
  if (!isCouncilRole(access.membership)) throw forbidden('Chỉ thành viên hội đồng chấm điểm.');
  if (access.conflicted) throw forbidden('Anh/chị đã khai báo xung đột lợi ích với sản phẩm này nên không chấm điểm.');
  return access;
}

/**
 * A council member's own sheet for the current attempt. On a re-score the new sheet starts from the
 * member's previous choices, to be reconsidered after the council's discussion.
 */
export async function getMyScore(ctx: AppContext, actor: Actor, entryId: string): Promise<MyScore> {
  const { round, entry } = await loadScorer(ctx.db.pool, actor, entryId);
  const current = await repository.findMemberScore(ctx.db.pool, entryId, actor.userId, entry.attempt);
  if (current) return present(round, entry, current);
  const previous = entry.attempt > 1 ? await repository.findMemberScore(ctx.db.pool, entryId, actor.userId, entry.attempt - 1) : null;
  return present(round, entry, {
    choices: previous?.choices ?? {},
    disqualificationReasonId: previous?.disqualificationReasonId ?? null,
    stopRuleId: previous?.stopRuleId ?? null,
    comment: '',
    status: 'none',
  });
}

/**
 * Saves the member's sheet (draft), or submits it. A submitted sheet is final (the database refuses to
 * change it). When the last expected sheet of the attempt comes in, the spread rule is applied: members'
 * totals further apart than the round's limit order a re-score (a new attempt), recorded with the pair.
 */
export async function saveMyScore(ctx: AppContext, actor: Actor, entryId: string, input: MyScoreInput, requestId?: string): Promise<MyScore> {
  return withTransaction(ctx.db, async (tx) => {
    const { round, entry } = await loadScorer(tx, actor, entryId, true);
    if (entry.status !== 'scoring') throw new AppError('INVALID_TRANSITION', 'Hồ sơ chưa mở chấm điểm hoặc phiên chấm đã kết thúc.', undefined, 'Scoring is not open.');
    const existing = await repository.findMemberScore(tx, entryId, actor.userId, entry.attempt, { forUpdate: true });
    if (existing?.status === 'submitted') throw new AppError('CONFLICT', 'Phiếu chấm đã nộp không sửa được. Việc điều chỉnh phải do hội đồng quyết định chấm lại.', undefined, 'A submitted sheet is final.');
    const { ruleSet, sheet } = sheetOf(round, entry);
    const issues: FieldIssue[] = [];
    if (input.disqualificationReasonId && !(sheet.disqualifications ?? []).some((d) => d.id === input.disqualificationReasonId)) {
      issues.push({ path: 'disqualificationReasonId', message: 'Điều kiện loại hồ sơ không có trong phiếu chấm.', messageEn: 'Unknown disqualification.' });
    }
    if (input.stopRuleId && !(sheet.stopRules ?? []).some((s) => s.id === input.stopRuleId)) {
      issues.push({ path: 'stopRuleId', message: 'Điều kiện dừng đánh giá không có trong phiếu chấm.', messageEn: 'Unknown stop rule.' });
    }
    if (issues.length) throw invalidInput(issues);
    const evaluation = evaluateSheet(ruleSet, sheet, input.choices); // unknown criteria/options: 400 naming each
    const ended = Boolean(input.disqualificationReasonId || input.stopRuleId);
    if (input.submit && !ended && evaluation.missing.length) {
      throw invalidInput(evaluation.missing.map((code) => ({ path: `choices.${code}`, message: `Chưa chấm tiêu chí ${code}.`, messageEn: `Criterion ${code} is not scored.` })));
    }
    const now = ctx.clock.now();
    const status = input.submit ? 'submitted' : 'draft';
    const saved = {
      entryId,
      memberUserId: actor.userId,
      attempt: entry.attempt,
      choices: input.choices,
      disqualificationReasonId: input.disqualificationReasonId,
      stopRuleId: input.stopRuleId,
      comment: input.comment,
      status,
      total: evaluation.score.total,
    } as const;
    await repository.saveMemberScore(tx, saved, now);
    let rescoreOrdered: MyScore['rescoreOrdered'] = null;
    if (input.submit) {
      await repository.insertEntryEvent(tx, { entryId, action: 'score_submitted', details: { attempt: entry.attempt }, actorUserId: actor.userId, at: now });
      await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'member_score.submitted', entityType: 'round_entry', entityId: entryId, after: saved, requestId, occurredAt: now });
      rescoreOrdered = await applySpreadRule(tx, round, entry, now);
    }
    return present(round, entry, { ...saved, status }, rescoreOrdered);
  });
}

/** When every expected sheet of the attempt is in and the spread is too wide, a new attempt starts. */
async function applySpreadRule(tx: Sql, round: Round, entry: Entry, now: Date): Promise<MyScore['rescoreOrdered']> {
  const members = await repository.listMembers(tx, round.id);
  const conflicts = await repository.listConflicts(tx, [entry.id]);
  const scores = await repository.listScores(tx, [entry.id], { submittedOnly: true });
  const expected = expectedScorers(members, new Set(conflicts.map((c) => c.userId)));
  const current = scores.filter((s) => s.attempt === entry.attempt && expected.some((m) => m.userId === s.memberUserId));
  if (current.length < expected.length) return null;
  const { ruleSet, sheet } = sheetOf(round, entry);
  const chairId = members.find((m) => m.role === 'chair')?.userId;
  const result = scoreEvaluation({
    ruleSet,
    sheet,
    memberSheets: current.map((s) => memberSheetOf(s, s.memberUserId === chairId)),
    council: { councilSize: expected.length, maxSpread: round.maxSpread, quorum: { fraction: round.quorumFraction, chairRequired: round.chairRequired }, level: round.level },
  });
  if (!result.ok || !result.value.spread.needsRescore) return null;
  const { spread } = result.value;
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const pair = (spread.pair ?? []).map((id) => names.get(id) ?? id);
  await repository.updateEntry(tx, entry.id, { attempt: entry.attempt + 1 }, now);
  await repository.insertEntryEvent(tx, {
    entryId: entry.id,
    action: 'rescore_ordered',
    note: `Điểm của ${pair.join(' và ')} chênh nhau ${spread.largest.toLocaleString('vi-VN')} điểm, vượt mức ${spread.limit.toLocaleString('vi-VN')} điểm: hội đồng thảo luận và chấm lại (lần ${entry.attempt + 1}).`,
    details: { attempt: entry.attempt, limit: spread.limit, largest: spread.largest, pair: spread.pair },
    actorUserId: null,
    at: now,
  });
  await recordAuditEvent(tx, { actor: { userId: null, label: 'spread rule' }, action: 'round_entry.rescore_ordered', entityType: 'round_entry', entityId: entry.id, after: { attempt: entry.attempt + 1, spread }, occurredAt: now });
  await notify(
    tx,
    expected.map((m) => ({ userId: m.userId })),
    { kind: 'evaluation.rescore', title: `Chấm lại: ${entry.productName} (điểm các thành viên chênh ${spread.largest.toLocaleString('vi-VN')} điểm)`, link: `/admin/evaluations/entries/${entry.id}`, dedupeKey: `evaluation.rescore:${entry.id}:${entry.attempt + 1}` },
    now,
  );
  return { limit: spread.limit, largest: spread.largest, pair: spread.pair ?? [] };
}
