import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createProducerRecord, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';
import { taxCodeCheckDigit } from './tax-code.ts';

// Lai Châu (12): xã Than Uyên 03595, xã Tân Uyên 03598. Điện Biên (11): xã Na Son 03203.
const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const TAN_UYEN = '03598';
const DIEN_BIEN = '11';
const NA_SON = '03203';

/** A random valid 10-digit tax code, so tests sharing the run's database never collide. */
function randomTaxCode(): string {
  for (;;) {
    const prefix = `${String(randomInt(1, 99)).padStart(2, '0')}${String(randomInt(1, 9_999_999)).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(prefix);
    if (check !== null) return `${prefix}${check}`;
  }
}

const issuesOf = (body: { error: { details: { issues: { path: string; message: string }[] } } }) =>
  Object.fromEntries(body.error.details.issues.map((i) => [i.path, i.message]));

describe('producer registry routes', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client; // Than Uyên commune officer
  let office: Client; // Lai Châu provincial office
  before(async () => {
    t = await createTestApp();
    admin = await signInAs(t, { role: 'system_admin' });
    officer = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    office = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
  });
  after(() => t.close());

  test('without a session every producer route answers 401', async () => {
    const id = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const calls: [string, string, object?][] = [
      ['GET', '/api/producers'],
      ['GET', '/api/producers/duplicates'],
      ['GET', `/api/producers/${id}`],
      ['POST', '/api/producers', { name: 'HTX X', legalForm: 'cooperative', communeCode: THAN_UYEN }],
      ['PATCH', `/api/producers/${id}`, { version: 1 }],
      ['POST', `/api/producers/${id}/merge`, { intoId: id, version: 1 }],
    ];
    for (const [method, url, payload] of calls) {
      // Safe methods reach the route; state-changing ones need a CSRF token, which anonymous callers
      // get from /api/auth/csrf like the login form does.
      const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json().csrfToken;
      const response = await t.app.inject({ method: method as 'GET', url, payload, headers: { 'x-csrf-token': csrf }, cookies: { ocop_csrf: csrf } });
      assert.equal(response.statusCode, 401, `${method} ${url}`);
    }
  });

  test('registering reports every bad field at once, in Vietnamese', async () => {
    const response = await officer.request('POST', '/api/producers', {
      name: 'X',
      legalForm: 'club',
      taxCode: '0100233480', // wrong check digit
      communeCode: '123',
      phone: 'abc',
      email: 'not-an-email',
      website: 'not a site',
      representativeGender: 'unknown',
      registrationDate: '2026-02-30',
      certificates: [{ kind: 'food_safety', number: '' }],
      extra: true,
    });
    assert.equal(response.statusCode, 400);
    const issues = issuesOf(response.json());
    assert.deepEqual(Object.keys(issues).sort(), [
      '',
      'certificates.0.number',
      'communeCode',
      'email',
      'legalForm',
      'name',
      'phone',
      'registrationDate',
      'representativeGender',
      'taxCode',
      'website',
    ]);
    assert.match(issues.taxCode!, /chữ số kiểm tra/);
    assert.match(issues.name!, /ít nhất 2 ký tự/);
    assert.match(issues.registrationDate!, /Ngày không hợp lệ/);
    assert.match(issues['']!, /extra/);
  });

  test('each bad field alone is refused with its own message', async () => {
    const good = { name: `HTX ${unique()}`, legalForm: 'cooperative', communeCode: THAN_UYEN };
    const cases: [object, string, RegExp][] = [
      [{ taxCode: '12345' }, 'taxCode', /10 chữ số/],
      [{ taxCode: '0314409058-000' }, 'taxCode', /001 đến 999/],
      [{ email: 'a@' }, 'email', /email/],
      [{ website: 'http://' }, 'website', /trang web/],
      [{ phone: '12' }, 'phone', /điện thoại/],
      [{ certificates: [{ kind: 'trademark', number: 'NH-1', issuedOn: '2026-05-01', expiresOn: '2026-04-01' }] }, 'certificates.0.expiresOn', /trước ngày cấp/],
      [{ certificates: [{ kind: 'licence', number: 'X' }] }, 'certificates.0.kind', /Giá trị không hợp lệ/],
    ];
    for (const [bad, path, message] of cases) {
      const response = await officer.request('POST', '/api/producers', { ...good, ...bad });
      assert.equal(response.statusCode, 400, JSON.stringify(bad));
      const issues = issuesOf(response.json());
      assert.deepEqual(Object.keys(issues), [path], JSON.stringify(bad));
      assert.match(issues[path]!, message);
    }
  });

  test('a 12-digit personal ID is a tax code only for a household or a farm (TT 86/2024/TT-BTC)', async () => {
    const personalId = `0${String(randomInt(10_000_000_000, 99_999_999_999))}`;
    const cooperative = await officer.request('POST', '/api/producers', { name: `HTX ${unique()}`, legalForm: 'cooperative', communeCode: THAN_UYEN, taxCode: personalId });
    assert.equal(cooperative.statusCode, 400);
    assert.match(issuesOf(cooperative.json()).taxCode!, /định danh cá nhân/);
    const household = await officer.request('POST', '/api/producers', { name: `Hộ kinh doanh ${unique()}`, legalForm: 'household', communeCode: THAN_UYEN, taxCode: personalId });
    assert.equal(household.statusCode, 201, household.body);
    assert.equal(household.json().taxCode, personalId);
  });

  test('an officer registers a producer with its registry fields and certificates; the audit log has it', async () => {
    const taxCode = randomTaxCode();
    const response = await officer.request('POST', '/api/producers', {
      name: `Hợp tác xã Chè ${unique()}`,
      legalForm: 'cooperative',
      taxCode: `${taxCode}003`,
      communeCode: THAN_UYEN,
      representativeName: 'Lò Thị Mai',
      representativeGender: 'female',
      representativeEthnicity: 'Thái',
      representativePosition: 'Giám đốc',
      email: 'htx@example.vn',
      website: 'htxche.vn',
      registrationNumber: '12A8000123',
      registrationDate: '2019-03-15',
      certificates: [
        { kind: 'food_safety', number: '45/2024/ATTP-CNĐK', issuedOn: '2024-05-02', expiresOn: '2027-05-02', issuer: 'Chi cục Quản lý chất lượng NLS&TS Lai Châu' },
        { kind: 'trademark', number: '412345' },
      ],
    });
    assert.equal(response.statusCode, 201, response.body);
    const producer = response.json();
    assert.equal(producer.taxCode, `${taxCode}-003`, 'stored in its written form, with the hyphen');
    assert.equal(producer.provinceCode, LAI_CHAU);
    assert.equal(producer.representativeGender, 'female');
    assert.equal(producer.registrationDate, '2019-03-15');
    assert.deepEqual(producer.certificates.map((c: { kind: string }) => c.kind), ['food_safety', 'trademark']);
    assert.equal(producer.certificates[0].expiresOn, '2027-05-02');
    assert.equal(producer.mergedIntoId, null);
    const audit = await admin.request('GET', `/api/audit-events?entityType=producer&entityId=${producer.id}`);
    assert.deepEqual(audit.json().items.map((e: { action: string }) => e.action), ['producer.registered']);
  });

  test('the same tax code is refused naming the holder; a branch of a registered parent or the same name in the commune is a likely duplicate until confirmed', async () => {
    const taxCode = randomTaxCode();
    const name = `Hợp tác xã Nông sản ${unique()}`;
    const first = await officer.request('POST', '/api/producers', { name, legalForm: 'cooperative', communeCode: THAN_UYEN, taxCode });
    assert.equal(first.statusCode, 201, first.body);

    const sameCode = await officer.request('POST', '/api/producers', { name: `Công ty ${unique()}`, legalForm: 'enterprise', communeCode: THAN_UYEN, taxCode, confirmNotDuplicate: true });
    assert.equal(sameCode.statusCode, 409);
    assert.equal(sameCode.json().error.code, 'CONFLICT');
    assert.ok(sameCode.json().error.message.includes(name), 'names the producer holding the code');
    assert.equal(sameCode.json().error.details.confirmable, false);

    const branch = await office.request('POST', '/api/producers', { name: `Chi nhánh ${unique()}`, legalForm: 'enterprise', communeCode: TAN_UYEN, taxCode: `${taxCode}-001` });
    assert.equal(branch.statusCode, 409, 'the branch of a registered producer is probably the same owner');
    assert.equal(branch.json().error.details.duplicates[0].reason, 'tax_code');

    const sameName = name.replace('Hợp tác xã', 'HTX').toUpperCase();
    const likely = await officer.request('POST', '/api/producers', { name: sameName, legalForm: 'cooperative', communeCode: THAN_UYEN });
    assert.equal(likely.statusCode, 409);
    const { error } = likely.json();
    assert.match(error.message, /Có thể trùng/);
    assert.ok(error.message.includes(name));
    assert.equal(error.details.confirmable, true);
    assert.deepEqual(error.details.duplicates.map((d: { id: string; reason: string }) => [d.id, d.reason]), [[first.json().id, 'name']]);

    const otherCommune = await admin.request('POST', '/api/producers', { name: sameName, legalForm: 'cooperative', communeCode: NA_SON });
    assert.equal(otherCommune.statusCode, 201, 'the same name in another commune is another producer');

    const confirmed = await officer.request('POST', '/api/producers', { name: sameName, legalForm: 'cooperative', communeCode: THAN_UYEN, confirmNotDuplicate: true });
    assert.equal(confirmed.statusCode, 201, confirmed.body);
  });

  test('editing: registry fields and certificates change with the version; a stale version or a duplicate name conflicts', async () => {
    const id = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const other = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN }, `HTX Mận ${unique()}`);
    const otherName = (await officer.request('GET', `/api/producers/${other}`)).json().name as string;
    const edited = await officer.request('PATCH', `/api/producers/${id}`, {
      version: 1,
      representativeName: 'Giàng A Páo',
      representativeGender: 'male',
      representativeEthnicity: 'Mông',
      certificates: [{ kind: 'quality_declaration', number: '01/2026/HTX' }],
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().version, 2);
    assert.equal(edited.json().certificates.length, 1);
    const cleared = await officer.request('PATCH', `/api/producers/${id}`, { version: 2, certificates: [] });
    assert.equal(cleared.json().certificates.length, 0);
    const stale = await officer.request('PATCH', `/api/producers/${id}`, { version: 2, phone: '0912 345 678' });
    assert.equal(stale.statusCode, 409);
    const renamed = await officer.request('PATCH', `/api/producers/${id}`, { version: 3, name: otherName.replace('HTX', 'Hợp tác xã') });
    assert.equal(renamed.statusCode, 409);
    assert.equal(renamed.json().error.details.reason, 'likely_duplicate');
    const bad = await officer.request('PATCH', `/api/producers/${id}`, { version: 3, taxCode: '0100233480', email: 'x' });
    assert.deepEqual(Object.keys(issuesOf(bad.json())).sort(), ['email', 'taxCode']);
  });

  test('duplicates list: officers see the pairs within their scope; producers and councils may not list them', async () => {
    const name = `HTX Gạo ${unique()}`;
    const a = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN }, name);
    const b = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN }, name.replace('HTX', 'Hợp tác xã'));
    const elsewhere = `HTX Lạc ${unique()}`;
    const c = await createProducerRecord(t.db, { provinceCode: DIEN_BIEN, communeCode: NA_SON }, elsewhere);
    const d = await createProducerRecord(t.db, { provinceCode: DIEN_BIEN, communeCode: NA_SON }, `${elsewhere}.`);
    // Every page: other test files sharing the database register look-alike producers too.
    const pairsOf = async (client: Client) => {
      const pairs: string[] = [];
      for (let page = 1; ; page++) {
        const response = await client.request('GET', `/api/producers/duplicates?pageSize=200&page=${page}`);
        assert.equal(response.statusCode, 200, response.body);
        const { items, total } = response.json();
        pairs.push(...items.map((p: { first: { id: string }; second: { id: string }; reason: string }) => `${p.first.id}|${p.second.id}|${p.reason}`));
        if (page * 200 >= total) return pairs;
      }
    };
    // Oldest first; two producers registered in the same millisecond come in the order of their ids.
    const pairOf = (pairs: string[], x: string, y: string) => pairs.includes(`${x}|${y}|name`) || pairs.includes(`${y}|${x}|name`);
    for (const client of [admin, office, officer]) assert.ok(pairOf(await pairsOf(client), a, b), client.username);
    assert.ok(pairOf(await pairsOf(admin), c, d));
    assert.ok(!pairOf(await pairsOf(office), c, d), 'another province’s pairs stay hidden');
    const producer = await signInAs(t, { role: 'producer', producerId: a, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    assert.equal((await producer.request('GET', '/api/producers/duplicates')).statusCode, 403);
    const council = await signInAs(t, { role: 'council_member', provinceCode: LAI_CHAU });
    assert.equal((await council.request('GET', '/api/producers/duplicates')).statusCode, 403);
    const badPage = await officer.request('GET', '/api/producers/duplicates?page=0&pageSize=1000');
    assert.deepEqual(Object.keys(issuesOf(badPage.json())).sort(), ['querystring.page', 'querystring.pageSize']);
  });

  test('merging moves accounts and certificates, fills empty fields, marks the duplicate, and audits both', async () => {
    const name = `HTX Thảo dược ${unique()}`;
    const taxCode = randomTaxCode();
    const keep = await officer.request('POST', '/api/producers', { name, legalForm: 'cooperative', communeCode: THAN_UYEN });
    const dup = await officer.request('POST', '/api/producers', {
      name: `Hợp tác xã ${name.slice(4)}`,
      legalForm: 'cooperative',
      communeCode: THAN_UYEN,
      taxCode,
      phone: '0912 000 111',
      certificates: [{ kind: 'food_safety', number: 'ATTP-9' }],
      confirmNotDuplicate: true,
    });
    assert.equal(dup.statusCode, 201, dup.body);
    const keepId = keep.json().id as string;
    const dupId = dup.json().id as string;
    const producerUser = await signInAs(t, { role: 'producer', producerId: dupId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });

    const listed = await officer.request('GET', '/api/producers/duplicates?pageSize=200');
    assert.ok(listed.json().items.some((p: { first: { id: string }; second: { id: string } }) => p.first.id === keepId && p.second.id === dupId));

    const self = await officer.request('POST', `/api/producers/${dupId}/merge`, { intoId: dupId, version: 1 });
    assert.equal(self.statusCode, 400);
    const badBody = await officer.request('POST', `/api/producers/${dupId}/merge`, { intoId: 'x', version: 0 });
    assert.deepEqual(Object.keys(issuesOf(badBody.json())).sort(), ['intoId', 'version']);
    const stale = await officer.request('POST', `/api/producers/${dupId}/merge`, { intoId: keepId, version: 7 });
    assert.equal(stale.statusCode, 409);
    const producerTries = await producerUser.request('POST', `/api/producers/${dupId}/merge`, { intoId: keepId, version: 1 });
    assert.equal(producerTries.statusCode, 404, 'the producer cannot see the producer it would merge into');
    const neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    assert.equal((await neighbour.request('POST', `/api/producers/${dupId}/merge`, { intoId: keepId, version: 1 })).statusCode, 404);
    const council = await signInAs(t, { role: 'council_member', provinceCode: LAI_CHAU });
    assert.equal((await council.request('POST', `/api/producers/${dupId}/merge`, { intoId: keepId, version: 1 })).statusCode, 403);

    const merged = await officer.request('POST', `/api/producers/${dupId}/merge`, { intoId: keepId, version: 1 });
    assert.equal(merged.statusCode, 200, merged.body);
    const survivor = merged.json();
    assert.equal(survivor.id, keepId);
    assert.equal(survivor.taxCode, taxCode, 'the survivor takes the tax code it lacked');
    assert.equal(survivor.phone, '0912 000 111');
    assert.deepEqual(survivor.certificates.map((c: { number: string }) => c.number), ['ATTP-9']);

    const gone = (await officer.request('GET', `/api/producers/${dupId}`)).json();
    assert.equal(gone.mergedIntoId, keepId);
    assert.equal(gone.taxCode, null);
    const list = await officer.request('GET', `/api/producers?pageSize=200&q=${encodeURIComponent(name.slice(4))}`);
    assert.deepEqual(list.json().items.map((p: { id: string }) => p.id), [keepId], 'merged producers leave the list');

    const session = await producerUser.request('GET', '/api/auth/session');
    assert.equal(session.json().user.producerId, keepId, 'the account now acts for the survivor');

    const again = await officer.request('POST', `/api/producers/${dupId}/merge`, { intoId: keepId, version: 2 });
    assert.equal(again.json().error.code, 'INVALID_TRANSITION');
    const edit = await officer.request('PATCH', `/api/producers/${dupId}`, { version: 2, phone: '0912 345 678' });
    assert.equal(edit.json().error.code, 'INVALID_TRANSITION');

    for (const [id, action] of [[dupId, 'producer.merged'], [keepId, 'producer.merge_received']] as const) {
      const audit = await admin.request('GET', `/api/audit-events?entityType=producer&entityId=${id}&action=${action}`);
      assert.equal(audit.json().items.length, 1, action);
    }
    const received = (await admin.request('GET', `/api/audit-events?entityType=producer&entityId=${keepId}&action=producer.merge_received`)).json().items[0];
    assert.deepEqual(received.after.moved.users, [producerUser.userId]);

    const reuse = await officer.request('POST', '/api/producers', { name: `HTX ${unique()}`, legalForm: 'cooperative', communeCode: THAN_UYEN, taxCode });
    assert.equal(reuse.statusCode, 409, 'the tax code stays taken by the survivor');
  });

  test('a provincial office merges across its communes but not across provinces', async () => {
    const here = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const nextDoor = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    const elsewhere = await createProducerRecord(t.db, { provinceCode: DIEN_BIEN, communeCode: NA_SON });
    assert.equal((await office.request('POST', `/api/producers/${here}/merge`, { intoId: elsewhere, version: 1 })).statusCode, 404);
    assert.equal((await office.request('POST', `/api/producers/${here}/merge`, { intoId: nextDoor, version: 1 })).statusCode, 200);
  });
});
