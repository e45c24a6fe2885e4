import type { Actor } from '../../core/auth/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
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

export async function listDossiers(
  ctx: AppContext,
  actor: Actor,
  query: ListDossiersQuery,
): Promise<Page<DossierSummary>> {
  const visibility = dossierVisibility(actor);
  if (!visibility) throw forbidden();
  const result = await repository.listDossiers(ctx.db.pool, visibility, {
    status: query.status,
    producerId: query.producer,
    productId: query.product,
    ...pageWindow(query),
  });
  return pageOfResult(query, result);
}
