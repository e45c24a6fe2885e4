/** Reaching a round or an entry: 404 for those who may not see it, like a missing one; the actor's seat in the round. */
import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { canViewRound, isCouncilRole, seesAllEntries } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { Entry, Round, RoundMember } from './evaluations.repository.ts';

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

/** Documents covering every entry (minutes, draft decision) are for those who see every entry. */
export function seesAllEntriesOf(actor: Actor, access: RoundAccess): void {
  if (!seesAllEntries(actor, access.round, access.membership) && !isCouncilRole(access.membership)) throw notFound('Đợt đánh giá');
}
