import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { compileSheet, findCriteriaSheet, findRuleSet, scoreChoices } from '../rule-sets/index.ts';
import { summariseEntries } from './entry-summary.ts';
import { canAdvise, canManageRound, isCouncilRole } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { Entry, MemberScore, Round } from './evaluations.repository.ts';
import type { EntryDetail } from './evaluations.schemas.ts';
import { loadEntry } from './round-access.ts';
import { displayNamesOf, listRoundMembers } from './round-members.ts';
import { hasCouncilResult } from './round-status.ts';

/** A member's sheet's points by part (A, B, C), scored on the entry's criteria sheet. */
function partsOf(round: Round, entry: Entry, score: MemberScore): { A: number; B: number; C: number } | null {
  const ruleSet = findRuleSet(round.ruleSetId);
  const sheet = findCriteriaSheet(round.ruleSetId, entry.productSetNumber);
  if (!ruleSet || !sheet) return null;
  const scored = scoreChoices(compileSheet(sheet), {
    memberId: score.memberUserId,
    choices: score.choices,
    ...(score.disqualificationReasonId ? { disqualified: { reasonId: score.disqualificationReasonId } } : {}),
    ...(score.stopRuleId ? { stoppedBy: { ruleId: score.stopRuleId } } : {}),
  });
  return scored.ok ? scored.scored.result.parts : null;
}

/** An entry as the actor may see it: its advisory work, conflicts, the sheets the actor may see, and the council's result once frozen. */
export async function getEntryDetail(sql: Sql, actor: Actor, entryId: string): Promise<EntryDetail> {
  const access = await loadEntry(sql, actor, entryId);
  const { round, entry, membership } = access;
  const [summary] = await summariseEntries(sql, actor, access, [entry]);
  const events = await repository.listEntryEvents(sql, entry.id);
  const conflicts = await repository.listConflicts(sql, [entry.id]);
  const scores = await repository.listScores(sql, [entry.id], { submittedOnly: true });
  const members = await listRoundMembers(sql, round.id);
  const result = await repository.findEntryResult(sql, entry.id);
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const otherNames = await displayNamesOf(sql, [...events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])), ...conflicts.map((c) => c.userId)]);
  // Members score on their own: a council member (the chair too) sees the others' sheets of an attempt
  // only once their own is in; the office and the advisory team once every expected sheet of it is in.
  const expected = summary!.progress.expected.filter((e) => !e.conflict);
  const attemptComplete = expected.length > 0 && expected.every((e) => e.submitted);
  const ownSubmitted = (attempt: number) => scores.some((s) => s.memberUserId === actor.userId && s.attempt === attempt);
  const visibleSheets = scores.filter((s) => {
    if (s.memberUserId === actor.userId) return true;
    if (isCouncilRole(membership)) return ownSubmitted(s.attempt);
    return s.attempt < entry.attempt || attemptComplete || hasCouncilResult(entry.status);
  });
  return {
    ...summary!,
    round,
    myRole: membership,
    canManage: canManageRound(actor, round),
    canAdvise: canAdvise(actor, round, membership),
    canOpenScoring: canManageRound(actor, round) || membership === 'chair',
    events: events.map(({ actorUserId, ...event }) => ({ ...event, actorName: actorUserId ? (otherNames.get(actorUserId) ?? null) : null })),
    conflicts: conflicts.map(({ userId, reason, declaredAt }) => ({ userId, displayName: otherNames.get(userId) ?? '', reason, declaredAt })),
    sheets: visibleSheets.map((s) => ({
      memberUserId: s.memberUserId,
      displayName: names.get(s.memberUserId) ?? '',
      attempt: s.attempt,
      status: s.status,
      total: s.total,
      parts: partsOf(round, entry, s),
      choices: s.choices,
      disqualificationReasonId: s.disqualificationReasonId,
      stopRuleId: s.stopRuleId,
      comment: s.comment,
      submittedAt: s.submittedAt,
    })),
    result: hasCouncilResult(entry.status) ? result : null,
  };
}
