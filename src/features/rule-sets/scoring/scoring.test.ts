import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { criteriaSheetSchema, type CriteriaSheet } from '../criteria-sheet.ts';
import { ruleSetSchema, type RuleSet } from '../rule-set.ts';
import {
  compileSheet,
  findBandStars,
  findMarkerThreshold,
  makeExactScore,
  scoreEvaluation,
  scoreSelfAssessment,
  type MemberScoreSheet,
} from './index.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const ruleSet = (id: string): RuleSet => ruleSetSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/rule-sets', `${id}.json`), 'utf8')));
const sheetDir = path.join(root, 'data/criteria-sheets/26-2026');
const sheetFiles = readdirSync(sheetDir).filter((name) => name.endsWith('.json')).sort();
const sheets: CriteriaSheet[] = sheetFiles.map((file) => criteriaSheetSchema.parse(JSON.parse(readFileSync(path.join(sheetDir, file), 'utf8'))));
const sheet = (number: number): CriteriaSheet => {
  const found = sheets[number - 1];
  assert.ok(found);
  return found;
};
const current = ruleSet('26-2026');

/**
 * Finds choices with an exact total (a small subset-sum), meeting every marker up to `meetMarkersUpTo`,
 * never choosing stop-rule options nor making a conditional criterion inapplicable.
 */
function buildChoices(
  criteriaSheet: CriteriaSheet,
  options: { total: number; meetMarkersUpTo?: number; fixed?: Record<string, string> },
): Record<string, string> {
  const compiled = compileSheet(criteriaSheet);
  const fixed = options.fixed ?? {};
  const deciding = new Map(compiled.leaves.flatMap((leaf) => (leaf.appliesWhen ? [[leaf.appliesWhen.criterion, leaf.appliesWhen.notOptionIds] as const] : [])));
  let reachable = new Map<number, Record<string, string>>([[0, {}]]);
  for (const leaf of compiled.leaves) {
    const allowed = leaf.options.filter((option) => {
      if (fixed[leaf.code] !== undefined) return option.id === fixed[leaf.code];
      if (compiled.stopByOption.has(option.id)) return false;
      if (deciding.get(leaf.code)?.has(option.id)) return false;
      return option.centi >= findMarkerThreshold(leaf, options.meetMarkersUpTo ?? 0).centi;
    });
    const next = new Map<number, Record<string, string>>();
    for (const [sum, choices] of reachable) {
      for (const option of allowed) {
        const key = sum + option.centi;
        if (!next.has(key)) next.set(key, { ...choices, [leaf.code]: option.id });
      }
    }
    reachable = next;
  }
  const found = reachable.get(Math.round(options.total * 100));
  if (!found) throw new Error(`no choices with total ${options.total}`);
  return found;
}

const member = (memberId: string, choices: Record<string, string>, extra: Partial<MemberScoreSheet> = {}): MemberScoreSheet => ({ memberId, choices, ...extra });

function scoreCouncil(criteriaSheet: CriteriaSheet, memberSheets: MemberScoreSheet[], councilSize = memberSheets.length) {
  const result = scoreEvaluation({ ruleSet: current, sheet: criteriaSheet, memberSheets, council: { councilSize } });
  assert.equal(result.ok, true, result.ok ? '' : JSON.stringify(result.errors, null, 2));
  if (!result.ok) throw new Error('unreachable');
  return result.value;
}

test('80 points with a **** requirement unmet is 3★, and the result names the criterion and the marker', () => {
  // Set 1, criterion 1.5: option b (1 point) is chosen; the 4★ minimum is option c (2 points).
  const choices = buildChoices(sheet(1), { total: 80, meetMarkersUpTo: 4, fixed: { '1.5': '1.5.b' } });
  const result = scoreCouncil(sheet(1), [member('chair', choices, { isChair: true }), member('m2', choices), member('m3', choices)]);
  assert.equal(result.status, 'ranked');
  assert.equal(result.average.total.display, '80.00');
  assert.equal(result.starOutcome.bandStars, 4);
  assert.equal(result.stars, 3);
  assert.deepEqual(
    result.starOutcome.cappedBy.map(({ criterion, marker, requiredPoints, requiredOptionId }) => ({ criterion, marker, requiredPoints, requiredOptionId })),
    [{ criterion: '1.5', marker: 4, requiredPoints: 2, requiredOptionId: '1.5.c' }],
  );
  assert.deepEqual(result.recognition, { level: 'province', certificate: true });
});

