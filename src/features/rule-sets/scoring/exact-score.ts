/** Exact scores: centipoint fractions, their display, star bands and star-minimum markers. */
import type { RuleSet } from '../rule-set.ts';
import { findMarkerThreshold, toCenti, type CompiledSheet } from './compiled-sheet.ts';
import type { ExactScore, StarOutcome, UnmetMarker } from './types.ts';

function greatestCommonDivisor(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x === 0 ? 1 : x;
}

function formatCenti(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const absolute = Math.abs(centi);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * Exact average of `centiSum` over `count` sheets. `boundariesCenti` are star-band minima: the display
 * never rounds up onto one of them (see the module comment).
 */
export function makeExactScore(centiSum: number, count: number, boundariesCenti: number[] = []): ExactScore {
  const denominatorRaw = 100 * count;
  const divisor = greatestCommonDivisor(centiSum, denominatorRaw);
  const halfUp = Math.floor((2 * centiSum + count) / (2 * count));
  const truncated = Math.floor(centiSum / count);
  const crossesBoundary = boundariesCenti.some((boundary) => centiSum < boundary * count && halfUp >= boundary);
  return {
    numerator: centiSum / divisor,
    denominator: denominatorRaw / divisor,
    value: centiSum / denominatorRaw,
    display: formatCenti(crossesBoundary ? truncated : halfUp),
  };
}

/** score ≥ threshold, exactly (score = centiSum / (100·count), threshold in centipoints). */
export const reaches = (centiSum: number, count: number, thresholdCenti: number): boolean => centiSum >= thresholdCenti * count;

/** Star band of an exact average (centiSum over count sheets). */
export function findBandStars(ruleSet: Pick<RuleSet, 'starBands'>, centiSum: number, count: number): number {
  for (const band of ruleSet.starBands) {
    const aboveMin = reaches(centiSum, count, toCenti(band.min));
    const belowMax = band.maxExclusive === null || !reaches(centiSum, count, toCenti(band.maxExclusive));
    if (aboveMin && belowMax) return band.stars;
  }
  // Bands tile [0, ∞) (rule-set schema); a negative score cannot occur with non-negative points.
  return 1;
}

export const bandBoundaries = (ruleSet: Pick<RuleSet, 'starBands'>): number[] => ruleSet.starBands.map((band) => toCenti(band.min));

/**
 * Applies the minimum-star markers to a band star. `criterionCenti(code)` gives the criterion's summed
 * centipoints over `count` sheets (1 for a self-assessment, n for a council average).
 */
export function applyStarMarkers(
  compiled: CompiledSheet,
  bandStars: number,
  criterionCenti: (code: string) => number,
  count: number,
): StarOutcome {
  const unmetAt = (stars: number): UnmetMarker[] =>
    compiled.leaves.flatMap((leaf) =>
      leaf.markers
        .filter((marker) => marker.marker === stars)
        .flatMap((marker) => {
          const required = findMarkerThreshold(leaf, stars).centi;
          const actual = criterionCenti(leaf.code);
          if (reaches(actual, count, required)) return [];
          return [{
            criterion: leaf.code,
            marker: marker.marker,
            requiredPoints: required / 100,
            requiredOptionId: marker.optionId,
            actualPoints: makeExactScore(actual, count),
          }];
        }),
    );
  // A level is reached only if its own markers and every lower level's markers are met.
  let stars = Math.min(bandStars, 2);
  for (let level = 3; level <= bandStars; level += 1) {
    const allMet = [3, 4, 5].filter((m) => m <= level).every((m) => unmetAt(m).length === 0);
    if (!allMet) break;
    stars = level;
  }
  const cappedBy: UnmetMarker[] = [];
  for (let level = stars + 1; level <= bandStars; level += 1) if (level >= 3) cappedBy.push(...unmetAt(level));
  return { bandStars, stars, cappedBy };
}
