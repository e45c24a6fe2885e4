import { type Actor, isWithinScope, visibilityOf } from '../../core/auth/actor.ts';
import { allowedPlanActions, type PlanAction } from './plan-status.ts';
import type { StoredPlan } from './business-plans.schemas.ts';

export interface PlanVisibility {
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
}

/** Like ideas: the producer its own, the commune officer its commune, provincial roles their province. */
export function planVisibility(actor: Actor): PlanVisibility {
  return visibilityOf(actor);
}

type Scoped = Pick<StoredPlan, 'provinceCode' | 'communeCode' | 'producerId'>;

export function canViewPlan(actor: Actor, plan: Scoped): boolean {
  return isWithinScope(actor, plan);
}

/** Submitting and resubmitting: the producer, its commune officer (on its behalf), an administrator. */
export function canSubmitPlanFor(actor: Actor, place: Scoped): boolean {
  return ['system_admin', 'commune_officer', 'producer'].includes(actor.role) && isWithinScope(actor, place);
}

/** Forwarding to the province: the commune that received it. */
export function canForwardPlan(actor: Actor, plan: Scoped): boolean {
  return ['system_admin', 'commune_officer'].includes(actor.role) && isWithinScope(actor, plan);
}

/** Reviewing (approve / return): the provincial OCOP office. */
export function canReviewPlan(actor: Actor, plan: Scoped): boolean {
  return ['system_admin', 'province_office'].includes(actor.role) && isWithinScope(actor, plan);
}

/** Recording the support given to carry out an approved plan: the commune or the province. */
export function canRecordSupport(actor: Actor, plan: Scoped): boolean {
  return ['system_admin', 'province_office', 'commune_officer'].includes(actor.role) && isWithinScope(actor, plan);
}

const mayTake: Record<Exclude<PlanAction, 'mark_overdue'>, (actor: Actor, plan: Scoped) => boolean> = {
  forward: canForwardPlan,
  approve: canReviewPlan,
  return: canReviewPlan,
  resubmit: canSubmitPlanFor,
};

/** The transitions this actor may take now (the sweep's mark_overdue is the system's, never a user's). */
export function planActionsFor(actor: Actor, plan: StoredPlan): PlanAction[] {
  return allowedPlanActions(plan.status, plan).filter((action) => action !== 'mark_overdue' && mayTake[action](actor, plan));
}