test('an unmet *** requirement caps a 3★ score at 2★: no decision, no certificate', () => {
  // Set 1, criterion 2.2: *** is on option c (2 points); option b gives 1.
  const choices = buildChoices(sheet(1), { total: 60, meetMarkersUpTo: 3, fixed: { '2.2': '2.2.b' } });
  const result = scoreCouncil(sheet(1), [member('chair', choices, { isChair: true })]);
  assert.equal(result.starOutcome.bandStars, 3);
  assert.equal(result.stars, 2);
  assert.deepEqual(result.recognition, { level: null, certificate: false });
});

test('an average of 89.6 is 4★ (Đ.3.3 "từ 70 đến dưới 90"), 90 is 5★ and goes to the ministry', () => {
  const at = (total: number) => buildChoices(sheet(1), { total, meetMarkersUpTo: 5 });
  const almost = scoreCouncil(sheet(1), [
    member('chair', at(90), { isChair: true }),
    member('m2', at(90)),
    member('m3', at(90)),
    member('m4', at(89)),
    member('m5', at(89)),
  ]);
  assert.equal(almost.average.total.value, 89.6);
  assert.deepEqual([almost.average.total.numerator, almost.average.total.denominator], [448, 5]);
  assert.equal(almost.average.total.display, '89.60');
  assert.equal(almost.stars, 4);
  assert.deepEqual(almost.forwardTo, []);

  const five = scoreCouncil(sheet(1), [member('chair', at(90), { isChair: true }), member('m2', at(90)), member('m3', at(90))]);
  assert.equal(five.stars, 5);
  assert.deepEqual(five.starOutcome.cappedBy, []);
  assert.deepEqual(five.recognition, { level: 'central', certificate: true });
  assert.deepEqual(five.forwardTo, [{ from: 'province', to: 'central' }]);
});

test('an average of 49.99 is 2★', () => {
  // 99 members at 50 and one at 49: 4999 / 100 = 49.99 exactly.
  const fifty = buildChoices(sheet(1), { total: 50, meetMarkersUpTo: 3 });
  const fortyNine = buildChoices(sheet(1), { total: 49, meetMarkersUpTo: 3 });
  const members = Array.from({ length: 99 }, (_, index) => member(`m${index}`, fifty, { isChair: index === 0 }));
  members.push(member('last', fortyNine));
  const result = scoreCouncil(sheet(1), members);
  assert.equal(result.average.total.display, '49.99');
  assert.equal(result.starOutcome.bandStars, 2);
  assert.equal(result.stars, 2);
});

test('averages are exact; the displayed total never rounds up onto a band boundary', () => {
  // 250 members summing 22,499 points: 89.996 → "89.99" (not "90.00"), and 4★.
  assert.equal(makeExactScore(2_249_900, 250, [9000]).display, '89.99');
  assert.equal(makeExactScore(2_249_900, 250).display, '90.00');
  assert.equal(findBandStars(current, 2_249_900, 250), 4);
  assert.equal(findBandStars(current, 2_250_000, 250), 5);
  // Half-up otherwise: 269 / 3 = 89.666… → "89.67".
  assert.equal(makeExactScore(26_900, 3, [9000]).display, '89.67');
  assert.deepEqual([makeExactScore(26_900, 3).numerator, makeExactScore(26_900, 3).denominator], [269, 3]);
});

test('any member flagging a disqualifying condition disqualifies the dossier', () => {
  const choices = buildChoices(sheet(1), { total: 85, meetMarkersUpTo: 4 });
  const result = scoreCouncil(sheet(1), [
    member('chair', choices, { isChair: true }),
    member('m2', choices),
    member('m3', {}, { disqualified: { reasonId: 'forged-dossier' } }),
  ]);
  assert.equal(result.status, 'disqualified');
  assert.equal(result.stars, null);
  assert.deepEqual(result.disqualification?.reasons, [{ memberId: 'm3', reasonId: 'forged-dossier', text: 'Giả mạo hồ sơ' }]);
});

