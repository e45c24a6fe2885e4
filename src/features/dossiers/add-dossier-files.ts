import type { Actor } from '../../core/auth/actor.ts';
import { AppError, forbidden, invalidInput, notFound } from '../../core/errors.ts';
import { createLocalFileStore } from '../../core/files/file-store.ts';
import type { AppContext } from '../../core/http/types.ts';
import { changeDossier, type DossierEdit } from './change-dossier.ts';
import { checkFileQuotas } from './dossier-file-quota.ts';
import type { StagedUploads } from './dossier-file-upload.ts';
import { isEditableByProducer, statusLabels } from './dossier-status.ts';
import { canActOnDossier, canReadDossier } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierFile, DossierRecord } from './dossiers.schemas.ts';

const change: DossierEdit = {
  edit: 'files_added',
  side: 'producer',
  allowedIn: isEditableByProducer,
  refusal: 'Chỉ thêm được tệp khi hồ sơ đang soạn hoặc đang được yêu cầu bổ sung',
  // Files are a collection beside the form: adding one must not make a form open elsewhere stale.
  bumpsVersion: false,
};

/** Checked before the body is read, so nobody streams 200 MB to a dossier they may not touch. */
export async function checkCanAddDossierFiles(ctx: AppContext, actor: Actor, id: string): Promise<DossierRecord> {
  const dossier = await repository.findDossier(ctx.db.pool, id);
  if (!dossier || !canReadDossier(actor, dossier)) throw notFound('Hồ sơ');
  if (!canActOnDossier(actor, dossier, 'producer')) throw forbidden();
  if (!isEditableByProducer(dossier.status)) {
    throw new AppError('INVALID_TRANSITION', `${change.refusal} (trạng thái: ${statusLabels[dossier.status].vi}).`, { status: dossier.status }, 'Not allowed in this status.');
  }
  return dossier;
}

/**
 * Adds uploaded evidence, story, packaging, label and lab-report files to a dossier. All or nothing: one
 * refused file refuses the request, listing every refused file. The rows are written in one transaction;
 * only after it commits do the staged files move into the store (data/files/<sha256>), so a failure
 * leaves neither rows without a decision nor a half-saved dossier. The same content is stored once.
 */
export async function addDossierFiles(
  ctx: AppContext,
  actor: Actor,
  id: string,
  upload: StagedUploads,
  requestId?: string,
): Promise<{ added: DossierFile[]; alreadyPresent: number }> {
  const store = createLocalFileStore(ctx.config.filesDir);
  try {
    if (upload.rejected.length) {
      const count = upload.rejected.length;
      throw new AppError(
        'INVALID_INPUT',
        `${count} tệp không được nhận; chưa lưu tệp nào. Hãy bỏ hoặc thay ${count > 1 ? 'các tệp này' : 'tệp này'} rồi gửi lại.`,
        {
          issues: upload.rejected.map((r) => ({ path: `files.${r.index}`, message: r.message, messageEn: r.messageEn })),
          rejected: upload.rejected.map((r) => ({ name: r.originalName, reason: r.message })),
        },
        `${count} file(s) refused; nothing was saved.`,
      );
    }
    if (upload.staged.length === 0) throw invalidInput([{ path: 'files', message: 'Chưa chọn tệp nào.', messageEn: 'No file sent.' }]);
    const addedIds: string[] = [];
    const detail = await changeDossier(ctx, actor, id, null, change, requestId, async ({ tx, dossier, now }) => {
      const before = await repository.measureFileUsage(tx, dossier.id, dossier.producerId);
      for (const file of upload.staged) {
        await repository.insertStoredFile(tx, { sha256: file.sha256, sizeBytes: file.sizeBytes, mimeType: file.mimeType, storageKey: store.keyOf(file.sha256), now });
        const fileId = await repository.insertDossierFile(tx, {
          dossierId: id,
          sha256: file.sha256,
          kind: file.kind,
          criterionCode: file.criterionCode,
          originalName: file.originalName,
          mimeType: file.mimeType,
          sizeBytes: file.sizeBytes,
          uploadedBy: actor.userId,
          now,
        });
        if (fileId) addedIds.push(fileId);
      }
      await checkFileQuotas(tx, dossier, before, ctx.config);
      const names = upload.staged.map((f) => f.originalName);
      return { note: names.join(', '), audit: { files: upload.staged.map((f) => ({ name: f.originalName, sha256: f.sha256, kind: f.kind, criterionCode: f.criterionCode, mimeType: f.mimeType })) } };
    });
    for (const file of upload.staged) await store.commit(file);
    return { added: detail.files.filter((f) => addedIds.includes(f.id)), alreadyPresent: upload.staged.length - addedIds.length };
  } finally {
    // Committed files were moved away already; whatever is still staged is dropped.
    await Promise.all(upload.staged.map((file) => store.discard(file)));
  }
}
