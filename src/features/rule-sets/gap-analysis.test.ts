import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { criteriaSheetSchema, type CriteriaSheet, type Criterion } from './criteria-sheet.ts';
import { analyzeGap } from './gap-analysis.ts';
import { ruleSetSchema, type RuleSet } from './rule-set.ts';
import { compileSheet, findMarkerThreshold, scoreSelfAssessment } from './scoring/index.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const current: RuleSet = ruleSetSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/rule-sets/26-2026.json'), 'utf8')));
const sheetDir = path.join(root, 'data/criteria-sheets/26-2026');
const sheets = readdirSync(sheetDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((file) => criteriaSheetSchema.parse(JSON.parse(readFileSync(path.join(sheetDir, file), 'utf8'))));
const sheet = (number: number): CriteriaSheet => {
  const found = sheets[number - 1];
  assert.ok(found);
  return found;
};

/** Lowest option everywhere, except the given overrides. */
function lowestChoices(criteriaSheet: CriteriaSheet, overrides: Record<string, string> = {}): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const leaf of compileSheet(criteriaSheet).leaves) {
    const lowest = [...leaf.options].sort((a, b) => a.centi - b.centi)[0];
    if (lowest) choices[leaf.code] = lowest.id;
  }
  return { ...choices, ...overrides };
}

/** Highest option everywhere, except the given overrides. */
function highestChoices(criteriaSheet: CriteriaSheet, overrides: Record<string, string> = {}): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const leaf of compileSheet(criteriaSheet).leaves) {
    const highest = [...leaf.options].sort((a, b) => b.centi - a.centi)[0];
    if (highest) choices[leaf.code] = highest.id;
  }
  return { ...choices, ...overrides };
}

test('a 4★ score held back by one **** marker: the marker is reported and the one-step fix proposed', () => {
  // Set 1 at the top everywhere except 1.5 (linkage) at option b: 1 point, below the 4★ minimum (option c).
  // Other criteria are lowered (keeping their markers) so that the band is 4★: 100 − 2 − 5 − 2 − 2 − 1 − 3 − 1 = 84.
  const choices = highestChoices(sheet(1), { '1.5': '1.5.b', '4.3': '4.3.a', '5.3': '5.3.c', '8': '8.c', '6.2': '6.2.d', '4.2': '4.2.a', '1.7': '1.7.a' });
  const before = scoreSelfAssessment(current, sheet(1), choices);
  assert.ok(before.ok);
  assert.equal(before.value.total, 84);
  assert.equal(before.value.starOutcome.bandStars, 4);
  assert.equal(before.value.starOutcome.stars, 3);

  const result = analyzeGap({ ruleSet: current, sheet: sheet(1), choices });
  assert.ok(result.ok);
  const gap = result.value;
  assert.equal(gap.targetStars, 4);
  assert.deepEqual(gap.blockingMarkers.map(({ criterion, marker, requiredOptionId }) => ({ criterion, marker, requiredOptionId })), [
    { criterion: '1.5', marker: 4, requiredOptionId: '1.5.c' },
  ]);
  assert.ok(gap.plan?.reachable);
  if (!gap.plan?.reachable) return;
  assert.deepEqual(gap.plan.upgrades, [
    { criterion: '1.5', fromOptionId: '1.5.b', toOptionId: '1.5.c', fromPoints: 1, toPoints: 2, requiredByMarker: 4 },
  ]);
  assert.equal(gap.plan.addedPoints, 1);
  assert.equal(gap.plan.newTotal, 85);
  assert.equal(gap.plan.newStars, 4);
});

test('the cheapest way from 68 points to 4★ adds exactly 2 points', () => {
  // Start from the top and lower criteria without 4★ markers until 68 points remain.
  const choices = highestChoices(sheet(1), {
    '4.3': '4.3.a', // -5
    '5.3': '5.3.b', // -4
    '12': '12.a', // -2
    '6.3': '6.3.a', // -3
    '1.4': '1.4.a', // -2
    '4.2': '4.2.a', // -3
    '1.2': '1.2.a', // -2
    '2.2': '2.2.c', // -1
    '6.4': '6.4.a', // -3
    '3.3': '3.3.a', // -2
    '10': '10.b', // -2
    '1.7': '1.7.a', // -1
    '3.1': '3.1.a', // -2
  });
  const before = scoreSelfAssessment(current, sheet(1), choices);
  assert.ok(before.ok);
  assert.equal(before.value.total, 68);
  assert.equal(before.value.starOutcome.stars, 3);
  const result = analyzeGap({ ruleSet: current, sheet: sheet(1), choices });
  assert.ok(result.ok && result.value.plan?.reachable);
  if (!result.ok || !result.value.plan?.reachable) return;
  assert.equal(result.value.plan.addedPoints, 2);
  assert.equal(result.value.plan.upgrades.length, 1, 'one criterion raised by 2 beats two raised by 1');
  assert.equal(result.value.plan.newStars, 4);
});