test('stop rules: a flagged observation or a triggering option stops the evaluation', () => {
  const freshChoices = buildChoices(sheet(1), { total: 70, meetMarkersUpTo: 4 });
  const flagged = scoreCouncil(sheet(1), [member('chair', freshChoices, { isChair: true, stoppedBy: { ruleId: 'stop-6.1' } })]);
  assert.equal(flagged.status, 'stopped');
  assert.equal(flagged.stars, null);
  assert.match(flagged.stop?.members[0]?.text ?? '', /tạp chất/);

  // Set 16: "Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo."
  const water = { ...buildChoices(sheet(16), { total: 70, meetMarkersUpTo: 3 }) };
  water['6.2'] = '6.2.a';
  const stopped = scoreCouncil(sheet(16), [member('chair', water, { isChair: true })]);
  assert.equal(stopped.status, 'stopped');
  assert.deepEqual(stopped.stop?.members[0], { memberId: 'chair', ruleId: 'stop-6', criterion: '6', text: 'Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo.', optionId: '6.2.a' });
});

test('a conditional criterion that does not apply scores 0 and is reported (5.2 without a story)', () => {
  const choices = { ...buildChoices(sheet(1), { total: 60 }), '5.1': '5.1.a', '5.2': '5.2.c' };
  const result = scoreCouncil(sheet(1), [member('chair', choices, { isChair: true })]);
  const storyStructure = result.members[0]?.criteria.find((criterion) => criterion.code === '5.2');
  assert.deepEqual(storyStructure, { code: '5.2', part: 'B', optionId: null, points: 0, applicable: false });
  assert.deepEqual(result.notApplicable, [
    { memberId: 'chair', criterion: '5.2', because: { criterion: '5.1', optionId: '5.1.a' }, text: 'Chỉ áp dụng khi có câu chuyện sản phẩm', ignoredChoice: '5.2.c' },
  ]);
  // Without 5.2 in the choices it is not reported missing either.
  const withoutChoice: Record<string, string> = { ...choices };
  delete withoutChoice['5.2'];
  assert.equal(scoreSelfAssessment(current, sheet(1), withoutChoice).ok, true);
});

/** A small valid sheet whose criterion 1.1 has half points, to test the spread rule. */
function halfPointSheet(): CriteriaSheet {
  const option = (id: string, points: number) => ({ id, label: id, points, minStars: null });
  const base = structuredClone(sheet(1));
  return {
    ...base,
    productSet: { number: 99, name: 'Bộ thử' },
    parts: [
      { code: 'A', name: 'A', maxPoints: 40, sections: [{ code: '1', name: 'Mục 1', maxPoints: 40, criteria: [
        { code: '1.1', name: 'Nửa điểm', maxPoints: 20, options: [option('1.1.a', 0), option('1.1.b', 9.5), option('1.1.c', 10), option('1.1.d', 20)] },
        { code: '1.2', name: 'Thường', maxPoints: 20, options: [option('1.2.a', 0), option('1.2.b', 20)] },
      ] }] },
      { code: 'B', name: 'B', maxPoints: 25, sections: [{ code: '2', name: 'Mục 2', maxPoints: 25, criteria: [{ code: '2', name: 'Mục 2', maxPoints: 25, options: [option('2.a', 0), option('2.b', 25)] }] }] },
      { code: 'C', name: 'C', maxPoints: 35, sections: [{ code: '3', name: 'Mục 3', maxPoints: 35, criteria: [{ code: '3', name: 'Mục 3', maxPoints: 35, options: [option('3.a', 0), option('3.b', 35)] }] }] },
    ],
    disqualifications: [],
    stopRules: [],
  };
}

test('spread: members 10 points apart are fine, 10.5 apart must re-score (the pair is named)', () => {
  const synthetic = halfPointSheet();
  const top = { '1.1': '1.1.d', '1.2': '1.2.b', '2': '2.b', '3': '3.b' };
  const ok = scoreCouncil(synthetic, [member('high', top, { isChair: true }), member('low', { ...top, '1.1': '1.1.c' })]);
  assert.deepEqual(ok.spread, { limit: 10, largest: 10, pair: ['high', 'low'], needsRescore: false });
  assert.equal(ok.status, 'ranked');

  const far = scoreCouncil(synthetic, [member('high', top, { isChair: true }), member('mid', { ...top, '1.1': '1.1.c' }), member('low', { ...top, '1.1': '1.1.b' })]);
  assert.deepEqual(far.spread, { limit: 10, largest: 10.5, pair: ['high', 'low'], needsRescore: true });
  assert.equal(far.status, 'needs-rescore');
  assert.equal(far.stars, null);
  assert.equal(far.average.total.display, '93.17');
});

