export { registerRuleSetRoutes } from './rule-sets.routes.ts';
export { evaluateSheet, type SheetEvaluation } from './evaluate-sheet.ts';
export { findCriteriaSheet, findRuleSet, findRuleSetInForce } from './reference-data.ts';
export { collectLeafCriteria } from './criteria-sheet.ts';
export { sheetEvaluation, choices as choicesSchema } from './rule-sets.schemas.ts';
