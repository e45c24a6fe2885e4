import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { certificatesOfEntries } from '../certificates/index.ts';
import { isCouncilRole } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { Entry } from './evaluations.repository.ts';
import type { RoundAccess } from './round-access.ts';
import { listRoundMembers } from './round-members.ts';
import { entryDeadline, outcomeLabel } from './round-rules.ts';

/** Each entry as the round's lists show it: who is to score it and who has, the actor's own part, its deadline and certificate. */
export async function summariseEntries(sql: Sql, actor: Actor, access: RoundAccess, entries: Entry[]) {
  const members = await listRoundMembers(sql, access.round.id);
  const ids = entries.map((e) => e.id);
  const conflicts = await repository.listConflicts(sql, ids);
  const scores = await repository.listScores(sql, ids);
  const certificates = await certificatesOfEntries(sql, ids);
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
