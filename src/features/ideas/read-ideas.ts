import type { Actor } from '../../core/auth/actor.ts';
import { notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { checkUnitInScope } from '../admin-units/index.ts';
import { canViewIdea, ideaActionsFor, ideaVisibility } from './ideas.policy.ts';
import * as repository from './ideas.repository.ts';
import type { Idea, ListIdeasQuery, StoredIdea } from './ideas.schemas.ts';

const withActions = (actor: Actor, idea: StoredIdea): Idea => ({ ...idea, allowedActions: ideaActionsFor(actor, idea) });

/** The product ideas in the actor's scope, with what the actor may do to each. */
export async function listIdeas(ctx: AppContext, actor: Actor, query: ListIdeasQuery): Promise<Page<Idea>> {
  await checkUnitInScope(ctx.db.pool, actor, { communeCode: query.commune });
  const { items, total } = await repository.listIdeas(ctx.db.pool, ideaVisibility(actor), {
    year: query.year,
    status: query.status,
    communeCode: query.commune,
    producerId: query.producerId,
    q: query.q || undefined,
    ...pageWindow(query),
  });
  return pageOfResult(query, { items: items.map((idea) => withActions(actor, idea)), total });
}

export async function getIdea(ctx: AppContext, actor: Actor, id: string): Promise<Idea> {
  const idea = await repository.findIdea(ctx.db.pool, id);
  if (!idea || !canViewIdea(actor, idea)) throw notFound('Ý tưởng sản phẩm');
  return withActions(actor, idea);
}
