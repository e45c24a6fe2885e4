/**
 * Role × scope × action, enforced on the server (issue 2, item 5). Each row signs in a real user of a
 * role and scope and calls the real routes; "hidden" means the record answers 404 like a missing one.
 * Covers producers, accounts, the audit log, certificates (read, revoke, inspect) and, below, evaluation
 * rounds (open, set members, advise, open scoring, score, close, decide), with council and advisory
 * members in and out of their province (issue 11, item 9).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../src/core/auth/roles.ts';
import { findCriteriaSheet } from '../src/features/rule-sets/index.ts';
import { choicesUpTo } from './support/criteria.ts';
import { createCertifiedProduct } from './support/certificates.ts';
import { createReadyDossier, expectStatus, passingCheck } from './support/dossiers.ts';
import { createFixedClock, createProducerRecord, createTestApp, signInAs, type Client, type TestApp, type UserSpec } from './support/test-app.ts';

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
    'Điện Biên council member': () => ({ role: 'council_member', provinceCode: DIEN_BIEN }),
    'Điện Biên advisory member': () => ({ role: 'advisory_member', provinceCode: DIEN_BIEN }),
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
    ['Điện Biên council member', 'hidden', 'hidden', 'ok'],
    ['Điện Biên advisory member', 'hidden', 'hidden', 'ok'],
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
    ['Điện Biên council member', 'hidden', 'forbidden'],
    ['Điện Biên advisory member', 'hidden', 'forbidden'],
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
    ['Điện Biên council member', 'forbidden', 'forbidden'],
    ['Điện Biên advisory member', 'forbidden', 'forbidden'],
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
    ['Điện Biên council member', 'forbidden', 'forbidden', 'forbidden'],
    ['Điện Biên advisory member', 'forbidden', 'forbidden', 'forbidden'],
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

  // Certificates (QĐ 26/2026 Đ.4, Đ.8, Đ.9). Councils and advisory teams work through rounds: no
  // certificate list, and a certificate looks missing to them in and out of their province.
  // [actor, 4★ here (Than Uyên, the producer's), 4★ next door (Tân Uyên), 4★ elsewhere (Na Son)]
  const readCertificate: [string, Expect, Expect, Expect][] = [
    ['system admin', 'ok', 'ok', 'ok'],
    ['ministry officer', 'ok', 'ok', 'ok'],
    ['Lai Châu office', 'ok', 'ok', 'hidden'],
    ['Than Uyên officer', 'ok', 'hidden', 'hidden'],
    ['Lai Châu council member', 'hidden', 'hidden', 'hidden'],
    ['Lai Châu advisory member', 'hidden', 'hidden', 'hidden'],
    ['Điện Biên council member', 'hidden', 'hidden', 'hidden'],
    ['Điện Biên advisory member', 'hidden', 'hidden', 'hidden'],
    ['producer (Than Uyên)', 'ok', 'hidden', 'hidden'],
  ];
  const certified = (place: 'here' | 'next door' | 'elsewhere', stars: 4 | 5 = 4) =>
    createCertifiedProduct(t.db, {
      ...(place === 'here' ? { producerId: producerHere } : place === 'next door' ? { producerId: producerNextDoor, communeCode: TAN_UYEN } : { producerId: producerElsewhere, provinceCode: DIEN_BIEN, communeCode: NA_SON }),
      stars,
      issuedOn: '2026-06-01',
    });
  for (const [actor, here, nextDoor, elsewhere] of readCertificate) {
    test(`${actor}: read certificates here=${here}, next door=${nextDoor}, elsewhere=${elsewhere}`, async () => {
      const client = clients.get(actor)!;
      const products = [await certified('here'), await certified('next door'), await certified('elsewhere')];
      const expected = [here, nextDoor, elsewhere];
      const answers = [];
      for (const product of products) {
        const id = product.certificate.id;
        answers.push([(await client.request('GET', `/api/certificates/${id}`)).statusCode, (await client.request('GET', `/api/certificates/${id}/pdf`)).statusCode]);
      }
      assert.deepEqual(answers, expected.map((e) => [statusOf[e][0], statusOf[e][0]]));
      const list = await client.request('GET', '/api/certificates?pageSize=200');
      const inspections = await client.request('GET', '/api/inspections');
      if (expected.every((e) => e === 'hidden')) {
        assert.deepEqual([list.statusCode, inspections.statusCode], [403, 403], 'no certificate or inspection list');
        return;
      }
      assert.deepEqual([list.statusCode, inspections.statusCode], [200, 200]);
      const ids = new Set(list.json().items.map((c: { id: string }) => c.id));
      assert.deepEqual(products.map((p) => ids.has(p.certificate.id)), expected.map((e) => e === 'ok'));
    });
  }

  // Revocation (Đ.8.2): the province its 3★/4★, the ministry any (5★ is the minister's); the
  // administrator is no authority. [actor, 4★ here, 4★ elsewhere, 5★ here]
  const revokeCertificate: [string, Expect, Expect, Expect][] = [
    ['system admin', 'forbidden', 'forbidden', 'forbidden'],
    ['ministry officer', 'ok', 'ok', 'ok'],
    ['Lai Châu office', 'ok', 'hidden', 'forbidden'],
    ['Than Uyên officer', 'forbidden', 'hidden', 'forbidden'],
    ['Lai Châu council member', 'hidden', 'hidden', 'hidden'],
    ['Lai Châu advisory member', 'hidden', 'hidden', 'hidden'],
    ['Điện Biên council member', 'hidden', 'hidden', 'hidden'],
    ['Điện Biên advisory member', 'hidden', 'hidden', 'hidden'],
    ['producer (Than Uyên)', 'forbidden', 'hidden', 'forbidden'],
  ];
  const revocation = { ground: 'law_violation', findingOn: '2026-11-20', decidedOn: '2026-11-25', decisionNumber: '77/QĐ-UBND', reason: 'Vi phạm ghi nhãn hàng hóa theo kết luận thanh tra.' };
  for (const [actor, here, elsewhere, fiveStar] of revokeCertificate) {
    test(`${actor}: revoke 4★ here=${here}, 4★ elsewhere=${elsewhere}, 5★ here=${fiveStar}`, async () => {
      const client = clients.get(actor)!;
      const products = [await certified('here'), await certified('elsewhere'), await certified('here', 5)];
      const answers = [];
      for (const product of products) answers.push((await client.request('POST', `/api/certificates/${product.certificate.id}/revoke`, revocation)).statusCode);
      assert.deepEqual(answers, [here, elsewhere, fiveStar].map((e) => statusOf[e][0]));
      const revoked = await t.db.pool.query<{ id: string }>(`SELECT id FROM certificates WHERE id = ANY($1) AND revoked_on IS NOT NULL`, [products.map((p) => p.certificate.id)]);
      assert.deepEqual(new Set(revoked.rows.map((r) => r.id)), new Set(products.filter((_, i) => [here, elsewhere, fiveStar][i] === 'ok').map((p) => p.certificate.id)));
    });
  }

  // Inspection after recognition (Đ.9.3): the province its products (5★ too), the ministry any.
  // [actor, 4★ here, 4★ elsewhere, 5★ here]
  const inspectCertificate: [string, Expect, Expect, Expect][] = [
    ['system admin', 'forbidden', 'forbidden', 'forbidden'],
    ['ministry officer', 'ok', 'ok', 'ok'],
    ['Lai Châu office', 'ok', 'hidden', 'ok'],
    ['Than Uyên officer', 'forbidden', 'hidden', 'forbidden'],
    ['Lai Châu council member', 'hidden', 'hidden', 'hidden'],
    ['Lai Châu advisory member', 'hidden', 'hidden', 'hidden'],
    ['Điện Biên council member', 'hidden', 'hidden', 'hidden'],
    ['Điện Biên advisory member', 'hidden', 'hidden', 'hidden'],
    ['producer (Than Uyên)', 'forbidden', 'hidden', 'forbidden'],
  ];
  const inspection = { kind: 'ad_hoc', plannedOn: '2026-11-20', inspectingBody: 'Sở Nông nghiệp và Môi trường' };
  for (const [actor, here, elsewhere, fiveStar] of inspectCertificate) {
    test(`${actor}: plan an inspection of 4★ here=${here}, 4★ elsewhere=${elsewhere}, 5★ here=${fiveStar}`, async () => {
      const client = clients.get(actor)!;
      const products = [await certified('here'), await certified('elsewhere'), await certified('here', 5)];
      const answers = [];
      for (const product of products) answers.push((await client.request('POST', `/api/certificates/${product.certificate.id}/inspections`, inspection)).statusCode);
      assert.deepEqual(answers, [here, elsewhere, fiveStar].map((e) => (e === 'ok' ? 201 : statusOf[e][0])));
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

/**
 * Evaluation rounds (QĐ 26/2026 Đ.5–7) in Sơn La, a province no other test runs rounds in (a forwarded
 * dossier joins its province's open round). One round goes through every verb; each row is one actor.
 * For the verbs that change the round once (open scoring, close, decide), the refused actors go first;
 * then the first allowed actor succeeds and any other allowed actor gets 409: past the authorization,
 * stopped by the state it already reached.
 */
