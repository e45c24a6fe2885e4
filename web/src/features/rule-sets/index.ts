/** What other features use from rule sets (the pages themselves are loaded by the router). */
export { CriterionInfo, SheetNotes, SheetRules, optionGroups, stopRuleOf } from './criterion-text.tsx';
export { productSetGroups } from './product-set-tree.tsx';
export { StarMarker, Stars, partLabel, points } from './rule-sets.format.tsx';
export { classificationQuery, evaluationQuery, ruleSetsQuery, sheetQuery } from './rule-sets.queries.ts';
export { indexSheet, leafCriteria, type CriteriaSheet, type Criterion, type GapAnalysis, type SheetEvaluation, type SheetStop } from './rule-sets.types.ts';
