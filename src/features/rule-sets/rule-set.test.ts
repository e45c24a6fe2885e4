import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ruleSetSchema, type RuleSet } from './rule-set.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = path.join(root, 'data/rule-sets');
const load = (id: string): RuleSet => ruleSetSchema.parse(JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8')));

test('the four rule sets validate and are named by their file', () => {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  assert.deepEqual(files, ['1048-2019.json', '148-1489-2025.json', '148-2023.json', '26-2026.json']);
  for (const file of files) {
    const ruleSet = load(file.replace(/\.json$/, ''));
    assert.equal(`${ruleSet.id}.json`, file);
    assert.ok(ruleSet.sources.length > 0);
  }
});

test('26/2026 is current: two levels of scoring, bands of Đ.3.3, deadlines of Đ.4–Đ.12', () => {
  const ruleSet = load('26-2026');
  assert.equal(ruleSet.status, 'current');
  assert.equal(ruleSet.effectiveFrom, '2026-05-22');
  assert.deepEqual(ruleSet.partMaxima, { A: 40, B: 25, C: 35 });
  assert.deepEqual(ruleSet.starBands, [
    { stars: 5, min: 90, maxExclusive: null },
    { stars: 4, min: 70, maxExclusive: 90 },
    { stars: 3, min: 50, maxExclusive: 70 },
    { stars: 2, min: 30, maxExclusive: 50 },
    { stars: 1, min: 0, maxExclusive: 30 },
  ]);
  const byStar = Object.fromEntries(ruleSet.recognition.map((entry) => [entry.stars, entry.level]));
  assert.deepEqual(byStar, { 5: 'central', 4: 'province', 3: 'province', 2: null, 1: null });
  assert.equal(ruleSet.deadlines.communeCheck?.value, 15);
  assert.equal(ruleSet.deadlines.communeCheck?.unit, 'working-days');
  assert.equal(ruleSet.deadlines.certificateValidity?.value, 36);
  assert.equal(ruleSet.deadlines.reEvaluationFilingEarliest?.value, 180);
  assert.equal(ruleSet.deadlines.reEvaluationFilingLatest?.value, 120);
  assert.equal(ruleSet.deadlines.reEvaluationCompletion?.value, 45);
  assert.equal(ruleSet.deadlines.revocation?.value, 15);
  assert.equal(ruleSet.deadlines.transitionalFirstOrUpgrade?.value, 60);
  assert.equal(ruleSet.deadlines.transitionalReEvaluation?.value, 30);
  assert.deepEqual(ruleSet.forwarding.find((rule) => rule.to === 'central')?.minTotal, 90);
  assert.equal(ruleSet.roundCutoffs?.length, 4);
});

test('older regimes: 1048 had A35/C40 and district forwarding from 50; 148 let the district recognise 3★ and forward from 70', () => {
  const old = load('1048-2019');
  assert.deepEqual(old.partMaxima, { A: 35, B: 25, C: 40 });
  assert.deepEqual(old.levels, ['district', 'province', 'central']);
  assert.deepEqual(old.forwarding[0], { ...old.forwarding[0], from: 'district', to: 'province', minTotal: 50, maxTotal: 100 });

  const regime148 = load('148-2023');
  assert.equal(regime148.recognition.find((entry) => entry.stars === 3)?.level, 'district');
  assert.equal(regime148.recognition.find((entry) => entry.stars === 4)?.level, 'province');
  assert.equal(regime148.forwarding.find((rule) => rule.from === 'district')?.minTotal, 70);

  const regime1489 = load('148-1489-2025');
  assert.equal(regime1489.recognition.find((entry) => entry.stars === 3)?.level, 'province');
  assert.equal(regime1489.effectiveTo, '2026-07-21');
  // Unknowns are null and explained.
  assert.equal(regime1489.deadlines.communeCheck, null);
  assert.ok(regime1489.notes.some((note) => note.field === 'deadlines'));
});

test('the schema rejects bands with a gap, parts that do not add up and a recognising level outside the levels', () => {
  const broken = structuredClone(load('26-2026')) as unknown as {
    starBands: Array<{ maxExclusive: number | null }>;
    partMaxima: { A: number };
    recognition: Array<{ level: string | null }>;
  };
  const band = broken.starBands[1];
  assert.ok(band);
  band.maxExclusive = 89;
  broken.partMaxima.A = 41;
  const entry = broken.recognition[2];
  assert.ok(entry);
  entry.level = 'district';
  const result = ruleSetSchema.safeParse(broken);
  assert.equal(result.success, false);
  const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  assert.ok(paths.includes('starBands.1.maxExclusive'));
  assert.ok(paths.includes('partMaxima'));
  assert.ok(paths.includes('recognition.2.level'));
});
