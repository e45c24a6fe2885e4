import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertEveryRouteNeedsSession, createProducerRecord, createTestApp, signInAs, type Client, type TestApp } from '../../../tests/support/test-app.ts';
import { findCriteriaSheet } from '../rule-sets/index.ts';
import { extremeChoices } from '../../../tests/support/criteria.ts';

describe('producer self-assessment (Mẫu 02)', () => {
  let t: TestApp;
  let producerId: string;
  let otherProducerId: string;
  let producer: Client;
  let officer: Client;
  let otherOfficer: Client;
  before(async () => {
    t = await createTestApp();
    producerId = await createProducerRecord(t.db, { provinceCode: '12', communeCode: '03595' });
    otherProducerId = await createProducerRecord(t.db, { provinceCode: '11', communeCode: '03203' });
    producer = await signInAs(t, { role: 'producer', producerId, provinceCode: '12', communeCode: '03595' });
    officer = await signInAs(t, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' });
    otherOfficer = await signInAs(t, { role: 'commune_officer', provinceCode: '11', communeCode: '03203' });
  });
  after(() => t.close());

  test('without a session every self-assessment route answers 401', async () => {
    const id = '8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e';
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/self-assessments'],
      ['POST', '/api/self-assessments', { producerId, productName: 'Gạo Séng Cù', productSetNumber: 3 }],
      ['GET', `/api/self-assessments/${id}`],
      ['PATCH', `/api/self-assessments/${id}`, { version: 1, productName: 'Gạo Séng Cù Mường Than' }],
    ]);
  });

  test('a producer starts a draft, fills it in, and sees score, star and the way to the next star', async () => {
    const created = await producer.request('POST', '/api/self-assessments', { producerId, productName: 'Gạo Séng Cù Mường Than', productSetNumber: 3 });
    assert.equal(created.statusCode, 201, created.body);
    const draft = created.json();
    assert.equal(draft.ruleSetId, '26-2026', 'the rule set in force is recorded');
    assert.equal(draft.evaluation.complete, false);
    assert.equal(draft.totalPoints, null);

    const choices = extremeChoices(findCriteriaSheet('26-2026', 3)!, 'worst');
    const saved = await producer.request('PATCH', `/api/self-assessments/${draft.id}`, { version: draft.version, choices });
    assert.equal(saved.statusCode, 200, saved.body);
    const body = saved.json();
    assert.equal(body.evaluation.complete, true);
    assert.equal(body.stars, body.evaluation.score.starOutcome.stars);
    assert.equal(body.totalPoints, body.evaluation.score.total);
    assert.ok(body.evaluation.gap.plan.reachable);

    const stale = await producer.request('PATCH', `/api/self-assessments/${draft.id}`, { version: draft.version, productName: 'X mới' });
    assert.equal(stale.statusCode, 409);

    const listed = (await producer.request('GET', '/api/self-assessments')).json();
    assert.deepEqual(listed.items.map((s: { id: string }) => s.id), [draft.id]);
  });

  test('the commune officer helps producers of the commune, not those elsewhere', async () => {
    const ok = await officer.request('POST', '/api/self-assessments', { producerId, productName: 'Ổi Hua Nà', productSetNumber: 1 });
    assert.equal(ok.statusCode, 201);
    const elsewhere = await officer.request('POST', '/api/self-assessments', { producerId: otherProducerId, productName: 'Lạc đỏ', productSetNumber: 1 });
    assert.equal(elsewhere.statusCode, 404);
    assert.equal((await otherOfficer.request('GET', `/api/self-assessments/${ok.json().id}`)).statusCode, 404);
    const council = await signInAs(t, { role: 'council_member', provinceCode: '12' });
    assert.equal((await council.request('GET', '/api/self-assessments')).statusCode, 403);
  });

  test('bad input is named field by field; unknown options name their criterion', async () => {
    const bad = await producer.request('POST', '/api/self-assessments', { producerId, productName: 'A', productSetNumber: 30 });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.issues.map((i: { path: string }) => i.path).sort(), ['productName', 'productSetNumber']);
    const wrongOption = await producer.request('POST', '/api/self-assessments', { producerId, productName: 'Gạo', productSetNumber: 3, choices: { '1.1': '9.9.z' } });
    assert.equal(wrongOption.statusCode, 400);
    assert.equal(wrongOption.json().error.details.issues[0].path, 'choices.1.1');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/self-assessments' })).statusCode, 401);
  });
});
