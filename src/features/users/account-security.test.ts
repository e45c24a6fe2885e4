import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, createUserRecord, signIn, TEST_PASSWORD, unique, type TestApp } from '../../../tests/support/test-app.ts';

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
