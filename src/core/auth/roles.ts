/**
 * The people who use OCOP Hub (QĐ 26/2026 Art. 1.2 lists the bodies involved) and where each may act.
 * A role's scope level says which administrative unit a user of that role is tied to.
 */
export const roles = [
  'producer',
  'commune_officer',
  'province_office',
  'council_member',
  'advisory_member',
  'ministry_officer',
  'system_admin',
] as const;
export type Role = (typeof roles)[number];

/** national: the whole country; province: one province (optional for councils, see below); commune: one commune; own: only the producer's own records. */
export type ScopeLevel = 'national' | 'province' | 'commune' | 'own';

export function scopeLevelOf(role: Role, hasProvince: boolean): ScopeLevel {
  switch (role) {
    case 'system_admin':
    case 'ministry_officer':
      return 'national';
    case 'province_office':
      return 'province';
    case 'commune_officer':
      return 'commune';
    case 'producer':
      return 'own';
    // A council or its advisory team sits either in a province (3–4★) or at the ministry (5★).
    case 'council_member':
    case 'advisory_member':
      return hasProvince ? 'province' : 'national';
  }
}

export const roleLabels: Record<Role, { vi: string; en: string }> = {
  producer: { vi: 'Chủ thể OCOP', en: 'Producer' },
  commune_officer: { vi: 'Cán bộ cấp xã', en: 'Commune officer' },
  province_office: { vi: 'Cơ quan tham mưu OCOP cấp tỉnh', en: 'Provincial OCOP office' },
  council_member: { vi: 'Thành viên Hội đồng đánh giá', en: 'Council member' },
  advisory_member: { vi: 'Thành viên Tổ tư vấn', en: 'Advisory-team member' },
  ministry_officer: { vi: 'Cán bộ Bộ Nông nghiệp và Môi trường (5 sao)', en: 'Ministry officer (5★)' },
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
};
