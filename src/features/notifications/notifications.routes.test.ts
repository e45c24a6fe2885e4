import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withTransaction } from '../../core/db/database.ts';
import { assertEveryRouteNeedsSession, createProducerRecord, createTestApp, signInAs, unique, type TestApp } from '../../../tests/support/test-app.ts';
import { notify } from './notify.ts';

describe('notifications', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('without a session every notification route answers 401', async () => {
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/notifications'],
      ['POST', '/api/notifications/read', { ids: 'all' }],
      ['POST', '/api/notifications/read', { ids: ['8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e'] }],
    ]);
  });

  test('bad input is named field by field', async () => {
    const officer = await signInAs(t, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' });
    const paths = (response: { json(): { error: { details: { issues: { path: string }[] } } } }) => response.json().error.details.issues.map((i) => i.path).sort();
    const query = await officer.request('GET', '/api/notifications?unread=maybe&page=0&pageSize=1000');
    assert.equal(query.statusCode, 400);
    assert.deepEqual(paths(query), ['querystring.page', 'querystring.pageSize', 'querystring.unread']);
    const notUuid = await officer.request('POST', '/api/notifications/read', { ids: ['not-a-uuid', '8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e'] });
    assert.equal(notUuid.statusCode, 400);
    assert.ok(paths(notUuid).includes('ids.0'), notUuid.body);
    const extra = await officer.request('POST', '/api/notifications/read', {});
    assert.equal(extra.statusCode, 400);
    assert.deepEqual(paths(extra), ['ids']);
  });

  test('a notice reaches the accounts of a producer once; each reads and marks only their own', async () => {
    const producerId = await createProducerRecord(t.db, { provinceCode: '12', communeCode: '03595' });
    const first = await signInAs(t, { role: 'producer', producerId });
    const second = await signInAs(t, { role: 'producer', producerId });
    const other = await signInAs(t, { role: 'commune_officer', provinceCode: '12', communeCode: '03595' });
    const key = unique('n');
    const send = () =>
      withTransaction(t.db, (tx) => notify(tx, [{ producerId }], { kind: 'test', title: 'Kết quả đánh giá', body: 'Được công nhận 4 sao.', dedupeKey: key }, new Date()));
    assert.equal(await send(), 2, 'both accounts of the producer');
    assert.equal(await send(), 0, 'the same event does not notify twice');

    const listed = await first.request('GET', '/api/notifications?unread=true');
    assert.equal(listed.statusCode, 200, listed.body);
    const mine = listed.json().items.filter((n: { kind: string }) => n.kind === 'test');
    assert.equal(mine.length, 1);
    assert.equal(listed.json().unread >= 1, true);
    assert.equal((await other.request('GET', '/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'test').length, 0);

    // Marking another user's notice does nothing; marking one's own removes it from the unread list.
    const id = mine[0].id as string;
    assert.deepEqual((await other.request('POST', '/api/notifications/read', { ids: [id] })).json(), { marked: 0 });
    assert.deepEqual((await first.request('POST', '/api/notifications/read', { ids: [id] })).json(), { marked: 1 });
    const after = (await first.request('GET', '/api/notifications?unread=true')).json();
    assert.ok(!after.items.some((n: { id: string }) => n.id === id));
    assert.equal((await second.request('POST', '/api/notifications/read', { ids: 'all' })).json().marked >= 1, true);
    assert.equal((await second.request('GET', '/api/notifications?unread=true')).json().unread, 0);

    const bad = await first.request('POST', '/api/notifications/read', { ids: ['not-a-uuid'] });
    assert.equal(bad.statusCode, 400);
  });
});
