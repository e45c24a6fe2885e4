import { z } from 'zod';

export const ruleSetParams = z.object({ ruleSetId: z.string().regex(/^[0-9a-z-]{4,30}$/, { message: 'Mã bộ quy định không hợp lệ.' }) });
export const sheetParams = ruleSetParams.extend({
  productSet: z.coerce.number().int().min(1, { message: 'Bộ sản phẩm từ 1 đến 26.' }).max(26, { message: 'Bộ sản phẩm từ 1 đến 26.' }),
});
export const compareQuery = z.object({ left: z.string().max(30), right: z.string().max(30) });

/** Leaf criterion code → chosen option id, e.g. { "1.1": "1.1.c" }. */
export const choices = z
  .record(z.string().max(20), z.string().max(30))
  .refine((value) => Object.keys(value).length <= 200, { message: 'Quá nhiều tiêu chí.' });

export const evaluateBody = z.object({ choices }).strict();

const unmetMarker = z.object({
  criterion: z.string(),
  marker: z.number().int(),
  requiredPoints: z.number(),
  requiredOptionId: z.string(),
  actualPoints: z.object({ numerator: z.number(), denominator: z.number(), value: z.number(), display: z.string() }),
});

export const sheetEvaluation = z
  .object({
    complete: z.boolean(),
    missing: z.array(z.string()),
    /** Points of the answered criteria only (the live total a producer should read while filling in). */
    answered: z.object({ total: z.number(), parts: z.record(z.string(), z.number()) }),
    score: z.object({
      total: z.number(),
      parts: z.record(z.string(), z.number()),
      starOutcome: z.object({ bandStars: z.number().int(), stars: z.number().int(), cappedBy: z.array(unmetMarker) }),
      criteria: z.array(
        z.object({ code: z.string(), part: z.string(), optionId: z.string().nullable(), points: z.number(), applicable: z.boolean() }),
      ),
      notApplicable: z.array(z.object({ criterion: z.string(), text: z.string() })),
      stop: z.unknown(),
    }),
    gap: z.unknown().nullable(),
  })
  .meta({ id: 'SheetEvaluation' });

export const ruleSetSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  legalBasis: z.unknown(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
});

export const difference = z.object({ field: z.string(), left: z.unknown(), right: z.unknown() });