test('nothing to do at 5★; an explicit lower target needs no upgrade', () => {
  const top = highestChoices(sheet(2));
  const none = analyzeGap({ ruleSet: current, sheet: sheet(2), choices: top });
  assert.ok(none.ok);
  assert.equal(none.value.targetStars, null);
  assert.equal(none.value.plan, null);
  const lower = analyzeGap({ ruleSet: current, sheet: sheet(2), choices: top, targetStars: 4 });
  assert.ok(lower.ok && lower.value.plan?.reachable);
  assert.deepEqual(lower.ok && lower.value.plan?.reachable ? lower.value.plan.upgrades : null, []);
});

test('a choice that triggers a stop rule is always upgraded, even when the score would suffice', () => {
  // Set 16: 0 points on a sensory criterion stops the evaluation.
  const choices = highestChoices(sheet(16), { '6.3': '6.3.a' });
  const result = analyzeGap({ ruleSet: current, sheet: sheet(16), choices, targetStars: 5 });
  assert.ok(result.ok);
  assert.equal(result.value.current.stoppedBy, 'stop-6');
  assert.ok(result.value.plan?.reachable);
  if (!result.value.plan?.reachable) return;
  assert.ok(result.value.plan.upgrades.some((upgrade) => upgrade.criterion === '6.3'));
  assert.notEqual(result.value.plan.choices['6.3'], '6.3.a');
});

test('a product without a story can be advised to write one; 5.2 then applies', () => {
  const choices = lowestChoices(sheet(1));
  const result = analyzeGap({ ruleSet: current, sheet: sheet(1), choices, targetStars: 3 });
  assert.ok(result.ok && result.value.plan?.reachable);
  if (!result.ok || !result.value.plan?.reachable) return;
  const rescored = scoreSelfAssessment(current, sheet(1), result.value.plan.choices);
  assert.ok(rescored.ok);
  assert.ok(rescored.value.starOutcome.stars >= 3);
  assert.equal(rescored.value.total, result.value.plan.newTotal);
  assert.ok(result.value.plan.newTotal >= 50);
  // *** markers of set 1 are all forced: 2.2 (c), 2.3 (a), 3.5 (a), 4.1 (b), 5.3 (b), 9 (a), 10 (a).
  const forced = result.value.plan.upgrades.filter((upgrade) => upgrade.requiredByMarker === 3).map((upgrade) => upgrade.criterion);
  assert.deepEqual(forced, ['2.2', '4.1', '5.3']);
});

test('validation problems of the self-assessment are returned, not thrown', () => {
  const result = analyzeGap({ ruleSet: current, sheet: sheet(1), choices: { '1.1': '1.1.x' } });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.errors.some((error) => error.code === 'UNKNOWN_OPTION' && error.criterion === '1.1'));
  assert.ok(!result.ok && result.errors.some((error) => error.code === 'MISSING_CHOICE' && error.criterion === '7'));
  const badTarget = analyzeGap({ ruleSet: current, sheet: sheet(1), choices: lowestChoices(sheet(1)), targetStars: 6 });
  assert.ok(!badTarget.ok && badTarget.errors[0]?.code === 'INVALID_TARGET');
});

test('fast: the plan to 5★ from the lowest choices of each of the 26 sheets', () => {
  const started = performance.now();
  for (const item of sheets) {
    const result = analyzeGap({ ruleSet: current, sheet: item, choices: lowestChoices(item), targetStars: 5 });
    assert.ok(result.ok && result.value.plan?.reachable, `set ${item.productSet.number}`);
    if (result.ok && result.value.plan?.reachable) assert.ok(result.value.plan.newStars === 5, `set ${item.productSet.number}`);
  }
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
});

// ---------------------------------------------------------------------------------------------
// Property: the dynamic programme equals a brute-force search on small random sheets
// ---------------------------------------------------------------------------------------------

interface RandomCriterion {
  points: number[];
  markers: Array<3 | 4 | 5 | null>;
}

