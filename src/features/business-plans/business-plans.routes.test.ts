import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  createFixedClock,
  createProducerRecord,
  createTestApp,
  signIn,
  signInAs,
  unique,
  type Client,
  type TestApp,
} from '../../../tests/support/test-app.ts';
import { sweepOverdueBusinessPlans } from './sweep-overdue-business-plans.ts';

// Cao Bằng (04): xã Thục Phán 01273 and xã Nùng Trí Cao 01279. Lào Cai (15): xã Cam Đường 02671.
// No other test file sets the province settings of 04 or 15 or has plans there.
const CAO_BANG = '04';
const THUC_PHAN = '01273';
const NUNG_TRI_CAO = '01279';
const LAO_CAI = '15';
const CAM_DUONG = '02671';

const issuesOf = (body: { error: { details: { issues: { path: string; message: string }[] } } }) =>
  Object.fromEntries(body.error.details.issues.map((i) => [i.path, i.message]));

const planBody = (ideaId: string, extra: object = {}) => ({
  ideaId,
  title: `Phương án sản xuất miến dong ${unique()}`,
  summary: 'Mở rộng xưởng sấy, chuẩn hóa quy trình, đăng ký nhãn hiệu và mã vạch.',
  totalInvestmentVnd: 850_000_000,
  expectedRevenueVnd: 1_200_000_000,
  ...extra,
});

