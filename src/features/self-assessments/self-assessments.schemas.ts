import { z } from 'zod';
import { pageOf, pageQuery, uuid } from '../../core/http/schemas.ts';
import { choicesSchema, sheetEvaluation } from '../rule-sets/index.ts';

const productName = z.string().trim().min(2, { message: 'Tên sản phẩm cần ít nhất 2 ký tự.' }).max(200);
const productSetNumber = z.number().int().min(1, { message: 'Chọn bộ sản phẩm (1–26).' }).max(26, { message: 'Chọn bộ sản phẩm (1–26).' });

export const selfAssessment = z
  .object({
    id: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    communeCode: z.string(),
    ruleSetId: z.string(),
    productSetNumber: z.number().int(),
    productName: z.string(),
    choices: z.record(z.string(), z.string()),
    totalPoints: z.number().nullable(),
    stars: z.number().int().nullable(),
    status: z.enum(['draft', 'attached']),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SelfAssessment' });
export type SelfAssessment = z.infer<typeof selfAssessment>;

export const selfAssessmentWithEvaluation = selfAssessment.extend({ evaluation: sheetEvaluation });

export const createBody = z
  .object({
    producerId: uuid,
    productName,
    productSetNumber,
    /** Defaults to the rule set in force today. */
    ruleSetId: z.string().max(30).optional(),
    choices: choicesSchema.default({}),
  })
  .strict();
export type CreateSelfAssessmentInput = z.infer<typeof createBody>;

export const updateBody = z
  .object({ version: z.number().int().min(1), productName: productName.optional(), choices: choicesSchema.optional() })
  .strict();
export type UpdateSelfAssessmentInput = z.infer<typeof updateBody>;

export const listQuery = pageQuery.extend({ producer: uuid.optional() });
export type ListSelfAssessmentsQuery = z.infer<typeof listQuery>;
export const page = pageOf(selfAssessment);
export const params = z.object({ id: uuid });
