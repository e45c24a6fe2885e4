import type { RuleSet } from './rule-set.ts';

export interface RuleSetDifference {
  /** Dotted path of the field, e.g. "partMaxima.A" or "deadlines.communeCheck". */
  field: string;
  left: unknown;
  right: unknown;
}

// What officials compare between two decisions; identity and sources are shown side by side, not diffed.
const comparedFields = ['totalMaxPoints', 'partMaxima', 'starBands', 'levels', 'recognition', 'forwarding', 'roundCutoffs', 'deadlines', 'productSets'] as const;

function walk(path: string, left: unknown, right: unknown, out: RuleSetDifference[]): void {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(left) && isObject(right)) {
    for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
      walk(`${path}.${key}`, left[key], right[key], out);
    }
    return;
  }
  if (JSON.stringify(left) !== JSON.stringify(right)) out.push({ field: path, left: left ?? null, right: right ?? null });
}

/** Field-by-field differences between two rule sets (pure; for the "compare" page and API). */
export function compareRuleSets(left: RuleSet, right: RuleSet): RuleSetDifference[] {
  const differences: RuleSetDifference[] = [];
  for (const field of comparedFields) walk(field, left[field], right[field], differences);
  return differences;
}
