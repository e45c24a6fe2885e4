/** A producer's self-assessment: one sheet, no council. */
import type { CriteriaSheet, PartCode } from '../criteria-sheet.ts';
import type { RuleSet } from '../rule-set.ts';
import { compileSheet } from './compiled-sheet.ts';
import { applyStarMarkers, findBandStars } from './exact-score.ts';
import { checkSheetAgainstRuleSet, scoreChoices } from './score-choices.ts';
import type { CriterionScore, MemberResult, NotApplicableCriterion, ScoringResult, StarOutcome } from './types.ts';

export interface SelfAssessmentScore {
  criteria: CriterionScore[];
  parts: Record<PartCode, number>;
  total: number;
  starOutcome: StarOutcome;
  notApplicable: NotApplicableCriterion[];
  stop: MemberResult['stop'];
}

/** Scores a producer's self-assessment (Mẫu số 02 Part III): one sheet, band and marker cap. */
export function scoreSelfAssessment(
  ruleSet: RuleSet,
  sheet: CriteriaSheet,
  choices: Record<string, string>,
): ScoringResult<SelfAssessmentScore> {
  const errors = checkSheetAgainstRuleSet(ruleSet, sheet);
  if (errors.length > 0) return { ok: false, errors };
  const compiled = compileSheet(sheet);
  const outcome = scoreChoices(compiled, { memberId: 'self-assessment', choices });
  if (!outcome.ok) return { ok: false, errors: outcome.errors };
  const { scored } = outcome;
  const bandStars = findBandStars(ruleSet, scored.totalCenti, 1);
  const starOutcome = applyStarMarkers(compiled, bandStars, (code) => scored.centiByCode.get(code) ?? 0, 1);
  return {
    ok: true,
    value: {
      criteria: scored.result.criteria,
      parts: scored.result.parts,
      total: scored.result.total,
      starOutcome,
      notApplicable: scored.notApplicable,
      stop: scored.result.stop,
    },
  };
}