test('quorum: 3 of 4 members including the chair', () => {
  const choices = buildChoices(sheet(1), { total: 75, meetMarkersUpTo: 4 });
  const run = (sheetsIn: MemberScoreSheet[], quorum?: { chairRequired: boolean }) => {
    const result = scoreEvaluation({ ruleSet: current, sheet: sheet(1), memberSheets: sheetsIn, council: { councilSize: 4, ...(quorum ? { quorum } : {}) } });
    assert.ok(result.ok);
    return result.value;
  };
  const withChair = run([member('chair', choices, { isChair: true }), member('m2', choices), member('m3', choices)]);
  assert.deepEqual(withChair.quorum, { councilSize: 4, present: 3, required: 3, chairPresent: true, chairRequired: true, met: true });
  assert.equal(withChair.stars, 4);

  const noChair = run([member('m1', choices), member('m2', choices), member('m3', choices)]);
  assert.equal(noChair.quorum.met, false);
  assert.equal(noChair.status, 'no-quorum');
  assert.equal(noChair.stars, null);

  assert.equal(run([member('chair', choices, { isChair: true }), member('m2', choices)]).quorum.met, false);
  assert.equal(run([member('m1', choices), member('m2', choices), member('m3', choices)], { chairRequired: false }).quorum.met, true);
});

test('input errors are all returned at once and name the criterion', () => {
  const good = buildChoices(sheet(1), { total: 70 });
  const bad: Record<string, string> = { ...good, '1.1': '1.1.z', '6.1.1': '6.1.1.a' };
  delete bad['2.2'];
  const result = scoreEvaluation({
    ruleSet: current,
    sheet: sheet(1),
    memberSheets: [
      member('m1', bad, { isChair: true, productSetNumber: 3 }),
      member('m2', good, { disqualified: { reasonId: 'not-a-reason' } }),
      member('m2', good),
    ],
    council: { councilSize: 5 },
  });
  assert.equal(result.ok, false);
  if (result.ok) return;
  const summary = result.errors.map((error) => [error.code, error.memberId ?? null, error.criterion ?? null]);
  assert.deepEqual(summary.sort(), [
    ['DUPLICATE_MEMBER', 'm2', null],
    ['MISSING_CHOICE', 'm1', '2.2'],
    ['UNKNOWN_CRITERION', 'm1', '6.1.1'],
    ['UNKNOWN_DISQUALIFICATION', 'm2', null],
    ['UNKNOWN_OPTION', 'm1', '1.1'],
    ['WRONG_PRODUCT_SET', 'm1', null],
  ].sort());
});

test('forwarding follows the rule set and the council level (148/2023: district → province from 70)', () => {
  const old = ruleSet('148-2023');
  const oldSheet = { ...structuredClone(sheet(1)), ruleSetId: '148-2023' };
  const choices = buildChoices(oldSheet, { total: 92, meetMarkersUpTo: 5 });
  const run = (level?: 'district' | 'province') => {
    const result = scoreEvaluation({ ruleSet: old, sheet: oldSheet, memberSheets: [member('chair', choices, { isChair: true })], council: { councilSize: 1, ...(level ? { level } : {}) } });
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
    return result.value;
  };
  assert.deepEqual(run('district').forwardTo, [{ from: 'district', to: 'province' }]);
  assert.deepEqual(run('province').forwardTo, [{ from: 'province', to: 'central' }]);
  assert.equal(run().forwardTo.length, 2);
  assert.deepEqual(run('district').recognition, { level: 'central', certificate: true });
});

test('a sheet scored under another rule set, or a parent criterion chosen directly, is refused', () => {
  const choices = buildChoices(sheet(1), { total: 70 });
  const wrong = scoreEvaluation({ ruleSet: ruleSet('148-2023'), sheet: sheet(1), memberSheets: [member('m', choices, { isChair: true })], council: { councilSize: 1 } });
  assert.ok(!wrong.ok && wrong.errors.some((error) => error.code === 'WRONG_RULE_SET'));

  const tea = { ...buildChoices(sheet(11), { total: 70 }), '6.1': '6.1.1.a' };
  const parent = scoreSelfAssessment(current, sheet(11), tea);
  assert.ok(!parent.ok && parent.errors.some((error) => error.code === 'NOT_A_LEAF_CRITERION' && error.criterion === '6.1'));

  const noSheets = scoreEvaluation({ ruleSet: current, sheet: sheet(1), memberSheets: [], council: { councilSize: 0 } });
  assert.ok(!noSheets.ok && noSheets.errors.some((error) => error.code === 'NO_MEMBER_SHEETS'));
});

// ---------------------------------------------------------------------------------------------
// Properties (real sheets of all 26 product sets, random choices)
// ---------------------------------------------------------------------------------------------

