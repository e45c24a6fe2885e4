import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { summariseEntries } from './entry-summary.ts';
import { canCloseRound, canManageRound, seesAllEntries } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { Entry } from './evaluations.repository.ts';
import type { RoundDetail } from './evaluations.schemas.ts';
import { loadRound } from './round-access.ts';
import { listRoundMembers } from './round-members.ts';

/** A round as the actor may see it: its council and advisory team, its entries (a council member: those they score), its decision. */
export async function getRoundDetail(sql: Sql, actor: Actor, roundId: string): Promise<RoundDetail> {
  const access = await loadRound(sql, actor, roundId);
  const { round, membership } = access;
  const all = await repository.listEntries(sql, roundId);
  const visible = seesAllEntries(actor, round, membership) ? all : await withoutConflicts(sql, actor, all);
  const members = await listRoundMembers(sql, roundId);
  const decision = await repository.findDecision(sql, roundId);
  return {
    ...round,
    members,
    myRole: membership,
    canManage: canManageRound(actor, round),
    canClose: canCloseRound(actor, round, membership),
    entries: await summariseEntries(sql, actor, access, visible),
    decision,
  };
}

/** A council member's view: no entry they declared a conflict for, none withdrawn. */
async function withoutConflicts(sql: Sql, actor: Actor, entries: Entry[]): Promise<Entry[]> {
  const conflicts = await repository.listConflicts(sql, entries.map((e) => e.id));
  const mine = new Set(conflicts.filter((c) => c.userId === actor.userId).map((c) => c.entryId));
  return entries.filter((e) => !mine.has(e.id) && e.status !== 'withdrawn');
}
