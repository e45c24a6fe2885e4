import { z } from 'zod';
import { communeCode, pageOf, pageQuery, provinceCode, uuid } from '../../core/http/schemas.ts';
import { ideaActions, ideaStatuses } from './idea-status.ts';

export const ideaStatus = z.enum(ideaStatuses);
export const appraisalOutcome = z.enum(['passed', 'returned', 'rejected']);
export type AppraisalOutcome = z.infer<typeof appraisalOutcome>;
export const appraisalLevel = z.enum(['commune', 'province', 'national']);
export type AppraisalLevel = z.infer<typeof appraisalLevel>;

export const ideaAppraisal = z
  .object({
    round: z.number().int(),
    outcome: appraisalOutcome,
    reasons: z.string().nullable(),
    level: appraisalLevel,
    appraisedBy: z.string().nullable(),
    appraisedByName: z.string().nullable(),
    appraisedAt: z.date(),
  })
  .meta({ id: 'IdeaAppraisal' });
export type IdeaAppraisal = z.infer<typeof ideaAppraisal>;

export const idea = z
  .object({
    id: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    year: z.number().int(),
    productName: z.string(),
    /** Product set (bộ sản phẩm) 1–26 of QĐ 26/2026 Phụ lục I. */
    productSet: z.number().int(),
    description: z.string(),
    rawMaterials: z.string().nullable(),
    market: z.string().nullable(),
    status: ideaStatus,
    /** 1 for the first submission, +1 for each resubmission after a return. */
    round: z.number().int(),
    submittedAt: z.date(),
    decidedAt: z.date().nullable(),
    registeredBy: z.string().nullable(),
    appraisals: z.array(ideaAppraisal),
    /** What the signed-in user may do with it now. */
    allowedActions: z.array(z.enum(ideaActions)),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ProductIdea' });
export type Idea = z.infer<typeof idea>;
export type StoredIdea = Omit<Idea, 'allowedActions'>;

const productName = z.string().trim().min(2, { message: 'Tên sản phẩm cần ít nhất 2 ký tự.' }).max(200);
const productSet = z
  .number({ message: 'Chọn bộ sản phẩm (số từ 1 đến 26).' })
  .int({ message: 'Chọn bộ sản phẩm (số từ 1 đến 26).' })
  .min(1, { message: 'Bộ sản phẩm là số từ 1 đến 26.' })
  .max(26, { message: 'Bộ sản phẩm là số từ 1 đến 26.' });
const description = z.string().trim().min(10, { message: 'Mô tả ý tưởng cần ít nhất 10 ký tự.' }).max(5000);
const optionalText = z.string().trim().max(2000, { message: 'Tối đa 2000 ký tự.' });
const year = z.number({ message: 'Năm phải là một số.' }).int().min(2018, { message: 'Năm từ 2018 trở đi.' }).max(2100);

export const registerIdeaBody = z
  .object({
    /** Left out by a producer, who registers for itself. */
    producerId: uuid.optional(),
    year,
    productName,
    productSet,
    description,
    rawMaterials: optionalText.nullable().default(null),
    market: optionalText.nullable().default(null),
  })
  .strict();
export type RegisterIdeaInput = z.infer<typeof registerIdeaBody>;

export const appraiseIdeaBody = z
  .object({
    version: z.number().int().min(1),
    outcome: appraisalOutcome,
    reasons: z.string().trim().max(5000).nullable().default(null),
  })
  .strict()
  .refine((body) => body.outcome === 'passed' || (body.reasons !== null && body.reasons.length >= 5), {
    message: 'Ghi rõ lý do trả lại hoặc không đạt (ít nhất 5 ký tự).',
    path: ['reasons'],
  });
export type AppraiseIdeaInput = z.infer<typeof appraiseIdeaBody>;

export const resubmitIdeaBody = z
  .object({
    version: z.number().int().min(1),
    productName: productName.optional(),
    productSet: productSet.optional(),
    description: description.optional(),
    rawMaterials: optionalText.nullable().optional(),
    market: optionalText.nullable().optional(),
  })
  .strict();
export type ResubmitIdeaInput = z.infer<typeof resubmitIdeaBody>;

export const listIdeasQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2018).max(2100).optional(),
  status: ideaStatus.optional(),
  commune: communeCode.optional(),
  producerId: uuid.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListIdeasQuery = z.infer<typeof listIdeasQuery>;
export const ideaPage = pageOf(idea);
export const ideaParams = z.object({ id: uuid });

export const funnelQuery = z.object({
  year: z.coerce.number({ message: 'Chọn năm.' }).int().min(2018, { message: 'Năm từ 2018 trở đi.' }).max(2100),
  province: provinceCode.optional(),
  commune: communeCode.optional(),
});

const funnelCounts = {
  /** Ideas registered (ý tưởng đăng ký). */
  registered: z.number().int(),
  /** Ideas appraised at least once (đã thẩm định). */
  appraised: z.number().int(),
  /** Ideas that passed (đạt, được duyệt). */
  approved: z.number().int(),
  returned: z.number().int(),
  rejected: z.number().int(),
  awaiting: z.number().int(),
};

export const funnel = z
  .object({
    year: z.number().int(),
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    ...funnelCounts,
    /** The same counts per commune (for a province) or per province (for the country). */
    breakdown: z.array(z.object({ code: z.string(), name: z.string().nullable(), ...funnelCounts })),
  })
  .meta({ id: 'IdeaFunnel' });
export type Funnel = z.infer<typeof funnel>;
export type FunnelCounts = Omit<Funnel, 'year' | 'provinceCode' | 'provinceName' | 'communeCode' | 'communeName' | 'breakdown'>;
