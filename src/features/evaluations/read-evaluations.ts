import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { compileSheet, findCriteriaSheet, findRuleSet, scoreChoices } from '../rule-sets/index.ts';
import * as repository from './evaluations.repository.ts';
import type { Entry, MemberScore, Round, RoundMember } from './evaluations.repository.ts';
import { canAdvise, canCloseRound, canManageRound, canViewRound, isCouncilRole, seesAllEntries } from './evaluations.policy.ts';
import type { EntryDetail, RoundDetail } from './evaluations.schemas.ts';
import { entryDeadline, outcomeLabel } from './round-rules.ts';

export interface RoundAccess {
  round: Round;
  membership: RoundMember['role'] | null;
}

/** The round if the actor may see it (404 otherwise, like a missing one), with the actor's seat in it. */
export async function loadRound(sql: Sql, actor: Actor, roundId: string, options: { forUpdate?: boolean } = {}): Promise<RoundAccess> {
  const round = await repository.findRound(sql, roundId, options);
  if (!round) throw notFound('Đợt đánh giá');
  const membership = await repository.memberRole(sql, roundId, actor.userId);
  if (!canViewRound(actor, round, membership)) throw notFound('Đợt đánh giá');
  return { round, membership };
}

export interface EntryAccess extends RoundAccess {
  entry: Entry;
  conflicted: boolean;
}

/**
 * The entry if the actor may see it: the office, the chair and the advisory team see every entry of the
 * round; a council member sees the entries they score (not those they declared a conflict for).
 */
export async function loadEntry(sql: Sql, actor: Actor, entryId: string, options: { forUpdate?: boolean } = {}): Promise<EntryAccess> {
  const entry = await repository.findEntry(sql, entryId, options);
  if (!entry) throw notFound('Hồ sơ trong đợt đánh giá');
  const access = await loadRound(sql, actor, entry.roundId).catch(() => {
    throw notFound('Hồ sơ trong đợt đánh giá');
  });
  const conflicts = await repository.listConflicts(sql, [entry.id]);
  const conflicted = conflicts.some((c) => c.userId === actor.userId);
  if (!seesAllEntries(actor, access.round, access.membership) && (conflicted || entry.status === 'withdrawn')) throw notFound('Hồ sơ trong đợt đánh giá');
  return { ...access, entry, conflicted };
}

/** The council members (chair and members) expected to score an entry: everyone seated minus declared conflicts. */
export function expectedScorers(members: RoundMember[], conflictUserIds: ReadonlySet<string>): RoundMember[] {
  return members.filter((m) => isCouncilRole(m.role) && !conflictUserIds.has(m.userId));
}

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

async function summarise(sql: Sql, actor: Actor, access: RoundAccess, entries: Entry[]) {
  const members = await repository.listMembers(sql, access.round.id);
  const ids = entries.map((e) => e.id);
  const conflicts = await repository.listConflicts(sql, ids);
  const scores = await repository.listScores(sql, ids);
  const certificates = await repository.certificatesOfEntries(sql, ids);
  return entries.map((entry) => {
    const conflictIds = new Set(conflicts.filter((c) => c.entryId === entry.id).map((c) => c.userId));
    const current = scores.filter((s) => s.entryId === entry.id && s.attempt === entry.attempt);
    const expected = members
      .filter((m) => isCouncilRole(m.role))
      .map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        submitted: current.some((s) => s.memberUserId === m.userId && s.status === 'submitted'),
        conflict: conflictIds.has(m.userId),
      }));
    const mine = current.find((s) => s.memberUserId === actor.userId);
    return {
      ...entry,
      outcomeLabel: entry.outcome ? outcomeLabel(entry.outcome, entry.status === 'decided') : null,
      dueOn: entryDeadline(entry.dossierType, entry.joinedOn, entry.dossierSubmittedOn),
      progress: { expected, submitted: expected.filter((e) => e.submitted && !e.conflict).length },
      myConflict: conflictIds.has(actor.userId),
      myScoreStatus: mine?.status ?? ('none' as const),
      certificate: certificates.find((c) => c.entryId === entry.id) ?? null,
    };
  });
}

export async function getRoundDetail(sql: Sql, actor: Actor, roundId: string): Promise<RoundDetail> {
  const access = await loadRound(sql, actor, roundId);
  const { round, membership } = access;
  const all = await repository.listEntries(sql, roundId);
  const visible = seesAllEntries(actor, round, membership) ? all : await withoutConflicts(sql, actor, all);
  const members = await repository.listMembers(sql, roundId);
  const decision = await repository.findDecision(sql, roundId);
  return {
    ...round,
    members,
    myRole: membership,
    canManage: canManageRound(actor, round),
    canClose: canCloseRound(actor, round, membership),
    entries: await summarise(sql, actor, access, visible),
    decision,
  };
}

async function withoutConflicts(sql: Sql, actor: Actor, entries: Entry[]): Promise<Entry[]> {
  const conflicts = await repository.listConflicts(sql, entries.map((e) => e.id));
  const mine = new Set(conflicts.filter((c) => c.userId === actor.userId).map((c) => c.entryId));
  return entries.filter((e) => !mine.has(e.id) && e.status !== 'withdrawn');
}

export async function getEntryDetail(sql: Sql, actor: Actor, entryId: string): Promise<EntryDetail> {
  const access = await loadEntry(sql, actor, entryId);
  const { round, entry, membership } = access;
  const [summary] = await summarise(sql, actor, access, [entry]);
  const events = await repository.listEntryEvents(sql, entry.id);
  const conflicts = await repository.listConflicts(sql, [entry.id]);
  const scores = await repository.listScores(sql, [entry.id], { submittedOnly: true });
  const members = await repository.listMembers(sql, round.id);
  const result = await repository.findEntryResult(sql, entry.id);
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  // Members score on their own: a council member (the chair too) sees the others' sheets of an attempt
  // only once their own is in; the office and the advisory team once every expected sheet of it is in.
  const expected = summary!.progress.expected.filter((e) => !e.conflict);
  const attemptComplete = expected.length > 0 && expected.every((e) => e.submitted);
  const ownSubmitted = (attempt: number) => scores.some((s) => s.memberUserId === actor.userId && s.attempt === attempt);
  const visibleSheets = scores.filter((s) => {
    if (s.memberUserId === actor.userId) return true;
    if (isCouncilRole(membership)) return ownSubmitted(s.attempt);
    return s.attempt < entry.attempt || attemptComplete || ['closed', 'decided'].includes(entry.status);
  });
  return {
    ...summary!,
    round,
    myRole: membership,
    canManage: canManageRound(actor, round),
    canAdvise: canAdvise(actor, round, membership),
    canOpenScoring: canManageRound(actor, round) || membership === 'chair',
    events,
    conflicts: conflicts.map(({ userId, displayName, reason, declaredAt }) => ({ userId, displayName, reason, declaredAt })),
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
    result: ['closed', 'decided'].includes(entry.status) ? result : null,
  };
}

/** Documents covering every entry (minutes, draft decision) are for those who see every entry. */
export function seesAllEntriesOf(actor: Actor, access: RoundAccess): void {
  if (!seesAllEntries(actor, access.round, access.membership) && !isCouncilRole(access.membership)) throw notFound('Đợt đánh giá');
}
