import { visibilityOf, type Actor, type Visibility } from '../../core/auth/actor.ts';
import { scopeLevelOf, type ScopeLevel } from '../../core/auth/roles.ts';

/**
 * What a dashboard shows (issue 13): each figure only to the roles that may open the list behind it,
 * within the actor's own scope (visibilityOf). Council and advisory members work through the rounds
 * they sit on: they see what waits for them, not the province's registers.
 */
export interface DashboardScope extends Visibility {
  level: ScopeLevel;
}

export function dashboardScope(actor: Actor): DashboardScope {
  return { ...visibilityOf(actor), level: scopeLevelOf(actor.role, actor.provinceCode !== null) };
}

/** The certificate lists (and so the star and status figures): as certificates.policy.ts readers. */
export const seesCertificateFigures = (actor: Actor): boolean =>
  ['system_admin', 'ministry_officer', 'province_office', 'commune_officer', 'producer'].includes(actor.role);

/** The officials' figures of the programme: on-time rate, funnel (as dossiers' and ideas' policies). */
export const seesProgrammeFigures = (actor: Actor): boolean => ['system_admin', 'ministry_officer', 'province_office', 'commune_officer'].includes(actor.role);

/** Training coverage and the annual plan belong to a unit: a province's office or a commune's officer. */
export function unitOf(actor: Actor): { provinceCode: string; communeCode: string | null } | null {
  if (actor.role === 'province_office' && actor.provinceCode) return { provinceCode: actor.provinceCode, communeCode: null };
  if (actor.role === 'commune_officer' && actor.provinceCode && actor.communeCode) return { provinceCode: actor.provinceCode, communeCode: actor.communeCode };
  return null;
}
