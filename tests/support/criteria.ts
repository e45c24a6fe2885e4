import { collectLeafCriteria, type CriteriaSheet } from '../../src/features/rule-sets/criteria-sheet.ts';

/** Choices giving every criterion of a sheet its best (or worst) option. */
export function extremeChoices(sheet: CriteriaSheet, pick: 'best' | 'worst'): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const leaf of collectLeafCriteria(sheet)) {
    const sorted = [...leaf.options].sort((a, b) => a.points - b.points);
    choices[leaf.code] = (pick === 'best' ? sorted.at(-1) : sorted[0])!.id;
  }
  return choices;
}
