/**
 * Pure scoring rules for OCOP evaluation (no I/O, no clock, no database).
 *
 * Arithmetic. Option points have at most two decimals (the sheet validator enforces it), so every
 * score is counted in integer hundredths of a point ("centipoints"). Member totals are exact; an
 * average is kept as an exact fraction (sum of centipoints / number of members) and every
 * comparison with a band or a threshold is made on that fraction in integers. Nothing is rounded
 * before a decision. Rounding happens only in `display` strings:
 *   - half-up to two decimals (what a council secretary does by hand or with Excel's ROUND);
 *   - except that the displayed total never reaches a star-band boundary that the exact average
 *     has not reached: such a value is truncated instead (89.996 shows "89.99", not "90.00",
 *     because QĐ 26/2026 Đ.3.3 puts "từ 70 đến dưới 90" in 4★).
 *
 * Star bands (QĐ 26/2026 Đ.3.3): applied to the council's average total ("tổng điểm trung bình"),
 * half-open intervals from the rule set.
 *
 * Star-minimum markers (Phụ lục II footnote "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ
 * sao"; domain brief §3.4). Reading used here: to be ranked N★, on every criterion carrying a marker
 * of level m ≤ N, the criterion's points must be at least the points of the lowest option that carries
 * the m★ marker. So a 5★ product must also meet every **** and *** requirement. For a council the
 * criterion's points are the members' average on that criterion (exact), the same figure the star
 * band is computed from. The markers only cap: the result is the highest N ≤ band star whose
 * requirements are all met; 1★ and 2★ carry no markers, so an unmet *** requirement gives 2★.
 *
 * Council rules that the decision leaves to each council's operating regulation (Quy chế hoạt động;
 * domain brief §4.3, Tây Ninh example): the maximum spread between members' totals (default 10
 * points, "không chênh lệch quá 10 điểm") and the quorum (default ≥ 3/4 of members including the
 * chair) are settings.
 *
 * Outcome precedence: no quorum → the meeting cannot decide anything; then disqualification (any
 * member who flags a "Hồ sơ bị loại khi…" condition eliminates the dossier); then a stop rule (any
 * member who records e.g. unacceptable impurities: "không đánh giá các bước tiếp theo"); then a spread
 * above the limit (members discuss and re-score); otherwise the product is ranked.
 *
 * One file per part: types.ts (the public types), compiled-sheet.ts, exact-score.ts, score-choices.ts
 * (one member's sheet), score-evaluation.ts (a council), score-self-assessment.ts (a producer).
 */
export {
  DEFAULT_COUNCIL_SETTINGS,
  type CouncilSettings,
  type CriterionScore,
  type EvaluationScore,
  type ExactScore,
  type MemberResult,
  type MemberScoreSheet,
  type NotApplicableCriterion,
  type ScoreEvaluationInput,
  type ScoringError,
  type ScoringErrorCode,
  type ScoringResult,
  type StarOutcome,
  type UnmetMarker,
} from './types.ts';
export { compileSheet, findMarkerThreshold, toCenti, type CompiledLeaf, type CompiledOption, type CompiledSheet } from './compiled-sheet.ts';
export { applyStarMarkers, findBandStars, makeExactScore } from './exact-score.ts';
export { checkSheetAgainstRuleSet, scoreChoices, type ScoredMember } from './score-choices.ts';
export { scoreEvaluation } from './score-evaluation.ts';
export { scoreSelfAssessment, type SelfAssessmentScore } from './score-self-assessment.ts';
