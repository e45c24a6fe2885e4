import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertEveryRouteNeedsSession, createProducerRecord, createTestApp, createUserRecord, signIn, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';

describe('managing accounts', () => {
  let t: TestApp;
  let admin: Client;
  before(async () => {
    t = await createTestApp();
    admin = await signInAs(t, { role: 'system_admin' });
  });
  after(() => t.close());

  test('without a session every account route answers 401', async () => {
    const { id } = await createUserRecord(t.db, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' });
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/users'],
      ['GET', `/api/users/${id}`],
      ['POST', '/api/users', { username: unique('x'), displayName: 'Cán bộ xã', role: 'commune_officer', provinceCode: '12', communeCode: '03595' }],
      ['PATCH', `/api/users/${id}`, { version: 1, displayName: 'Tên khác' }],
      ['POST', `/api/users/${id}/deactivate`, { version: 1 }],
      ['POST', `/api/users/${id}/activate`, { version: 1 }],
      ['POST', `/api/users/${id}/reset-password`, { version: 1 }],
    ]);
  });

  test('every bad field is reported at once, in Vietnamese, with its path', async () => {
    const response = await admin.request('POST', '/api/users', {
      username: 'a b',
      displayName: '',
      email: 'not-an-email',
      role: 'mayor',
      password: 'short',
    });
    assert.equal(response.statusCode, 400);
    const { error } = response.json();
    assert.equal(error.code, 'INVALID_INPUT');
    const byPath = Object.fromEntries(error.details.issues.map((i: { path: string; message: string }) => [i.path, i.message]));
    assert.deepEqual(Object.keys(byPath).sort(), ['displayName', 'email', 'password', 'role', 'username']);
    assert.equal(byPath.email, 'Địa chỉ email không hợp lệ.');
    assert.match(byPath.password, /ít nhất 10 ký tự/);
    assert.match(byPath.role, /Giá trị không hợp lệ/);
    assert.ok(error.details.issues.every((i: { messageEn?: string }) => typeof i.messageEn === 'string'), 'English is available too');
  });

  test('a role without the scope it needs, or with units that do not exist, is refused field by field', async () => {
    const response = await admin.request('POST', '/api/users', {
      username: unique('x'),
      displayName: 'Cán bộ xã',
      role: 'commune_officer',
      provinceCode: '12',
      communeCode: '03203', // Na Son is in Điện Biên, not Lai Châu
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().error.details.issues.map((i: { path: string }) => i.path), ['communeCode']);
    assert.match(response.json().error.details.issues[0].message, /không thuộc tỉnh/);

    const missing = await admin.request('POST', '/api/users', { username: unique('x'), displayName: 'X', role: 'producer', provinceCode: '99' });
    assert.deepEqual(missing.json().error.details.issues.map((i: { path: string }) => i.path).sort(), ['producerId', 'provinceCode']);
  });

  test('an administrator creates an officer with a temporary password, who must change it, and the audit log has it', async () => {
    const username = unique('xa.');
    const created = await admin.request('POST', '/api/users', {
      username,
      displayName: 'Cán bộ xã Than Uyên',
      role: 'commune_officer',
      provinceCode: '12',
      communeCode: '03595',
    });
    assert.equal(created.statusCode, 201, created.body);
    const { user, temporaryPassword } = created.json();
    assert.equal(user.communeName, 'Xã Than Uyên');
    assert.equal(user.provinceName, 'Tỉnh Lai Châu');
    assert.equal(user.mustChangePassword, true);
    assert.equal(typeof temporaryPassword, 'string');
    const officer = await signIn(t.app, username, temporaryPassword);
    const session = await officer.request('GET', '/api/auth/session');
    assert.equal(session.json().user.mustChangePassword, true);

    const audit = await admin.request('GET', `/api/audit-events?entityType=user&entityId=${user.id}`);
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('user.created'));
    assert.doesNotMatch(audit.body, /argon2/, 'password hashes never reach the audit log');

    const duplicate = await admin.request('POST', '/api/users', { username: username.toUpperCase(), displayName: 'X', role: 'system_admin' });
    assert.equal(duplicate.statusCode, 409);
  });

  test('a producer account takes its scope from its producer', async () => {
    const producerId = await createProducerRecord(t.db, { provinceCode: '42', communeCode: '18496' });
    const created = await admin.request('POST', '/api/users', { username: unique('ct.'), displayName: 'Chủ thể', role: 'producer', producerId });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().user.provinceCode, '42');
    assert.equal(created.json().user.communeCode, '18496');
  });

  test('deactivating ends the user’s sessions; activating lets them back in; stale versions conflict', async () => {
    const officer = await signInAs(t, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' });
    const { version } = (await admin.request('GET', `/api/users/${officer.userId}`)).json();
    const deactivated = await admin.request('POST', `/api/users/${officer.userId}/deactivate`, { version });
    assert.equal(deactivated.statusCode, 200);
    assert.equal(deactivated.json().isActive, false);
    assert.equal((await officer.request('GET', '/api/auth/session')).statusCode, 401);

    const stale = await admin.request('POST', `/api/users/${officer.userId}/activate`, { version });
    assert.equal(stale.statusCode, 409, 'the version changed with the deactivation');
    const again = await admin.request('POST', `/api/users/${officer.userId}/deactivate`, { version: version + 1 });
    assert.equal(again.json().error.code, 'INVALID_TRANSITION');
    const activated = await admin.request('POST', `/api/users/${officer.userId}/activate`, { version: version + 1 });
    assert.equal(activated.statusCode, 200);
    await signIn(t.app, officer.username);

    const self = await admin.request('POST', `/api/users/${admin.userId}/deactivate`, { version: 1 });
    assert.equal(self.json().error.code, 'INVALID_TRANSITION');
  });

  test('resetting a password gives a new temporary one and ends old sessions', async () => {
    const officer = await signInAs(t, { role: 'province_office', provinceCode: '42' });
    const { version } = (await admin.request('GET', `/api/users/${officer.userId}`)).json();
    const reset = await admin.request('POST', `/api/users/${officer.userId}/reset-password`, { version });
    assert.equal(reset.statusCode, 200);
    assert.equal((await officer.request('GET', '/api/auth/session')).statusCode, 401);
    await signIn(t.app, officer.username, reset.json().temporaryPassword);
  });

  test('changing a role or scope is audited with before and after, and signs the user out', async () => {
    const officer = await signInAs(t, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' });
    const { version } = (await admin.request('GET', `/api/users/${officer.userId}`)).json();
    const moved = await admin.request('PATCH', `/api/users/${officer.userId}`, { version, communeCode: '03598' });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().communeName, 'Xã Tân Uyên');
    assert.equal((await officer.request('GET', '/api/auth/session')).statusCode, 401);
    const audit = await admin.request('GET', `/api/audit-events?entityType=user&entityId=${officer.userId}&action=user.updated`);
    const [event] = audit.json().items;
    assert.equal(event.before.communeCode, '03595');
    assert.equal(event.after.communeCode, '03598');
    assert.equal(event.actorUserId, admin.userId);
  });

  test('a province office cannot move its officer to another province', async () => {
    const office = await signInAs(t, { role: 'province_office', provinceCode: '12' });
    const officer = await signInAs(t, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' });
    const { version } = (await office.request('GET', `/api/users/${officer.userId}`)).json();
    const response = await office.request('PATCH', `/api/users/${officer.userId}`, { version, provinceCode: '11', communeCode: '03203' });
    assert.equal(response.statusCode, 403);
    const unchanged = (await admin.request('GET', `/api/users/${officer.userId}`)).json();
    assert.equal(unchanged.provinceCode, '12');
  });
});
