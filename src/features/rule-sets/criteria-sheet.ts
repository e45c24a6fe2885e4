import { z } from 'zod';

/**
 * Criteria sheets (Bộ tiêu chí kiêm phiếu đánh giá) of one rule set, one sheet per product set.
 * Shape follows QĐ 26/2026/QĐ-TTg Phụ lục II: part (A/B/C) → section (1..n) → criterion (1.1)
 * → optional sub-criteria (6.1.1) → single-choice options with fixed points and an optional
 * minimum-star marker (*** / **** / *****, "yêu cầu tối thiểu phải đạt theo các cấp độ sao").
 */

export const starMarkerSchema = z.union([z.literal(3), z.literal(4), z.literal(5)]);
export type StarMarker = z.infer<typeof starMarkerSchema>;

export const partCodeSchema = z.enum(['A', 'B', 'C']);
export type PartCode = z.infer<typeof partCodeSchema>;

const textSchema = z.string().trim().min(1);

export const criterionOptionSchema = z.object({
  /** `<criterion code>.<letter>` in source order, e.g. "1.5.c". Stable: score sheets store it. */
  id: textSchema,
  label: textSchema,
  points: z.number().finite().nonnegative(),
  /** Star level whose minimum requirement this option marks; null when unmarked. */
  minStars: starMarkerSchema.nullable(),
  /** Alternative case the option belongs to ("Lựa chọn một trong hai trường hợp", set 26). */
  variant: z.string().optional(),
  /** True when the option is not printed in the decision and was added by the extractor (see notes). */
  synthesized: z.boolean().optional(),
});
export type CriterionOption = z.infer<typeof criterionOptionSchema>;

export const appliesWhenSchema = z.object({
  /** Code of the criterion whose choice decides applicability (e.g. 5.2 depends on 5.1). */
  criterion: textSchema,
  /** The criterion does not apply when one of these options is chosen there. */
  notOptionIds: z.array(textSchema).optional(),
  /** Alternative form: does not apply when the chosen option there has one of these point values. */
  notOptionPoints: z.array(z.number()).optional(),
  /** Source wording, e.g. "Chỉ áp dụng khi có câu chuyện sản phẩm". */
  text: textSchema,
});
export type AppliesWhen = z.infer<typeof appliesWhenSchema>;

export const criterionVariantSchema = z.object({ id: textSchema, label: textSchema });

export interface Criterion {
  code: string;
  name: string;
  description?: string | undefined;
  requirement?: string | undefined;
  remarks?: string[] | undefined;
  maxPoints: number;
  appliesWhen?: AppliesWhen | undefined;
  variantInstruction?: string | undefined;
  variants?: Array<{ id: string; label: string }> | undefined;
  children?: Criterion[] | undefined;
  options: CriterionOption[];
}

export const criterionSchema: z.ZodType<Criterion> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^\d+(\.\d+){0,2}$/),
    name: textSchema,
    description: textSchema.optional(),
    /** "Yêu cầu: …" printed under the criterion. */
    requirement: textSchema.optional(),
    /** "Ghi chú: …" / "Chú ý: …" printed under the criterion, verbatim. */
    remarks: z.array(textSchema).optional(),
    maxPoints: z.number().finite().nonnegative(),
    appliesWhen: appliesWhenSchema.optional(),
    variantInstruction: textSchema.optional(),
    variants: z.array(criterionVariantSchema).optional(),
    /** Sub-criteria (e.g. 6.1 → 6.1.1, 6.1.2); a criterion has children or options, not both. */
    children: z.array(criterionSchema).optional(),
    options: z.array(criterionOptionSchema),
  }),
);

export const sectionSchema = z.object({
  code: z.string().regex(/^\d+$/),
  name: textSchema,
  description: textSchema.optional(),
  maxPoints: z.number().finite().nonnegative(),
  criteria: z.array(criterionSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const partSchema = z.object({
  code: partCodeSchema,
  name: textSchema,
  maxPoints: z.number().finite().nonnegative(),
  sections: z.array(sectionSchema).min(1),
});
export type Part = z.infer<typeof partSchema>;

export const disqualificationSchema = z.object({
  id: textSchema,
  text: textSchema,
  /** Criterion under which the condition is printed, when it is not in the sheet header. */
  criterion: textSchema.optional(),
});
export type Disqualification = z.infer<typeof disqualificationSchema>;

export const stopRuleSchema = z.object({
  id: textSchema,
  /** Criterion (or section) under which the rule is printed. */
  criterion: textSchema,
  /** Options whose choice triggers the rule; absent when the trigger is an observation outside the options. */
  optionIds: z.array(textSchema).optional(),
  text: textSchema,
});
export type StopRule = z.infer<typeof stopRuleSchema>;

export const sheetNoteSchema = z.object({
  /** Where in the source: "Phụ lục II mục 4, tiêu chí 7" etc. */
  where: textSchema,
  /** ambiguity: the text is unclear or inconsistent; correction: the extractor changed a value; modelling: how text was mapped. */
  kind: z.enum(['ambiguity', 'correction', 'modelling']),
  text: textSchema,
});
export type SheetNote = z.infer<typeof sheetNoteSchema>;

export const sourceFileSchema = z.object({
  path: textSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const criteriaSheetSchema = z.object({
  ruleSetId: textSchema,
  productSet: z.object({
    number: z.number().int().min(1),
    name: textSchema,
    /** Heading and classification line as printed above the sheet, when they differ from `name`. */
    headingInSheet: textSchema.optional(),
    classificationInSheet: textSchema.optional(),
  }),
  source: z.object({
    document: textSchema,
    location: textSchema,
    files: z.array(sourceFileSchema).min(1),
  }),
  totalMaxPoints: z.number().finite().positive(),
  parts: z.array(partSchema).min(1),
  disqualifications: z.array(disqualificationSchema),
  stopRules: z.array(stopRuleSchema),
  /** Footnote defining the star markers, verbatim; null when the sheet prints none. */
  starMarkerFootnote: textSchema.nullable(),
  notes: z.array(sheetNoteSchema),
});
export type CriteriaSheet = z.infer<typeof criteriaSheetSchema>;

export const productSetRefSchema = z.object({
  number: z.number().int().min(1),
  name: textSchema,
  leadMinistries: z.array(textSchema).min(1),
  sheetFile: textSchema,
});

export const classificationSchema = z.object({
  ruleSetId: textSchema,
  source: z.object({
    document: textSchema,
    location: textSchema,
    files: z.array(sourceFileSchema).min(1),
  }),
  leadMinistryBasis: textSchema,
  sectors: z.array(
    z.object({
      code: textSchema,
      name: textSchema,
      groups: z.array(
        z.object({
          code: textSchema,
          name: textSchema,
          /** Set when the group itself is a product set (no subgroups). */
          productSet: productSetRefSchema.optional(),
          subgroups: z.array(
            z.object({ code: textSchema, name: textSchema, productSet: productSetRefSchema }),
          ),
        }),
      ),
    }),
  ),
  notes: z.array(sheetNoteSchema),
});
export type Classification = z.infer<typeof classificationSchema>;

/** Every leaf criterion (the ones members choose an option for), depth first in sheet order. */
export function collectLeafCriteria(sheet: CriteriaSheet): Criterion[] {
  const leaves: Criterion[] = [];
  const visit = (criterion: Criterion): void => {
    if (criterion.children && criterion.children.length > 0) criterion.children.forEach(visit);
    else leaves.push(criterion);
  };
  for (const part of sheet.parts) for (const section of part.sections) section.criteria.forEach(visit);
  return leaves;
}
