import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixedClock, createProducerRecord, createTestApp, signInAs, type Client, type TestApp } from '../../../tests/support/test-app.ts';
import { createReadyDossier, expectStatus, moveClock, passingCheck } from '../../../tests/support/dossiers.ts';

// Communes of Lai Châu (12) no other test files dossiers in, so the on-time counts are this file's own.
const LAI_CHAU = '12';
const DOAN_KET = '03388';
const BINH_LU = '03390';

interface Actors {
  producer: Client;
  officer: Client;
  producerId: string;
}

async function actorsIn(t: TestApp, communeCode: string): Promise<Actors> {
  const producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode });
  return {
    producerId,
    producer: await signInAs(t, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode }),
    officer: await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode }),
  };
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('deadline across Tết 2027: received Friday 29 January, due Friday 26 February', () => {
  let t: TestApp;
  const clock = createFixedClock('2027-01-29T09:00:00+07:00');
  let a: Actors;
  let province: Client;
  before(async () => {
    t = await createTestApp({ clock });
    a = await actorsIn(t, DOAN_KET);
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
  });
  after(() => t.close());
  const at = (instant: string) => moveClock(t, clock, instant, [a.producer, a.officer, province]);

  test('the queue shows it waiting, then due soon, then overdue; forwarded late it counts against the rate', async () => {
    const dossier = await createReadyDossier(a.producer, a.producerId);
    const submitted = await expectStatus(a.producer, 'POST', `/api/dossiers/${dossier.id}/submit`, { version: dossier.version }, 200);
    const received = await expectStatus(a.officer, 'POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version }, 200);
    assert.equal(received.formNumber.endsWith('/PĐK-12-03388-2027'), true);
    assert.equal(received.clock.dueDate, '2027-02-26', 'weekends and Tết (5–11 February 2027) are skipped');
    assert.equal(received.dueAt, '2027-02-26T16:59:59.999Z');

    let queue = await expectStatus(a.officer, 'GET', '/api/dossiers/queue', undefined, 200);
    assert.ok(ids(queue.waitingOnMe).includes(dossier.id));
    assert.ok(!ids(queue.dueSoon).includes(dossier.id));

    // Tuesday 23 February: three working days left (24, 25, 26).
    await at('2027-02-23T09:00:00+07:00');
    queue = await expectStatus(a.officer, 'GET', '/api/dossiers/queue', undefined, 200);
    assert.ok(ids(queue.dueSoon).includes(dossier.id));
    assert.ok(!ids(queue.overdue).includes(dossier.id));
    assert.equal((await a.producer.request('GET', `/api/dossiers/${dossier.id}`)).json().clock.workingDaysRemaining, 3);

    // Monday 1 March: one working day late.
    await at('2027-03-01T09:00:00+07:00');
    queue = await expectStatus(a.officer, 'GET', '/api/dossiers/queue', undefined, 200);
    assert.ok(ids(queue.overdue).includes(dossier.id));
    assert.equal(queue.overdue.find((d: { id: string }) => d.id === dossier.id).overdue, true);
    const late = await expectStatus(a.officer, 'GET', `/api/dossiers/${dossier.id}`, undefined, 200);
    assert.equal(late.clock.overdue, true);
    assert.equal(late.clock.workingDaysRemaining, -1);

    const checked = await expectStatus(a.officer, 'PUT', `/api/dossiers/${dossier.id}/commune-check`, { version: late.version, ...passingCheck }, 200);
    const forwarded = await expectStatus(a.officer, 'POST', `/api/dossiers/${dossier.id}/forward`, { version: checked.version }, 200);
    assert.equal(forwarded.clock.overdue, true);
    queue = await expectStatus(a.officer, 'GET', '/api/dossiers/queue', undefined, 200);
    assert.ok(!ids(queue.overdue).includes(dossier.id), 'a forwarded dossier leaves the commune’s queue');
    const provinceQueue = await expectStatus(province, 'GET', '/api/dossiers/queue', undefined, 200);
    assert.ok(ids(provinceQueue.waitingOnMe).includes(dossier.id));

    const rate = await expectStatus(a.officer, 'GET', '/api/dossiers/on-time-rate?from=2027-01-01&to=2027-12-31', undefined, 200);
    assert.deepEqual(rate.total, { forwarded: 1, onTime: 0, late: 1, rate: 0 });
    assert.equal(rate.units[0].communeCode, DOAN_KET);
    assert.equal(rate.units[0].communeName, 'Phường Đoàn Kết');
  });
});

describe('a request for supplements pauses the clock (June 2026)', () => {
  let t: TestApp;
  const clock = createFixedClock('2026-06-01T09:00:00+07:00'); // a Monday
  let a: Actors;
  let province: Client;
  before(async () => {
    t = await createTestApp({ clock });
    a = await actorsIn(t, BINH_LU);
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
  });
  after(() => t.close());
  const at = (instant: string) => moveClock(t, clock, instant, [a.producer, a.officer, province]);

  test('returned on day 3, supplemented a week later: 12 days remain from the next day; forwarded on the last day is on time', async () => {
    const dossier = await createReadyDossier(a.producer, a.producerId);
    const submitted = await expectStatus(a.producer, 'POST', `/api/dossiers/${dossier.id}/submit`, { version: dossier.version }, 200);
    const received = await expectStatus(a.officer, 'POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version }, 200);
    assert.equal(received.clock.dueDate, '2026-06-22');

    await at('2026-06-04T16:00:00+07:00');
    const returned = await expectStatus(a.officer, 'POST', `/api/dossiers/${dossier.id}/return`, { version: received.version, reasons: ['Bổ sung hợp đồng liên kết vùng nguyên liệu'] }, 200);
    assert.equal(returned.clock.pausedSince, '2026-06-04');
    assert.equal(returned.clock.workingDaysRemaining, 12);

    // While paused: the producer's move, not the commune's, and no deadline to miss.
    await at('2026-06-10T09:00:00+07:00');
    const officerQueue = await expectStatus(a.officer, 'GET', '/api/dossiers/queue', undefined, 200);
    for (const list of ['waitingOnMe', 'dueSoon', 'overdue']) assert.ok(!ids(officerQueue[list]).includes(dossier.id), list);
    const producerQueue = await expectStatus(a.producer, 'GET', '/api/dossiers/queue', undefined, 200);
    assert.ok(ids(producerQueue.waitingOnMe).includes(dossier.id));
    assert.equal((await a.producer.request('GET', `/api/dossiers/${dossier.id}`)).json().clock.workingDaysRemaining, 12, 'paused days are not used');

    await at('2026-06-11T09:00:00+07:00');
    const current = (await a.producer.request('GET', `/api/dossiers/${dossier.id}`)).json();
    const supplemented = await expectStatus(a.producer, 'POST', `/api/dossiers/${dossier.id}/supplement`, { version: current.version }, 200);
    assert.equal(supplemented.clock.dueDate, '2026-06-29');
    assert.equal(supplemented.dueAt, '2026-06-29T16:59:59.999Z');

    await at('2026-06-29T16:30:00+07:00');
    const queue = await expectStatus(a.officer, 'GET', '/api/dossiers/queue', undefined, 200);
    assert.ok(ids(queue.dueSoon).includes(dossier.id), 'due today is due soon');
    const checked = await expectStatus(a.officer, 'PUT', `/api/dossiers/${dossier.id}/commune-check`, { version: supplemented.version, ...passingCheck }, 200);
    const forwarded = await expectStatus(a.officer, 'POST', `/api/dossiers/${dossier.id}/forward`, { version: checked.version }, 200);
    assert.equal(forwarded.clock.overdue, false);
    assert.equal(forwarded.clock.workingDaysUsed, 15);

    const rate = await expectStatus(a.officer, 'GET', '/api/dossiers/on-time-rate?from=2026-06-01&to=2026-06-30', undefined, 200);
    assert.deepEqual(rate.total, { forwarded: 1, onTime: 1, late: 0, rate: 1 });
    // The province sees each commune of the province.
    const provinceRate = await expectStatus(province, 'GET', '/api/dossiers/on-time-rate?from=2026-06-29&to=2026-06-29', undefined, 200);
    assert.equal(provinceRate.by, 'commune');
    assert.deepEqual(provinceRate.units.find((u: { communeCode: string }) => u.communeCode === BINH_LU), {
      provinceCode: LAI_CHAU, provinceName: 'Tỉnh Lai Châu', communeCode: BINH_LU, communeName: 'Xã Bình Lư', forwarded: 1, onTime: 1, late: 0, rate: 1,
    });
    // The nation sees one row per province (34 at most, not one per commune), or per commune when it asks.
    const ministry = await signInAs(t, { role: 'ministry_officer' });
    const national = await expectStatus(ministry, 'GET', '/api/dossiers/on-time-rate?from=2026-06-29&to=2026-06-29', undefined, 200);
    assert.equal(national.by, 'province');
    assert.ok(national.units.every((u: { communeCode: string | null }) => u.communeCode === null));
    assert.equal(new Set(national.units.map((u: { provinceCode: string }) => u.provinceCode)).size, national.units.length);
    const laiChau = national.units.find((u: { provinceCode: string }) => u.provinceCode === LAI_CHAU);
    assert.equal(laiChau.provinceName, 'Tỉnh Lai Châu');
    const communesOfLaiChau = provinceRate.units.filter((u: { provinceCode: string }) => u.provinceCode === LAI_CHAU);
    assert.equal(laiChau.forwarded, communesOfLaiChau.reduce((sum: number, u: { forwarded: number }) => sum + u.forwarded, 0), 'the province row adds up its communes');
    assert.ok(national.total.forwarded >= provinceRate.total.forwarded, 'the nation counts at least the province');
    const byCommune = await expectStatus(ministry, 'GET', '/api/dossiers/on-time-rate?from=2026-06-29&to=2026-06-29&by=commune', undefined, 200);
    assert.ok(byCommune.units.some((u: { communeCode: string }) => u.communeCode === BINH_LU));
    const nothing = await expectStatus(province, 'GET', '/api/dossiers/on-time-rate?from=2026-06-30&to=2026-07-31&commune=03390', undefined, 200);
    assert.deepEqual(nothing.total, { forwarded: 0, onTime: 0, late: 0, rate: null });
    const backwards = await province.request('GET', '/api/dossiers/on-time-rate?from=2026-07-01&to=2026-06-01');
    assert.equal(backwards.statusCode, 400);
    const badQuery = await province.request('GET', '/api/dossiers/on-time-rate?from=2026-13-01&province=1');
    assert.equal(badQuery.statusCode, 400);
    assert.equal(badQuery.json().error.details.issues.length, 2);
  });
});
