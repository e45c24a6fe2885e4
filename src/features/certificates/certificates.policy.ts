import { type Actor, isWithinScope, visibilityOf, type Visibility } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';

/**
 * Who sees and acts on certificates (QĐ 26/2026/QĐ-TTg Đ.4, Đ.8, Đ.9):
 *  - read: the ministry and the administrator everything; the provincial office its province; the commune
 *    officer its commune; a producer its own. Council members and advisory teams work through rounds.
 *  - revoke (Đ.8.2): the provincial chair for 3★/4★ (recorded by the provincial office of that province),
 *    the minister for 5★ (recorded by a ministry officer, who may also record a province's revocation
 *    asked for under Đ.10.1b). The system administrator is no authority and may not revoke.
 *  - inspect (Đ.9.3): the province its products; the ministry 5★, or any product when needed.
 */
export interface CertificatePlace {
  provinceCode: string;
  communeCode: string;
  producerId: string;
  stars: number;
}

export type CertificateVisibility = Visibility;

const readers: readonly Role[] = ['system_admin', 'ministry_officer', 'province_office', 'commune_officer', 'producer'];

/** The rows a list may show, or null when the role has no certificate list. */
export function certificateVisibility(actor: Actor): CertificateVisibility | null {
  return readers.includes(actor.role) ? visibilityOf(actor) : null;
}

export function canReadCertificate(actor: Actor, certificate: CertificatePlace): boolean {
  if (!certificateVisibility(actor)) return false;
  return isWithinScope(actor, certificate);
}

export function canRevokeCertificate(actor: Actor, certificate: CertificatePlace): boolean {
  if (actor.role === 'ministry_officer') return true;
  return actor.role === 'province_office' && actor.provinceCode === certificate.provinceCode && certificate.stars <= 4;
}

export function canInspectCertificate(actor: Actor, certificate: CertificatePlace): boolean {
  if (actor.role === 'ministry_officer') return true;
  return actor.role === 'province_office' && actor.provinceCode === certificate.provinceCode;
}
