import type { Sql } from '../../core/db/database.ts';
import type { FieldIssue } from '../../core/errors.ts';
import { selfAssessmentIssues } from './dossier-details.ts';
import type { DossierRecord } from './dossiers.schemas.ts';

/** Product set 26 is community tourism: no product samples go with its dossier (QĐ 26/2026 Đ.6.2). */
const COMMUNITY_TOURISM_SET = 26;
/** QĐ 26/2026 Đ.6.2: the dossier goes to the province with 5 product samples. */
export const REQUIRED_SAMPLES = 5;

/**
 * Everything missing before a dossier can go to the commune (Mẫu 01 filled in and signed, the Mẫu 02
 * self-assessment complete, samples), all at once so the producer fixes it in one pass.
 */
export async function completenessIssues(sql: Sql, dossier: DossierRecord): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const required: [keyof DossierRecord, string][] = [
    ['applicantName', 'Nhập tên đơn vị (chủ thể).'],
    ['representativeName', 'Nhập họ tên người đại diện theo pháp luật.'],
    ['representativePosition', 'Nhập chức vụ của người đại diện.'],
    ['address', 'Nhập địa chỉ.'],
    ['phone', 'Nhập số điện thoại.'],
  ];
  for (const [field, message] of required) {
    if (!String(dossier[field] ?? '').trim()) issues.push({ path: field, message, messageEn: 'Required.' });
  }
  if (dossier.productSetNumber !== COMMUNITY_TOURISM_SET && (dossier.sampleCount ?? 0) < REQUIRED_SAMPLES) {
    issues.push({ path: 'sampleCount', message: `Cần ít nhất ${REQUIRED_SAMPLES} mẫu sản phẩm.`, messageEn: `At least ${REQUIRED_SAMPLES} samples.` });
  }
  if (!dossier.commitmentAccepted) {
    issues.push({ path: 'commitmentAccepted', message: 'Cần xác nhận cam kết của Phiếu đăng ký (Mẫu 01).', messageEn: 'Accept the commitment.' });
  }
  if (!dossier.selfAssessmentId) {
    issues.push({ path: 'selfAssessmentId', message: 'Chọn bản tự đánh giá (Mẫu 02) nộp kèm hồ sơ.', messageEn: 'Attach the self-assessment.' });
  } else {
    const { issues: saIssues, selfAssessment } = await selfAssessmentIssues(sql, dossier.selfAssessmentId, dossier);
    issues.push(...saIssues);
    if (selfAssessment && selfAssessment.totalPoints === null) {
      issues.push({ path: 'selfAssessmentId', message: 'Bản tự đánh giá chưa chấm đủ các tiêu chí.', messageEn: 'The self-assessment is incomplete.' });
    }
  }
  return issues;
}
