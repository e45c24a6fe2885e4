import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { AppError, invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { notify } from '../notifications/index.ts';
import { evaluateSheet } from '../rule-sets/index.ts';
import { councilScoreOf, councilSheetsOf, criteriaSheetOf } from './council-score.ts';
import * as repository from './evaluations.repository.ts';
import type { Entry, Round } from './evaluations.repository.ts';
import type { MyScore, MyScoreInput } from './evaluations.schemas.ts';
import { loadScorer, presentMyScore } from './my-score.ts';
import { listRoundMembers } from './round-members.ts';
import { entryAllows, invalidTransition } from './round-status.ts';

/**
 * Saves the member's sheet (draft), or submits it. A submitted sheet is final (the database refuses to
 * change it). When the last expected sheet of the attempt comes in, the spread rule is applied: members'
 * totals further apart than the round's limit order a re-score (a new attempt), recorded with the pair.
 */
export async function saveMyScore(ctx: AppContext, actor: Actor, entryId: string, input: MyScoreInput, requestId?: string): Promise<MyScore> {
  return withTransaction(ctx.db, async (tx) => {
    const { round, entry } = await loadScorer(tx, actor, entryId, true);
    if (!entryAllows(entry.status, 'score')) throw invalidTransition('Hồ sơ chưa mở chấm điểm hoặc phiên chấm đã kết thúc.', 'Scoring is not open.');
    const existing = await repository.findMemberScore(tx, entryId, actor.userId, entry.attempt, { forUpdate: true });
    if (existing?.status === 'submitted') throw new AppError('CONFLICT', 'Phiếu chấm đã nộp không sửa được. Việc điều chỉnh phải do hội đồng quyết định chấm lại.', undefined, 'A submitted sheet is final.');
    const { ruleSet, sheet } = criteriaSheetOf(round, entry);
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
    return presentMyScore(round, entry, { ...saved, status }, rescoreOrdered);
  });
}

/** When every expected sheet of the attempt is in and the spread is too wide, a new attempt starts. */
async function applySpreadRule(tx: Sql, round: Round, entry: Entry, now: Date): Promise<MyScore['rescoreOrdered']> {
  const members = await listRoundMembers(tx, round.id);
  const conflicts = await repository.listConflicts(tx, [entry.id]);
  const scores = await repository.listScores(tx, [entry.id], { submittedOnly: true });
  const council = councilSheetsOf(entry, members, new Set(conflicts.map((c) => c.userId)), scores);
  if (council.sheets.length < council.expected.length) return null;
  const result = councilScoreOf(round, entry, members, council);
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
    council.expected.map((m) => ({ userId: m.userId })),
    { kind: 'evaluation.rescore', title: `Chấm lại: ${entry.productName} (điểm các thành viên chênh ${spread.largest.toLocaleString('vi-VN')} điểm)`, link: `/admin/evaluations/entries/${entry.id}`, dedupeKey: `evaluation.rescore:${entry.id}:${entry.attempt + 1}` },
    now,
  );
  return { limit: spread.limit, largest: spread.largest, pair: spread.pair ?? [] };
}
