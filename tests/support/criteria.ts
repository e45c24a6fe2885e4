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

/**
 * Choices whose total is at most `maxTotal`, keeping the best option on every criterion that carries a
 * star marker (so the star is the band's): from the best sheet, criteria without markers drop to their
 * lowest option one by one until the total fits. `skip` leaves the first criteria alone, so two members
 * can reach similar totals through different criteria.
 */
export function choicesUpTo(sheet: CriteriaSheet, maxTotal: number, skip = 0): Record<string, string> {
  const choices = extremeChoices(sheet, 'best');
  const leaves = collectLeafCriteria(sheet);
  const pointsOf = (code: string) => leaves.find((l) => l.code === code)!.options.find((o) => o.id === choices[code])!.points;
  let total = leaves.reduce((sum, leaf) => sum + pointsOf(leaf.code), 0);
  const order = leaves.slice(skip).concat(leaves.slice(0, skip));
  // First criteria without markers drop to their lowest option; then, if needed, criteria with markers
  // drop to the lowest option that still carries a marker (a 3★ minimum is kept).
  for (const pass of ['unmarked', 'marked'] as const) {
    for (const leaf of order) {
      if (total <= maxTotal) break;
      const marked = leaf.options.some((o) => o.minStars !== null);
      if (marked !== (pass === 'marked')) continue;
      const candidates = marked ? leaf.options.filter((o) => o.minStars !== null) : leaf.options;
      const lowest = [...candidates].sort((a, b) => a.points - b.points)[0]!;
      const drop = pointsOf(leaf.code) - lowest.points;
      if (drop <= 0 || total - drop < maxTotal - 6) continue; // do not overshoot far below the target
      choices[leaf.code] = lowest.id;
      total -= drop;
    }
  }
  return choices;
}
