import type { Actor } from '../../core/auth/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page, type PageRequest } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { checkUnitInScope } from '../admin-units/index.ts';
import { canListDuplicates, canViewProducer, producerVisibility } from './producers.policy.ts';
import * as repository from './producers.repository.ts';
import type { DuplicatePair, ListProducersQuery, Producer } from './producers.schemas.ts';

/** The producers in the actor's scope (a producer: itself). */
export async function listProducers(ctx: AppContext, actor: Actor, query: ListProducersQuery): Promise<Page<Producer>> {
  await checkUnitInScope(ctx.db.pool, actor, { communeCode: query.commune });
  const result = await repository.listProducers(ctx.db.pool, producerVisibility(actor), {
    q: query.q || undefined,
    communeCode: query.commune,
    ...pageWindow(query),
  });
  return pageOfResult(query, result);
}

/** The pairs of producers in the actor's scope that may be one producer registered twice. */
export async function listDuplicateProducers(ctx: AppContext, actor: Actor, query: PageRequest): Promise<Page<DuplicatePair>> {
  if (!canListDuplicates(actor)) throw forbidden();
  const result = await repository.listDuplicatePairs(ctx.db.pool, producerVisibility(actor), pageWindow(query));
  return pageOfResult(query, result);
}

export async function getProducer(ctx: AppContext, actor: Actor, id: string): Promise<Producer> {
  const producer = await repository.findProducer(ctx.db.pool, id);
  if (!producer || !canViewProducer(actor, producer)) throw notFound('Chủ thể');
  return producer;
}
