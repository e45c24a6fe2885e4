import type { Actor } from '../../core/auth/actor.ts';
import { vietnamCalendar } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import type { FieldIssue } from '../../core/errors.ts';
import { collectLeafCriteria, evaluateSheet, findCriteriaSheet, findRuleSet } from '../rule-sets/index.ts';
import { findSelfAssessment, type SelfAssessment } from '../self-assessments/index.ts';
import { communeCheckWorkingDays, DEFAULT_COMMUNE_CHECK_WORKING_DAYS, dossierClock, type DossierClock } from './dossier-deadline.ts';
import { actionsFrom, isCheckableByCommune, isEditableByProducer, transitions } from './dossier-status.ts';
import { canActOnDossier } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail, DossierRecord, SupplementRequest } from './dossiers.schemas.ts';

export function clockOf(dossier: DossierRecord, requests: readonly SupplementRequest[], now: Date): DossierClock | null {
  return dossierClock(
    {
      status: dossier.status,
      receivedOn: dossier.receivedOn,
      suspensions: requests.map((r) => ({ fromOn: r.fromOn, toOn: r.toOn })),
      workingDays: communeCheckWorkingDays(dossier.ruleSetId) ?? DEFAULT_COMMUNE_CHECK_WORKING_DAYS,
      forwardedAt: dossier.forwardedAt,
    },
    now,
    vietnamCalendar,
  );
}

/** Everything the dossier screen shows, as the actor may see it. */
export async function loadDossierDetail(sql: Sql, actor: Actor, id: string, now: Date): Promise<DossierDetail | null> {
  const dossier = await repository.findDossier(sql, id);
  if (!dossier) return null;
  // One after the other: inside a transaction they share one connection.
  const requests = await repository.listSupplementRequests(sql, id);
  const communeCheck = await repository.findCommuneCheck(sql, id);
  const files = await repository.listDossierFiles(sql, id);
  const events = await repository.listDossierEvents(sql, id);
  const selfAssessment = dossier.selfAssessmentId ? await findSelfAssessment(sql, dossier.selfAssessmentId) : null;
  const openRequest = dossier.status === 'returned_for_supplement' ? (requests.find((r) => r.toOn === null) ?? null) : null;
  return {
    ...dossier,
    selfAssessment: selfAssessment && {
      id: selfAssessment.id,
      productName: selfAssessment.productName,
      productSetNumber: selfAssessment.productSetNumber,
      ruleSetId: selfAssessment.ruleSetId,
      totalPoints: selfAssessment.totalPoints,
      stars: selfAssessment.stars,
    },
    clock: clockOf(dossier, requests, now),
    openRequest,
    supplementRequests: requests,
    communeCheck,
    files,
    events,
    allowedActions: actionsFrom(dossier.status).filter((action) => canActOnDossier(actor, dossier, transitions[action].by)),
    canEdit: isEditableByProducer(dossier.status) && canActOnDossier(actor, dossier, 'producer'),
    canCheck: isCheckableByCommune(dossier.status) && canActOnDossier(actor, dossier, 'commune'),
  };
}

/**
 * Problems with using a self-assessment report (Mẫu 02) in a dossier: it must be the producer's, scored
 * on the product's set under the dossier's rule set, and not already filed with another live dossier.
 */
export async function selfAssessmentIssues(
  sql: Sql,
  selfAssessmentId: string,
  dossier: { id: string | null; producerId: string; productSetNumber: number | null; ruleSetId: string },
): Promise<{ issues: FieldIssue[]; selfAssessment: SelfAssessment | null }> {
  const path = 'selfAssessmentId';
  const found = await findSelfAssessment(sql, selfAssessmentId);
  if (!found || found.producerId !== dossier.producerId) {
    return { issues: [{ path, message: 'Không có bản tự đánh giá này của chủ thể.', messageEn: 'No such self-assessment of this producer.' }], selfAssessment: null };
  }
  const issues: FieldIssue[] = [];
  if (dossier.productSetNumber !== null && found.productSetNumber !== dossier.productSetNumber) {
    issues.push({
      path,
      message: `Bản tự đánh giá chấm theo bộ sản phẩm ${found.productSetNumber}, còn sản phẩm thuộc bộ ${dossier.productSetNumber}.`,
      messageEn: 'The self-assessment is for another product set.',
    });
  }
  if (found.ruleSetId !== dossier.ruleSetId) {
    issues.push({
      path,
      message: `Bản tự đánh giá chấm theo bộ quy định ${found.ruleSetId}; hồ sơ nộp theo bộ quy định ${dossier.ruleSetId}. Hãy tự đánh giá lại.`,
      messageEn: 'The self-assessment was scored under another rule set.',
    });
  }
  const missing = missingCriteria(found);
  if (missing.length > 0) {
    issues.push({
      path,
      message: `Bản tự đánh giá “${found.productName}” chưa chấm xong: còn ${missing.length} tiêu chí chưa chấm (${listed(missing)}). Hãy chấm đủ rồi mới lập hồ sơ.`,
      messageEn: `The self-assessment is not finished: ${missing.length} criteria unanswered (${listed(missing, 'en')}).`,
    });
  }
  if (await repository.findDossierUsingSelfAssessment(sql, selfAssessmentId, dossier.id)) {
    issues.push({ path, message: 'Bản tự đánh giá này đã nộp kèm một hồ sơ khác.', messageEn: 'Already filed with another dossier.' });
  }
  return { issues, selfAssessment: found };
}

/** The applicable criteria the self-assessment has not answered yet, in the sheet's order (issue 19). */
export function missingCriteria(selfAssessment: Pick<SelfAssessment, 'ruleSetId' | 'productSetNumber' | 'choices'>): Array<{ code: string; name: string }> {
  const ruleSet = findRuleSet(selfAssessment.ruleSetId);
  const sheet = ruleSet && findCriteriaSheet(ruleSet.id, selfAssessment.productSetNumber);
  if (!ruleSet || !sheet) return [];
  const missing = new Set(evaluateSheet(ruleSet, sheet, selfAssessment.choices).missing);
  return collectLeafCriteria(sheet)
    .filter((criterion) => missing.has(criterion.code))
    .map((criterion) => ({ code: criterion.code, name: criterion.name }));
}

/** "1.2 Name; 2.1 Name; … và 5 tiêu chí khác": enough to find them without a wall of text. */
function listed(criteria: Array<{ code: string; name: string }>, language: 'vi' | 'en' = 'vi', shown = 6): string {
  // The sheet's names are Vietnamese only: English lists the codes.
  const names = criteria.slice(0, shown).map((criterion) => (language === 'vi' ? `${criterion.code} ${criterion.name}` : criterion.code));
  const more = criteria.length - shown;
  if (more <= 0) return names.join('; ');
  return language === 'vi' ? `${names.join('; ')} và ${more} tiêu chí khác` : `${names.join('; ')} and ${more} more`;
}
