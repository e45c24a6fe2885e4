import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixedClock, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';
import { MAX_FAILED_CHECK_INS } from './check-in.ts';

const LAI_CHAU = '12';
const BAN_BO = '03424';
const TA_LENG = '03405';

describe('training: QR self check-in of a session', () => {
  let t: TestApp;
  let commune: Client;
  let neighbour: Client;
  let ministry: Client;

  async function trainingWithSession() {
    const training = (
      await commune.request('POST', '/api/trainings', {
        provinceCode: LAI_CHAU,
        communeCode: BAN_BO,
        organiserName: 'UBND xã Bản Bo',
        title: `Tập huấn OCOP ${unique()}`,
        startsOn: '2026-06-16',
        endsOn: '2026-06-16',
        place: 'Hội trường xã',
        targetAudiences: ['producers'],
        topicCodes: ['ocop_overview'],
      })
    ).json();
    const detail = (await commune.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-06-16', title: 'Buổi sáng' })).json();
    const phone = `09${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`;
    const person = await commune.request('POST', `/api/trainings/${training.id}/participants`, { fullName: 'Lò Thị Mai', kind: 'other', phone, organisation: 'Tổ hợp tác chè' });
    assert.equal(person.statusCode, 201, person.body);
    return { trainingId: training.id as string, sessionId: detail.sessions[0].id as string, participantId: person.json().id as string, phone };
  }

  const open = (client: Client, trainingId: string, sessionId: string) => client.request('POST', `/api/trainings/${trainingId}/sessions/${sessionId}/check-in`);
  const checkIn = (path: string, phone: string) =>
    t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ phone }).toString() });
  const presentIn = async (trainingId: string, participantId: string) =>
    (await commune.request('GET', `/api/trainings/${trainingId}/participants`)).json().items.find((p: { id: string }) => p.id === participantId).attendance;

  before(async () => {
    t = await createTestApp({ clock: createFixedClock('2026-06-16T08:00:00+07:00') });
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: BAN_BO });
    neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: TA_LENG });
    ministry = await signInAs(t, { role: 'ministry_officer' });
  });
  after(() => t.close());

  test('opening check-in: 401 without a session, 404 outside the unit, 403 for readers, 404 unknown session', async () => {
    const { trainingId, sessionId } = await trainingWithSession();
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/trainings/${trainingId}/sessions/${sessionId}/check-in`, cookies: { ocop_csrf: 'x' }, headers: { 'x-csrf-token': 'x' } });
    assert.equal(anonymous.statusCode, 401);
    assert.equal((await open(neighbour, trainingId, sessionId)).statusCode, 404);
    assert.equal((await open(ministry, trainingId, sessionId)).statusCode, 403);
    assert.equal((await open(commune, trainingId, crypto.randomUUID())).statusCode, 404);
    assert.equal((await open(commune, trainingId, 'not-a-uuid')).statusCode, 400);
    assert.equal((await commune.request('POST', `/api/trainings/${trainingId}/sessions/${sessionId}/check-in/close`)).statusCode, 409);
  });

  test('the organiser gets a QR code of an unguessable URL whose token is stored hashed only', async () => {
    const { trainingId, sessionId } = await trainingWithSession();
    const response = await open(commune, trainingId, sessionId);
    assert.equal(response.statusCode, 200, response.body);
    const link = response.json();
    assert.match(link.url, /\/check-in\/[A-Za-z0-9_-]{32}$/);
    assert.match(link.qrSvg, /^<svg/);
    const token = link.url.split('/check-in/')[1];
    const { rows } = await t.db.pool.query('SELECT check_in_token_hash AS hash FROM training_sessions WHERE id = $1', [sessionId]);
    assert.notEqual(rows[0].hash, token);
    assert.equal(rows[0].hash.length, 64);
    const page = await t.app.inject({ method: 'GET', url: `/check-in/${token}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Buổi sáng/);
    assert.match(page.body, /name="phone"/);
    const audit = await t.db.pool.query("SELECT 1 FROM audit_events WHERE action = 'training.check_in_opened' AND entity_id = $1", [trainingId]);
    assert.equal(audit.rowCount, 1);
  });

  test('a participant checks in by phone without signing in; twice counts once; audited', async () => {
    const { trainingId, sessionId, participantId, phone } = await trainingWithSession();
    const path = new URL((await open(commune, trainingId, sessionId)).json().url).pathname;
    const first = await checkIn(path, `${phone.slice(0, 4)} ${phone.slice(4)}`);
    assert.equal(first.statusCode, 200, first.body);
    assert.match(first.body, /Điểm danh thành công/);
    assert.match(first.body, /Lò Thị Mai/);
    assert.deepEqual(await presentIn(trainingId, participantId), { [sessionId]: true });
    const again = await checkIn(path, `+84${phone.slice(1)}`);
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /đã điểm danh buổi này rồi/);
    const audit = await t.db.pool.query("SELECT 1 FROM audit_events WHERE action = 'training.checked_in' AND entity_id = $1", [trainingId]);
    assert.equal(audit.rowCount, 1);
  });

  test('bad input: no phone, malformed phone, unknown phone (400); wrong token (404); closed (409); reopening invalidates the old code', async () => {
    const { trainingId, sessionId, participantId, phone } = await trainingWithSession();
    const path = new URL((await open(commune, trainingId, sessionId)).json().url).pathname;
    const empty = await checkIn(path, '');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Hãy nhập số điện thoại/);
    assert.equal((await checkIn(path, 'abc')).statusCode, 400);
    const unknown = await checkIn(path, '0900000001');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Không tìm thấy số điện thoại này/);
    const wrong = await checkIn('/check-in/khong-dung-ma-nay', phone);
    assert.equal(wrong.statusCode, 404);
    assert.match(wrong.body, /Mã QR này không đúng/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/check-in/khong-dung-ma-nay' })).statusCode, 200);

    const newPath = new URL((await open(commune, trainingId, sessionId)).json().url).pathname;
    assert.equal((await checkIn(path, phone)).statusCode, 404, 'the previous code stops working');
    const closed = await commune.request('POST', `/api/trainings/${trainingId}/sessions/${sessionId}/check-in/close`);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal((await neighbour.request('POST', `/api/trainings/${trainingId}/sessions/${sessionId}/check-in/close`)).statusCode, 404);
    const late = await checkIn(newPath, phone);
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /đã đóng điểm danh/);
    assert.match((await t.app.inject({ method: 'GET', url: newPath })).body, /đã đóng điểm danh/);
    assert.deepEqual(await presentIn(trainingId, participantId), {});
  });

  test('failed attempts are limited per token', async () => {
    const { trainingId, sessionId, phone } = await trainingWithSession();
    const path = new URL((await open(commune, trainingId, sessionId)).json().url).pathname;
    for (let i = 0; i < MAX_FAILED_CHECK_INS; i++) assert.equal((await checkIn(path, `09000000${String(i).padStart(2, '0')}`)).statusCode, 400);
    const limited = await checkIn(path, phone);
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /quá nhiều lần/);
  });
});
