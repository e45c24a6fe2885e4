export { evaluateSheet, type SheetEvaluation } from './evaluate-sheet.ts';
export { findClassification, findCriteriaSheet, findRuleSet, findRuleSetInForce } from './reference-data.ts';
export { collectLeafCriteria } from './criteria-sheet.ts';
export { sheetEvaluation, choices as choicesSchema } from './rule-sets.schemas.ts';
export { type RuleSet } from './rule-set.ts';
export { compileSheet, scoreChoices, scoreEvaluation, type EvaluationScore, type MemberScoreSheet, type ScoringResult } from './scoring/index.ts';
