import { isWithinScope, type Actor } from '../../core/auth/actor.ts';
import { forbidden, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findProducer } from '../producers/index.ts';
import { listSelfAssessmentsOfProducer } from '../self-assessments/index.ts';
import { missingCriteria } from './dossier-details.ts';
import { canFileDossierFor } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { SelfAssessmentChoice, SelfAssessmentChoicesQuery } from './dossiers.schemas.ts';

/**
 * The self-assessments a producer may file with a dossier (issue 19): finished ones not already filed
 * with another live dossier. The unfinished are listed too, with how many criteria remain, so the form
 * can say why they cannot be chosen; those filed elsewhere are not offered again.
 */
export async function listSelfAssessmentChoices(ctx: AppContext, actor: Actor, query: SelfAssessmentChoicesQuery): Promise<{ items: SelfAssessmentChoice[] }> {
  const producerId = query.producer ?? actor.producerId;
  if (!producerId) throw invalidInput([{ path: 'producer', message: 'Chọn chủ thể.', messageEn: 'Choose the producer.' }]);
  const producer = await findProducer(ctx.db.pool, producerId);
  if (!producer || !isWithinScope(actor, { ...producer, producerId: producer.id })) throw notFound('Chủ thể');
  if (!canFileDossierFor(actor, producer)) throw forbidden();
  const selfAssessments = await listSelfAssessmentsOfProducer(ctx.db.pool, producer.id);
  const inUse = await repository.listSelfAssessmentsInUse(ctx.db.pool, producer.id);
  const items = selfAssessments.map((selfAssessment) => {
    const usedBy = inUse.get(selfAssessment.id) ?? null;
    const usedByDossierId = usedBy && usedBy !== query.dossier ? usedBy : null;
    const missing = missingCriteria(selfAssessment).length;
    return {
      id: selfAssessment.id,
      productName: selfAssessment.productName,
      productSetNumber: selfAssessment.productSetNumber,
      ruleSetId: selfAssessment.ruleSetId,
      totalPoints: selfAssessment.totalPoints,
      stars: selfAssessment.stars,
      missingCriteria: missing,
      usedByDossierId,
      available: missing === 0 && usedByDossierId === null,
    };
  });
  // Filed with another dossier: not offered again (its own dossier shows it).
  return { items: items.filter((item) => item.usedByDossierId === null) };
}
