/**
 * The council's score of an entry, assembled the one way wherever it is needed: when the last expected
 * sheet of an attempt comes in (the spread rule, save-my-score.ts) and when the session closes
 * (close-round.ts). It counts the submitted sheets of the entry's current attempt from the members
 * expected to score it (seated on the council, no conflict of interest declared), under the round's rule
 * set and its council rule (spread limit, quorum, chair).
 */
import { AppError } from '../../core/errors.ts';
import { findCriteriaSheet, findRuleSet, scoreEvaluation, type EvaluationScore, type MemberScoreSheet, type ScoringResult } from '../rule-sets/index.ts';
import { isCouncilRole } from './evaluations.policy.ts';
import type { Entry, MemberScore, Round, RoundMember } from './evaluations.repository.ts';

/** The rule set and the criteria sheet an entry is scored on. */
export function criteriaSheetOf(round: Round, entry: Entry) {
  const ruleSet = findRuleSet(round.ruleSetId);
  const sheet = findCriteriaSheet(round.ruleSetId, entry.productSetNumber);
  if (!ruleSet || !sheet) throw new AppError('INVALID_TRANSITION', `Bộ tiêu chí ${round.ruleSetId} không có phiếu chấm nhóm ${entry.productSetNumber}.`, undefined, 'No criteria sheet.');
  return { ruleSet, sheet };
}

/** The council members (chair and members) expected to score an entry: everyone seated minus declared conflicts. */
function expectedScorers(members: RoundMember[], conflictUserIds: ReadonlySet<string>): RoundMember[] {
  return members.filter((m) => isCouncilRole(m.role) && !conflictUserIds.has(m.userId));
}

const memberSheetOf = (score: Pick<MemberScore, 'memberUserId' | 'choices' | 'disqualificationReasonId' | 'stopRuleId'>, isChair: boolean): MemberScoreSheet => ({
  memberId: score.memberUserId,
  isChair,
  choices: score.choices,
  ...(score.disqualificationReasonId ? { disqualified: { reasonId: score.disqualificationReasonId } } : {}),
  ...(score.stopRuleId ? { stoppedBy: { ruleId: score.stopRuleId } } : {}),
});

export interface CouncilSheets {
  /** Who is expected to score the entry. */
  expected: RoundMember[];
  /** Their submitted sheets of the entry's current attempt. */
  sheets: MemberScore[];
}

/** The sheets that count for an entry, from the submitted sheets given (of any entries and attempts). */
export function councilSheetsOf(entry: Entry, members: RoundMember[], conflictUserIds: ReadonlySet<string>, submitted: MemberScore[]): CouncilSheets {
  const expected = expectedScorers(members, conflictUserIds);
  const sheets = submitted.filter((s) => s.entryId === entry.id && s.attempt === entry.attempt && expected.some((m) => m.userId === s.memberUserId));
  return { expected, sheets };
}

/** The scoring engine's council result for an entry's sheets (averages, star band and markers, quorum, spread). */
export function councilScoreOf(round: Round, entry: Entry, members: RoundMember[], council: CouncilSheets): ScoringResult<EvaluationScore> {
  const { ruleSet, sheet } = criteriaSheetOf(round, entry);
  const chairId = members.find((m) => m.role === 'chair')?.userId;
  return scoreEvaluation({
    ruleSet,
    sheet,
    memberSheets: council.sheets.map((s) => memberSheetOf(s, s.memberUserId === chairId)),
    council: {
      councilSize: Math.max(council.expected.length, 1),
      maxSpread: round.maxSpread,
      quorum: { fraction: round.quorumFraction, chairRequired: round.chairRequired },
      level: round.level,
    },
  });
}
