import type { Actor } from '../../core/auth/actor.ts';
import { invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { changeDossier } from './change-dossier.ts';
import { checkFileQuotas } from './dossier-file-quota.ts';
import { isEditableByProducer } from './dossier-status.ts';
import { canReadDossier } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail } from './dossiers.schemas.ts';

/**
 * An upgrade or re-evaluation reuses the evidence of an earlier dossier of the same product: the file
 * references are copied (the stored contents are shared), nothing is uploaded again. Files the dossier
 * already holds are not copied twice.
 */
export async function reuseDossierFiles(ctx: AppContext, actor: Actor, id: string, fromDossierId: string, requestId?: string): Promise<DossierDetail> {
  return changeDossier(
    ctx,
    actor,
    id,
    null,
    { edit: 'files_reused', side: 'producer', allowedIn: isEditableByProducer, refusal: 'Chỉ dùng lại tệp khi hồ sơ đang soạn hoặc đang được yêu cầu bổ sung', bumpsVersion: false },
    requestId,
    async ({ tx, dossier, now }) => {
      const source = await repository.findDossier(tx, fromDossierId);
      if (!source || !canReadDossier(actor, source)) throw notFound('Hồ sơ trước');
      if (source.id === dossier.id || source.productId !== dossier.productId) {
        throw invalidInput([{ path: 'fromDossierId', message: 'Chỉ dùng lại được tệp của một hồ sơ khác của cùng sản phẩm.', messageEn: 'Only another dossier of the same product.' }]);
      }
      const before = await repository.measureFileUsage(tx, dossier.id, dossier.producerId);
      const copied = await repository.copyDossierFiles(tx, source.id, dossier.id, actor.userId, now);
      // The contents are the producer's already (its quota does not move); the dossier's may.
      await checkFileQuotas(tx, dossier, before, ctx.config);
      return { note: `${copied} tệp từ hồ sơ ${source.formNumber ?? source.id}`, audit: { fromDossierId: source.id, copied } };
    },
  );
}
