/** The compiled sheet (internal to scoring): leaves with centipoint options, thresholds and dependencies. */
import type { CriteriaSheet, Criterion, PartCode, StarMarker } from '../criteria-sheet.ts';

export interface CompiledOption {
  id: string;
  centi: number;
  minStars: StarMarker | null;
  variant: string | undefined;
}

export interface CompiledLeaf {
  code: string;
  part: PartCode;
  criterion: Criterion;
  options: CompiledOption[];
  optionById: Map<string, CompiledOption>;
  /** For each marker level present on this criterion: the lowest option carrying it. */
  markers: Array<{ marker: StarMarker; centi: number; optionId: string }>;
  appliesWhen: { criterion: string; notOptionIds: Set<string>; notOptionCenti: Set<number>; text: string } | null;
}

export interface CompiledSheet {
  sheet: CriteriaSheet;
  leaves: CompiledLeaf[];
  leafByCode: Map<string, CompiledLeaf>;
  allCodes: Set<string>;
  /** Option id → stop rule it triggers. */
  stopByOption: Map<string, CriteriaSheet['stopRules'][number]>;
}

export const toCenti = (points: number): number => Math.round(points * 100);

const compiledSheets = new WeakMap<CriteriaSheet, CompiledSheet>();

/** Flattens a (validated) sheet for scoring; cached per sheet object. */
export function compileSheet(sheet: CriteriaSheet): CompiledSheet {
  const cached = compiledSheets.get(sheet);
  if (cached) return cached;
  const leaves: CompiledLeaf[] = [];
  const allCodes = new Set<string>();
  const visit = (criterion: Criterion, part: PartCode): void => {
    allCodes.add(criterion.code);
    if (criterion.children && criterion.children.length > 0) {
      criterion.children.forEach((child) => visit(child, part));
      return;
    }
    const options = criterion.options.map((option) => ({
      id: option.id,
      centi: toCenti(option.points),
      minStars: option.minStars,
      variant: option.variant,
    }));
    const markers: CompiledLeaf['markers'] = [];
    for (const marker of [3, 4, 5] as const) {
      const carrying = options.filter((option) => option.minStars === marker);
      const lowest = carrying.reduce<CompiledOption | null>((best, option) => (best === null || option.centi < best.centi ? option : best), null);
      if (lowest) markers.push({ marker, centi: lowest.centi, optionId: lowest.id });
    }
    const condition = criterion.appliesWhen;
    leaves.push({
      code: criterion.code,
      part,
      criterion,
      options,
      optionById: new Map(options.map((option) => [option.id, option])),
      markers,
      appliesWhen: condition
        ? {
            criterion: condition.criterion,
            notOptionIds: new Set(condition.notOptionIds ?? []),
            notOptionCenti: new Set((condition.notOptionPoints ?? []).map(toCenti)),
            text: condition.text,
          }
        : null,
    });
  };
  for (const part of sheet.parts) {
    for (const section of part.sections) {
      allCodes.add(section.code);
      section.criteria.forEach((criterion) => visit(criterion, part.code));
    }
  }
  const stopByOption = new Map<string, CriteriaSheet['stopRules'][number]>();
  for (const rule of sheet.stopRules) for (const id of rule.optionIds ?? []) stopByOption.set(id, rule);
  const compiled = { sheet, leaves, leafByCode: new Map(leaves.map((leaf) => [leaf.code, leaf])), allCodes, stopByOption };
  compiledSheets.set(sheet, compiled);
  return compiled;
}

/**
 * Points (centipoints) a criterion needs for a star level: the highest requirement among its markers
 * of level ≤ stars; 0 when none applies. Also returns the binding marker.
 */
export function findMarkerThreshold(leaf: CompiledLeaf, stars: number): { centi: number; marker: CompiledLeaf['markers'][number] | null } {
  let result: { centi: number; marker: CompiledLeaf['markers'][number] | null } = { centi: 0, marker: null };
  for (const marker of leaf.markers) {
    if (marker.marker <= stars && marker.centi >= result.centi) result = { centi: marker.centi, marker };
  }
  return result;
}
