/**
 * Gap analysis for a producer's self-assessment: what blocks the next star, and the cheapest set of
 * option upgrades that reaches it.
 *
 * "Cheapest" = fewest points added (the smallest total that still reaches the target band), then the
 * fewest criteria changed. Only upgrades are proposed: a criterion keeps its option or moves to one
 * worth more (a criterion that is not applicable today, e.g. 5.2 without a story, may become
 * applicable). To reach N★ every marker of level ≤ N must be met (see scoring/), so criteria below
 * their marker threshold are forced up; options that trigger a stop rule are never proposed; an option
 * of one alternative case ("Trường hợp 1/2", set 26) is only upgraded within that case.
 *
 * The search is exact: a knapsack-style dynamic programme over the points added, one stage per group
 * of criteria (a criterion and those whose applicability depends on it are one group, enumerated
 * jointly). States are counted in the greatest common divisor of all point steps (1 point for the
 * 26/2026 sheets), so a 30-criterion sheet needs at most ~100 states per stage.
 */
import type { CriteriaSheet, StarMarker } from './criteria-sheet.ts';
import type { RuleSet } from './rule-set.ts';
import {
  compileSheet,
  findMarkerThreshold,
  scoreSelfAssessment,
  type CompiledLeaf,
  type CompiledOption,
  type CompiledSheet,
  type ScoringResult,
  type StarOutcome,
  type UnmetMarker,
} from './scoring/index.ts';

export interface GapAnalysisInput {
  ruleSet: RuleSet;
  sheet: CriteriaSheet;
  /** The self-assessment: leaf criterion code → option id. */
  choices: Record<string, string>;
  /** Star to reach; defaults to one above the current (capped) star. */
  targetStars?: number;
}

export interface OptionUpgrade {
  criterion: string;
  fromOptionId: string | null;
  /** null: the criterion stays or becomes not applicable. */
  toOptionId: string | null;
  fromPoints: number;
  toPoints: number;
  /** Marker level that forces this upgrade (the current option is below it); null if it only adds points. */
  requiredByMarker: StarMarker | null;
}

export type UpgradePlan =
  | {
      reachable: true;
      addedPoints: number;
      newTotal: number;
      /** Star of the upgraded self-assessment (≥ target; re-scored with the scoring rules). */
      newStars: number;
      upgrades: OptionUpgrade[];
      choices: Record<string, string>;
    }
  | { reachable: false; reason: string };

export interface GapAnalysis {
  current: { total: number; starOutcome: StarOutcome; stoppedBy: string | null };
  targetStars: number | null;
  /** Lowest average total of the target band. */
  targetMinTotal: number | null;
  /** Markers of level ≤ target that the current choices do not meet. */
  blockingMarkers: UnmetMarker[];
  /** null when there is no higher star to aim for. */
  plan: UpgradePlan | null;
}

interface Candidate {
  /** Option per group leaf (null = not applicable). */
  options: Array<CompiledOption | null>;
  deltaCenti: number;
  changes: number;
}

interface Group {
  leaves: CompiledLeaf[];
  candidates: Candidate[];
}

