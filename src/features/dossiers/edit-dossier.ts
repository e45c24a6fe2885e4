import type { Actor } from '../../core/auth/actor.ts';
import { invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { changeDossier } from './change-dossier.ts';
import { selfAssessmentIssues } from './dossier-details.ts';
import { isEditableByProducer } from './dossier-status.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail, UpdateDossierInput } from './dossiers.schemas.ts';

/** The producer fills in Mẫu 01 and picks its self-assessment while the dossier is in its hands. */
export async function editDossier(ctx: AppContext, actor: Actor, id: string, input: UpdateDossierInput, requestId?: string): Promise<DossierDetail> {
  const { version, ...changes } = input;
  return changeDossier(
    ctx,
    actor,
    id,
    version,
    { edit: 'edited', side: 'producer', allowedIn: isEditableByProducer, refusal: 'Chỉ sửa được hồ sơ đang soạn hoặc đang được yêu cầu bổ sung', bumpsVersion: true },
    requestId,
    async ({ tx, dossier }) => {
      if (changes.selfAssessmentId && changes.selfAssessmentId !== dossier.selfAssessmentId) {
        const { issues } = await selfAssessmentIssues(tx, changes.selfAssessmentId, {
          id: dossier.id,
          producerId: dossier.producerId,
          productSetNumber: dossier.productSetNumber,
          ruleSetId: dossier.ruleSetId,
        });
        if (issues.length) throw invalidInput(issues);
      }
      await repository.updateDossierForm(tx, id, changes);
      return { audit: { changed: Object.keys(changes) } };
    },
  );
}