describe('authorization matrix: evaluation rounds', () => {
  const SON_LA = '14';
  const TO_HIEU = '03646';
  const LANG_SON = '20';
  let t: TestApp;
  let roundId: string;
  let entryId: string;
  let dossierId: string;
  let producerId: string;
  const clients = new Map<string, Client>();
  const get = (actor: string) => clients.get(actor)!;

  const actors: Record<string, () => UserSpec> = {
    'system admin': () => ({ role: 'system_admin' }),
    'ministry officer': () => ({ role: 'ministry_officer' }),
    'Sơn La office': () => ({ role: 'province_office', provinceCode: SON_LA }),
    'Lạng Sơn office': () => ({ role: 'province_office', provinceCode: LANG_SON }),
    'Tô Hiệu officer': () => ({ role: 'commune_officer', provinceCode: SON_LA, communeCode: TO_HIEU }),
    'chair (Sơn La council member)': () => ({ role: 'council_member', provinceCode: SON_LA }),
    'seated Sơn La council member': () => ({ role: 'council_member', provinceCode: SON_LA }),
    'unseated Sơn La council member': () => ({ role: 'council_member', provinceCode: SON_LA }),
    'seated Sơn La advisory member': () => ({ role: 'advisory_member', provinceCode: SON_LA }),
    'unseated Sơn La advisory member': () => ({ role: 'advisory_member', provinceCode: SON_LA }),
    'Lạng Sơn council member': () => ({ role: 'council_member', provinceCode: LANG_SON }),
    'Lạng Sơn advisory member': () => ({ role: 'advisory_member', provinceCode: LANG_SON }),
    'producer (Tô Hiệu)': () => ({ role: 'producer', producerId, provinceCode: SON_LA, communeCode: TO_HIEU }),
  };
  const seated = () => [
    { userId: get('chair (Sơn La council member)').userId, role: 'chair', agency: 'UBND tỉnh' },
    { userId: get('seated Sơn La council member').userId, role: 'member', agency: 'Sở Công Thương' },
    { userId: get('seated Sơn La advisory member').userId, role: 'advisory', agency: 'Chi cục PTNT' },
  ];
  const roundVersion = async () => (await get('Sơn La office').request('GET', `/api/evaluation-rounds/${roundId}`)).json().version as number;
  const entryVersion = async () => (await get('Sơn La office').request('GET', `/api/round-entries/${entryId}`)).json().version as number;

  before(async () => {
    t = await createTestApp({ clock: createFixedClock('2026-11-23T02:00:00Z') });
    producerId = await createProducerRecord(t.db, { provinceCode: SON_LA, communeCode: TO_HIEU });
    for (const [name, spec] of Object.entries(actors)) clients.set(name, await signInAs(t, spec()));
    const office = get('Sơn La office');
    const officer = get('Tô Hiệu officer');
    const producer = get('producer (Tô Hiệu)');
    const round = await expectStatus(office, 'POST', '/api/evaluation-rounds', { level: 'province', year: 2026, kind: 'second', title: 'Đợt 2 năm 2026 (ma trận quyền)' }, 201);
    roundId = round.id;
    await expectStatus(office, 'PUT', `/api/evaluation-rounds/${roundId}/members`, { version: round.version, members: seated() }, 200);
    const dossier = await createReadyDossier(producer, producerId);
    dossierId = dossier.id;
    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${dossier.id}/submit`, { version: dossier.version }, 200);
    const received = await expectStatus(officer, 'POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version }, 200);
    const checked = await expectStatus(officer, 'PUT', `/api/dossiers/${dossier.id}/commune-check`, { version: received.version, ...passingCheck }, 200);
    await expectStatus(officer, 'POST', `/api/dossiers/${dossier.id}/forward`, { version: checked.version }, 200);
    const joined = await expectStatus(office, 'GET', `/api/evaluation-rounds/${roundId}`, undefined, 200);
    entryId = joined.entries.find((e: { dossierId: string }) => e.dossierId === dossier.id).id;
  });
  after(() => t.close());

  const statusOf: Record<Expect, number> = { ok: 200, hidden: 404, forbidden: 403 };

  /** The refused actors first, then the allowed ones: the first succeeds, the others meet a 409. */
  async function once(rows: readonly [string, Expect][], call: (client: Client) => Promise<{ statusCode: number; body: string }>) {
    const answers: string[] = [];
    const expected: string[] = [];
    let done = false;
    for (const [actor, expect] of [...rows.filter(([, e]) => e !== 'ok'), ...rows.filter(([, e]) => e === 'ok')]) {
      const response = await call(get(actor));
      answers.push(`${actor} → ${response.statusCode}${[200, 201].includes(response.statusCode) ? '' : ` ${response.body.slice(0, 200)}`}`);
      const status = expect === 'ok' ? (done ? 409 : 200) : statusOf[expect];
      expected.push(`${actor} → ${status}`);
      if (expect === 'ok') done = true;
    }
    // Bodies are kept only where the answer is unexpected, so the message shows what went wrong.
    assert.deepEqual(answers.map((a, i) => (a.startsWith(expected[i]!) ? expected[i] : a)), expected);
  }

  /** Every actor's answer at once, so a failure lists every row that differs. */
  async function each(rows: readonly [string, Expect][], call: (client: Client) => Promise<{ statusCode: number; body: string }>, ok = 200) {
    const answers: string[] = [];
    for (const [actor] of rows) {
      const response = await call(get(actor));
      answers.push(`${actor} → ${response.statusCode}${response.statusCode === ok || [403, 404].includes(response.statusCode) ? '' : ` ${response.body.slice(0, 200)}`}`);
    }
    assert.deepEqual(answers, rows.map(([actor, expect]) => `${actor} → ${expect === 'ok' ? ok : statusOf[expect]}`));
  }

  const outsiders: [string, Expect][] = [
    ['Lạng Sơn office', 'hidden'],
    ['Tô Hiệu officer', 'hidden'],
    ['unseated Sơn La council member', 'hidden'],
    ['unseated Sơn La advisory member', 'hidden'],
    ['Lạng Sơn council member', 'hidden'],
    ['Lạng Sơn advisory member', 'hidden'],
    ['producer (Tô Hiệu)', 'hidden'],
  ];

  test('view the round, its entry and the round list: the organiser, the ministry, the administrator and the seated members; others see nothing', async () => {
    const rows: [string, Expect][] = [
      ['system admin', 'ok'],
      ['ministry officer', 'ok'],
      ['Sơn La office', 'ok'],
      ['chair (Sơn La council member)', 'ok'],
      ['seated Sơn La council member', 'ok'],
      ['seated Sơn La advisory member', 'ok'],
      ...outsiders,
    ];
    await each(rows, (client) => client.request('GET', `/api/evaluation-rounds/${roundId}`));
    await each(rows, (client) => client.request('GET', `/api/round-entries/${entryId}`));
    // The commune and the producer have no round list at all; the others list the rounds they may see.
    const listed: string[] = [];
    const noList: string[] = [];
    for (const [actor] of rows) {
      const list = await get(actor).request('GET', '/api/evaluation-rounds?pageSize=200');
      if (list.statusCode === 403) noList.push(actor);
      else if (list.statusCode !== 200) assert.fail(`${actor}: ${list.statusCode} ${list.body}`);
      else if (list.json().items.some((r: { id: string }) => r.id === roundId)) listed.push(actor);
    }
    assert.deepEqual(listed, rows.filter(([, e]) => e === 'ok').map(([a]) => a));
    assert.deepEqual(noList, ['Tô Hiệu officer', 'producer (Tô Hiệu)']);
  });

  test('open a round of Sơn La: only the Sơn La office (not the ministry, not the administrator, not another province)', async () => {
    const rows: [string, Expect][] = [
      ['system admin', 'forbidden'],
      ['ministry officer', 'forbidden'],
      ['Sơn La office', 'ok'],
      ['Lạng Sơn office', 'forbidden'],
      ['Tô Hiệu officer', 'forbidden'],
      ['chair (Sơn La council member)', 'forbidden'],
      ['seated Sơn La advisory member', 'forbidden'],
      ['Lạng Sơn council member', 'forbidden'],
      ['producer (Tô Hiệu)', 'forbidden'],
    ];
    const body = { level: 'province', provinceCode: SON_LA, year: 2026, kind: 'extra', title: 'Đợt bổ sung (ma trận quyền)', proposalsDueOn: '2026-12-10', completeBy: '2026-12-30' };
    await each(rows, (client) => client.request('POST', '/api/evaluation-rounds', body), 201);
  });

  test('set the members: only the organiser; the ministry sees the round but does not run it; seats go to the right accounts of the province', async () => {
    const rows: [string, Expect][] = [
      ['system admin', 'forbidden'],
      ['ministry officer', 'forbidden'],
      ['Sơn La office', 'ok'],
      ['chair (Sơn La council member)', 'forbidden'],
      ['seated Sơn La council member', 'forbidden'],
      ['seated Sơn La advisory member', 'forbidden'],
      ...outsiders,
    ];
    await each(rows, async (client) => client.request('PUT', `/api/evaluation-rounds/${roundId}/members`, { version: await roundVersion(), members: seated() }));
    const office = get('Sơn La office');
    const wrongSeats = await office.request('PUT', `/api/evaluation-rounds/${roundId}/members`, {
      version: await roundVersion(),
      members: [
        ...seated(),
        { userId: get('Lạng Sơn council member').userId, role: 'member', agency: 'Sở Công Thương Lạng Sơn' },
        { userId: get('unseated Sơn La advisory member').userId, role: 'member', agency: 'Chi cục PTNT' },
        { userId: get('unseated Sơn La council member').userId, role: 'advisory', agency: 'Sở Tài chính' },
        { userId: get('Lạng Sơn advisory member').userId, role: 'advisory', agency: 'Chi cục PTNT Lạng Sơn' },
      ],
    });
    assert.equal(wrongSeats.statusCode, 400);
    const issues = wrongSeats.json().error.details.issues as { path: string; message: string }[];
    assert.deepEqual(issues.map((i) => i.path), ['members.3.userId', 'members.4.userId', 'members.5.userId', 'members.6.userId']);
    assert.match(issues[0]!.message, /không thuộc tỉnh tổ chức/);
    assert.match(issues[1]!.message, /không có tài khoản thành viên hội đồng/);
    assert.match(issues[2]!.message, /không có tài khoản thành viên tổ tư vấn/);
    assert.match(issues[3]!.message, /không thuộc tỉnh tổ chức/);
  });

  test('advisory work: the advisory team and the organiser; council members do not', async () => {
    const rows: [string, Expect][] = [
      ['system admin', 'forbidden'],
      ['ministry officer', 'forbidden'],
      ['Sơn La office', 'ok'],
      ['chair (Sơn La council member)', 'forbidden'],
      ['seated Sơn La council member', 'forbidden'],
      ['seated Sơn La advisory member', 'ok'],
      ...outsiders,
    ];
    await each(rows, async (client) => client.request('POST', `/api/round-entries/${entryId}/advisory`, { action: 'advisory_review', note: 'Thẩm định hồ sơ, đối chiếu bản tự đánh giá.', version: await entryVersion() }));
    await expectStatus(get('seated Sơn La advisory member'), 'POST', `/api/round-entries/${entryId}/advisory`, { action: 'advisory_report', note: 'Hồ sơ đầy đủ, đề nghị hội đồng chấm điểm.', version: await entryVersion() }, 200);
  });

  test('open scoring: the chair or the organiser', async () => {
    await once(
      [
        ['system admin', 'forbidden'],
        ['ministry officer', 'forbidden'],
        ['seated Sơn La council member', 'forbidden'],
        ['seated Sơn La advisory member', 'forbidden'],
        ...outsiders,
        ['chair (Sơn La council member)', 'ok'],
        ['Sơn La office', 'ok'],
      ],
      async (client) => client.request('POST', `/api/round-entries/${entryId}/open-scoring`, { version: await entryVersion() }),
    );
  });

  test('score: the seated council members only; the organiser, the advisory team and the ministry do not score', async () => {
    const rows: [string, Expect][] = [
      ['system admin', 'forbidden'],
      ['ministry officer', 'forbidden'],
      ['Sơn La office', 'forbidden'],
      ['chair (Sơn La council member)', 'ok'],
      ['seated Sơn La council member', 'ok'],
      ['seated Sơn La advisory member', 'forbidden'],
      ...outsiders,
    ];
    await each(rows, (client) => client.request('PUT', `/api/round-entries/${entryId}/my-score`, { choices: {}, submit: false }));
    await each(rows, (client) => client.request('GET', `/api/round-entries/${entryId}/my-score`));
    // 4★ (under 90 points), so the product does not wait for a ministry round.
    const choices = choicesUpTo(findCriteriaSheet('26-2026', 3)!, 80);
    for (const scorer of ['chair (Sơn La council member)', 'seated Sơn La council member']) {
      await expectStatus(get(scorer), 'PUT', `/api/round-entries/${entryId}/my-score`, { choices, submit: true }, 200);
    }
  });

  test('close the session: the chair or the organiser; then the minutes are for those who see the round', async () => {
    await once(
      [
        ['system admin', 'forbidden'],
        ['ministry officer', 'forbidden'],
        ['seated Sơn La council member', 'forbidden'],
        ['seated Sơn La advisory member', 'forbidden'],
        ...outsiders,
        ['chair (Sơn La council member)', 'ok'],
        ['Sơn La office', 'ok'],
      ],
      async (client) => client.request('POST', `/api/evaluation-rounds/${roundId}/close`, { version: await roundVersion(), sessionHeldOn: '2026-11-22', sessionPlace: 'Hội trường UBND tỉnh Sơn La' }),
    );
    await each(
      [
        ['system admin', 'ok'],
        ['ministry officer', 'ok'],
        ['Sơn La office', 'ok'],
        ['chair (Sơn La council member)', 'ok'],
        ['seated Sơn La council member', 'ok'],
        ['seated Sơn La advisory member', 'ok'],
        ...outsiders,
      ],
      (client) => client.request('GET', `/api/evaluation-rounds/${roundId}/minutes.pdf`),
    );
  });

  test('record the decision: the Sơn La office only, not the chair; the producer then holds the certificate', async () => {
    await once(
      [
        ['system admin', 'forbidden'],
        ['ministry officer', 'forbidden'],
        ['chair (Sơn La council member)', 'forbidden'],
        ['seated Sơn La council member', 'forbidden'],
        ['seated Sơn La advisory member', 'forbidden'],
        ...outsiders,
        ['Sơn La office', 'ok'],
      ],
      async (client) => client.request('POST', `/api/evaluation-rounds/${roundId}/decision`, { version: await roundVersion(), number: '321/QĐ-UBND', signedOn: '2026-11-23', signerName: 'Lò Văn Chủ tịch' }),
    );
    const certificates = await get('producer (Tô Hiệu)').request('GET', '/api/certificates?pageSize=200');
    assert.equal(certificates.statusCode, 200, certificates.body);
    const mine = certificates.json().items.filter((c: { producerId?: string; stars: number }) => c.stars === 4);
    assert.equal(mine.length, 1, certificates.body);
    // The council member who scored it still has no certificate list (Đ.4: councils work through rounds).
    assert.equal((await get('chair (Sơn La council member)').request('GET', '/api/certificates')).statusCode, 403);
    assert.equal((await get('chair (Sơn La council member)').request('GET', `/api/dossiers/${dossierId}`)).statusCode, 200);
  });
});