function buildRandomSheet(partCriteria: RandomCriterion[][]): CriteriaSheet {
  const maxima = { A: 40, B: 25, C: 35 } as const;
  const base = structuredClone(sheets[0]) as CriteriaSheet;
  const parts = (['A', 'B', 'C'] as const).map((code, partIndex) => {
    const sectionCode = String(partIndex + 1);
    const randoms = partCriteria[partIndex] ?? [];
    const criteria: Criterion[] = randoms.map((random, index) => {
      const criterionCode = `${sectionCode}.${index + 1}`;
      const points = [...new Set(random.points)].sort((a, b) => a - b);
      return {
        code: criterionCode,
        name: criterionCode,
        maxPoints: Math.max(...points),
        options: points.map((value, optionIndex) => ({
          id: `${criterionCode}.${String.fromCharCode(97 + optionIndex)}`,
          label: `${value}`,
          points: value,
          minStars: random.markers[optionIndex] ?? null,
        })),
      };
    });
    const used = criteria.reduce((sum, item) => sum + item.maxPoints, 0);
    const fillerCode = `${sectionCode}.${criteria.length + 1}`;
    criteria.push({
      code: fillerCode,
      name: 'filler',
      maxPoints: maxima[code] - used,
      options: [
        { id: `${fillerCode}.a`, label: '0', points: 0, minStars: null },
        { id: `${fillerCode}.b`, label: 'rest', points: maxima[code] - used, minStars: null },
      ],
    });
    return { code, name: code, maxPoints: maxima[code], sections: [{ code: sectionCode, name: sectionCode, maxPoints: maxima[code], criteria }] };
  });
  return { ...base, productSet: { number: 77, name: 'random' }, parts, disqualifications: [], stopRules: [], notes: [] };
}

const arbitraryCriterion: fc.Arbitrary<RandomCriterion> = fc
  .uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 4 })
  .chain((points) =>
    fc.record({
      points: fc.constant(points),
      markers: fc.array(fc.constantFrom<3 | 4 | 5 | null>(null, null, 3, 4, 5), { minLength: points.length, maxLength: points.length }),
    }),
  );
const arbitraryCase = fc.record({
  partCriteria: fc.tuple(fc.array(arbitraryCriterion, { maxLength: 2 }), fc.array(arbitraryCriterion, { maxLength: 2 }), fc.array(arbitraryCriterion, { maxLength: 1 })),
  picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  target: fc.integer({ min: 2, max: 5 }),
});

test('property: the plan adds the fewest points (then changes the fewest criteria) — checked by brute force', () => {
  fc.assert(
    fc.property(arbitraryCase, ({ partCriteria, picks, target }) => {
      const randomSheet = buildRandomSheet(partCriteria);
      const compiled = compileSheet(randomSheet);
      const choices: Record<string, string> = {};
      compiled.leaves.forEach((leaf, index) => {
        const option = leaf.options[(picks[index] ?? 0) % leaf.options.length];
        if (option) choices[leaf.code] = option.id;
      });
      const result = analyzeGap({ ruleSet: current, sheet: randomSheet, choices, targetStars: target });
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
      if (!result.ok) return;

      // Brute force over every combination of "keep or raise" per criterion.
      const band = current.starBands.find((item) => item.stars === target);
      assert.ok(band);
      const currentCenti = compiled.leaves.map((leaf) => leaf.optionById.get(choices[leaf.code] ?? '')?.centi ?? 0);
      const baseTotal = currentCenti.reduce((sum, value) => sum + value, 0);
      const alternatives = compiled.leaves.map((leaf, index) =>
        leaf.options.filter((option) => option.id === choices[leaf.code] || option.centi > (currentCenti[index] ?? 0)),
      );
      let best: { added: number; changes: number } | null = null;
      const walk = (index: number, added: number, changes: number): void => {
        const leaf = compiled.leaves[index];
        if (!leaf) {
          if (baseTotal + added < band.min * 100) return;
          if (!best || added < best.added || (added === best.added && changes < best.changes)) best = { added, changes };
          return;
        }
        for (const option of alternatives[index] ?? []) {
          if (option.centi < findMarkerThreshold(leaf, target).centi) continue;
          walk(index + 1, added + option.centi - (currentCenti[index] ?? 0), changes + (option.id === choices[leaf.code] ? 0 : 1));
        }
      };
      walk(0, 0, 0);

      const plan = result.value.plan;
      const alreadyThere = scoreSelfAssessment(current, randomSheet, choices);
      assert.ok(alreadyThere.ok);
      if (alreadyThere.value.starOutcome.stars >= target) {
        assert.ok(plan?.reachable && plan.upgrades.length === 0);
        return;
      }
      const found = best as { added: number; changes: number } | null;
      if (found === null) {
        assert.equal(plan?.reachable, false);
        return;
      }
      assert.ok(plan?.reachable, `brute force found +${found.added / 100}`);
      if (!plan?.reachable) return;
      assert.equal(Math.round(plan.addedPoints * 100), found.added);
      assert.equal(plan.upgrades.length, found.changes);
      assert.ok(plan.newStars >= target);
      for (const upgrade of plan.upgrades) assert.ok(upgrade.toPoints > upgrade.fromPoints);
    }),
    { numRuns: 300 },
  );
});
