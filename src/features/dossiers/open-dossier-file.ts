import type { ReadStream } from 'node:fs';
import type { Actor } from '../../core/auth/actor.ts';
import { notFound } from '../../core/errors.ts';
import { createLocalFileStore } from '../../core/files/file-store.ts';
import type { AppContext } from '../../core/http/types.ts';
import { isSeatedOnDossier } from '../evaluations/index.ts';
import { canReadDossierOrSeat } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierFile } from './dossiers.schemas.ts';

/** A file of a dossier, for whoever may read the dossier. */
export async function openDossierFile(ctx: AppContext, actor: Actor, id: string, fileId: string): Promise<{ file: DossierFile; stream: ReadStream }> {
  const dossier = await repository.findDossier(ctx.db.pool, id);
  if (!dossier || !(await canReadDossierOrSeat(actor, dossier, (userId, dossierId) => isSeatedOnDossier(ctx.db.pool, userId, dossierId)))) throw notFound('Hồ sơ');
  const file = await repository.findDossierFile(ctx.db.pool, id, fileId);
  const store = createLocalFileStore(ctx.config.filesDir);
  if (!file || !(await store.exists(file.storageKey))) throw notFound('Tệp');
  return { file, stream: store.open(file.storageKey) };
}
