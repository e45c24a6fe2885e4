import { isWithinScope, visibilityOf, type Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';

/**
 * Annual plans belong to the unit that issues them. The provincial office keeps the province's plan and
 * oversees the communes' plans; a commune officer keeps the commune's plan and reads the province's plan
 * it carries out (targets cascade from province to commune); the ministry reads; an administrator does all.
 */
const managers: readonly Role[] = ['system_admin', 'province_office', 'commune_officer'];
const readers: readonly Role[] = [...managers, 'ministry_officer'];

export interface PlanPlace {
  provinceCode: string;
  communeCode: string | null;
}

export interface PlanVisibility {
  provinceCode: string | null;
  communeCode: string | null;
  /** A commune officer also sees the province-level plans of its province. */
  includeProvinceLevel: boolean;
}

export function planVisibility(actor: Actor): PlanVisibility | null {
  if (!readers.includes(actor.role)) return null;
  const { provinceCode, communeCode } = visibilityOf(actor);
  return { provinceCode, communeCode, includeProvinceLevel: true };
}

export function canReadPlan(actor: Actor, plan: PlanPlace): boolean {
  if (!readers.includes(actor.role)) return false;
  if (actor.role === 'commune_officer' && plan.communeCode === null) return plan.provinceCode === actor.provinceCode;
  return isWithinScope(actor, plan);
}

export function canManagePlan(actor: Actor, plan: PlanPlace): boolean {
  return managers.includes(actor.role) && isWithinScope(actor, plan);
}
