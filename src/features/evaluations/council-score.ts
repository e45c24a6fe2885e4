import type { MemberScoreSheet } from '../rule-sets/index.ts';
import { isCouncilRole } from './evaluations.policy.ts';
import type { MemberScore, RoundMember } from './evaluations.repository.ts';

/** The council members (chair and members) expected to score an entry: everyone seated minus declared conflicts. */
export function expectedScorers(members: RoundMember[], conflictUserIds: ReadonlySet<string>): RoundMember[] {
  return members.filter((m) => isCouncilRole(m.role) && !conflictUserIds.has(m.userId));
}

export const memberSheetOf = (score: Pick<MemberScore, 'memberUserId' | 'choices' | 'disqualificationReasonId' | 'stopRuleId'>, isChair: boolean): MemberScoreSheet => ({
  memberId: score.memberUserId,
  isChair,
  choices: score.choices,
  ...(score.disqualificationReasonId ? { disqualified: { reasonId: score.disqualificationReasonId } } : {}),
  ...(score.stopRuleId ? { stoppedBy: { ruleId: score.stopRuleId } } : {}),
});
