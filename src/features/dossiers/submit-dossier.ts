import type { Actor } from '../../core/auth/actor.ts';
import { invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { noteReEvaluationFiled } from '../certificates/index.ts';
import { markSelfAssessmentAttached } from '../self-assessments/index.ts';
import { changeDossier } from './change-dossier.ts';
import { completenessIssues } from './dossier-completeness.ts';
import type { DossierDetail } from './dossiers.schemas.ts';

/**
 * The producer files the dossier with its commune (QĐ 26/2026 Đ.7.1: an uploaded dossier has the same
 * legal value as paper). Refused with every missing item listed; the self-assessment is frozen with it.
 */
export async function submitDossier(ctx: AppContext, actor: Actor, id: string, version: number, requestId?: string): Promise<DossierDetail> {
  return changeDossier(ctx, actor, id, version, { action: 'submit' }, requestId, async ({ tx, dossier, now, today }) => {
    const issues = await completenessIssues(tx, dossier);
    if (issues.length) throw invalidInput(issues);
    // Đ.7.6.a, Đ.12.3: a re-evaluation is filed against the certificate in force (refused before its window opens).
    const reEvaluation = dossier.type === 're_evaluation' ? await noteReEvaluationFiled(tx, dossier.productId, today, now) : null;
    await markSelfAssessmentAttached(tx, dossier.selfAssessmentId!, now);
    return { state: { submittedAt: now }, ...(reEvaluation && { note: reEvaluation.note, audit: { reEvaluation } }) };
  });
}
