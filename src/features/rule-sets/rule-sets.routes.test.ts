import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProducerRecord, createTestApp, signInAs, type TestApp } from '../../../tests/support/test-app.ts';
import type { CriteriaSheet } from './criteria-sheet.ts';
import { extremeChoices } from '../../../tests/support/criteria.ts';

describe('rule sets and trial scoring through the API', () => {
  let t: TestApp;
  let csrf: string;
  before(async () => {
    t = await createTestApp();
    csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json().csrfToken;
  });
  after(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const evaluate = (productSet: number | string, choices: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/api/rule-sets/26-2026/criteria-sheets/${productSet}/evaluation`,
      payload: { choices },
      headers: { 'x-csrf-token': csrf },
      cookies: { ocop_csrf: csrf },
    });

  test('the four rule sets are listed; 26/2026 is current with half-open star bands', async () => {
    const list = (await get('/api/rule-sets')).json();
    assert.deepEqual(list.map((r: { id: string }) => r.id).sort(), ['1048-2019', '148-1489-2025', '148-2023', '26-2026']);
    const current = (await get('/api/rule-sets/26-2026')).json();
    assert.equal(current.status, 'current');
    assert.deepEqual(current.starBands.find((b: { stars: number }) => b.stars === 4), { stars: 4, min: 70, maxExclusive: 90 });
  });

  test('comparing 1048/2019 with 26/2026 shows the part maxima that changed', async () => {
    const { differences } = (await get('/api/rule-sets/compare?left=1048-2019&right=26-2026')).json();
    const fields = Object.fromEntries(differences.map((d: { field: string; left: unknown; right: unknown }) => [d.field, [d.left, d.right]]));
    assert.deepEqual(fields['partMaxima.A'], [35, 40]);
    assert.deepEqual(fields['partMaxima.C'], [40, 35]);
    assert.equal(fields['partMaxima.B'], undefined, 'B stayed 25');
  });

  test('all 26 product sets have a sheet; the classification tree has 6 sectors', async () => {
    const sheets = (await get('/api/rule-sets/26-2026/criteria-sheets')).json();
    assert.equal(sheets.length, 26);
    assert.equal(sheets[0].name, 'Rau, củ, quả, hạt tươi');
    const tree = (await get('/api/rule-sets/26-2026/classification')).json();
    assert.equal(tree.sectors.length, 6);
  });

  test('best options score 100 and 5★; worst options 1★', async () => {
    const sheet = (await get('/api/rule-sets/26-2026/criteria-sheets/1')).json() as CriteriaSheet;
    const best = (await evaluate(1, extremeChoices(sheet, 'best'))).json();
    assert.equal(best.complete, true);
    assert.equal(best.score.total, 100);
    assert.deepEqual(best.score.parts, { A: 40, B: 25, C: 35 });
    assert.equal(best.score.starOutcome.stars, 5);
    const worst = (await evaluate(1, extremeChoices(sheet, 'worst'))).json();
    assert.equal(worst.score.starOutcome.stars, 1);
    assert.ok(worst.gap.plan.reachable, 'the gap analysis plans the next star');
  });

  test('a missed 4★ marker caps the star and names the criterion', async () => {
    const sheet = (await get('/api/rule-sets/26-2026/criteria-sheets/1')).json() as CriteriaSheet;
    const choices = extremeChoices(sheet, 'best');
    choices['2.1'] = '2.1.b'; // widely grown but superior quality (1 point): below the **** option
    const result = (await evaluate(1, choices)).json();
    assert.ok(result.score.total >= 90, `total ${result.score.total}`);
    assert.equal(result.score.starOutcome.bandStars, 5);
    assert.equal(result.score.starOutcome.stars, 3);
    assert.ok(result.score.starOutcome.cappedBy.some((m: { criterion: string }) => m.criterion === '2.1'));
    assert.ok(result.gap.blockingMarkers.some((m: { criterion: string }) => m.criterion === '2.1'));
  });

  test('an unfinished sheet says what is missing; unknown criteria and options are named', async () => {
    const partial = (await evaluate(1, { '1.1': '1.1.c' })).json();
    assert.equal(partial.complete, false);
    assert.ok(partial.missing.includes('1.2'));
    assert.equal(partial.gap, null);
    // The live total counts only what was answered (issue 19: "21/100" with five answers worth 9).
    assert.equal(partial.answered.total, 3, '1.1.c is worth 3 points');
    assert.deepEqual(partial.answered.parts, { A: 3, B: 0, C: 0 });
    assert.ok(partial.score.total > partial.answered.total, `the provisional score (${partial.score.total}) counts the unanswered at their lowest option`);
    const sheet = (await get('/api/rule-sets/26-2026/criteria-sheets/1')).json() as CriteriaSheet;
    const full = (await evaluate(1, extremeChoices(sheet, 'best'))).json();
    assert.equal(full.complete, true);
    assert.equal(full.answered.total, full.score.total, 'a complete sheet: answered = score');
    const bad = await evaluate(1, { '99.9': 'x', '1.1': '2.1.a' });
    assert.equal(bad.statusCode, 400);
    const issues = bad.json().error.details.issues;
    assert.deepEqual(issues.map((i: { path: string }) => i.path).sort(), ['choices.1.1', 'choices.99.9']);
    assert.match(issues.find((i: { path: string }) => i.path === 'choices.1.1').message, /không thuộc tiêu chí 1.1/);
    assert.equal((await evaluate(27, {})).statusCode, 400);
    assert.equal((await get('/api/rule-sets/1999-x/criteria-sheets/1')).statusCode, 404);
  });

  test("the data notes go to officials and the public reference, not to a producer's screens (issue 19)", async () => {
    const producerId = await createProducerRecord(t.db, { provinceCode: '12', communeCode: '03595' });
    const producer = await signInAs(t, { role: 'producer', producerId, provinceCode: '12', communeCode: '03595' });
    const officer = await signInAs(t, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' });
    const sheetUrl = '/api/rule-sets/26-2026/criteria-sheets/1';
    assert.ok((await get(sheetUrl)).json().notes.length > 0, 'the public reference keeps them');
    assert.ok((await officer.request('GET', sheetUrl)).json().notes.length > 0, 'an officer sees them');
    const forProducer = (await producer.request('GET', sheetUrl)).json();
    assert.deepEqual(forProducer.notes, []);
    assert.ok(forProducer.parts.length === 3, 'the rest of the sheet is whole');
    assert.ok((await officer.request('GET', '/api/rule-sets/26-2026')).json().notes.length > 0);
    assert.deepEqual((await producer.request('GET', '/api/rule-sets/26-2026')).json().notes, []);
  });
});
