import { z } from 'zod';
import { localDateSchema } from '../../core/clock/index.ts';
import { pageOf, pageQuery, uuid } from '../../core/http/schemas.ts';
import { planActions, planStatuses } from './plan-status.ts';

export const planStatus = z.enum(planStatuses);
const consequence = z.enum(['no_product_this_year', 'flag_late']);

export const supportKinds = ['training', 'consulting', 'credit', 'packaging_label_design', 'technology', 'other'] as const;
export const supportKind = z.enum(supportKinds);
export const supportKindLabels: Record<(typeof supportKinds)[number], string> = {
  training: 'Đào tạo, tập huấn',
  consulting: 'Tư vấn',
  credit: 'Tín dụng, vốn vay',
  packaging_label_design: 'Thiết kế bao bì, nhãn mác',
  technology: 'Ứng dụng khoa học, công nghệ',
  other: 'Hỗ trợ khác',
};

export const planReview = z
  .object({
    round: z.number().int(),
    outcome: z.enum(['approved', 'returned']),
    reasons: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    reviewedAt: z.date(),
  })
  .meta({ id: 'BusinessPlanReview' });

export const planSupport = z
  .object({
    id: z.string(),
    kind: supportKind,
    providedOn: z.string(),
    amountVnd: z.number().int(),
    provider: z.string(),
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'BusinessPlanSupport' });

export const businessPlan = z
  .object({
    id: z.string(),
    ideaId: z.string(),
    productName: z.string(),
    productSet: z.number().int(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    year: z.number().int(),
    title: z.string(),
    summary: z.string(),
    totalInvestmentVnd: z.number().int().nullable(),
    expectedRevenueVnd: z.number().int().nullable(),
    status: planStatus,
    round: z.number().int(),
    /** When the commune received it (submission or resubmission); the forwarding deadline runs from here. */
    receivedAt: z.date(),
    /** The end of the last day to forward it to the province; null when the province sets no deadline. */
    dueAt: z.date().nullable(),
    /** The province's rule the plan was received under. */
    forwardingRule: z.object({ days: z.number().int(), dayKind: z.enum(['calendar', 'working']), consequence }).nullable(),
    forwardedAt: z.date().nullable(),
    overdueAt: z.date().nullable(),
    overdueConsequence: consequence.nullable(),
    decidedAt: z.date().nullable(),
    submittedBy: z.string().nullable(),
    reviews: z.array(planReview),
    supports: z.array(planSupport),
    supportTotalVnd: z.number().int(),
    allowedActions: z.array(z.enum(planActions)),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'BusinessPlan' });
export type BusinessPlan = z.infer<typeof businessPlan>;
export type StoredPlan = Omit<BusinessPlan, 'allowedActions'>;

const title = z.string().trim().min(2, { message: 'Tên phương án cần ít nhất 2 ký tự.' }).max(300);
const summary = z.string().trim().min(20, { message: 'Nội dung phương án cần ít nhất 20 ký tự.' }).max(20000);
const amount = z
  .number({ message: 'Số tiền phải là một số.' })
  .int({ message: 'Số tiền tính bằng đồng, không có phần lẻ.' })
  .min(0, { message: 'Số tiền không được âm.' })
  .max(1e15, { message: 'Số tiền quá lớn.' });

export const submitPlanBody = z
  .object({
    ideaId: uuid,
    title,
    summary,
    totalInvestmentVnd: amount.nullable().default(null),
    expectedRevenueVnd: amount.nullable().default(null),
  })
  .strict();
export type SubmitPlanInput = z.infer<typeof submitPlanBody>;

export const versionBody = z.object({ version: z.number().int().min(1) }).strict();

export const reviewPlanBody = z
  .object({
    version: z.number().int().min(1),
    outcome: z.enum(['approved', 'returned']),
    reasons: z.string().trim().max(5000).nullable().default(null),
  })
  .strict()
  .refine((body) => body.outcome === 'approved' || (body.reasons !== null && body.reasons.length >= 5), {
    message: 'Ghi rõ lý do trả lại (ít nhất 5 ký tự).',
    path: ['reasons'],
  });
export type ReviewPlanInput = z.infer<typeof reviewPlanBody>;

export const resubmitPlanBody = z
  .object({
    version: z.number().int().min(1),
    title: title.optional(),
    summary: summary.optional(),
    totalInvestmentVnd: amount.nullable().optional(),
    expectedRevenueVnd: amount.nullable().optional(),
  })
  .strict();
export type ResubmitPlanInput = z.infer<typeof resubmitPlanBody>;

export const recordSupportBody = z
  .object({
    kind: supportKind,
    providedOn: localDateSchema,
    amountVnd: amount.default(0),
    provider: z.string().trim().min(2, { message: 'Ghi đơn vị hỗ trợ.' }).max(300),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export type RecordSupportInput = z.infer<typeof recordSupportBody>;

export const listPlansQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2018).max(2100).optional(),
  status: planStatus.optional(),
  ideaId: uuid.optional(),
  producerId: uuid.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;
export const planPage = pageOf(businessPlan);
export const planParams = z.object({ id: uuid });

export const dueQuery = pageQuery.extend({
  /** due: received, not yet forwarded, deadline ahead; overdue: deadline passed (swept or not yet). */
  state: z.enum(['due', 'overdue']).default('due'),
});
export type DueQuery = z.infer<typeof dueQuery>;
