import type { Actor } from '../../core/auth/actor.ts';

/** Everyone working in a province (and producers there) may read its settings; national roles read all. */
export function canViewProvinceSettings(actor: Actor, provinceCode: string): boolean {
  if (actor.role === 'system_admin' || actor.role === 'ministry_officer') return true;
  return actor.provinceCode === provinceCode;
}

/** The province's OCOP office sets its own province's rules; the administrator any. */
export function canEditProvinceSettings(actor: Actor, provinceCode: string): boolean {
  if (actor.role === 'system_admin') return true;
  return actor.role === 'province_office' && actor.provinceCode === provinceCode;
}
