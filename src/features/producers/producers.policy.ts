import { type Actor, isWithinScope, visibilityOf } from '../../core/auth/actor.ts';
import type { Producer } from './producers.schemas.ts';
import type { ProducerVisibility } from './producers.repository.ts';

/**
 * Who sees and changes producers. Officers work within their unit; councils and advisory teams
 * read the producers of their province (they evaluate their products); a producer sees itself.
 */
export function producerVisibility(actor: Actor): ProducerVisibility {
  return visibilityOf(actor);
}

export function canViewProducer(actor: Actor, producer: Pick<Producer, 'id' | 'provinceCode' | 'communeCode'>): boolean {
  return isWithinScope(actor, { ...producer, producerId: producer.id });
}

/** Registering a producer: the officers of its commune or province, or an administrator. */
export function canRegisterProducerIn(actor: Actor, place: { provinceCode: string; communeCode: string }): boolean {
  if (!['system_admin', 'province_office', 'commune_officer'].includes(actor.role)) return false;
  return isWithinScope(actor, place);
}

/** Editing: the registering officers, or the producer itself (its own contact details). */
export function canEditProducer(actor: Actor, producer: Pick<Producer, 'id' | 'provinceCode' | 'communeCode'>): boolean {
  if (!['system_admin', 'province_office', 'commune_officer', 'producer'].includes(actor.role)) return false;
  return canViewProducer(actor, producer);
}

/**
 * What a producer may change about itself: how to reach it. What the officers registered and checked
 * (name, legal form, tax code, legal representative, business registration, certificates) stays theirs.
 */
export const producerContactFields = ['address', 'phone', 'email', 'website'] as const;

/** The fields of the edit that the actor may not change (empty when the edit is allowed). */
export function fieldsNotEditableBy(actor: Actor, changedFields: readonly string[]): string[] {
  if (actor.role !== 'producer') return [];
  return changedFields.filter((field) => !(producerContactFields as readonly string[]).includes(field));
}

/** Lists of probable duplicates: the officers who keep the registry, and the ministry (read only). */
export function canListDuplicates(actor: Actor): boolean {
  return ['system_admin', 'ministry_officer', 'province_office', 'commune_officer'].includes(actor.role);
}

/** Merging two records of one producer: an officer who may edit both (so within one commune or province). */
export function canMergeProducers(
  actor: Actor,
  source: Pick<Producer, 'id' | 'provinceCode' | 'communeCode'>,
  target: Pick<Producer, 'id' | 'provinceCode' | 'communeCode'>,
): boolean {
  if (!['system_admin', 'province_office', 'commune_officer'].includes(actor.role)) return false;
  return canEditProducer(actor, source) && canEditProducer(actor, target);
}
