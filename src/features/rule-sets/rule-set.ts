import { z } from 'zod';

/**
 * A rule set is one legal regime of OCOP evaluation (criteria, star bands, levels, deadlines).
 * Results keep the id of the rule set they were scored under, so historical data stays explainable
 * after the law changes (1048/2019 → 148/2023 → 148+1489/2025 → 26/2026).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const text = z.string().trim().min(1);
const stars = z.number().int().min(1).max(5);

export const evaluationLevelSchema = z.enum(['commune', 'district', 'province', 'central']);
export type EvaluationLevel = z.infer<typeof evaluationLevelSchema>;

/** Half-open interval [min, maxExclusive); maxExclusive null means no upper bound. */
export const starBandSchema = z.object({
  stars,
  min: z.number().finite().nonnegative(),
  maxExclusive: z.number().finite().positive().nullable(),
});
export type StarBand = z.infer<typeof starBandSchema>;

export const deadlineSchema = z.object({
  value: z.number().int().positive().nullable(),
  unit: z.enum(['working-days', 'days', 'months']),
  /** The event the period is counted from or to, in words. */
  counted: text,
  source: text.nullable(),
  note: text.optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

const monthDay = z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) });

export const roundCutoffSchema = z.object({
  level: evaluationLevelSchema,
  round: z.number().int().positive(),
  /** Dossiers proposed before this day (each year) go into the round. */
  proposalsBefore: monthDay,
  /** The round must be finished before this day. */
  completedBefore: monthDay,
  source: text,
});

export const ruleSetNoteSchema = z.object({ field: text, text });

export const ruleSetSchema = z
  .object({
    id: z.string().regex(/^[0-9]+(-[0-9]+)*$/),
    name: text,
    status: z.enum(['current', 'superseded']),
    legalBasis: z
      .array(
        z.object({
          instrument: text,
          signedOn: isoDate.nullable(),
          role: z.enum(['primary', 'amendment']),
          summary: text,
        }),
      )
      .min(1),
    /** First day the rules apply; null when the sources at hand do not say (see notes). */
    effectiveFrom: isoDate.nullable(),
    /** Last day the rules apply; null while in force or when unknown (see notes). */
    effectiveTo: isoDate.nullable(),
    totalMaxPoints: z.number().positive(),
    partMaxima: z.object({ A: z.number().nonnegative(), B: z.number().nonnegative(), C: z.number().nonnegative() }),
    /** Applied to the council's average total score ("tổng điểm trung bình"). Highest band first. */
    starBands: z.array(starBandSchema).length(5),
    /** Levels that take part, in the order a dossier travels. */
    levels: z.array(evaluationLevelSchema).min(1),
    recognition: z
      .array(
        z.object({
          stars,
          /** Level whose authority recognises and certifies this star; null = no decision, no certificate. */
          level: evaluationLevelSchema.nullable(),
          certificate: z.boolean(),
        }),
      )
      .length(5),
    forwarding: z.array(
      z.object({
        from: evaluationLevelSchema,
        to: evaluationLevelSchema,
        /** Inclusive lower bound of the average total; null = every dossier is forwarded (no score yet). */
        minTotal: z.number().nonnegative().nullable(),
        /** Inclusive upper bound; null = no upper bound. */
        maxTotal: z.number().nonnegative().nullable(),
        source: text,
      }),
    ),
    roundCutoffs: z.array(roundCutoffSchema).nullable(),
    deadlines: z.object({
      communeCheck: deadlineSchema.nullable(),
      certificateValidity: deadlineSchema.nullable(),
      reEvaluationFilingEarliest: deadlineSchema.nullable(),
      reEvaluationFilingLatest: deadlineSchema.nullable(),
      reEvaluationCompletion: deadlineSchema.nullable(),
      revocation: deadlineSchema.nullable(),
      transitionalFirstOrUpgrade: deadlineSchema.nullable(),
      transitionalReEvaluation: deadlineSchema.nullable(),
      lateReEvaluationValidityExtension: deadlineSchema.nullable(),
    }),
    productSets: z.object({
      count: z.number().int().positive().nullable(),
      classificationFile: text.nullable(),
      criteriaSheetsDirectory: text.nullable(),
    }),
    sources: z.array(z.object({ id: text, citation: text, verification: text })).min(1),
    notes: z.array(ruleSetNoteSchema),
  })
  .superRefine((ruleSet, context) => {
    const partSum = ruleSet.partMaxima.A + ruleSet.partMaxima.B + ruleSet.partMaxima.C;
    if (partSum !== ruleSet.totalMaxPoints) {
      context.addIssue({ code: 'custom', path: ['partMaxima'], message: `parts sum to ${partSum}, total is ${ruleSet.totalMaxPoints}` });
    }
    // Bands must tile [0, ∞) without gaps or overlaps, highest first, one per star 5..1.
    const bands = ruleSet.starBands;
    bands.forEach((band, index) => {
      if (band.stars !== 5 - index) {
        context.addIssue({ code: 'custom', path: ['starBands', index, 'stars'], message: 'bands must be ordered 5, 4, 3, 2, 1' });
      }
      const above = bands[index - 1];
      if (index === 0 && band.maxExclusive !== null) {
        context.addIssue({ code: 'custom', path: ['starBands', 0, 'maxExclusive'], message: 'the top band has no upper bound' });
      }
      if (above && band.maxExclusive !== above.min) {
        context.addIssue({ code: 'custom', path: ['starBands', index, 'maxExclusive'], message: `must equal the next band's min ${above.min}` });
      }
      if (band.maxExclusive !== null && band.maxExclusive <= band.min) {
        context.addIssue({ code: 'custom', path: ['starBands', index], message: 'empty band' });
      }
    });
    if (bands.at(-1)?.min !== 0) {
      context.addIssue({ code: 'custom', path: ['starBands', 4, 'min'], message: 'the lowest band starts at 0' });
    }
    ruleSet.recognition.forEach((entry, index) => {
      if (entry.level !== null && !ruleSet.levels.includes(entry.level)) {
        context.addIssue({ code: 'custom', path: ['recognition', index, 'level'], message: `level ${entry.level} is not in levels` });
      }
    });
    if (ruleSet.effectiveFrom && ruleSet.effectiveTo && ruleSet.effectiveTo < ruleSet.effectiveFrom) {
      context.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'ends before it starts' });
    }
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;
