import type { Actor } from '../../core/auth/actor.ts';
import { notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canViewPlan, planActionsFor, planVisibility } from './business-plans.policy.ts';
import * as repository from './business-plans.repository.ts';
import type { BusinessPlan, DueQuery, ListPlansQuery, StoredPlan } from './business-plans.schemas.ts';

const withActions = (actor: Actor, plan: StoredPlan): BusinessPlan => ({ ...plan, allowedActions: planActionsFor(actor, plan) });

/** The business plans in the actor's scope, with what the actor may do to each. */
export async function listBusinessPlans(ctx: AppContext, actor: Actor, query: ListPlansQuery): Promise<Page<BusinessPlan>> {
  const { items, total } = await repository.listPlans(ctx.db.pool, planVisibility(actor), {
    year: query.year,
    status: query.status,
    ideaId: query.ideaId,
    producerId: query.producerId,
    q: query.q || undefined,
    ...pageWindow(query),
  });
  return pageOfResult(query, { items: items.map((plan) => withActions(actor, plan)), total });
}

/** The forwarding dashboard: plans the commune has still to forward (due) or is late with (overdue). */
export async function listBusinessPlansByDueState(ctx: AppContext, actor: Actor, query: DueQuery): Promise<Page<BusinessPlan>> {
  const { items, total } = await repository.listPlansByDueState(ctx.db.pool, planVisibility(actor), query.state, ctx.clock.now(), pageWindow(query));
  return pageOfResult(query, { items: items.map((plan) => withActions(actor, plan)), total });
}

export async function getBusinessPlan(ctx: AppContext, actor: Actor, id: string): Promise<BusinessPlan> {
  const plan = await repository.findPlan(ctx.db.pool, id);
  if (!plan || !canViewPlan(actor, plan)) throw notFound('Phương án sản xuất kinh doanh');
  return withActions(actor, plan);
}