describe('business plan routes', () => {
  const clock = createFixedClock('2026-06-01T09:00:00+07:00'); // a Monday
  let t: TestApp;
  let admin: Client;
  let officer: Client; // Thục Phán
  let office: Client; // Cao Bằng
  let producer: Client;
  let producerId: string;

  /** Sessions last 12 hours: after moving the clock by days, sign everyone in again. */
  async function signInAgain() {
    admin = await signIn(t.app, admin.username);
    officer = await signIn(t.app, officer.username);
    office = await signIn(t.app, office.username);
    producer = await signIn(t.app, producer.username);
  }

  async function setRule(provinceCode: string, planForwarding: object | null) {
    const current = (await admin.request('GET', `/api/provinces/${provinceCode}/settings`)).json();
    const saved = await admin.request('PUT', `/api/provinces/${provinceCode}/settings`, { version: current.version, planForwarding });
    assert.equal(saved.statusCode, 200, saved.body);
  }

  /** An idea of `owner` that passed appraisal. */
  async function passedIdea(owner = producerId): Promise<string> {
    const idea = await admin.request('POST', '/api/ideas', {
      producerId: owner,
      year: 2026,
      productName: `Miến dong ${unique()}`,
      productSet: 3,
      description: 'Miến dong làm thủ công từ củ dong riềng địa phương.',
    });
    assert.equal(idea.statusCode, 201, idea.body);
    const passed = await admin.request('POST', `/api/ideas/${idea.json().id}/appraisal`, { version: 1, outcome: 'passed' });
    assert.equal(passed.statusCode, 200, passed.body);
    return idea.json().id;
  }

  before(async () => {
    t = await createTestApp({ clock });
    admin = await signInAs(t, { role: 'system_admin' });
    officer = await signInAs(t, { role: 'commune_officer', provinceCode: CAO_BANG, communeCode: THUC_PHAN });
    office = await signInAs(t, { role: 'province_office', provinceCode: CAO_BANG });
    producerId = await createProducerRecord(t.db, { provinceCode: CAO_BANG, communeCode: THUC_PHAN });
    producer = await signInAs(t, { role: 'producer', producerId, provinceCode: CAO_BANG, communeCode: THUC_PHAN });
  });
  beforeEach(async () => {
    clock.set('2026-06-01T09:00:00+07:00');
    await signInAgain();
    await setRule(CAO_BANG, null);
  });
  after(() => t.close());

  test('without a session every plan route answers 401', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json().csrfToken;
    const calls: [string, string, object?][] = [
      ['GET', '/api/business-plans'],
      ['GET', '/api/business-plans/due?state=overdue'],
      ['GET', `/api/business-plans/${id}`],
      ['POST', '/api/business-plans', planBody(id)],
      ['POST', `/api/business-plans/${id}/forward`, { version: 1 }],
      ['POST', `/api/business-plans/${id}/review`, { version: 1, outcome: 'approved' }],
      ['POST', `/api/business-plans/${id}/resubmit`, { version: 1 }],
      ['POST', `/api/business-plans/${id}/supports`, { kind: 'training', providedOn: '2026-06-01', provider: 'Sở NN&MT' }],
    ];
    for (const [method, url, payload] of calls) {
      const response = await t.app.inject({ method: method as 'GET', url, payload, headers: { 'x-csrf-token': csrf }, cookies: { ocop_csrf: csrf } });
      assert.equal(response.statusCode, 401, `${method} ${url}`);
    }
  });

  test('submitting: every bad field at once; only for a passed idea, once; 404 out of scope, 403 for the wrong role', async () => {
    const bad = await producer.request('POST', '/api/business-plans', { ideaId: 'x', title: 'A', summary: 'ngắn', totalInvestmentVnd: -5, expectedRevenueVnd: 1.5, extra: 1 });
    assert.equal(bad.statusCode, 400);
    const issues = issuesOf(bad.json());
    assert.deepEqual(Object.keys(issues).sort(), ['', 'expectedRevenueVnd', 'ideaId', 'summary', 'title', 'totalInvestmentVnd']);
    assert.equal(issues.totalInvestmentVnd, 'Số tiền không được âm.');
    assert.equal(issues.expectedRevenueVnd, 'Số tiền tính bằng đồng, không có phần lẻ.');

    const waiting = await admin.request('POST', '/api/ideas', { producerId, year: 2026, productName: 'Chưa thẩm định', productSet: 3, description: 'Ý tưởng còn chờ thẩm định.' });
    const notPassed = await producer.request('POST', '/api/business-plans', planBody(waiting.json().id));
    assert.equal(notPassed.json().error.code, 'INVALID_TRANSITION');

    const ideaId = await passedIdea();
    const neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: CAO_BANG, communeCode: NUNG_TRI_CAO });
    assert.equal((await neighbour.request('POST', '/api/business-plans', planBody(ideaId))).statusCode, 404);
    assert.equal((await office.request('POST', '/api/business-plans', planBody(ideaId))).statusCode, 403, 'the province reviews, the producer submits');
    const submitted = await producer.request('POST', '/api/business-plans', planBody(ideaId));
    assert.equal(submitted.statusCode, 201, submitted.body);
    const plan = submitted.json();
    assert.deepEqual([plan.status, plan.round, plan.dueAt, plan.forwardingRule, plan.year], ['submitted', 1, null, null, 2026], 'no deadline without a provincial rule');
    assert.equal(plan.totalInvestmentVnd, 850_000_000);
    assert.deepEqual(plan.allowedActions, []);
    assert.equal((await producer.request('POST', '/api/business-plans', planBody(ideaId))).statusCode, 409, 'one plan per idea');
  });

  test('submit → forward → return with reasons → resubmit (new deadline) → forward → approve → support; each step guarded and audited', async () => {
    await setRule(CAO_BANG, { days: 5, dayKind: 'calendar', consequence: 'flag_late' });
    const ideaId = await passedIdea();
    const plan = (await producer.request('POST', '/api/business-plans', planBody(ideaId))).json();
    // Monday 1 June + 5 calendar days = Saturday 6 June → Monday 8 June (BLDS Đ.148.5).
    assert.equal(plan.dueAt, '2026-06-08T16:59:59.999Z');
    assert.deepEqual(plan.forwardingRule, { days: 5, dayKind: 'calendar', consequence: 'flag_late' });

    assert.equal((await producer.request('POST', `/api/business-plans/${plan.id}/forward`, { version: 1 })).statusCode, 403);
    assert.equal((await office.request('POST', `/api/business-plans/${plan.id}/forward`, { version: 1 })).statusCode, 403);
    const neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: CAO_BANG, communeCode: NUNG_TRI_CAO });
    assert.equal((await neighbour.request('POST', `/api/business-plans/${plan.id}/forward`, { version: 1 })).statusCode, 404);
    assert.equal((await officer.request('POST', `/api/business-plans/${plan.id}/forward`, { version: 9 })).statusCode, 409);
    assert.deepEqual(Object.keys(issuesOf((await officer.request('POST', `/api/business-plans/${plan.id}/forward`, {})).json())), ['version']);
    assert.equal((await office.request('POST', `/api/business-plans/${plan.id}/review`, { version: 1, outcome: 'approved' })).json().error.code, 'INVALID_TRANSITION', 'not forwarded yet');

    clock.advance(2 * 3_600_000);
    const forwarded = await officer.request('POST', `/api/business-plans/${plan.id}/forward`, { version: 1 });
    assert.equal(forwarded.statusCode, 200, forwarded.body);
    assert.equal(forwarded.json().status, 'forwarded');
    assert.equal(forwarded.json().forwardedAt, '2026-06-01T04:00:00.000Z');
    assert.equal((await officer.request('POST', `/api/business-plans/${plan.id}/forward`, { version: 2 })).json().error.code, 'INVALID_TRANSITION');

    assert.equal((await officer.request('POST', `/api/business-plans/${plan.id}/review`, { version: 2, outcome: 'approved' })).statusCode, 403);
    const noReasons = await office.request('POST', `/api/business-plans/${plan.id}/review`, { version: 2, outcome: 'returned' });
    assert.deepEqual(Object.keys(issuesOf(noReasons.json())), ['reasons']);
    const returned = await office.request('POST', `/api/business-plans/${plan.id}/review`, { version: 2, outcome: 'returned', reasons: 'Bổ sung phương án tiêu thụ và dòng tiền.' });
    assert.equal(returned.json().status, 'returned');

    clock.set('2026-06-04T15:00:00+07:00'); // Thursday
    await signInAgain();
    const resubmitted = await producer.request('POST', `/api/business-plans/${plan.id}/resubmit`, { version: 3, summary: 'Bổ sung: hợp đồng bao tiêu với 3 siêu thị, dòng tiền 3 năm.' });
    assert.equal(resubmitted.statusCode, 200, resubmitted.body);
    const again = resubmitted.json();
    assert.deepEqual([again.status, again.round, again.forwardedAt], ['submitted', 2, null]);
    assert.equal(again.dueAt, '2026-06-09T16:59:59.999Z', 'Thursday 4 + 5 = Tuesday 9 June');
    await officer.request('POST', `/api/business-plans/${plan.id}/forward`, { version: 4 });

    const early = await office.request('POST', `/api/business-plans/${plan.id}/supports`, { kind: 'training', providedOn: '2026-06-05', amountVnd: 0, provider: 'Sở NN&MT' });
    assert.equal(early.json().error.code, 'INVALID_TRANSITION', 'support follows approval');
    const approved = await office.request('POST', `/api/business-plans/${plan.id}/review`, { version: 5, outcome: 'approved' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'approved');
    assert.deepEqual(approved.json().reviews.map((r: { round: number; outcome: string }) => [r.round, r.outcome]), [[1, 'returned'], [2, 'approved']]);

    const badSupport = await office.request('POST', `/api/business-plans/${plan.id}/supports`, { kind: 'gift', providedOn: '2026-13-01', amountVnd: -1, provider: '' });
    assert.deepEqual(Object.keys(issuesOf(badSupport.json())).sort(), ['amountVnd', 'kind', 'providedOn', 'provider']);
    assert.equal((await producer.request('POST', `/api/business-plans/${plan.id}/supports`, { kind: 'credit', providedOn: '2026-06-10', provider: 'Ngân hàng CSXH' })).statusCode, 403);
    await office.request('POST', `/api/business-plans/${plan.id}/supports`, { kind: 'packaging_label_design', providedOn: '2026-06-10', amountVnd: 15_000_000, provider: 'Trung tâm Khuyến nông tỉnh' });
    const supported = await officer.request('POST', `/api/business-plans/${plan.id}/supports`, { kind: 'credit', providedOn: '2026-06-12', amountVnd: 300_000_000, provider: 'Ngân hàng Chính sách xã hội', note: 'Vay ưu đãi 3 năm' });
    assert.equal(supported.statusCode, 201, supported.body);
    assert.equal(supported.json().supportTotalVnd, 315_000_000);
    assert.deepEqual(supported.json().supports.map((s: { kind: string }) => s.kind), ['packaging_label_design', 'credit']);

    const audit = await admin.request('GET', `/api/audit-events?entityType=business_plan&entityId=${plan.id}&limit=50`);
    assert.deepEqual(audit.json().items.map((e: { action: string }) => e.action).sort(), [
      'business_plan.approved',
      'business_plan.forwarded',
      'business_plan.forwarded',
      'business_plan.resubmitted',
      'business_plan.returned',
      'business_plan.submitted',
      'business_plan.support_recorded',
      'business_plan.support_recorded',
    ]);
  });

  test('due and overdue lists, the sweep applies "no product this year" once, and a late forward is refused', async () => {
    await setRule(CAO_BANG, { days: 5, dayKind: 'calendar', consequence: 'no_product_this_year' });
    const plan = (await producer.request('POST', '/api/business-plans', planBody(await passedIdea()))).json();
    const ids = async (client: Client, state: string) =>
      (await client.request('GET', `/api/business-plans/due?state=${state}&pageSize=200`)).json().items.map((p: { id: string }) => p.id) as string[];
    assert.ok((await ids(officer, 'due')).includes(plan.id));
    assert.ok(!(await ids(officer, 'overdue')).includes(plan.id));
    const elsewhere = await signInAs(t, { role: 'commune_officer', provinceCode: CAO_BANG, communeCode: NUNG_TRI_CAO });
    assert.ok(!(await ids(elsewhere, 'due')).includes(plan.id), 'another commune does not see it');
    assert.equal((await officer.request('GET', '/api/business-plans/due?state=late')).statusCode, 400);

    clock.set('2026-06-08T23:59:00+07:00');
    await signInAgain();
    assert.deepEqual((await sweepOverdueBusinessPlans({ config: t.config, db: t.db, clock })).marked.filter((id) => id === plan.id), [], 'still due on its last day');
    clock.set('2026-06-09T00:00:01+07:00');
    await signInAgain();
    assert.ok((await ids(office, 'overdue')).includes(plan.id), 'overdue before the sweep ran');
    assert.ok(!(await ids(office, 'due')).includes(plan.id));

    const first = await sweepOverdueBusinessPlans({ config: t.config, db: t.db, clock });
    assert.ok(first.marked.includes(plan.id));
    const second = await sweepOverdueBusinessPlans({ config: t.config, db: t.db, clock });
    assert.ok(!second.marked.includes(plan.id), 'the sweep is idempotent');
    const overdue = (await officer.request('GET', `/api/business-plans/${plan.id}`)).json();
    assert.deepEqual([overdue.status, overdue.overdueConsequence, overdue.overdueAt], ['forwarding_overdue', 'no_product_this_year', '2026-06-08T17:00:01.000Z']);
    assert.deepEqual(overdue.allowedActions, []);
    assert.ok((await ids(officer, 'overdue')).includes(plan.id), 'still listed as overdue');

    const late = await officer.request('POST', `/api/business-plans/${plan.id}/forward`, { version: overdue.version });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'DEADLINE_PASSED');
    const audit = await admin.request('GET', `/api/audit-events?entityType=business_plan&entityId=${plan.id}&action=business_plan.forwarding_overdue`);
    assert.equal(audit.json().items.length, 1);
    assert.equal(audit.json().items[0].actorUserId, null, 'the system did it');
  });

  test('with "flag late" the overdue plan can still be forwarded, and the forward is recorded as late', async () => {
    await setRule(CAO_BANG, { days: 2, dayKind: 'calendar', consequence: 'flag_late' });
    const plan = (await producer.request('POST', '/api/business-plans', planBody(await passedIdea()))).json();
    assert.equal(plan.dueAt, '2026-06-03T16:59:59.999Z');
    // The rule changes after receipt: the plan keeps the deadline it was received under.
    await setRule(CAO_BANG, { days: 30, dayKind: 'calendar', consequence: 'no_product_this_year' });
    clock.set('2026-06-05T10:00:00+07:00');
    await signInAgain();
    await sweepOverdueBusinessPlans({ config: t.config, db: t.db, clock });
    const overdue = (await officer.request('GET', `/api/business-plans/${plan.id}`)).json();
    assert.deepEqual([overdue.status, overdue.overdueConsequence, overdue.allowedActions], ['forwarding_overdue', 'flag_late', ['forward']]);
    const forwarded = await officer.request('POST', `/api/business-plans/${plan.id}/forward`, { version: overdue.version });
    assert.equal(forwarded.json().status, 'forwarded');
    const audit = await admin.request('GET', `/api/audit-events?entityType=business_plan&entityId=${plan.id}&action=business_plan.forwarded`);
    assert.equal(audit.json().items[0].after.late, true);
  });

  test('working days: received on Wednesday 3 February 2027, 5 working days skip Tết and end on 17 February', async () => {
    const laoCai = await createProducerRecord(t.db, { provinceCode: LAO_CAI, communeCode: CAM_DUONG });
    await setRule(LAO_CAI, { days: 5, dayKind: 'working', consequence: 'no_product_this_year' });
    const ideaId = await passedIdea(laoCai);
    clock.set('2027-02-03T09:00:00+07:00');
    await signInAgain();
    const plan = await admin.request('POST', '/api/business-plans', planBody(ideaId));
    assert.equal(plan.statusCode, 201, plan.body);
    assert.equal(plan.json().dueAt, '2027-02-17T16:59:59.999Z');
  });

  test('lists: scope, filters and 404 for plans out of scope; merging the producer moves its plans', async () => {
    const owner = await createProducerRecord(t.db, { provinceCode: CAO_BANG, communeCode: THUC_PHAN });
    const plan = (await admin.request('POST', '/api/business-plans', planBody(await passedIdea(owner)))).json();
    const other = await signInAs(t, { role: 'producer', producerId, provinceCode: CAO_BANG, communeCode: THUC_PHAN });
    assert.equal((await other.request('GET', `/api/business-plans/${plan.id}`)).statusCode, 404);
    const otherOffice = await signInAs(t, { role: 'province_office', provinceCode: LAO_CAI });
    assert.equal((await otherOffice.request('GET', `/api/business-plans/${plan.id}`)).statusCode, 404);
    assert.equal((await otherOffice.request('POST', `/api/business-plans/${plan.id}/review`, { version: 1, outcome: 'approved' })).statusCode, 404);
    const council = await signInAs(t, { role: 'council_member', provinceCode: CAO_BANG });
    assert.equal((await council.request('GET', `/api/business-plans/${plan.id}`)).statusCode, 200);
    const listed = await officer.request('GET', `/api/business-plans?ideaId=${plan.ideaId}`);
    assert.deepEqual(listed.json().items.map((p: { id: string }) => p.id), [plan.id]);
    assert.equal((await officer.request('GET', '/api/business-plans?status=lost')).statusCode, 400);

    const survivor = await createProducerRecord(t.db, { provinceCode: CAO_BANG, communeCode: THUC_PHAN });
    const merged = await officer.request('POST', `/api/producers/${owner}/merge`, { intoId: survivor, version: 1 });
    assert.equal(merged.statusCode, 200, merged.body);
    const moved = (await officer.request('GET', `/api/business-plans/${plan.id}`)).json();
    assert.equal(moved.producerId, survivor);
    const received = (await admin.request('GET', `/api/audit-events?entityType=producer&entityId=${survivor}&action=producer.merge_received`)).json().items[0];
    assert.deepEqual(received.after.moved.businessPlans, [plan.id]);
  });
});
