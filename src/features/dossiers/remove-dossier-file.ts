import type { Actor } from '../../core/auth/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { changeDossier } from './change-dossier.ts';
import { isEditableByProducer } from './dossier-status.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail } from './dossiers.schemas.ts';

/** The producer takes a file out of its dossier. The stored content stays: other dossiers may share it. */
export async function removeDossierFile(ctx: AppContext, actor: Actor, id: string, fileId: string, requestId?: string): Promise<DossierDetail> {
  return changeDossier(
    ctx,
    actor,
    id,
    null,
    { edit: 'file_removed', side: 'producer', allowedIn: isEditableByProducer, refusal: 'Chỉ bỏ được tệp khi hồ sơ đang soạn hoặc đang được yêu cầu bổ sung', bumpsVersion: false },
    requestId,
    async ({ tx }) => {
      const file = await repository.findDossierFile(tx, id, fileId);
      if (!file || !(await repository.deleteDossierFile(tx, id, fileId))) throw notFound('Tệp');
      return { note: file.originalName, audit: { removed: { id: file.id, name: file.originalName, sha256: file.sha256 } } };
    },
  );
}