function buildGroups(compiled: CompiledSheet): CompiledLeaf[][] {
  // Union each conditional criterion with the criterion that decides it.
  const parent = new Map<string, string>();
  const find = (code: string): string => {
    let root = code;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  for (const leaf of compiled.leaves) parent.set(leaf.code, leaf.code);
  for (const leaf of compiled.leaves) {
    if (leaf.appliesWhen && compiled.leafByCode.has(leaf.appliesWhen.criterion)) {
      parent.set(find(leaf.code), find(leaf.appliesWhen.criterion));
    }
  }
  const groups = new Map<string, CompiledLeaf[]>();
  for (const leaf of compiled.leaves) {
    const root = find(leaf.code);
    groups.set(root, [...(groups.get(root) ?? []), leaf]);
  }
  // Deciding criteria first, so applicability is known when a dependent leaf is enumerated.
  return [...groups.values()].map((leaves) => {
    const ordered: CompiledLeaf[] = [];
    const pending = [...leaves];
    while (pending.length > 0) {
      const index = pending.findIndex(
        (leaf) => !leaf.appliesWhen || !pending.some((other) => other.code === leaf.appliesWhen?.criterion && other !== leaf),
      );
      const [next] = pending.splice(index < 0 ? 0 : index, 1);
      if (next) ordered.push(next);
    }
    return ordered;
  });
}

function isApplicable(leaf: CompiledLeaf, chosen: Map<string, CompiledOption | null>): boolean {
  const condition = leaf.appliesWhen;
  if (!condition) return true;
  const deciding = chosen.get(condition.criterion);
  if (!deciding) return true;
  return !(condition.notOptionIds.has(deciding.id) || condition.notOptionCenti.has(deciding.centi));
}

function enumerateCandidates(
  leaves: CompiledLeaf[],
  current: Map<string, CompiledOption | null>,
  compiled: CompiledSheet,
  targetStars: number,
): Candidate[] {
  const candidates: Candidate[] = [];
  const chosen = new Map<string, CompiledOption | null>();
  const currentCenti = (leaf: CompiledLeaf): number => current.get(leaf.code)?.centi ?? 0;
  const walk = (index: number, deltaCenti: number, changes: number): void => {
    const leaf = leaves[index];
    if (!leaf) {
      candidates.push({ options: leaves.map((item) => chosen.get(item.code) ?? null), deltaCenti, changes });
      return;
    }
    const now = current.get(leaf.code) ?? null;
    if (!isApplicable(leaf, chosen)) {
      // Not applicable: scored 0, so it can only satisfy a marker whose threshold is 0.
      if (findMarkerThreshold(leaf, targetStars).centi > 0) return;
      chosen.set(leaf.code, null);
      walk(index + 1, deltaCenti - currentCenti(leaf), changes + (now === null ? 0 : 1));
      return;
    }
    const threshold = findMarkerThreshold(leaf, targetStars).centi;
    const nowStops = now !== null && compiled.stopByOption.has(now.id);
    const options = leaf.options.filter((option) => {
      if (compiled.stopByOption.has(option.id)) return false;
      if (option.centi < threshold) return false;
      if (now && now.variant !== undefined && option.variant !== now.variant) return false;
      if (now === null) return true;
      if (option.id === now.id) return true;
      return nowStops ? option.centi >= now.centi : option.centi > now.centi;
    });
    // Keep the current option first so that ties prefer not changing anything.
    options.sort((a, b) => (a.id === now?.id ? -1 : b.id === now?.id ? 1 : a.centi - b.centi));
    for (const option of options) {
      chosen.set(leaf.code, option);
      walk(index + 1, deltaCenti + option.centi - currentCenti(leaf), changes + (option.id === now?.id ? 0 : 1));
    }
    chosen.delete(leaf.code);
  };
  walk(0, 0, 0);
  // For equal cost, keep only the candidate with the fewest changes (first found wins ties).
  const best = new Map<number, Candidate>();
  for (const candidate of candidates) {
    const kept = best.get(candidate.deltaCenti);
    if (!kept || candidate.changes < kept.changes) best.set(candidate.deltaCenti, candidate);
  }
  return [...best.values()].sort((a, b) => a.deltaCenti - b.deltaCenti);
}

function greatestCommonDivisor(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Reports what blocks the next star of a self-assessment and the cheapest set of upgrades that
 * reaches it (exact search). Validation problems of the choices are returned, not thrown.
 */
export function analyzeGap(input: GapAnalysisInput): ScoringResult<GapAnalysis> {
  const { ruleSet, sheet, choices } = input;
  const scored = scoreSelfAssessment(ruleSet, sheet, choices);
  if (!scored.ok) return scored;
  const compiled = compileSheet(sheet);
  const currentStars = scored.value.starOutcome.stars;
  const stoppedBy = scored.value.stop?.ruleId ?? null;
  const targetStars = input.targetStars ?? (currentStars < 5 ? currentStars + 1 : null);
  const current = {
    total: scored.value.total,
    starOutcome: scored.value.starOutcome,
    stoppedBy,
  };
  if (targetStars === null) {
    return { ok: true, value: { current, targetStars: null, targetMinTotal: null, blockingMarkers: [], plan: null } };
  }
  if (!Number.isInteger(targetStars) || targetStars < 1 || targetStars > 5) {
    return { ok: false, errors: [{ code: 'INVALID_TARGET', message: `target star must be 1–5, got ${String(targetStars)}` }] };
  }
  const band = ruleSet.starBands.find((item) => item.stars === targetStars);
  if (!band) return { ok: false, errors: [{ code: 'INVALID_TARGET', message: `rule set ${ruleSet.id} has no ${targetStars}★ band` }] };
  const targetMinCenti = Math.round(band.min * 100);

  const currentOptions = new Map<string, CompiledOption | null>();
  const currentCentiTotal = Math.round(scored.value.total * 100);
  for (const criterion of scored.value.criteria) {
    const leaf = compiled.leafByCode.get(criterion.code);
    currentOptions.set(criterion.code, criterion.optionId && leaf ? (leaf.optionById.get(criterion.optionId) ?? null) : null);
  }

  const blockingMarkers: UnmetMarker[] = [];
  for (const leaf of compiled.leaves) {
    const actual = currentOptions.get(leaf.code)?.centi ?? 0;
    for (const marker of leaf.markers) {
      if (marker.marker > targetStars) continue;
      const required = findMarkerThreshold(leaf, marker.marker).centi;
      if (actual < required) {
        blockingMarkers.push({
          criterion: leaf.code,
          marker: marker.marker,
          requiredPoints: required / 100,
          requiredOptionId: marker.optionId,
          actualPoints: { numerator: actual, denominator: 100, value: actual / 100, display: (actual / 100).toFixed(2) },
        });
      }
    }
  }

  if (currentStars >= targetStars && stoppedBy === null) {
    return {
      ok: true,
      value: {
        current,
        targetStars,
        targetMinTotal: band.min,
        blockingMarkers,
        plan: { reachable: true, addedPoints: 0, newTotal: scored.value.total, newStars: currentStars, upgrades: [], choices: { ...choices } },
      },
    };
  }

  const groups: Group[] = buildGroups(compiled).map((leaves) => ({
    leaves,
    candidates: enumerateCandidates(leaves, currentOptions, compiled, targetStars),
  }));
  const impossible = groups.find((group) => group.candidates.length === 0);
  if (impossible) {
    return {
      ok: true,
      value: {
        current,
        targetStars,
        targetMinTotal: band.min,
        blockingMarkers,
        plan: { reachable: false, reason: `criterion ${impossible.leaves.map((leaf) => leaf.code).join(' / ')} has no option meeting the ${targetStars}★ requirements` },
      },
    };
  }

  // Dynamic programme over points added (in units of the gcd of all steps).
  let unit = 0;
  for (const group of groups) for (const candidate of group.candidates) unit = greatestCommonDivisor(unit, candidate.deltaCenti);
  unit = unit === 0 ? 1 : unit;
  // State index = (points added − lowest possible) / unit; the start (nothing added) must be in range.
  const lowest = Math.min(0, groups.reduce((sum, group) => sum + Math.min(...group.candidates.map((c) => c.deltaCenti)), 0));
  const highest = Math.max(0, groups.reduce((sum, group) => sum + Math.max(...group.candidates.map((c) => c.deltaCenti)), 0));
  const offset = -lowest / unit;
  const size = (highest - lowest) / unit + 1;
  const unreachable = Number.POSITIVE_INFINITY;
  let changes = new Float64Array(size).fill(unreachable);
  changes[offset] = 0;
  const choicesPerStage: Int32Array[] = [];
  const previousPerStage: Int32Array[] = [];
  for (const group of groups) {
    const next = new Float64Array(size).fill(unreachable);
    const choice = new Int32Array(size).fill(-1);
    const previous = new Int32Array(size).fill(-1);
    for (let state = 0; state < size; state += 1) {
      const base = changes[state] ?? unreachable;
      if (base === unreachable) continue;
      group.candidates.forEach((candidate, index) => {
        const target = state + candidate.deltaCenti / unit;
        const value = base + candidate.changes;
        if (target >= 0 && target < size && value < (next[target] ?? unreachable)) {
          next[target] = value;
          choice[target] = index;
          previous[target] = state;
        }
      });
    }
    changes = next;
    choicesPerStage.push(choice);
    previousPerStage.push(previous);
  }
  let best = -1;
  for (let state = 0; state < size; state += 1) {
    if ((changes[state] ?? unreachable) === unreachable) continue;
    if (currentCentiTotal + (state - offset) * unit >= targetMinCenti) {
      best = state;
      break;
    }
  }
  if (best < 0) {
    return {
      ok: true,
      value: {
        current,
        targetStars,
        targetMinTotal: band.min,
        blockingMarkers,
        plan: { reachable: false, reason: `even the best options that meet the ${targetStars}★ requirements stay below ${band.min} points` },
      },
    };
  }

  const planChoices: Record<string, string> = { ...choices };
  const upgrades: OptionUpgrade[] = [];
  let state = best;
  for (let stage = groups.length - 1; stage >= 0; stage -= 1) {
    const group = groups[stage];
    const candidateIndex = choicesPerStage[stage]?.[state] ?? -1;
    const candidate = group?.candidates[candidateIndex];
    if (!group || !candidate) throw new Error('gap analysis: broken back-pointer');
    group.leaves.forEach((leaf, index) => {
      const from = currentOptions.get(leaf.code) ?? null;
      const to = candidate.options[index] ?? null;
      if (to === null) delete planChoices[leaf.code];
      else planChoices[leaf.code] = to.id;
      if ((from?.id ?? null) === (to?.id ?? null)) return;
      const threshold = findMarkerThreshold(leaf, targetStars);
      upgrades.push({
        criterion: leaf.code,
        fromOptionId: from?.id ?? null,
        toOptionId: to?.id ?? null,
        fromPoints: (from?.centi ?? 0) / 100,
        toPoints: (to?.centi ?? 0) / 100,
        requiredByMarker: (from?.centi ?? 0) < threshold.centi ? (threshold.marker?.marker ?? null) : null,
      });
    });
    state = previousPerStage[stage]?.[state] ?? -1;
  }
  const order = new Map(compiled.leaves.map((leaf, index) => [leaf.code, index]));
  upgrades.sort((a, b) => (order.get(a.criterion) ?? 0) - (order.get(b.criterion) ?? 0));

  const rescored = scoreSelfAssessment(ruleSet, sheet, planChoices);
  if (!rescored.ok) throw new Error(`gap analysis produced invalid choices: ${rescored.errors.map((e) => e.message).join('; ')}`);
  const addedCenti = (best - offset) * unit;
  return {
    ok: true,
    value: {
      current,
      targetStars,
      targetMinTotal: band.min,
      blockingMarkers,
      plan: {
        reachable: true,
        addedPoints: addedCenti / 100,
        newTotal: (currentCentiTotal + addedCenti) / 100,
        newStars: rescored.value.starOutcome.stars,
        upgrades,
        choices: planChoices,
      },
    },
  };
}