const compiledSheets = sheets.map((item) => compileSheet(item));
const arbitraryChoices = (index: number) =>
  fc.array(fc.nat(), { minLength: compiledSheets[index]?.leaves.length ?? 0, maxLength: compiledSheets[index]?.leaves.length ?? 0 }).map((picks) => {
    const choices: Record<string, string> = {};
    compiledSheets[index]?.leaves.forEach((leaf, position) => {
      const option = leaf.options[(picks[position] ?? 0) % leaf.options.length];
      if (option) choices[leaf.code] = option.id;
    });
    return choices;
  });
const arbitrarySheetAndChoices = fc.integer({ min: 0, max: 25 }).chain((index) => fc.tuple(fc.constant(index), arbitraryChoices(index)));

test('property: every total is within 0–100 and every part within its maximum', () => {
  fc.assert(
    fc.property(arbitrarySheetAndChoices, ([index, choices]) => {
      const result = scoreSelfAssessment(current, sheet(index + 1), choices);
      assert.ok(result.ok);
      assert.ok(result.value.total >= 0 && result.value.total <= 100);
      assert.ok(result.value.parts.A <= 40 && result.value.parts.B <= 25 && result.value.parts.C <= 35);
      assert.equal(Math.round((result.value.parts.A + result.value.parts.B + result.value.parts.C) * 100), Math.round(result.value.total * 100));
    }),
  );
});

test('property: choosing a better option never lowers the total or the star', () => {
  fc.assert(
    fc.property(arbitrarySheetAndChoices, fc.nat(), fc.nat(), ([index, choices], leafPick, optionPick) => {
      const compiled = compiledSheets[index];
      assert.ok(compiled);
      const leaf = compiled.leaves[leafPick % compiled.leaves.length];
      assert.ok(leaf);
      const now = leaf.optionById.get(choices[leaf.code] ?? '');
      const better = leaf.options.filter((option) => option.centi >= (now?.centi ?? 0));
      const upgrade = better[optionPick % better.length];
      assert.ok(upgrade);
      const before = scoreSelfAssessment(current, sheet(index + 1), choices);
      const after = scoreSelfAssessment(current, sheet(index + 1), { ...choices, [leaf.code]: upgrade.id });
      assert.ok(before.ok && after.ok);
      assert.ok(after.value.total >= before.value.total);
      assert.ok(after.value.starOutcome.bandStars >= before.value.starOutcome.bandStars);
      assert.ok(after.value.starOutcome.stars >= before.value.starOutcome.stars);
    }),
  );
});

test('property: the council average lies between the lowest and highest member total', () => {
  const arbitraryCouncil = fc
    .integer({ min: 0, max: 25 })
    .chain((index) => fc.tuple(fc.constant(index), fc.array(arbitraryChoices(index), { minLength: 1, maxLength: 7 })));
  fc.assert(
    fc.property(arbitraryCouncil, ([index, councilChoices]) => {
      const memberSheets = councilChoices.map((choices, position) => member(`m${position}`, choices, { isChair: position === 0 }));
      const result = scoreEvaluation({ ruleSet: current, sheet: sheet(index + 1), memberSheets, council: { councilSize: memberSheets.length } });
      assert.ok(result.ok);
      const totals = result.value.members.map((item) => Math.round(item.total * 100));
      const { numerator, denominator } = result.value.average.total;
      // min ≤ numerator/denominator ≤ max, compared in integers (totals in hundredths).
      assert.ok(Math.min(...totals) * denominator <= numerator * 100);
      assert.ok(numerator * 100 <= Math.max(...totals) * denominator);
      for (const part of ['A', 'B', 'C'] as const) {
        const values = result.value.members.map((item) => item.parts[part]);
        const average = result.value.average.parts[part].value;
        assert.ok(average >= Math.min(...values) - 1e-9 && average <= Math.max(...values) + 1e-9);
      }
    }),
  );
});

test('property: the markers only ever lower the star, and say why', () => {
  fc.assert(
    fc.property(arbitrarySheetAndChoices, ([index, choices]) => {
      const result = scoreSelfAssessment(current, sheet(index + 1), choices);
      assert.ok(result.ok);
      const { bandStars, stars, cappedBy } = result.value.starOutcome;
      assert.ok(stars <= bandStars);
      assert.equal(cappedBy.length > 0, stars < bandStars);
      for (const unmet of cappedBy) assert.ok(unmet.marker > stars && unmet.marker <= bandStars);
    }),
  );
});
