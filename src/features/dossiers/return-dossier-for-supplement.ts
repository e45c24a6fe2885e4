import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import { changeDossier } from './change-dossier.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail } from './dossiers.schemas.ts';

/**
 * The commune asks the producer for supplements, item by item. Its clock stops at the end of today and
 * stays stopped until the supplements arrive (QĐ 26/2026 Đ.7.2; core/clock Suspension).
 */
export async function returnDossierForSupplement(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { version: number; reasons: string[] },
  requestId?: string,
): Promise<DossierDetail> {
  return changeDossier(ctx, actor, id, input.version, { action: 'returnForSupplement' }, requestId, async ({ tx, now, today }) => {
    await repository.openSupplementRequest(tx, { dossierId: id, fromOn: today, reasons: input.reasons, requestedBy: actor.userId, requestedAt: now });
    return { note: input.reasons.join('\n'), audit: { reasons: input.reasons } };
  });
}
