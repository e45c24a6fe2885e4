import type { Actor } from '../../core/auth/actor.ts';
import { invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { markSelfAssessmentAttached } from '../self-assessments/index.ts';
import { changeDossier } from './change-dossier.ts';
import { completenessIssues } from './dossier-completeness.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail } from './dossiers.schemas.ts';

/**
 * The producer sends the supplements asked for. The commune's clock runs again from tomorrow (the day
 * supplements arrive is not counted, like the day of receipt).
 */
export async function supplementDossier(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { version: number; note?: string },
  requestId?: string,
): Promise<DossierDetail> {
  return changeDossier(ctx, actor, id, input.version, { action: 'supplement' }, requestId, async ({ tx, dossier, now, today }) => {
    const issues = await completenessIssues(tx, dossier);
    if (issues.length) throw invalidInput(issues);
    await markSelfAssessmentAttached(tx, dossier.selfAssessmentId!, now);
    const note = input.note?.trim() || null;
    await repository.closeSupplementRequest(tx, id, { toOn: today, supplementedBy: actor.userId, supplementedAt: now, note });
    return { note };
  });
}
