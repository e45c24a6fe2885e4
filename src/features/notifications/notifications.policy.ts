import type { Actor } from '../../core/auth/actor.ts';

/**
 * Channels and wording: the system administrator keeps the global settings and may help any province;
 * a province office keeps its own province's (it holds the contract with its providers).
 */
export function canManageChannels(actor: Actor, provinceCode: string | null): boolean {
  if (actor.role === 'system_admin') return true;
  return actor.role === 'province_office' && provinceCode !== null && provinceCode === actor.provinceCode;
}

/** Whose outbox the actor may read: every province (null), one province, or none. */
export function outboxScope(actor: Actor): { provinceCode: string | null } | 'none' {
  if (actor.role === 'system_admin') return { provinceCode: null };
  if (actor.role === 'province_office' && actor.provinceCode) return { provinceCode: actor.provinceCode };
  return 'none';
}

/** Which producers' reach the actor may see: a commune officer its commune's, a province office its province's. */
export function reachScope(actor: Actor): { provinceCode: string; communeCode: string | null } | 'none' {
  if (actor.role === 'commune_officer' && actor.provinceCode && actor.communeCode) return { provinceCode: actor.provinceCode, communeCode: actor.communeCode };
  if (actor.role === 'province_office' && actor.provinceCode) return { provinceCode: actor.provinceCode, communeCode: null };
  return 'none';
}
