import { isWithinScope, visibilityOf, type Actor, type Visibility } from '../../core/auth/actor.ts';
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

/** The fairs and sales points a reader may list: those of its unit (null: not a reader). */
export function promotionVisibility(actor: Actor): { provinceCode: string | null; communeCode: string | null } | null {
  if (!readers.includes(actor.role)) return null;
  const { provinceCode, communeCode } = visibilityOf(actor);
  return { provinceCode, communeCode };
}

/** The e-commerce listings one may list: a producer its own, a reader those of its unit (null: neither). */
export function listingVisibility(actor: Actor): Visibility | null {
  if (actor.role === 'producer') return visibilityOf(actor);
  const unit = promotionVisibility(actor);
  return unit && { ...unit, producerId: null };
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
