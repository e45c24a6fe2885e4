import type { Role } from './roles.ts';
import { forbidden } from '../errors.ts';

/** The signed-in user, as every use case and policy sees them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
  locale: 'vi' | 'en';
}

/** Where a record lies: its province and commune (current codes), and its producer when it has one. */
export interface ScopedRecord {
  provinceCode: string;
  communeCode?: string | null;
  producerId?: string | null;
}

/**
 * Whether the record lies within the actor's administrative scope. Feature policies decide which
 * roles may do what; this only answers "is it theirs to see".
 */
export function isWithinScope(actor: Actor, record: ScopedRecord): boolean {
  switch (actor.role) {
    case 'system_admin':
    case 'ministry_officer':
      return true;
    case 'producer':
      return actor.producerId !== null && record.producerId === actor.producerId;
    case 'commune_officer':
      return record.provinceCode === actor.provinceCode && record.communeCode === actor.communeCode;
    case 'province_office':
    case 'council_member':
    case 'advisory_member':
      return actor.provinceCode === null || record.provinceCode === actor.provinceCode;
  }
}

/**
 * Whether an administrative unit named in a query (a list filter, a report, a figure) meets the actor's
 * scope: the nation sees all, a province's roles their province (or a commune of it), a commune officer
 * or a producer their own commune or the province around it (the answer then narrows to their commune).
 * A disjoint unit answers 404 like a missing one (issue 16, finding 5).
 */
export function unitMeetsScope(actor: Actor, unit: { provinceCode: string; communeCode: string | null }): boolean {
  switch (actor.role) {
    case 'system_admin':
    case 'ministry_officer':
      return true;
    case 'province_office':
    case 'council_member':
    case 'advisory_member':
      return actor.provinceCode === null || unit.provinceCode === actor.provinceCode;
    case 'commune_officer':
    case 'producer':
      return unit.provinceCode === actor.provinceCode && (unit.communeCode === null || unit.communeCode === actor.communeCode);
  }
}

/** Where an actor may look: a filter a repository applies to records with a province, commune and producer. */
export interface Visibility {
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
}

/** Matches no producer: a producer account not (or no longer) linked to one sees nothing. */
export const NO_PRODUCER = '00000000-0000-0000-0000-000000000000';

/**
 * The visibility that isWithinScope answers record by record, as one filter for lists (null: no limit).
 * Feature policies narrow it (a role that may not read the feature at all, a stage of a dossier).
 */
export function visibilityOf(actor: Actor): Visibility {
  switch (actor.role) {
    case 'system_admin':
    case 'ministry_officer':
      return { provinceCode: null, communeCode: null, producerId: null };
    case 'province_office':
    case 'council_member':
    case 'advisory_member':
      return { provinceCode: actor.provinceCode, communeCode: null, producerId: null };
    case 'commune_officer':
      // An officer account without its commune matches nothing (isWithinScope compares to null codes).
      return { provinceCode: actor.provinceCode ?? '--', communeCode: actor.communeCode ?? '-----', producerId: null };
    case 'producer':
      return { provinceCode: null, communeCode: null, producerId: actor.producerId ?? NO_PRODUCER };
  }
}

export function requireRole(actor: Actor, allowed: readonly Role[]): void {
  if (!allowed.includes(actor.role)) throw forbidden();
}

export function auditActorOf(actor: Actor): { userId: string; label: string } {
  return { userId: actor.userId, label: `${actor.username} (${actor.role})` };
}
