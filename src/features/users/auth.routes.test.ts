import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../server.ts';
import { assertEveryRouteNeedsSession, createFixedClock, createTestApp, createUserRecord, randomIp, signIn, TEST_PASSWORD, type TestApp } from '../../../tests/support/test-app.ts';

describe('signing in and sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function csrfFor(ip: string) {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress: ip });
    return response.json<{ csrfToken: string }>().csrfToken;
  }

  async function attemptLogin(username: string, password: string, ip = randomIp()) {
    const csrf = await csrfFor(ip);
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers: { 'x-csrf-token': csrf },
      cookies: { ocop_csrf: csrf },
      remoteAddress: ip,
    });
  }

  test('a user signs in; the session cookie is httpOnly and SameSite; the session names the user', async () => {
    const { username, id } = await createUserRecord(t.db, { role: 'system_admin' });
    const response = await attemptLogin(username, TEST_PASSWORD);
    assert.equal(response.statusCode, 200);
    const session = response.cookies.find((c) => c.name === 'ocop_session');
    assert.ok(session, 'session cookie set');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    const csrf = response.cookies.find((c) => c.name === 'ocop_csrf');
    assert.equal(csrf?.httpOnly, undefined, 'the CSRF cookie must be readable by the page');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', cookies: { ocop_session: session.value } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.id, id);
    assert.equal(JSON.stringify(me.json()).includes('passwordHash'), false);
    const stored = await t.db.pool.query('SELECT password_hash FROM users WHERE id = $1', [id]);
    assert.match(stored.rows[0].password_hash, /^\$argon2id\$/);
  });

  test('wrong password, unknown user and deactivated user are refused with a Vietnamese message', async () => {
    const { username } = await createUserRecord(t.db, { role: 'system_admin' });
    const wrong = await attemptLogin(username, 'not the password');
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'UNAUTHENTICATED');
    assert.equal(wrong.json().error.message, 'Tên đăng nhập hoặc mật khẩu không đúng.');
    const unknown = await attemptLogin('no-such-user-xyz', TEST_PASSWORD);
    assert.equal(unknown.json().error.message, wrong.json().error.message, 'unknown users look like wrong passwords');
    const inactive = await createUserRecord(t.db, { role: 'system_admin', isActive: false });
    const blocked = await attemptLogin(inactive.username, TEST_PASSWORD);
    assert.equal(blocked.statusCode, 401);
    assert.match(blocked.json().error.message, /bị khóa/);
  });

  test('without a session, API routes answer 401', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/users' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'UNAUTHENTICATED');
    assert.ok(response.json().requestId);
  });

  test('without a session the own-account routes answer 401 (signing out is always allowed)', async () => {
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/auth/session'],
      ['POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another-password-456' }],
    ]);
  });

  test('state-changing requests need the CSRF token of the session', async () => {
    const client = await signIn(t.app, (await createUserRecord(t.db, { role: 'system_admin' })).username);
    const good = await client.request('POST', '/api/users', { username: 'x' });
    assert.equal(good.statusCode, 400, 'with the token the request reaches validation');
    const cookie = { ocop_session: client.sessionToken };
    const missing = await t.app.inject({ method: 'POST', url: '/api/users', payload: { username: 'x' }, cookies: cookie });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().error.details.reason, 'csrf');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'x' },
      cookies: { ...cookie, ocop_csrf: 'attacker' },
      headers: { 'x-csrf-token': 'attacker' },
    });
    assert.equal(forged.statusCode, 403, 'a token not bound to the session is refused');
    const loginWithoutToken = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b' } });
    assert.equal(loginWithoutToken.statusCode, 403);
  });

  test('after 5 failed attempts from one address that address waits, at most 15 minutes (decision 018)', async () => {
    const clock = createFixedClock('2026-11-23T09:00:00+07:00');
    const timed = await createTestApp({ clock });
    try {
      const { username } = await createUserRecord(timed.db, { role: 'system_admin' });
      const ip = randomIp();
      const login = async (password: string) => {
        const csrf = (await timed.app.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress: ip })).json().csrfToken;
        return timed.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password },
          headers: { 'x-csrf-token': csrf },
          cookies: { ocop_csrf: csrf },
          remoteAddress: ip,
        });
      };
      for (let i = 0; i < 5; i++) assert.equal((await login('wrong-password')).statusCode, 401);
      const limited = await login(TEST_PASSWORD);
      assert.equal(limited.statusCode, 429, 'even the right password waits');
      assert.equal(limited.json().error.code, 'RATE_LIMITED');
      clock.advance(15 * 60 * 1000 + 1000);
      assert.equal((await login(TEST_PASSWORD)).statusCode, 200);
    } finally {
      await timed.close();
    }
  });

  test('demo accounts sign in only in demo mode', async () => {
    const { username } = await createUserRecord(t.db, { role: 'system_admin', isDemo: true });
    const refused = await attemptLogin(username, TEST_PASSWORD);
    assert.equal(refused.statusCode, 401);
    assert.match(refused.json().error.message, /chế độ demo/);
    const demo = await createTestApp({ config: { demoMode: true } });
    try {
      await signIn(demo.app, username);
    } finally {
      await demo.close();
    }
  });

  test('logging out ends the session', async () => {
    const client = await signIn(t.app, (await createUserRecord(t.db, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' })).username);
    assert.equal((await client.request('GET', '/api/auth/session')).statusCode, 200);
    assert.equal((await client.request('POST', '/api/auth/logout')).statusCode, 204);
    assert.equal((await client.request('GET', '/api/auth/session')).statusCode, 401);
  });

  test('a user changes their own password; the old one stops working', async () => {
    const { username } = await createUserRecord(t.db, { role: 'province_office', provinceCode: '12' });
    const client = await signIn(t.app, username);
    const bad = await client.request('POST', '/api/auth/password', { currentPassword: 'nope', newPassword: 'short' });
    assert.equal(bad.statusCode, 400);
    const paths = bad.json().error.details.issues.map((i: { path: string }) => i.path);
    assert.deepEqual(paths, ['newPassword'], 'schema problems come first, all of them');
    const wrongCurrent = await client.request('POST', '/api/auth/password', { currentPassword: 'nope', newPassword: 'a-new-long-password' });
    assert.equal(wrongCurrent.json().error.details.issues[0].path, 'currentPassword');
    const ok = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' });
    assert.equal(ok.statusCode, 204);
    assert.equal((await attemptLogin(username, TEST_PASSWORD)).statusCode, 401);
    await signIn(t.app, username, 'a-new-long-password');
  });
});

describe('bad input never leaks internals', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { bodyLimitBytes: 2048 } });
  });
  after(() => t.close());

  test('malformed JSON gets a clean 400, an oversized body a 413, neither shows a stack or SQL', async () => {
    const client = await signIn(t.app, (await createUserRecord(t.db, { role: 'system_admin' })).username);
    const cookieHeader = `ocop_session=${client.sessionToken}; ocop_csrf=${client.csrfToken}`;
    const csrf = client.csrfToken;
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: '{"username": ',
      headers: { 'content-type': 'application/json', cookie: cookieHeader, 'x-csrf-token': csrf },
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, 'INVALID_INPUT');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: JSON.stringify({ username: 'x'.repeat(5000) }),
      headers: { 'content-type': 'application/json', cookie: cookieHeader, 'x-csrf-token': csrf },
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, 'PAYLOAD_TOO_LARGE');
    for (const response of [malformed, huge]) {
      assert.doesNotMatch(response.body, /at .*\.ts:\d+|SELECT |INSERT |node_modules/);
    }
  });

  test('an unexpected failure is a 500 with a request id and no details', async () => {
    const app = await buildApp({ config: t.config, db: t.db, clock: t.clock });
    app.get('/api/test-failure', async () => {
      throw new Error('relation "secret" does not exist: SELECT * FROM secret');
    });
    const response = await app.inject({ method: 'GET', url: '/api/test-failure' });
    await app.close();
    assert.equal(response.statusCode, 500);
    assert.equal(response.json().error.code, 'INTERNAL');
    assert.ok(response.json().requestId);
    assert.doesNotMatch(response.body, /secret|SELECT/);
  });
});
