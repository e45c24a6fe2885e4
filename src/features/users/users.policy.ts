import type { Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';
import type { UserVisibility } from './users.repository.ts';

/**
 * Who manages whose account. The administrator manages everyone. The provincial OCOP office opens
 * the accounts of its province's commune officers, producers, council and advisory team. The
 * ministry manages the members of its own (5★) council and advisory team. Nobody else manages users.
 */
const provinceOfficeManages: readonly Role[] = ['commune_officer', 'producer', 'council_member', 'advisory_member'];
const ministryManages: readonly Role[] = ['council_member', 'advisory_member'];

export function userVisibility(actor: Actor): UserVisibility | null {
  switch (actor.role) {
    case 'system_admin':
      return { roles: 'all', provinceCode: null, nationalOnly: false };
    case 'province_office':
      return { roles: provinceOfficeManages, provinceCode: actor.provinceCode, nationalOnly: false };
    case 'ministry_officer':
      return { roles: ministryManages, provinceCode: null, nationalOnly: true };
    default:
      return null;
  }
}

/** Whether the actor may manage an account with this role and province (before and after a change). */
export function canManageAccount(actor: Actor, account: { role: Role; provinceCode: string | null }): boolean {
  const visibility = userVisibility(actor);
  if (!visibility) return false;
  if (visibility.roles !== 'all' && !visibility.roles.includes(account.role)) return false;
  if (visibility.provinceCode && account.provinceCode !== visibility.provinceCode) return false;
  if (visibility.nationalOnly && account.provinceCode !== null) return false;
  return true;
}
