import { z } from 'zod';
import { freeText, pageOf, pageQuery, provinceCode, uuid } from '../../core/http/schemas.ts';
import { certificateStatuses } from './certificate-status.ts';

/** The six grounds of revocation (QĐ 26/2026/QĐ-TTg Đ.8.1). */
export const revocationGrounds = ['false_information', 'criteria_no_longer_met', 'law_violation', 'mark_misuse', 'production_stopped', 'authority_conclusion'] as const;
export type RevocationGround = (typeof revocationGrounds)[number];
export const revocationGroundLabels: Record<RevocationGround, { vi: string; en: string }> = {
  false_information: { vi: 'Kê khai thông tin, hồ sơ không trung thực, giả mạo', en: 'False or forged information' },
  criteria_no_longer_met: { vi: 'Sản phẩm không còn đáp ứng tiêu chí theo kết luận kiểm tra', en: 'No longer meets the criteria (inspection conclusion)' },
  law_violation: { vi: 'Vi phạm pháp luật về chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ, nhãn hàng hóa', en: 'Violation of quality, food-safety, environment, IP or labelling law' },
  mark_misuse: { vi: 'Sử dụng nhãn hiệu, biểu trưng OCOP sai mục đích, gây nhầm lẫn', en: 'Misuse of the OCOP mark causing confusion' },
  production_stopped: { vi: 'Chủ thể ngừng sản xuất, kinh doanh sản phẩm', en: 'The producer has stopped producing' },
  authority_conclusion: { vi: 'Theo kết luận khác của cơ quan có thẩm quyền', en: 'Other conclusion of a competent authority' },
};

export const inspectionKinds = ['planned', 'ad_hoc'] as const;
export const inspectionOutcomes = ['compliant', 'remedy_required', 'violation'] as const;
export type InspectionOutcome = (typeof inspectionOutcomes)[number];

const realDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const date = (what: string) => z.string({ message: `${what} không được để trống.` }).refine(realDay, { message: `${what} không hợp lệ (một ngày có thật, định dạng YYYY-MM-DD).` });
const text = (min: number, max: number, what: string, multiline = false) => freeText(what, { min, max, multiline });

export const idParams = z.object({ id: uuid });

