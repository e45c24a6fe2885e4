import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import * as repository from './evaluations.repository.ts';
import type { MyScore } from './evaluations.schemas.ts';
import { loadScorer, presentMyScore } from './my-score.ts';

/**
 * A council member's own sheet for the current attempt. On a re-score the new sheet starts from the
 * member's previous choices, to be reconsidered after the council's discussion.
 */
export async function getMyScore(ctx: AppContext, actor: Actor, entryId: string): Promise<MyScore> {
  const { round, entry } = await loadScorer(ctx.db.pool, actor, entryId);
  const current = await repository.findMemberScore(ctx.db.pool, entryId, actor.userId, entry.attempt);
  if (current) return presentMyScore(round, entry, current);
  const previous = entry.attempt > 1 ? await repository.findMemberScore(ctx.db.pool, entryId, actor.userId, entry.attempt - 1) : null;
  return presentMyScore(round, entry, {
    choices: previous?.choices ?? {},
    disqualificationReasonId: previous?.disqualificationReasonId ?? null,
    stopRuleId: previous?.stopRuleId ?? null,
    comment: '',
    status: 'none',
  });
}
