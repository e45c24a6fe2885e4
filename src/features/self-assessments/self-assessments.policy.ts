import { type Actor, isWithinScope, visibilityOf } from '../../core/auth/actor.ts';
import type { SelfAssessmentVisibility } from './self-assessments.repository.ts';

/**
 * A self-assessment is the producer's own draft (Mẫu 02). The producer writes it; the commune officer
 * may write it with them (QĐ 26/2026 Đ.10.4: the commune guides producers in completing dossiers);
 * the provincial office and the ministry read. Councils see it only inside a dossier (issue 5).
 */
const writers = ['producer', 'commune_officer', 'system_admin'] as const;
const readers = [...writers, 'province_office', 'ministry_officer'] as const;

export function selfAssessmentVisibility(actor: Actor): SelfAssessmentVisibility | null {
  return (readers as readonly string[]).includes(actor.role) ? visibilityOf(actor) : null;
}

interface Place {
  producerId: string;
  provinceCode: string;
  communeCode: string;
}

export function canReadSelfAssessment(actor: Actor, record: Place): boolean {
  return (readers as readonly string[]).includes(actor.role) && isWithinScope(actor, record);
}

export function canWriteSelfAssessment(actor: Actor, record: Place): boolean {
  return (writers as readonly string[]).includes(actor.role) && isWithinScope(actor, record);
}