export const listQuery = pageQuery.extend({
  /** A status, or `in_force`: valid, expiring or extended (what the dashboard's star figures count). */
  status: z.enum([...certificateStatuses, 'in_force'], { message: 'Trạng thái không hợp lệ.' }).optional(),
  star: z.coerce.number().int().min(3, { message: 'Hạng sao từ 3 đến 5.' }).max(5, { message: 'Hạng sao từ 3 đến 5.' }).optional(),
  province: provinceCode.optional(),
  producer: uuid.optional(),
  product: uuid.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListCertificatesQuery = z.infer<typeof listQuery>;

export const certificateSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    productId: z.string(),
    productName: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    provinceName: z.string().nullable(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    stars: z.number().int(),
    level: z.enum(['province', 'central']),
    issuingBody: z.string(),
    decisionNumber: z.string(),
    issuedOn: z.string(),
    expiresOn: z.string(),
    reEvaluationFiledOn: z.string().nullable(),
    supersededOn: z.string().nullable(),
    revokedOn: z.string().nullable(),
    status: z.enum(certificateStatuses),
  })
  .meta({ id: 'CertificateSummary' });
export type CertificateSummary = z.infer<typeof certificateSummary>;
export const certificatePage = pageOf(certificateSummary);

export const revocation = z
  .object({
    ground: z.enum(revocationGrounds),
    findingOn: z.string(),
    decidedOn: z.string(),
    decisionNumber: z.string(),
    reason: z.string(),
    inspectionId: z.string().nullable(),
    late: z.boolean(),
    recordedBy: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'CertificateRevocation' });
export type Revocation = z.infer<typeof revocation>;

export const inspection = z
  .object({
    id: z.string(),
    certificateId: z.string(),
    certificateNumber: z.string(),
    productName: z.string(),
    producerName: z.string(),
    stars: z.number().int(),
    provinceCode: z.string(),
    communeCode: z.string(),
    producerId: z.string(),
    kind: z.enum(inspectionKinds),
    plannedOn: z.string(),
    inspectedOn: z.string().nullable(),
    inspectingBody: z.string(),
    criteriaMaintained: z.boolean().nullable(),
    markUsedProperly: z.boolean().nullable(),
    findings: z.string(),
    outcome: z.enum(inspectionOutcomes).nullable(),
    /** Planned, not yet recorded, and its day has passed. */
    overdue: z.boolean(),
    /** The revocation this inspection led to, if any. */
    revokedByThis: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Inspection' });
export type Inspection = z.infer<typeof inspection>;
export const inspectionPage = pageOf(inspection);

export const certificateDetail = certificateSummary
  .extend({
    publicToken: z.string(),
    verificationUrl: z.string(),
    ruleSetId: z.string(),
    decisionId: z.string().nullable(),
    entryId: z.string().nullable(),
    supersededBy: z.string().nullable(),
    gtin: z.string().nullable(),
    isImported: z.boolean(),
    reEvaluationWindow: z.object({ opensOn: z.string(), closesOn: z.string(), graceUntil: z.string() }),
    reEvaluationFilingTiming: z.enum(['early', 'on_time', 'late']).nullable(),
    revocation: revocation.nullable(),
    inspections: z.array(inspection),
    canRevoke: z.boolean(),
    canInspect: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CertificateDetail' });
export type CertificateDetail = z.infer<typeof certificateDetail>;

const revokeFields = z.object({
  ground: z.enum(revocationGrounds, { message: 'Hãy chọn một trong sáu căn cứ thu hồi (Điều 8).' }),
  findingOn: date('Ngày có kết luận vi phạm'),
  decidedOn: date('Ngày quyết định thu hồi'),
  decisionNumber: text(1, 60, 'Số quyết định thu hồi'),
  reason: text(3, 2000, 'Lý do thu hồi', true),
  inspectionId: uuid.nullable().optional(),
});

const isDay = (value: unknown): value is string => typeof value === 'string' && realDay(value);

/**
 * The revocation form; the date rules (QĐ 26/2026 Đ.8.2) are checked here too, each whenever its own
 * fields are readable, so every problem is reported at once. `today` is read at validation time.
 */
export function revokeBody(today: () => string) {
  return revokeFields
    .refine((v) => v.decidedOn >= v.findingOn, {
      path: ['decidedOn'],
      message: 'Ngày quyết định thu hồi không được trước ngày có kết luận vi phạm.',
      when: (payload) => {
        const v = payload.value as Record<string, unknown>;
        return isDay(v.findingOn) && isDay(v.decidedOn);
      },
    })
    .refine((v) => v.decidedOn <= today(), {
      path: ['decidedOn'],
      message: 'Ngày quyết định thu hồi không được sau ngày hôm nay.',
      when: (payload) => isDay((payload.value as Record<string, unknown>).decidedOn),
    })
    .refine((v) => v.findingOn <= today(), {
      path: ['findingOn'],
      message: 'Ngày có kết luận vi phạm không được sau ngày hôm nay.',
      when: (payload) => isDay((payload.value as Record<string, unknown>).findingOn),
    });
}
export type RevokeCertificateInput = z.infer<typeof revokeFields>;

export const planInspectionBody = z.object({
  kind: z.enum(inspectionKinds, { message: 'Hãy chọn kiểm tra định kỳ hoặc đột xuất.' }),
  plannedOn: date('Ngày kiểm tra dự kiến'),
  inspectingBody: text(2, 300, 'Cơ quan kiểm tra'),
});
export type PlanInspectionInput = z.infer<typeof planInspectionBody>;

export const recordInspectionBody = z.object({
  version: z.number().int(),
  inspectedOn: date('Ngày kiểm tra'),
  criteriaMaintained: z.boolean({ message: 'Hãy cho biết sản phẩm có duy trì các tiêu chí không.' }),
  markUsedProperly: z.boolean({ message: 'Hãy cho biết nhãn hiệu OCOP có được sử dụng đúng không.' }),
  findings: z.string().trim().max(5000, { message: 'Kết quả kiểm tra tối đa 5000 ký tự.' }).default(''),
  outcome: z.enum(inspectionOutcomes, { message: 'Hãy chọn kết luận: đạt, phải khắc phục, hoặc vi phạm.' }),
  inspectingBody: text(2, 300, 'Cơ quan kiểm tra').optional(),
});
export type RecordInspectionInput = z.infer<typeof recordInspectionBody>;

export const inspectionsQuery = pageQuery.extend({
  due: z.enum(['due', 'overdue'], { message: 'Chọn "due" hoặc "overdue".' }).optional(),
  outcome: z.enum([...inspectionOutcomes, 'pending'], { message: 'Kết luận không hợp lệ.' }).optional(),
  certificate: uuid.optional(),
  province: provinceCode.optional(),
});
export type InspectionsQuery = z.infer<typeof inspectionsQuery>;
