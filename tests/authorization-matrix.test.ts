/**
 * Role × scope × action, enforced on the server (issue 2, item 5). Each row signs in a real user of a
 * role and scope and calls the real routes; "hidden" means the record answers 404 like a missing one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../src/core/auth/roles.ts';
import { createProducerRecord, createTestApp, signInAs, type Client, type TestApp, type UserSpec } from './support/test-app.ts';

// Lai Châu (12): xã Than Uyên 03595 and xã Tân Uyên 03598. Điện Biên (11): xã Na Son 03203.
const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const TAN_UYEN = '03598';
const DIEN_BIEN = '11';
const NA_SON = '03203';

type Expect = 'ok' | 'hidden' | 'forbidden';

describe('authorization matrix', () => {
  let t: TestApp;
  let producerHere: string; // in xã Than Uyên, Lai Châu
  let producerNextDoor: string; // in xã Tân Uyên, Lai Châu
  let producerElsewhere: string; // in xã Na Son, Điện Biên
  const clients = new Map<string, Client>();

  const actors: Record<string, () => UserSpec> = {
    'system admin': () => ({ role: 'system_admin' }),
    'ministry officer': () => ({ role: 'ministry_officer' }),
    'Lai Châu office': () => ({ role: 'province_office', provinceCode: LAI_CHAU }),
    'Than Uyên officer': () => ({ role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN }),
    'Lai Châu council member': () => ({ role: 'council_member', provinceCode: LAI_CHAU }),
    'Lai Châu advisory member': () => ({ role: 'advisory_member', provinceCode: LAI_CHAU }),
    'producer (Than Uyên)': () => ({ role: 'producer', producerId: producerHere, provinceCode: LAI_CHAU, communeCode: THAN_UYEN }),
  };

  before(async () => {
    t = await createTestApp();
    producerHere = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    producerNextDoor = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    producerElsewhere = await createProducerRecord(t.db, { provinceCode: DIEN_BIEN, communeCode: NA_SON });
    for (const [name, spec] of Object.entries(actors)) clients.set(name, await signInAs(t, spec()));
  });
  after(() => t.close());

  const statusOf: Record<Expect, number[]> = { ok: [200, 201], hidden: [404], forbidden: [403] };

  // [actor, producer here, next door (same province), elsewhere]
  const viewProducer: [string, Expect, Expect, Expect][] = [
    ['system admin', 'ok', 'ok', 'ok'],
    ['ministry officer', 'ok', 'ok', 'ok'],
    ['Lai Châu office', 'ok', 'ok', 'hidden'],
    ['Than Uyên officer', 'ok', 'hidden', 'hidden'],
    ['Lai Châu council member', 'ok', 'ok', 'hidden'],
    ['Lai Châu advisory member', 'ok', 'ok', 'hidden'],
    ['producer (Than Uyên)', 'ok', 'hidden', 'hidden'],
  ];
  for (const [actor, here, nextDoor, elsewhere] of viewProducer) {
    test(`${actor}: view producers here=${here}, next door=${nextDoor}, elsewhere=${elsewhere}`, async () => {
      const client = clients.get(actor)!;
      for (const [id, expected] of [[producerHere, here], [producerNextDoor, nextDoor], [producerElsewhere, elsewhere]] as const) {
        const response = await client.request('GET', `/api/producers/${id}`);
        assert.ok(statusOf[expected].includes(response.statusCode), `${actor} GET producer: ${response.statusCode}, expected ${expected}`);
      }
      const list = await client.request('GET', '/api/producers?pageSize=200');
      const ids = new Set(list.json().items.map((p: { id: string }) => p.id));
      assert.equal(ids.has(producerHere), here === 'ok');
      assert.equal(ids.has(producerNextDoor), nextDoor === 'ok');
      assert.equal(ids.has(producerElsewhere), elsewhere === 'ok');
    });
  }

  // [actor, edit here, edit elsewhere]
  const editProducer: [string, Expect, Expect][] = [
    ['system admin', 'ok', 'ok'],
    ['ministry officer', 'forbidden', 'forbidden'],
    ['Lai Châu office', 'ok', 'hidden'],
    ['Than Uyên officer', 'ok', 'hidden'],
    ['Lai Châu council member', 'forbidden', 'hidden'],
    ['Lai Châu advisory member', 'forbidden', 'hidden'],
    ['producer (Than Uyên)', 'ok', 'hidden'],
  ];
  for (const [actor, here, elsewhere] of editProducer) {
    test(`${actor}: edit producer here=${here}, elsewhere=${elsewhere}`, async () => {
      const client = clients.get(actor)!;
      for (const [id, expected] of [[producerHere, here], [producerElsewhere, elsewhere]] as const) {
        const current = await t.db.pool.query('SELECT version FROM producers WHERE id = $1', [id]);
        const response = await client.request('PATCH', `/api/producers/${id}`, { version: current.rows[0].version, phone: '0912 345 678' });
        assert.ok(statusOf[expected].includes(response.statusCode), `${actor} PATCH: ${response.statusCode} ${response.body}`);
      }
    });
  }

  // [actor, register in Than Uyên, register in Na Son]
  const registerProducer: [string, Expect, Expect][] = [
    ['system admin', 'ok', 'ok'],
    ['ministry officer', 'forbidden', 'forbidden'],
    ['Lai Châu office', 'ok', 'forbidden'],
    ['Than Uyên officer', 'ok', 'forbidden'],
    ['Lai Châu council member', 'forbidden', 'forbidden'],
    ['Lai Châu advisory member', 'forbidden', 'forbidden'],
    ['producer (Than Uyên)', 'forbidden', 'forbidden'],
  ];
  for (const [actor, here, elsewhere] of registerProducer) {
    test(`${actor}: register producer in Than Uyên=${here}, in Na Son=${elsewhere}`, async () => {
      const client = clients.get(actor)!;
      for (const [communeCode, expected] of [[THAN_UYEN, here], [NA_SON, elsewhere]] as const) {
        const response = await client.request('POST', '/api/producers', { name: `HTX thử ${actor}`, legalForm: 'cooperative', communeCode });
        assert.ok(statusOf[expected].includes(response.statusCode), `${actor} POST producer: ${response.statusCode}`);
      }
    });
  }

  // Account management: [actor, create commune officer in Lai Châu, in Điện Biên, create a province office]
  const manageUsers: [string, Expect, Expect, Expect][] = [
    ['system admin', 'ok', 'ok', 'ok'],
    ['ministry officer', 'forbidden', 'forbidden', 'forbidden'],
    ['Lai Châu office', 'ok', 'forbidden', 'forbidden'],
    ['Than Uyên officer', 'forbidden', 'forbidden', 'forbidden'],
    ['Lai Châu council member', 'forbidden', 'forbidden', 'forbidden'],
    ['Lai Châu advisory member', 'forbidden', 'forbidden', 'forbidden'],
    ['producer (Than Uyên)', 'forbidden', 'forbidden', 'forbidden'],
  ];
  let seq = 0;
  for (const [actor, inProvince, otherProvince, provinceOffice] of manageUsers) {
    test(`${actor}: create accounts: officer in Lai Châu=${inProvince}, in Điện Biên=${otherProvince}, province office=${provinceOffice}`, async () => {
      const client = clients.get(actor)!;
      const cases: [object, Expect][] = [
        [{ role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN }, inProvince],
        [{ role: 'commune_officer', provinceCode: DIEN_BIEN, communeCode: NA_SON }, otherProvince],
        [{ role: 'province_office', provinceCode: DIEN_BIEN }, provinceOffice],
      ];
      for (const [assignment, expected] of cases) {
        seq += 1;
        const response = await client.request('POST', '/api/users', {
          username: `matrix.${Date.now()}.${seq}`,
          displayName: 'Tài khoản thử',
          ...assignment,
        });
        assert.ok(statusOf[expected].includes(response.statusCode), `${actor} POST user ${JSON.stringify(assignment)}: ${response.statusCode} ${response.body}`);
      }
      const list = await client.request('GET', '/api/users');
      const canList = ['system admin', 'Lai Châu office', 'ministry officer'].includes(actor);
      assert.equal(list.statusCode, canList ? 200 : 403);
    });
  }

  const auditAccess: [string, Expect][] = Object.keys(actors).map((actor) => [actor, actor === 'system admin' ? 'ok' : 'forbidden']);
  for (const [actor, expected] of auditAccess) {
    test(`${actor}: audit log ${expected}`, async () => {
      const client = clients.get(actor)!;
      assert.ok(statusOf[expected].includes((await client.request('GET', '/api/audit-events')).statusCode));
      assert.ok(statusOf[expected].includes((await client.request('GET', '/api/audit-events/verification')).statusCode));
    });
  }

  test('a producer edits its own contact details but not what the officers registered', async () => {
    const producer = clients.get('producer (Than Uyên)')!;
    const version = async () => (await t.db.pool.query('SELECT version FROM producers WHERE id = $1', [producerHere])).rows[0].version;
    const renamed = await producer.request('PATCH', `/api/producers/${producerHere}`, { version: await version(), name: 'Tên khác' });
    assert.equal(renamed.statusCode, 403);
    const phone = await producer.request('PATCH', `/api/producers/${producerHere}`, { version: await version(), phone: '0214 3888 999' });
    assert.equal(phone.statusCode, 200);
  });

  test('the province office sees only the accounts of its own province', async () => {
    const lc = clients.get('Lai Châu office')!;
    const response = await lc.request('GET', '/api/users?pageSize=200');
    const roles = new Set<Role>();
    for (const user of response.json().items as { provinceCode: string; role: Role }[]) {
      assert.equal(user.provinceCode, LAI_CHAU);
      roles.add(user.role);
    }
    assert.ok(!roles.has('system_admin') && !roles.has('province_office'));
  });
});
