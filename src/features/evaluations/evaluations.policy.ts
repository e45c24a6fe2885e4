import type { Actor } from '../../core/auth/actor.ts';
import type { Round, RoundMember, RoundVisibility } from './evaluations.repository.ts';

/**
 * Who does what in a round (QĐ 26/2026 Đ.4, Đ.7.3–7.4). The province's OCOP office runs its province's
 * rounds (opens them, appoints the council and advisory team, records the chair's decision); the ministry
 * runs the 5★ rounds. Council members see and score only the products of rounds they sit on, minus those
 * they declared a conflict of interest for; advisory members review the dossiers of their rounds.
 */
export function roundVisibility(actor: Actor): RoundVisibility {
  switch (actor.role) {
    case 'system_admin':
    case 'ministry_officer':
      return { provinceCode: null, levels: ['province', 'central'], memberUserId: null };
    case 'province_office':
      return { provinceCode: actor.provinceCode, levels: ['province'], memberUserId: null };
    default:
      return { provinceCode: null, levels: [], memberUserId: actor.userId };
  }
}

/** Opens rounds, appoints members, records decisions. */
export function canManageRound(actor: Actor, round: Pick<Round, 'level' | 'provinceCode'>): boolean {
  if (round.level === 'central') return actor.role === 'ministry_officer';
  return actor.role === 'province_office' && actor.provinceCode === round.provinceCode;
}

export function canViewRound(actor: Actor, round: Pick<Round, 'level' | 'provinceCode'>, membership: RoundMember['role'] | null): boolean {
  if (actor.role === 'system_admin' || actor.role === 'ministry_officer') return true;
  if (canManageRound(actor, round)) return true;
  return membership !== null;
}

/** Sees every entry's dossier and progress (not other members' sheets before their own is in). */
export function seesAllEntries(actor: Actor, round: Pick<Round, 'level' | 'provinceCode'>, membership: RoundMember['role'] | null): boolean {
  return actor.role === 'system_admin' || actor.role === 'ministry_officer' || canManageRound(actor, round) || membership === 'chair' || membership === 'advisory';
}

export const isCouncilRole = (membership: RoundMember['role'] | null): membership is 'chair' | 'member' => membership === 'chair' || membership === 'member';

/** Closing the session: the chair, or the office that runs the round on the council's behalf. */
export function canCloseRound(actor: Actor, round: Pick<Round, 'level' | 'provinceCode'>, membership: RoundMember['role'] | null): boolean {
  return canManageRound(actor, round) || membership === 'chair';
}

/** The advisory team's work on a dossier: its members, or the office. */
export function canAdvise(actor: Actor, round: Pick<Round, 'level' | 'provinceCode'>, membership: RoundMember['role'] | null): boolean {
  return canManageRound(actor, round) || membership === 'advisory';
}

/** Roles eligible to sit on a council or advisory team. */
export const eligibleRoles: Record<RoundMember['role'], readonly string[]> = {
  chair: ['council_member'],
  member: ['council_member'],
  advisory: ['advisory_member'],
};
