import { type Actor, isWithinScope, visibilityOf } from '../../core/auth/actor.ts';
import type { DossierSide, DossierStatus } from './dossier-status.ts';
import type { DossierVisibility } from './dossiers.repository.ts';

/**
 * Who sees and moves a dossier (QĐ 26/2026 Đ.7.1–7.3):
 * - the producer files its own dossiers: creates, edits while it is its move, submits, supplements, withdraws;
 * - the commune officer receives, checks (Mẫu 03), returns and forwards the dossiers filed in its commune;
 *   a draft is the producer's own until submitted;
 * - the provincial office reads the dossiers forwarded in its province (the ministry, those of the country);
 * - a system administrator may do everything (support).
 * - council and advisory members read (only) the dossiers of the rounds they sit on (canReadDossierOrSeat).
 */

export interface DossierPlace {
  producerId: string;
  provinceCode: string;
  communeCode: string;
  status: DossierStatus;
  submittedAt: Date | null;
  forwardedAt: Date | null;
}


export function dossierVisibility(actor: Actor): DossierVisibility | null {
  const place = visibilityOf(actor);
  switch (actor.role) {
    case 'system_admin':
    case 'producer':
      return { ...place, stage: 'all' };
    case 'ministry_officer':
    case 'province_office':
      return { ...place, stage: 'forwarded' };
    case 'commune_officer':
      return { ...place, stage: 'submitted' };
    case 'council_member':
    case 'advisory_member':
      return null;
  }
}

export function canReadDossier(actor: Actor, dossier: DossierPlace): boolean {
  const visibility = dossierVisibility(actor);
  if (!visibility || !isWithinScope(actor, dossier)) return false;
  if (visibility.stage === 'submitted') return dossier.submittedAt !== null;
  if (visibility.stage === 'forwarded') return dossier.forwardedAt !== null;
  return true;
}

/** May the actor act for `side` on this dossier (the table of dossier-status.ts decides whether now). */
export function canActOnDossier(actor: Actor, dossier: DossierPlace, side: DossierSide): boolean {
  if (!canReadDossier(actor, dossier)) return false;
  if (actor.role === 'system_admin') return true;
  return side === 'producer' ? actor.role === 'producer' : actor.role === 'commune_officer';
}

/** Filing a dossier for a producer: the producer itself, or an administrator. */
export function canFileDossierFor(actor: Actor, producer: { id: string; provinceCode: string; communeCode: string }): boolean {
  if (actor.role !== 'producer' && actor.role !== 'system_admin') return false;
  return isWithinScope(actor, { ...producer, producerId: producer.id });
}

/** The on-time rate of a unit: officers and offices of that unit or above, not producers. */
export function canReadOnTimeRate(actor: Actor, unit: { provinceCode: string | null; communeCode: string | null }): boolean {
  switch (actor.role) {
    case 'system_admin':
    case 'ministry_officer':
      return true;
    case 'province_office':
      return unit.provinceCode === actor.provinceCode;
    case 'commune_officer':
      return unit.provinceCode === actor.provinceCode && unit.communeCode === actor.communeCode;
    default:
      return false;
  }
}

/**
 * Reading one dossier: whoever canReadDossier, or a council or advisory member seated on a round that
 * evaluates it (the evaluations feature knows the seats; a declared conflict of interest hides it).
 */
export async function canReadDossierOrSeat(
  actor: Actor,
  dossier: DossierPlace & { id: string },
  isSeated: (userId: string, dossierId: string) => Promise<boolean>,
): Promise<boolean> {
  if (canReadDossier(actor, dossier)) return true;
  return (actor.role === 'council_member' || actor.role === 'advisory_member') && (await isSeated(actor.userId, dossier.id));
}
