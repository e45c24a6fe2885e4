/** What other features use from the self-assessment screens: the criteria-sheet form and its live score bar. */
export { SheetCriteria, useDebounced } from './criteria-form.tsx';
export { SummaryBar } from './summary-bar.tsx';
