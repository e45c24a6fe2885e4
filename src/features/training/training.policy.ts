import { isWithinScope, visibilityOf, type Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';

/**
 * Training is organised by a unit (QĐ 919/QĐ-TTg: the province's coordination office, the commune's
 * economic office). The provincial office manages every training in its province, the commune officer
 * those of its commune; the ministry reads everything; an administrator does anything. A producer sees
 * only its own participation (its trainings, its certificates), never the lists of other people.
 */
const managers: readonly Role[] = ['system_admin', 'province_office', 'commune_officer'];
const readers: readonly Role[] = [...managers, 'ministry_officer'];

export interface Unit {
  provinceCode: string;
  communeCode: string | null;
}

/** What the actor may list: null when nothing (403). */
export function trainingVisibility(actor: Actor): { provinceCode: string | null; communeCode: string | null } | null {
  if (!readers.includes(actor.role)) return null;
  const { provinceCode, communeCode } = visibilityOf(actor);
  return { provinceCode, communeCode };
}

export function canReadUnitTraining(actor: Actor, unit: Unit): boolean {
  return readers.includes(actor.role) && isWithinScope(actor, unit);
}

export function canManageUnitTraining(actor: Actor, unit: Unit): boolean {
  return managers.includes(actor.role) && isWithinScope(actor, unit);
}

/** A producer reads its own participation; officers the participation of producers in their scope. */
export function canReadProducerParticipation(actor: Actor, producer: { id: string; provinceCode: string; communeCode: string }): boolean {
  if (actor.role === 'producer') return actor.producerId === producer.id;
  return readers.includes(actor.role) && isWithinScope(actor, producer);
}

/** The unit a coverage or report request is about: the one asked for, or the actor's own. */
export function defaultUnit(actor: Actor): Unit | null {
  if (actor.role === 'province_office' && actor.provinceCode) return { provinceCode: actor.provinceCode, communeCode: null };
  if (actor.role === 'commune_officer' && actor.provinceCode && actor.communeCode) return { provinceCode: actor.provinceCode, communeCode: actor.communeCode };
  return null;
}
