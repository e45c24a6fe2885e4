/** Labels of the server's closed vocabularies, through the dictionary (roles, legal forms). */
import type { LegalForm, Role, User } from './api.ts';
import type { Translate } from './i18n.tsx';

export const roleOrder: readonly Role[] = [
  'producer',
  'commune_officer',
  'province_office',
  'council_member',
  'advisory_member',
  'ministry_officer',
  'system_admin',
];

export const legalFormOrder: readonly LegalForm[] = ['cooperative', 'cooperative_group', 'enterprise', 'farm', 'household', 'association'];

export const roleLabel = (t: Translate, role: Role) => t(`role.${role}`);
export const legalFormLabel = (t: Translate, form: LegalForm) => t(`legalForm.${form}`);

/** Where an account works: "Xã Than Uyên, Tỉnh Lai Châu", "Cả nước", or its producer. */
export function scopeLabel(t: Translate, user: Pick<User, 'role' | 'provinceName' | 'communeName' | 'producerName'>): string {
  const place = [user.communeName, user.provinceName].filter(Boolean).join(', ');
  switch (user.role) {
    case 'system_admin':
    case 'ministry_officer':
      return t('scope.national');
    case 'council_member':
    case 'advisory_member':
      return place || t('scope.central');
    case 'producer':
      return user.producerName ? (place ? `${user.producerName} (${place})` : user.producerName) : t('scope.none');
    default:
      return place || t('scope.none');
  }
}
