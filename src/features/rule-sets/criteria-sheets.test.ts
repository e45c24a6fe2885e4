import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { classificationSchema, collectLeafCriteria, type CriteriaSheet } from './criteria-sheet.ts';
import { validateCriteriaSheet } from './validate-criteria-sheet.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const sheetsDir = path.join(root, 'data/criteria-sheets/26-2026');
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const sheetFiles = readdirSync(sheetsDir).filter((name) => name.endsWith('.json')).sort();

test('all 26 criteria sheets of QĐ 26/2026 Phụ lục II are present, one per product set', () => {
  assert.equal(sheetFiles.length, 26);
  const numbers = sheetFiles.map((file) => (readJson(path.join(sheetsDir, file)) as CriteriaSheet).productSet.number);
  assert.deepEqual(numbers, Array.from({ length: 26 }, (_, index) => index + 1));
  sheetFiles.forEach((file, index) => assert.match(file, new RegExp(`^${String(index + 1).padStart(2, '0')}-[a-z0-9-]+\\.json$`)));
});

for (const file of sheetFiles) {
  test(`${file} validates: 100 points, A/B/C = 40/25/35, sums, markers, ids`, () => {
    const result = validateCriteriaSheet(readJson(path.join(sheetsDir, file)));
    assert.equal(result.ok, true, result.ok ? '' : result.problems.map((p) => `${p.code} ${p.path}: ${p.message}`).join('\n'));
    if (!result.ok) return;
    const sheet = result.sheet;
    assert.equal(sheet.ruleSetId, '26-2026');
    assert.deepEqual(sheet.parts.map((part) => [part.code, part.maxPoints]), [['A', 40], ['B', 25], ['C', 35]]);
    assert.ok(collectLeafCriteria(sheet).length >= 20, 'every sheet has at least 20 criteria to choose from');
    assert.equal(sheet.source.files.length, 2);
    for (const source of sheet.source.files) assert.match(source.sha256, /^[0-9a-f]{64}$/);
    for (const leaf of collectLeafCriteria(sheet)) {
      for (const option of leaf.options) assert.equal(option.label, option.label.normalize('NFC').trim());
    }
  });
}

test('the classification tree of Phụ lục I has 6 sectors, 17 groups and 26 product sets linked to their sheets', () => {
  const classification = classificationSchema.parse(readJson(path.join(root, 'data/classification/26-2026.json')));
  assert.equal(classification.sectors.length, 6);
  const groups = classification.sectors.flatMap((sector) => sector.groups);
  assert.equal(groups.length, 17);
  const sets = groups.flatMap((group) => (group.productSet ? [group.productSet] : group.subgroups.map((subgroup) => subgroup.productSet)));
  assert.deepEqual(sets.map((set) => set.number), Array.from({ length: 26 }, (_, index) => index + 1));
  for (const set of sets) {
    assert.ok(existsSync(path.join(root, set.sheetFile)), set.sheetFile);
    const sheet = readJson(path.join(root, set.sheetFile)) as CriteriaSheet;
    assert.equal(sheet.productSet.name, set.name);
    assert.ok(set.leadMinistries.length >= 1);
  }
  // Group 6 of sector I (Cà phê, ca cao) has no subgroup; sector I has 13 product sets.
  assert.equal(classification.sectors[0]?.groups.find((group) => group.code === '6')?.productSet?.number, 13);
  assert.equal(sets.filter((set) => set.number <= 13).length, 13);
  assert.deepEqual(sets.find((set) => set.number === 26)?.leadMinistries, ['Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Nông nghiệp và Môi trường']);
});

test('special rules of the decision are carried into the sheets', () => {
  const load = (number: number): CriteriaSheet => {
    const file = sheetFiles[number - 1];
    assert.ok(file);
    return readJson(path.join(sheetsDir, file)) as CriteriaSheet;
  };
  const fresh = load(1);
  const story = collectLeafCriteria(fresh).find((criterion) => criterion.code === '5.2');
  assert.deepEqual(story?.appliesWhen, { criterion: '5.1', notOptionIds: ['5.1.a'], text: 'Chỉ áp dụng khi có câu chuyện sản phẩm' });
  assert.deepEqual(fresh.disqualifications.map((item) => item.id), ['forged-dossier', 'food-safety-certificate', 'registration-dossier']);
  assert.equal(fresh.stopRules[0]?.criterion, '6.1');
  // Set 1, criterion 1.5: >75% linkage is the 4★ minimum, stable ≥12 months the 5★ minimum.
  const linkage = collectLeafCriteria(fresh).find((criterion) => criterion.code === '1.5');
  assert.deepEqual(linkage?.options.map((option) => [option.points, option.minStars]), [[0, null], [1, null], [2, 4], [3, 5]]);
  // Set 16: "0 points on any criterion above" stops the evaluation.
  assert.deepEqual(load(16).stopRules[0]?.optionIds, ['6.1.a', '6.2.a', '6.3.a', '6.4.a']);
  // Set 11 (tea) nests sub-criteria under 6.1 and 6.2.
  const tea = load(11).parts[2]?.sections[0]?.criteria[1];
  assert.equal(tea?.code, '6.2');
  assert.deepEqual(tea?.children?.map((child) => [child.code, child.maxPoints]), [['6.2.1', 3], ['6.2.2', 3], ['6.2.3', 5]]);
  // Set 26 (tourism): alternative cases and no disqualification header.
  const tourism = load(26);
  assert.equal(tourism.disqualifications.length, 0);
  assert.ok(tourism.notes.some((note) => note.text.includes('không in câu "Hồ sơ bị loại khi…"')));
  // Every correction is recorded as a note.
  const honey = load(4);
  assert.equal(honey.notes.filter((note) => note.kind === 'correction').length, 2);
});

test('NOTES.md lists every note of every sheet', () => {
  const notes = readFileSync(path.join(sheetsDir, 'NOTES.md'), 'utf8');
  for (const file of sheetFiles) {
    const sheet = readJson(path.join(sheetsDir, file)) as CriteriaSheet;
    assert.ok(notes.includes(`\`${file}\``), file);
    for (const note of sheet.notes) assert.ok(notes.includes(note.text), `${file}: ${note.text.slice(0, 60)}`);
  }
});

const referenceHtml = path.resolve(root, '../shared/reference/decision-26-2026-QD-TTg.html');
test('committed data equals a fresh extraction from the reference transcript', { skip: !existsSync(referenceHtml) && 'reference transcript not available' }, async () => {
  const { buildCriteriaData } = await import('../../../scripts/extract-criteria-sheets.ts');
  const built = buildCriteriaData();
  assert.deepEqual(built.failures, []);
  for (const { file, sheet } of built.sheets) {
    assert.deepEqual(readJson(path.join(sheetsDir, file)), JSON.parse(JSON.stringify(sheet)), `${file} is stale: re-run the script`);
  }
  assert.deepEqual(readJson(path.join(root, 'data/classification/26-2026.json')), JSON.parse(JSON.stringify(built.classification)));
  assert.equal(readFileSync(path.join(sheetsDir, 'NOTES.md'), 'utf8'), built.notesMarkdown);
  const sha = createHash('sha256').update(readFileSync(referenceHtml)).digest('hex');
  assert.equal(built.sheets[0]?.sheet.source.files[0]?.sha256, sha);
});
