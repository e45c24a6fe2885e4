import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CriteriaSheet } from './criteria-sheet.ts';
import { validateCriteriaSheet } from './validate-criteria-sheet.ts';

function buildValidSheet(): CriteriaSheet {
  const option = (id: string, points: number, minStars: 3 | 4 | 5 | null = null) => ({ id, label: `Phương án ${id}`, points, minStars });
  return {
    ruleSetId: '26-2026',
    productSet: { number: 1, name: 'Bộ thử' },
    source: { document: 'test', location: 'test', files: [{ path: 'x', sha256: 'a'.repeat(64) }] },
    totalMaxPoints: 100,
    parts: [
      {
        code: 'A',
        name: 'Phần A',
        maxPoints: 40,
        sections: [
          {
            code: '1',
            name: 'Mục 1',
            maxPoints: 40,
            criteria: [
              { code: '1.1', name: 'Tiêu chí 1.1', maxPoints: 20, options: [option('1.1.a', 0), option('1.1.b', 20, 4)] },
              {
                code: '1.2',
                name: 'Tiêu chí 1.2',
                maxPoints: 20,
                children: [
                  { code: '1.2.1', name: 'Con 1', maxPoints: 10, options: [option('1.2.1.a', 0), option('1.2.1.b', 10)] },
                  { code: '1.2.2', name: 'Con 2', maxPoints: 10, options: [option('1.2.2.a', 5), option('1.2.2.b', 10)] },
                ],
                options: [],
              },
            ],
          },
        ],
      },
      { code: 'B', name: 'Phần B', maxPoints: 25, sections: [{ code: '2', name: 'Mục 2', maxPoints: 25, criteria: [{ code: '2', name: 'Mục 2', maxPoints: 25, options: [option('2.a', 0), option('2.b', 25)] }] }] },
      { code: 'C', name: 'Phần C', maxPoints: 35, sections: [{ code: '3', name: 'Mục 3', maxPoints: 35, criteria: [{ code: '3.1', name: 'Tiêu chí 3.1', maxPoints: 35, options: [option('3.1.a', 0), option('3.1.b', 35, 5)] }] }] },
    ],
    disqualifications: [{ id: 'forged-dossier', text: 'Giả mạo hồ sơ' }],
    stopRules: [{ id: 'stop-3.1', criterion: '3.1', optionIds: ['3.1.a'], text: 'dừng' }],
    starMarkerFootnote: null,
    notes: [],
  };
}

test('a consistent sheet validates', () => {
  const result = validateCriteriaSheet(buildValidSheet());
  assert.equal(result.ok, true, result.ok ? '' : JSON.stringify(result.problems));
});

test('every problem is reported at once, each naming where it is', () => {
  const sheet = buildValidSheet() as unknown as {
    parts: Array<{ maxPoints: number; sections: Array<{ maxPoints: number; criteria: Array<Record<string, unknown>> }> }>;
    stopRules: Array<{ optionIds: string[] }>;
  };
  const partA = sheet.parts[0];
  const partC = sheet.parts[2];
  assert.ok(partA && partC);
  const first = partA.sections[0]?.criteria[0] as { maxPoints: number; options: Array<{ id: string; minStars: unknown }> };
  first.maxPoints = 19; // best option is 20 → CRITERION_MAX and SECTION_SUM
  const second = first.options[1];
  assert.ok(second);
  second.id = '1.1.a'; // duplicate option id
  const cOption = (partC.sections[0]?.criteria[0] as { options: Array<{ minStars: unknown }> }).options[1];
  assert.ok(cOption);
  cOption.minStars = 6; // not a star marker
  partC.maxPoints = 30; // PART_MAX, PART_SUM, TOTAL
  sheet.stopRules[0] = { ...sheet.stopRules[0], optionIds: ['9.9.z'] } as never;

  const result = validateCriteriaSheet(sheet);
  assert.equal(result.ok, false);
  if (result.ok) return;
  const codes = new Set(result.problems.map((problem) => problem.code));
  for (const code of ['MARKER', 'CRITERION_MAX', 'SECTION_SUM', 'DUPLICATE_OPTION_ID', 'PART_MAX', 'PART_SUM', 'TOTAL', 'BAD_REFERENCE'] as const) {
    assert.ok(codes.has(code), `expected ${code} in ${[...codes].join(', ')}`);
  }
  const criterionMax = result.problems.find((problem) => problem.code === 'CRITERION_MAX');
  assert.match(criterionMax?.path ?? '', /\(1\.1\)$/);
});

test('sub-criteria must add up to their parent, and a criterion without options is reported', () => {
  const sheet = buildValidSheet();
  const parent = sheet.parts[0]?.sections[0]?.criteria[1];
  assert.ok(parent?.children?.[1]);
  parent.children[1].options = [];
  parent.children[1].maxPoints = 9;
  const result = validateCriteriaSheet(sheet);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.problems.map((problem) => problem.code).sort(), ['CHILDREN_SUM', 'NO_OPTIONS']);
  assert.match(result.problems.find((problem) => problem.code === 'NO_OPTIONS')?.path ?? '', /\(1\.2\.2\)$/);
});

test('points with more than two decimals are rejected (scoring counts hundredths)', () => {
  const sheet = buildValidSheet();
  const option = sheet.parts[1]?.sections[0]?.criteria[0]?.options[0];
  assert.ok(option);
  option.points = 0.125;
  const result = validateCriteriaSheet(sheet);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.problems.some((problem) => problem.code === 'POINTS_PRECISION'));
});

test('input that is not a sheet at all gives schema problems, not an exception', () => {
  const result = validateCriteriaSheet({ parts: 'nope' });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.problems.some((problem) => problem.code === 'SCHEMA'));
  assert.ok(!result.ok && result.problems.some((problem) => problem.code === 'PART_MISSING'));
});
