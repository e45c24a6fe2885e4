import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixedClock, createTestApp, createUserRecord, randomIp, signIn, TEST_PASSWORD, unique, type TestApp } from '../../../tests/support/test-app.ts';

describe('own password change and temporary passwords (issue 16, findings 2 and 3)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('changing one’s own password ends the user’s other sessions and keeps the current one', async () => {
    const { username } = await createUserRecord(t.db, { role: 'province_office', provinceCode: '12' });
    const laptop = await signIn(t.app, username);
    const phone = await signIn(t.app, username);
    const changed = await laptop.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal((await laptop.request('GET', '/api/auth/session')).statusCode, 200, 'the session that changed it stays');
    assert.equal((await phone.request('GET', '/api/auth/session')).statusCode, 401, 'every other session ends');
  });

  test('with a temporary password only the password change, the session, CSRF and sign-out answer', async () => {
    const admin = await signIn(t.app, (await createUserRecord(t.db, { role: 'system_admin' })).username);
    const username = unique('xa.');
    const created = await admin.request('POST', '/api/users', { username, displayName: 'Cán bộ tạm', role: 'province_office', provinceCode: '12' });
    assert.equal(created.statusCode, 201, created.body);
    const { temporaryPassword } = created.json();
    const officer = await signIn(t.app, username, temporaryPassword);

    for (const [method, url] of [['GET', '/api/producers'], ['GET', '/api/notifications'], ['GET', '/api/dashboard'], ['POST', '/api/producers']] as const) {
      const refused = await officer.request(method, url, method === 'POST' ? {} : undefined);
      assert.equal(refused.statusCode, 403, `${method} ${url}: ${refused.body}`);
      assert.equal(refused.json().error.code, 'FORBIDDEN');
      assert.equal(refused.json().error.details.reason, 'password_change_required');
      assert.match(refused.json().error.message, /đổi mật khẩu/);
      assert.ok(refused.json().error.messageEn);
    }
    assert.equal((await officer.request('GET', '/api/auth/session')).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/csrf', cookies: { ocop_session: officer.sessionToken } })).statusCode, 200);
    const changed = await officer.request('POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'my-own-password-1' });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal((await officer.request('GET', '/api/producers')).statusCode, 200, 'after the change everything answers again');
    assert.equal((await officer.request('POST', '/api/auth/logout')).statusCode, 204);
  });

  test('sign-out works while the password still has to be changed', async () => {
    const admin = await signIn(t.app, (await createUserRecord(t.db, { role: 'system_admin' })).username);
    const username = unique('xa.');
    const { temporaryPassword } = (await admin.request('POST', '/api/users', { username, displayName: 'Cán bộ tạm', role: 'province_office', provinceCode: '12' })).json();
    const officer = await signIn(t.app, username, temporaryPassword);
    assert.equal((await officer.request('POST', '/api/auth/logout')).statusCode, 204);
    assert.equal((await officer.request('GET', '/api/auth/session')).statusCode, 401);
  });
});

describe('sign-in throttling that cannot lock an official out (issue 16, finding 1)', () => {
  let t: TestApp;
  const clock = createFixedClock('2026-11-23T09:00:00+07:00');
  before(async () => {
    t = await createTestApp({ clock });
  });
  after(() => t.close());

  async function login(username: string, password: string, ip: string, device?: string) {
    const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress: ip })).json().csrfToken;
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers: { 'x-csrf-token': csrf },
      cookies: { ocop_csrf: csrf, ...(device ? { ocop_device: device } : {}) },
      remoteAddress: ip,
    });
  }

  test('failures from one address slow that address down, progressively; the owner elsewhere signs in', async () => {
    const { username } = await createUserRecord(t.db, { role: 'province_office', provinceCode: '12' });
    const attacker = randomIp();
    for (let i = 0; i < 5; i++) assert.equal((await login(username, 'wrong-password', attacker)).statusCode, 401);
    const slowed = await login(username, TEST_PASSWORD, attacker);
    assert.equal(slowed.statusCode, 429, 'the attacking address waits, even with the right password');
    assert.equal(slowed.json().error.code, 'RATE_LIMITED');
    assert.equal(slowed.json().error.details.retryAfterSeconds, 30);
    assert.equal(slowed.headers['retry-after'], '30');
    assert.equal((await login(username, TEST_PASSWORD, randomIp())).statusCode, 200, 'someone else’s failures do not lock the owner out');

    clock.advance(31_000);
    assert.equal((await login(username, 'wrong-password', attacker)).statusCode, 401, 'after the wait one more try');
    assert.equal((await login(username, 'wrong-password', attacker)).json().error.details.retryAfterSeconds, 60, 'each further failure doubles the wait');
    clock.advance(15 * 60_000);
    assert.equal((await login(username, TEST_PASSWORD, attacker)).statusCode, 200, 'failures older than 15 minutes are forgotten');
  });

  test('one address trying many usernames is stopped after 30 failures (password spraying)', async () => {
    const sprayer = randomIp();
    for (let i = 0; i < 30; i++) assert.equal((await login(unique('nobody'), 'Password123', sprayer)).statusCode, 401);
    const { username } = await createUserRecord(t.db, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' });
    const stopped = await login(username, TEST_PASSWORD, sprayer);
    assert.equal(stopped.statusCode, 429);
    assert.ok(stopped.json().error.details.retryAfterSeconds > 0);
    assert.equal((await login(username, TEST_PASSWORD, randomIp())).statusCode, 200);
    clock.advance(15 * 60_000 + 1000);
  });

  test('failures from many addresses slow down new devices; the owner’s known device still gets in; owner and administrator are told', async () => {
    const owner = await createUserRecord(t.db, { role: 'province_office', provinceCode: '12' });
    const admin = await createUserRecord(t.db, { role: 'system_admin' });
    const first = await login(owner.username, TEST_PASSWORD, randomIp());
    assert.equal(first.statusCode, 200);
    const device = first.cookies.find((c) => c.name === 'ocop_device');
    assert.ok(device, 'a sign-in marks the browser as a known device');
    assert.equal(device.httpOnly, true);

    for (let address = 0; address < 5; address++) {
      const ip = randomIp();
      for (let i = 0; i < 4; i++) assert.equal((await login(owner.username, 'wrong-password', ip)).statusCode, 401);
    }
    const stranger = await login(owner.username, TEST_PASSWORD, randomIp());
    assert.equal(stranger.statusCode, 429, 'after 20 failures on the username a new device waits');
    assert.equal((await login(owner.username, TEST_PASSWORD, randomIp(), device.value)).statusCode, 200, 'the owner’s known device is not slowed down');

    for (const userId of [owner.id, admin.id]) {
      const { rows } = await t.db.pool.query(`SELECT title, body FROM notifications WHERE user_id = $1 AND kind = 'account.sign_in_failures'`, [userId]);
      assert.equal(rows.length, 1, 'one notice per person, however many failures');
      assert.match(rows[0].title, /đăng nhập sai/);
      assert.ok(rows[0].body.includes(owner.username));
    }
  });
});
