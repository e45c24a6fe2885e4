import { type Actor, isWithinScope, visibilityOf } from '../../core/auth/actor.ts';
import { allowedIdeaActions, type IdeaAction } from './idea-status.ts';
import type { AppraisalLevel, StoredIdea } from './ideas.schemas.ts';
import type { IdeaVisibility } from './ideas.repository.ts';

/**
 * Who sees and handles product ideas (cycle step 2). Since July 2025 the commune receives ideas and
 * guides producers (QĐ 26/2026 Art. 10.4); the province's OCOP office may appraise too. A producer
 * registers and resubmits its own ideas; councils and the ministry only read.
 */
export function ideaVisibility(actor: Actor): IdeaVisibility {
  return visibilityOf(actor);
}

type Scoped = Pick<StoredIdea, 'provinceCode' | 'communeCode' | 'producerId'>;

export function canViewIdea(actor: Actor, idea: Scoped): boolean {
  return isWithinScope(actor, idea);
}

/** Registering or resubmitting: the producer itself, its commune's officer, or an administrator. */
export function canSubmitIdeaFor(actor: Actor, place: Scoped): boolean {
  if (!['system_admin', 'commune_officer', 'producer'].includes(actor.role)) return false;
  return isWithinScope(actor, place);
}

/** Appraising: the commune officer or the provincial office responsible, or an administrator. */
export function canAppraiseIdea(actor: Actor, idea: Scoped): boolean {
  if (!['system_admin', 'commune_officer', 'province_office'].includes(actor.role)) return false;
  return isWithinScope(actor, idea);
}

export function appraisalLevelOf(actor: Actor): AppraisalLevel {
  if (actor.role === 'commune_officer') return 'commune';
  if (actor.role === 'province_office') return 'province';
  return 'national';
}

/** The actions of the transition table this actor may take on this idea now. */
export function ideaActionsFor(actor: Actor, idea: Scoped & Pick<StoredIdea, 'status'>): IdeaAction[] {
  return allowedIdeaActions(idea.status).filter((action) =>
    action === 'resubmit' ? canSubmitIdeaFor(actor, idea) : canAppraiseIdea(actor, idea),
  );
}

/** Funnel counts: every role but producers (they see their own ideas instead). */
export function canViewFunnel(actor: Actor): boolean {
  return actor.role !== 'producer';
}
