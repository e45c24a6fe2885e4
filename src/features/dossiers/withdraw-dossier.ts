import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import { changeDossier } from './change-dossier.ts';
import type { DossierDetail } from './dossiers.schemas.ts';

/** The producer withdraws its dossier before it reaches the province. The product keeps any code it got. */
export async function withdrawDossier(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { version: number; reason?: string },
  requestId?: string,
): Promise<DossierDetail> {
  return changeDossier(ctx, actor, id, input.version, { action: 'withdraw' }, requestId, async ({ now }) => {
    return { state: { withdrawnAt: now }, note: input.reason?.trim() || null };
  });
}
