import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProducerRecord, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';

// Lai Châu (12): xã Than Uyên 03595, xã Tân Uyên 03598. Điện Biên (11): xã Na Son 03203.
// Hà Tĩnh (42): xã Hương Khê 18496, xã Vũ Quang 18313 — only the funnel test counts ideas of 2019 there.
const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const TAN_UYEN = '03598';
const DIEN_BIEN = '11';
const NA_SON = '03203';
const HA_TINH = '42';
const HUONG_KHE = '18496';
const VU_QUANG = '18313';

const issuesOf = (body: { error: { details: { issues: { path: string; message: string }[] } } }) =>
  Object.fromEntries(body.error.details.issues.map((i) => [i.path, i.message]));

const ideaBody = (extra: object = {}) => ({
  year: 2026,
  productName: `Chè Shan tuyết ${unique()}`,
  productSet: 9,
  description: 'Chè Shan tuyết cổ thụ, chế biến thủ công tại bản.',
  rawMaterials: 'Búp chè Shan tuyết từ vùng nguyên liệu 30 ha',
  market: 'Hà Nội, du khách',
  ...extra,
});

describe('product idea routes', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client; // Than Uyên
  let office: Client; // Lai Châu
  let producerId: string; // in Than Uyên
  let producer: Client;
  before(async () => {
    t = await createTestApp();
    admin = await signInAs(t, { role: 'system_admin' });
    officer = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    office = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    producer = await signInAs(t, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
  });
  after(() => t.close());

  test('without a session every idea route answers 401', async () => {
    const id = (await producer.request('POST', '/api/ideas', ideaBody())).json().id;
    const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json().csrfToken;
    const calls: [string, string, object?][] = [
      ['GET', '/api/ideas'],
      ['GET', '/api/ideas/funnel?year=2026'],
      ['GET', `/api/ideas/${id}`],
      ['POST', '/api/ideas', ideaBody()],
      ['POST', `/api/ideas/${id}/appraisal`, { version: 1, outcome: 'passed' }],
      ['POST', `/api/ideas/${id}/resubmit`, { version: 1 }],
    ];
    for (const [method, url, payload] of calls) {
      const response = await t.app.inject({ method: method as 'GET', url, payload, headers: { 'x-csrf-token': csrf }, cookies: { ocop_csrf: csrf } });
      assert.equal(response.statusCode, 401, `${method} ${url}`);
    }
  });

  test('registering reports every bad field at once, in Vietnamese', async () => {
    const response = await officer.request('POST', '/api/ideas', {
      producerId: 'nope',
      year: 1999,
      productName: 'X',
      productSet: 27,
      description: 'ngắn',
      rawMaterials: 'x'.repeat(2001),
      colour: 'red',
    });
    assert.equal(response.statusCode, 400);
    const issues = issuesOf(response.json());
    assert.deepEqual(Object.keys(issues).sort(), ['', 'description', 'producerId', 'productName', 'productSet', 'rawMaterials', 'year']);
    assert.equal(issues.productSet, 'Bộ sản phẩm là số từ 1 đến 26.');
    assert.equal(issues.year, 'Năm từ 2018 trở đi.');
    assert.match(issues.description!, /ít nhất 10 ký tự/);
    const missing = await officer.request('POST', '/api/ideas', {});
    assert.deepEqual(Object.keys(issuesOf(missing.json())).sort(), ['description', 'productName', 'productSet', 'year']);
  });

  test('each rule of the use case is reported too: a year too far ahead, an officer without a producer', async () => {
    const far = await producer.request('POST', '/api/ideas', ideaBody({ year: 2100 }));
    assert.equal(far.statusCode, 400);
    assert.match(issuesOf(far.json()).year!, /Chỉ đăng ký ý tưởng cho năm/);
    const noProducer = await officer.request('POST', '/api/ideas', ideaBody());
    assert.deepEqual(Object.keys(issuesOf(noProducer.json())), ['producerId']);
  });

  test('who may register: the producer for itself, its commune officer; others are refused or do not see the producer', async () => {
    const ownWithoutId = await producer.request('POST', '/api/ideas', ideaBody());
    assert.equal(ownWithoutId.statusCode, 201, ownWithoutId.body);
    assert.equal(ownWithoutId.json().producerId, producerId);
    assert.equal(ownWithoutId.json().registeredBy, producer.userId);
    assert.equal((await officer.request('POST', '/api/ideas', ideaBody({ producerId }))).statusCode, 201);
    assert.equal((await admin.request('POST', '/api/ideas', ideaBody({ producerId }))).statusCode, 201);

    const other = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    assert.equal((await producer.request('POST', '/api/ideas', ideaBody({ producerId: other }))).statusCode, 404);
    assert.equal((await officer.request('POST', '/api/ideas', ideaBody({ producerId: other }))).statusCode, 404);
    assert.equal((await office.request('POST', '/api/ideas', ideaBody({ producerId }))).statusCode, 403, 'the province appraises, it does not register');
    const council = await signInAs(t, { role: 'council_member', provinceCode: LAI_CHAU });
    assert.equal((await council.request('POST', '/api/ideas', ideaBody({ producerId }))).statusCode, 403);
    const elsewhere = await signInAs(t, { role: 'commune_officer', provinceCode: DIEN_BIEN, communeCode: NA_SON });
    assert.equal((await elsewhere.request('POST', '/api/ideas', ideaBody({ producerId }))).statusCode, 404);
  });

  test('return with reasons → resubmit (round 2) → pass; every step audited; final states refuse more', async () => {
    const registered = (await producer.request('POST', '/api/ideas', ideaBody())).json();
    assert.equal(registered.status, 'submitted');
    assert.equal(registered.round, 1);
    assert.deepEqual(registered.allowedActions, [], 'a producer cannot appraise its own idea');
    const seenByOfficer = (await officer.request('GET', `/api/ideas/${registered.id}`)).json();
    assert.deepEqual(seenByOfficer.allowedActions, ['pass', 'return', 'reject']);

    const noReasons = await officer.request('POST', `/api/ideas/${registered.id}/appraisal`, { version: 1, outcome: 'returned' });
    assert.equal(noReasons.statusCode, 400);
    assert.match(issuesOf(noReasons.json()).reasons!, /lý do/);
    const badAll = await officer.request('POST', `/api/ideas/${registered.id}/appraisal`, { version: 0, outcome: 'maybe' });
    assert.deepEqual(Object.keys(issuesOf(badAll.json())).sort(), ['outcome', 'version']);
    assert.equal((await producer.request('POST', `/api/ideas/${registered.id}/appraisal`, { version: 1, outcome: 'passed' })).statusCode, 403);

    const returned = await officer.request('POST', `/api/ideas/${registered.id}/appraisal`, { version: 1, outcome: 'returned', reasons: 'Bổ sung vùng nguyên liệu và thị trường.' });
    assert.equal(returned.statusCode, 200, returned.body);
    assert.equal(returned.json().status, 'returned');
    assert.equal(returned.json().appraisals[0].level, 'commune');
    assert.equal((await officer.request('POST', `/api/ideas/${registered.id}/appraisal`, { version: 2, outcome: 'passed' })).json().error.code, 'INVALID_TRANSITION');

    const stale = await producer.request('POST', `/api/ideas/${registered.id}/resubmit`, { version: 1 });
    assert.equal(stale.statusCode, 409);
    const badResubmit = await producer.request('POST', `/api/ideas/${registered.id}/resubmit`, { version: 2, productSet: 0, description: 'x' });
    assert.deepEqual(Object.keys(issuesOf(badResubmit.json())).sort(), ['description', 'productSet']);
    const resubmitted = await producer.request('POST', `/api/ideas/${registered.id}/resubmit`, { version: 2, market: 'Hà Nội, TP Hồ Chí Minh, xuất khẩu' });
    assert.equal(resubmitted.statusCode, 200, resubmitted.body);
    assert.equal(resubmitted.json().round, 2);
    assert.equal(resubmitted.json().status, 'submitted');
    assert.equal(resubmitted.json().market, 'Hà Nội, TP Hồ Chí Minh, xuất khẩu');

    const passed = await office.request('POST', `/api/ideas/${registered.id}/appraisal`, { version: 3, outcome: 'passed' });
    assert.equal(passed.statusCode, 200, passed.body);
    assert.equal(passed.json().status, 'passed');
    assert.ok(passed.json().decidedAt);
    assert.deepEqual(passed.json().appraisals.map((a: { round: number; outcome: string; level: string }) => [a.round, a.outcome, a.level]), [
      [1, 'returned', 'commune'],
      [2, 'passed', 'province'],
    ]);
    assert.equal((await producer.request('POST', `/api/ideas/${registered.id}/resubmit`, { version: 4 })).json().error.code, 'INVALID_TRANSITION');

    const audit = await admin.request('GET', `/api/audit-events?entityType=product_idea&entityId=${registered.id}`);
    assert.deepEqual(audit.json().items.map((e: { action: string }) => e.action).sort(), [
      'idea.appraised.passed',
      'idea.appraised.returned',
      'idea.registered',
      'idea.resubmitted',
    ]);
  });

  test('out of scope ideas answer 404 to read, appraise and resubmit; lists show only the caller’s', async () => {
    const id = (await producer.request('POST', '/api/ideas', ideaBody())).json().id;
    const neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    const otherOffice = await signInAs(t, { role: 'province_office', provinceCode: DIEN_BIEN });
    const otherProducerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const otherProducer = await signInAs(t, { role: 'producer', producerId: otherProducerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    for (const client of [neighbour, otherOffice, otherProducer]) {
      assert.equal((await client.request('GET', `/api/ideas/${id}`)).statusCode, 404);
      assert.equal((await client.request('POST', `/api/ideas/${id}/appraisal`, { version: 1, outcome: 'passed' })).statusCode, 404);
      assert.equal((await client.request('POST', `/api/ideas/${id}/resubmit`, { version: 1 })).statusCode, 404);
      const list = await client.request('GET', '/api/ideas?pageSize=200');
      assert.ok(!list.json().items.some((i: { id: string }) => i.id === id));
    }
    const council = await signInAs(t, { role: 'council_member', provinceCode: LAI_CHAU });
    assert.equal((await council.request('GET', `/api/ideas/${id}`)).statusCode, 200, 'councils read');
    assert.equal((await council.request('POST', `/api/ideas/${id}/appraisal`, { version: 1, outcome: 'passed' })).statusCode, 403);
    const own = await producer.request('GET', `/api/ideas?pageSize=200&status=submitted&year=2026`);
    assert.ok(own.json().items.every((i: { producerId: string }) => i.producerId === producerId));
    assert.equal((await officer.request('GET', '/api/ideas?status=unknown&year=abc')).statusCode, 400);
  });

  test('the funnel counts registered → appraised → approved per year and unit, with a breakdown', async () => {
    const huongKhe = await createProducerRecord(t.db, { provinceCode: HA_TINH, communeCode: HUONG_KHE });
    const vuQuang = await createProducerRecord(t.db, { provinceCode: HA_TINH, communeCode: VU_QUANG });
    const register = async (id: string) => (await admin.request('POST', '/api/ideas', ideaBody({ producerId: id, year: 2019 }))).json();
    const appraise = (idea: { id: string; version: number }, outcome: string) =>
      admin.request('POST', `/api/ideas/${idea.id}/appraisal`, { version: idea.version, outcome, reasons: outcome === 'passed' ? null : 'Chưa rõ thị trường.' });
    const ideas = [await register(huongKhe), await register(huongKhe), await register(huongKhe), await register(huongKhe), await register(vuQuang)];
    await appraise(ideas[0], 'passed');
    await appraise(ideas[1], 'rejected');
    const returned = (await appraise(ideas[2], 'returned')).json();
    await admin.request('POST', `/api/ideas/${returned.id}/resubmit`, { version: returned.version }); // appraised once, waiting again
    await appraise(ideas[4], 'passed');

    const office42 = await signInAs(t, { role: 'province_office', provinceCode: HA_TINH });
    const province = await office42.request('GET', '/api/ideas/funnel?year=2019');
    assert.equal(province.statusCode, 200, province.body);
    const p = province.json();
    assert.deepEqual([p.provinceCode, p.communeCode, p.registered, p.appraised, p.approved, p.returned, p.rejected, p.awaiting], [HA_TINH, null, 5, 4, 2, 0, 1, 2]);
    assert.equal(p.provinceName, 'Tỉnh Hà Tĩnh');
    assert.deepEqual(p.breakdown.map((b: { code: string; registered: number; approved: number }) => [b.code, b.registered, b.approved]), [
      [HUONG_KHE, 4, 1],
      [VU_QUANG, 1, 1],
    ]);
    const commune = (await admin.request('GET', `/api/ideas/funnel?year=2019&commune=${VU_QUANG}`)).json();
    assert.deepEqual([commune.provinceCode, commune.communeCode, commune.registered, commune.appraised, commune.approved], [HA_TINH, VU_QUANG, 1, 1, 1]);
    const national = (await admin.request('GET', '/api/ideas/funnel?year=2019')).json();
    assert.ok(national.breakdown.some((b: { code: string; registered: number }) => b.code === HA_TINH && b.registered === 5));

    assert.equal((await producer.request('GET', '/api/ideas/funnel?year=2019')).statusCode, 403);
    assert.equal((await office42.request('GET', `/api/ideas/funnel?year=2019&province=${LAI_CHAU}`)).statusCode, 404);
    assert.equal((await officer.request('GET', `/api/ideas/funnel?year=2019&commune=${TAN_UYEN}`)).statusCode, 404);
    assert.equal((await admin.request('GET', `/api/ideas/funnel?year=2019&province=${LAI_CHAU}&commune=${VU_QUANG}`)).statusCode, 404);
    const bad = await admin.request('GET', '/api/ideas/funnel?province=1&commune=x');
    assert.deepEqual(Object.keys(issuesOf(bad.json())).sort(), ['querystring.commune', 'querystring.province', 'querystring.year']);
    assert.equal((await officer.request('GET', '/api/ideas/funnel?year=2019')).json().communeCode, THAN_UYEN, 'a commune officer gets its commune');
  });

  test('merging producers moves their ideas along', async () => {
    const a = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const b = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const idea = (await officer.request('POST', '/api/ideas', ideaBody({ producerId: a }))).json();
    const merged = await officer.request('POST', `/api/producers/${a}/merge`, { intoId: b, version: 1 });
    assert.equal(merged.statusCode, 200, merged.body);
    const moved = (await officer.request('GET', `/api/ideas/${idea.id}`)).json();
    assert.equal(moved.producerId, b);
    assert.equal(moved.version, 2);
  });
});
