import { isWithinScope, visibilityOf, type Actor, type Visibility } from '../../core/auth/actor.ts';

/**
 * Who sees products: whoever sees their producer's dossiers, the producer its own; council and
 * advisory members read the products of the rounds they sit on through the dossiers, not this list.
 */
export type ProductVisibility = Visibility;

export function productVisibility(actor: Actor): ProductVisibility | null {
  if (actor.role === 'council_member' || actor.role === 'advisory_member') return null;
  return visibilityOf(actor);
}

export function canReadProduct(actor: Actor, product: { producerId: string; provinceCode: string; communeCode: string }): boolean {
  return productVisibility(actor) !== null && isWithinScope(actor, product);
}
