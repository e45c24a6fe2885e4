import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProducerRecord, createTestApp, signInAs, type Client, type TestApp } from '../../../tests/support/test-app.ts';

// Tuyên Quang (08), xã Ngọc Đường 00700: no other test file touches its settings. Lai Châu (12) for "elsewhere".
const TUYEN_QUANG = '08';
const NGOC_DUONG = '00700';
const LAI_CHAU = '12';

const issuesOf = (body: { error: { details: { issues: { path: string; message: string }[] } } }) =>
  Object.fromEntries(body.error.details.issues.map((i) => [i.path, i.message]));

describe('province settings routes', () => {
  let t: TestApp;
  let admin: Client;
  let office: Client;
  before(async () => {
    t = await createTestApp();
    admin = await signInAs(t, { role: 'system_admin' });
    office = await signInAs(t, { role: 'province_office', provinceCode: TUYEN_QUANG });
  });
  after(() => t.close());

  test('without a session: 401', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/provinces/${TUYEN_QUANG}/settings` })).statusCode, 401);
    const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json().csrfToken;
    const put = await t.app.inject({ method: 'PUT', url: `/api/provinces/${TUYEN_QUANG}/settings`, payload: { version: 0, planForwarding: null }, headers: { 'x-csrf-token': csrf }, cookies: { ocop_csrf: csrf } });
    assert.equal(put.statusCode, 401);
  });

  test('the office sets a 5-day forwarding rule; everyone in the province reads it; versions guard concurrent edits; audited', async () => {
    const initial = (await office.request('GET', `/api/provinces/${TUYEN_QUANG}/settings`)).json();
    assert.deepEqual([initial.planForwarding, initial.version, initial.provinceName], [null, 0, 'Tỉnh Tuyên Quang'], 'no rule by default');

    const saved = await office.request('PUT', `/api/provinces/${TUYEN_QUANG}/settings`, {
      version: 0,
      planForwarding: { days: 5, consequence: 'no_product_this_year' },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json().planForwarding, { days: 5, dayKind: 'calendar', consequence: 'no_product_this_year' });
    assert.equal(saved.json().version, 1);
    assert.equal(saved.json().updatedBy, office.userId);

    const stale = await office.request('PUT', `/api/provinces/${TUYEN_QUANG}/settings`, { version: 0, planForwarding: null });
    assert.equal(stale.statusCode, 409);
    const changed = await admin.request('PUT', `/api/provinces/${TUYEN_QUANG}/settings`, { version: 1, planForwarding: { days: 7, dayKind: 'working', consequence: 'flag_late' } });
    assert.equal(changed.json().version, 2);

    const officer = await signInAs(t, { role: 'commune_officer', provinceCode: TUYEN_QUANG, communeCode: NGOC_DUONG });
    const producerId = await createProducerRecord(t.db, { provinceCode: TUYEN_QUANG, communeCode: NGOC_DUONG });
    const producer = await signInAs(t, { role: 'producer', producerId, provinceCode: TUYEN_QUANG, communeCode: NGOC_DUONG });
    for (const reader of [officer, producer]) {
      const read = await reader.request('GET', `/api/provinces/${TUYEN_QUANG}/settings`);
      assert.equal(read.json().planForwarding.days, 7);
      assert.equal((await reader.request('PUT', `/api/provinces/${TUYEN_QUANG}/settings`, { version: 2, planForwarding: null })).statusCode, 403);
    }
    const audit = await admin.request('GET', `/api/audit-events?entityType=province_settings&entityId=${TUYEN_QUANG}`);
    assert.deepEqual(audit.json().items.map((e: { action: string }) => e.action), ['province_settings.updated', 'province_settings.updated']);
  });

  test('every bad field at once, in Vietnamese; each alone', async () => {
    const all = await office.request('PUT', `/api/provinces/${TUYEN_QUANG}/settings`, { version: -1, planForwarding: { days: 0, dayKind: 'lunar', consequence: 'fine' } });
    assert.equal(all.statusCode, 400);
    const issues = issuesOf(all.json());
    assert.deepEqual(Object.keys(issues).sort(), ['planForwarding.consequence', 'planForwarding.dayKind', 'planForwarding.days', 'version']);
    assert.equal(issues['planForwarding.days'], 'Thời hạn ít nhất 1 ngày.');
    const tooLong = await office.request('PUT', `/api/provinces/${TUYEN_QUANG}/settings`, { version: 2, planForwarding: { days: 91, consequence: 'flag_late' } });
    assert.deepEqual(issuesOf(tooLong.json()), { 'planForwarding.days': 'Thời hạn tối đa 90 ngày.' });
    const missing = await office.request('PUT', `/api/provinces/${TUYEN_QUANG}/settings`, { version: 2 });
    assert.deepEqual(Object.keys(issuesOf(missing.json())), ['planForwarding']);
    const badCode = await office.request('GET', '/api/provinces/8/settings');
    assert.deepEqual(Object.keys(issuesOf(badCode.json())), ['params.code']);
  });

  test('another province answers 404 to read and write; an unknown province too', async () => {
    assert.equal((await office.request('GET', `/api/provinces/${LAI_CHAU}/settings`)).statusCode, 404);
    assert.equal((await office.request('PUT', `/api/provinces/${LAI_CHAU}/settings`, { version: 0, planForwarding: null })).statusCode, 404);
    assert.equal((await admin.request('GET', '/api/provinces/99/settings')).statusCode, 404);
    const ministry = await signInAs(t, { role: 'ministry_officer' });
    assert.equal((await ministry.request('GET', `/api/provinces/${LAI_CHAU}/settings`)).statusCode, 200);
    assert.equal((await ministry.request('PUT', `/api/provinces/${LAI_CHAU}/settings`, { version: 0, planForwarding: null })).statusCode, 403);
  });
});
