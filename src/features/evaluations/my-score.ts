/** A council member's own score sheet: who may hold one, and how it is shown (read-my-score.ts, save-my-score.ts). */
import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { forbidden } from '../../core/errors.ts';
import { evaluateSheet } from '../rule-sets/index.ts';
import { criteriaSheetOf } from './council-score.ts';
import { isCouncilRole } from './evaluations.policy.ts';
import type { Entry, MemberScore, Round } from './evaluations.repository.ts';
import type { MyScore } from './evaluations.schemas.ts';
import { loadEntry } from './round-access.ts';

export function presentMyScore(round: Round, entry: Entry, score: Pick<MemberScore, 'choices' | 'disqualificationReasonId' | 'stopRuleId' | 'comment'> & { status: MyScore['status'] }, rescoreOrdered: MyScore['rescoreOrdered'] = null): MyScore {
  const { ruleSet, sheet } = criteriaSheetOf(round, entry);
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

export async function loadScorer(sql: Sql, actor: Actor, entryId: string, forUpdate = false) {
  const access = await loadEntry(sql, actor, entryId, { forUpdate });
  if (!isCouncilRole(access.membership)) throw forbidden('Chỉ thành viên hội đồng chấm điểm.');
  if (access.conflicted) throw forbidden('Anh/chị đã khai báo xung đột lợi ích với sản phẩm này nên không chấm điểm.');
  return access;
}
