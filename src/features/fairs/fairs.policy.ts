import { isWithinScope, type Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';

/**
 * Trade promotion is run by the units: the provincial office (its province: fairs it sends producers to,
 * the sales points in the province), the commune officer (its commune). The ministry reads. A producer
 * reads its own participation and may report its own results at a fair (visitors, sales) and keep its
 * own e-commerce listings.
 */
const managers: readonly Role[] = ['system_admin', 'province_office', 'commune_officer'];
const readers: readonly Role[] = [...managers, 'ministry_officer'];

export interface Place {
  provinceCode: string;
  communeCode: string | null;
}

export function promotionVisibility(actor: Actor): { provinceCode: string | null; communeCode: string | null } | null {
  if (!readers.includes(actor.role)) return null;
  if (actor.role === 'province_office') return { provinceCode: actor.provinceCode, communeCode: null };
  if (actor.role === 'commune_officer') return { provinceCode: actor.provinceCode, communeCode: actor.communeCode };
  return { provinceCode: null, communeCode: null };
}

export function canReadUnitPromotion(actor: Actor, place: Place): boolean {
  return readers.includes(actor.role) && isWithinScope(actor, place);
}

export function canManageUnitPromotion(actor: Actor, place: Place): boolean {
  return managers.includes(actor.role) && isWithinScope(actor, place);
}

/** A producer's own records (its fair results, its listings): the producer, or the officers of its unit. */
export function canReadProducerPromotion(actor: Actor, producer: { id: string; provinceCode: string; communeCode: string }): boolean {
  if (actor.role === 'producer') return actor.producerId === producer.id;
  return canReadUnitPromotion(actor, producer);
}

export function canManageProducerPromotion(actor: Actor, producer: { id: string; provinceCode: string; communeCode: string }): boolean {
  if (actor.role === 'producer') return actor.producerId === producer.id;
  return canManageUnitPromotion(actor, producer);
}
