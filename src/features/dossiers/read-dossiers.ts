import type { Actor } from '../../core/auth/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { cursorPageOfResult, decodeCursor, encodeCursor, pageWindow, type CursorPage } from '../../core/http/paging.ts';
import { keyPatterns } from '../../core/db/query-builder.ts';
import type { AppContext } from '../../core/http/types.ts';
import { isSeatedOnDossier } from '../evaluations/index.ts';
import { loadDossierDetail } from './dossier-details.ts';
import { canReadDossierOrSeat, dossierVisibility } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail, DossierSummary, ListDossiersQuery } from './dossiers.schemas.ts';

export async function getDossier(ctx: AppContext, actor: Actor, id: string): Promise<DossierDetail> {
  const record = await repository.findDossier(ctx.db.pool, id);
  if (!record || !(await canReadDossierOrSeat(actor, record, (userId, dossierId) => isSeatedOnDossier(ctx.db.pool, userId, dossierId)))) throw notFound('Hồ sơ');
  return (await loadDossierDetail(ctx.db.pool, actor, id, ctx.clock.now()))!;
}

/**
 * The dossiers the caller may see, last changed first: page by page, or after a cursor (issue 13:
 * the ministry's list of 30,000 pages by index, its total a capped count of dossiers alone).
 */
export async function listDossiers(
  ctx: AppContext,
  actor: Actor,
  query: ListDossiersQuery,
): Promise<CursorPage<DossierSummary>> {
  const visibility = dossierVisibility(actor);
  if (!visibility) throw forbidden();
  const after = query.after ? decodeCursor(query.after, repository.dossierListKey.map((k) => keyPatterns[k.type])) : null;
  const { nextKey, ...result } = await repository.listDossiers(ctx.db.pool, visibility, {
    status: query.status,
    producerId: query.producer,
    productId: query.product,
    ...pageWindow(query),
    after,
  });
  return cursorPageOfResult(query, { ...result, nextCursor: nextKey ? encodeCursor(nextKey) : null });
}
