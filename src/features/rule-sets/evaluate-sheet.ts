import { invalidInput } from '../../core/errors.ts';
import { collectLeafCriteria, type CriteriaSheet } from './criteria-sheet.ts';
import { analyzeGap, type GapAnalysis } from './gap-analysis.ts';
import type { RuleSet } from './rule-set.ts';
import { scoreSelfAssessment, type SelfAssessmentScore } from './scoring/index.ts';
import { toFieldIssues } from './scoring-messages.ts';

export interface SheetEvaluation {
  complete: boolean;
  /** Applicable criteria still without a choice; scored at their lowest option meanwhile. */
  missing: string[];
  /**
   * The points of the criteria answered so far (total and by part): what the producer has earned, not
   * counting the missing criteria at their lowest option as `score` does. Equal to `score` once complete.
   */
  answered: { total: number; parts: Record<string, number> };
  score: SelfAssessmentScore;
  /** What blocks the next star and the cheapest way to reach it (complete sheets only). */
  gap: GapAnalysis | null;
}

/**
 * Scores a (possibly unfinished) self-assessment, for the form to show as the producer fills it in.
 * Unknown criteria or options are input errors naming the criterion; a missing choice is not: it
 * counts at the criterion's lowest option until chosen, and the answer says which are missing.
 */
export function evaluateSheet(ruleSet: RuleSet, sheet: CriteriaSheet, choices: Record<string, string>): SheetEvaluation {
  const provisional = { ...choices };
  const missing: string[] = [];
  for (const leaf of collectLeafCriteria(sheet)) {
    if (provisional[leaf.code] !== undefined || leaf.options.length === 0) continue;
    const lowest = leaf.options.reduce((low, option) => (option.points < low.points ? option : low));
    provisional[leaf.code] = lowest.id;
    missing.push(leaf.code);
  }
  const scored = scoreSelfAssessment(ruleSet, sheet, provisional);
  if (!scored.ok) throw invalidInput(toFieldIssues(scored.errors));
  // A conditional criterion that does not apply (e.g. 5.2 without a story) is not "missing".
  const notApplicable = new Set(scored.value.notApplicable.map((n) => n.criterion));
  const stillMissing = missing.filter((code) => !notApplicable.has(code));
  let gap: GapAnalysis | null = null;
  if (stillMissing.length === 0) {
    const analysis = analyzeGap({ ruleSet, sheet, choices: provisional });
    if (analysis.ok) gap = analysis.value;
  }
  return { complete: stillMissing.length === 0, missing: stillMissing, answered: answeredPoints(scored.value, stillMissing), score: scored.value, gap };
}

/** The score less what the missing criteria were provisionally given, in hundredths so nothing drifts. */
function answeredPoints(score: SelfAssessmentScore, missing: string[]): SheetEvaluation['answered'] {
  const centi = (points: number) => Math.round(points * 100);
  const parts: Record<string, number> = Object.fromEntries(Object.entries(score.parts).map(([part, points]) => [part, centi(points)]));
  let total = centi(score.total);
  const unanswered = new Set(missing);
  for (const criterion of score.criteria) {
    if (!unanswered.has(criterion.code)) continue;
    total -= centi(criterion.points);
    parts[criterion.part] = (parts[criterion.part] ?? 0) - centi(criterion.points);
  }
  return { total: total / 100, parts: Object.fromEntries(Object.entries(parts).map(([part, value]) => [part, value / 100])) };
}
