import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createFixedClock,
  createProducerRecord,
  createTestApp,
  signInAs,
  type Client,
  type TestApp,
} from '../../../tests/support/test-app.ts';
import { completeForm, createCompleteSelfAssessment, createReadyDossier, expectStatus, moveClock, passingCheck } from '../../../tests/support/dossiers.ts';

// Lai Châu (12): xã Than Uyên 03595 and xã Tân Uyên 03598. Điện Biên (11): xã Na Son 03203.
const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const TAN_UYEN = '03598';
const DIEN_BIEN = '11';
const NA_SON = '03203';

const issuePaths = (body: { error: { details: { issues: { path: string }[] } } }) => body.error.details.issues.map((i) => i.path).sort();

describe('dossiers: filing, the commune check and forwarding (QĐ 26/2026 Đ.6–7)', () => {
  let t: TestApp;
  const clock = createFixedClock('2026-11-23T09:00:00+07:00'); // a Monday
  let producerId: string;
  let neighbourId: string;
  let producer: Client;
  let neighbour: Client;
  let officer: Client;
  let officerNextDoor: Client;
  let province: Client;
  let otherProvince: Client;

  before(async () => {
    t = await createTestApp({ clock });
    producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    neighbourId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    producer = await signInAs(t, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    neighbour = await signInAs(t, { role: 'producer', producerId: neighbourId, provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    officer = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    officerNextDoor = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    otherProvince = await signInAs(t, { role: 'province_office', provinceCode: DIEN_BIEN });
  });
  after(() => t.close());
  const at = (instant: string) => moveClock(t, clock, instant, [producer, neighbour, officer, officerNextDoor, province, otherProvince]);

  test('the whole path: filed, received, returned with reasons, supplemented, checked (Mẫu 03), forwarded', async () => {
    const selfAssessment = await createCompleteSelfAssessment(producer, producerId, { productName: 'Gạo Séng Cù Mường Than' });
    const draft = await expectStatus(producer, 'POST', '/api/dossiers', { type: 'first', selfAssessmentId: selfAssessment.id }, 201);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.productName, 'Gạo Séng Cù Mường Than', 'the product comes from the self-assessment');
    assert.equal(draft.productSetNumber, 3);
    assert.equal(draft.ruleSetId, '26-2026');
    assert.match(draft.applicantName, /^HTX /, 'Mẫu 01 starts from the producer record');
    assert.deepEqual(draft.allowedActions, ['submit', 'withdraw']);
    assert.equal(draft.canEdit, true);

    // A draft is the producer's own: the commune does not see it yet.
    assert.equal((await officer.request('GET', `/api/dossiers/${draft.id}`)).statusCode, 404);

    const edited = await expectStatus(producer, 'PATCH', `/api/dossiers/${draft.id}`, { version: draft.version, ...completeForm }, 200);
    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${draft.id}/submit`, { version: edited.version }, 200);
    assert.equal(submitted.status, 'submitted');
    assert.equal(submitted.clock, null, 'no clock before the commune receives it');
    assert.equal(submitted.canEdit, false);
    const frozen = await producer.request('PATCH', `/api/self-assessments/${selfAssessment.id}`, { version: 2, productName: 'Khác' });
    assert.equal(frozen.statusCode, 409, 'the self-assessment filed with the dossier is frozen');

    const received = await expectStatus(officer, 'POST', `/api/dossiers/${draft.id}/receive`, { version: submitted.version }, 200);
    assert.equal(received.status, 'commune_reviewing');
    assert.match(received.formNumber, /^\d{3}\/PĐK-12-03595-2026$/);
    assert.match(received.productCode, /^12-03595-\d+-2026$/);
    assert.equal(received.receivedOn, '2026-11-23');
    // Mon 23 Nov 2026 + 15 working days (no holiday) = Mon 14 Dec 2026, end of day in Vietnam.
    assert.equal(received.clock.dueDate, '2026-12-14');
    assert.equal(received.dueAt, '2026-12-14T16:59:59.999Z');
    assert.deepEqual(received.allowedActions, ['returnForSupplement', 'forward']);

    await at('2026-11-25T10:00:00+07:00');
    const returned = await expectStatus(officer, 'POST', `/api/dossiers/${draft.id}/return`, { version: received.version, reasons: ['Bổ sung phiếu kiểm nghiệm', 'Ảnh nhãn sản phẩm rõ hơn'] }, 200);
    assert.equal(returned.status, 'returned_for_supplement');
    assert.equal(returned.dueAt, null, 'the clock is paused');
    assert.equal(returned.clock.paused, true);
    assert.equal(returned.clock.workingDaysUsed, 2);

    // What the producer sees: where the dossier is and what is asked of it.
    const seen = await expectStatus(producer, 'GET', `/api/dossiers/${draft.id}`, undefined, 200);
    assert.deepEqual(seen.openRequest.reasons, ['Bổ sung phiếu kiểm nghiệm', 'Ảnh nhãn sản phẩm rõ hơn']);
    assert.deepEqual(seen.allowedActions, ['supplement', 'withdraw']);
    assert.equal(seen.canEdit, true);

    await at('2026-12-02T10:00:00+07:00');
    const supplemented = await expectStatus(producer, 'POST', `/api/dossiers/${draft.id}/supplement`, { version: seen.version, note: 'Đã thêm phiếu kiểm nghiệm.' }, 200);
    assert.equal(supplemented.status, 'resubmitted');
    assert.equal(supplemented.openRequest, null);
    // 13 working days remain from Thu 3 Dec: 3, 4, 7–11, 14–18, 21 → Mon 21 Dec.
    assert.equal(supplemented.clock.dueDate, '2026-12-21');
    assert.equal(supplemented.supplementRequests[0].toOn, '2026-12-02');

    const noCheck = await officer.request('POST', `/api/dossiers/${draft.id}/forward`, { version: supplemented.version });
    assert.equal(noCheck.statusCode, 409);
    assert.match(noCheck.json().error.message, /Mẫu 03/);

    const failing = await expectStatus(officer, 'PUT', `/api/dossiers/${draft.id}/commune-check`, { version: supplemented.version, ...passingCheck, localLabour: { assessment: 'Phần lớn lao động từ nơi khác.', passed: false } }, 200);
    const refused = await officer.request('POST', `/api/dossiers/${draft.id}/forward`, { version: failing.version });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().error.message, /lao động địa phương/);

    const checked = await expectStatus(officer, 'PUT', `/api/dossiers/${draft.id}/commune-check`, { version: failing.version, ...passingCheck }, 200);
    assert.equal(checked.communeCheck.localLabour.passed, true);
    await at('2026-12-03T15:00:00+07:00');
    const forwarded = await expectStatus(officer, 'POST', `/api/dossiers/${draft.id}/forward`, { version: checked.version }, 200);
    assert.equal(forwarded.status, 'forwarded_to_province');
    assert.equal(forwarded.clock.overdue, false);
    assert.deepEqual(forwarded.allowedActions, []);
    assert.deepEqual(
      forwarded.events.map((e: { action: string }) => e.action),
      ['created', 'edited', 'submitted', 'received', 'returned_for_supplement', 'supplemented', 'commune_check_recorded', 'commune_check_recorded', 'forwarded_to_province'],
    );

    // The province reads what was forwarded in its province, nothing elsewhere.
    assert.equal((await province.request('GET', `/api/dossiers/${draft.id}`)).statusCode, 200);
    assert.equal((await otherProvince.request('GET', `/api/dossiers/${draft.id}`)).statusCode, 404);
    assert.equal((await province.request('POST', `/api/dossiers/${draft.id}/withdraw`, { version: forwarded.version })).statusCode, 403);

    const audit = await t.db.pool.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity_type = 'dossier' AND entity_id = $1 ORDER BY seq`, [draft.id]);
    assert.equal(audit.rows.length, 9);
    assert.equal(audit.rows.at(-1)!.action, 'dossier.forwarded_to_province');
  });

  test('submitting lists everything missing at once, in Vietnamese', async () => {
    const empty = await expectStatus(producer, 'POST', '/api/dossiers', { type: 'first', productName: 'Chè Shan tuyết', productSetNumber: 14, representativeName: '', address: '', phone: '' }, 201);
    const response = await producer.request('POST', `/api/dossiers/${empty.id}/submit`, { version: empty.version });
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.deepEqual(issuePaths(body), ['address', 'commitmentAccepted', 'phone', 'representativeName', 'representativePosition', 'sampleCount', 'selfAssessmentId']);
    assert.match(body.error.details.issues.find((i: { path: string }) => i.path === 'sampleCount').message, /ít nhất 5 mẫu/);
    assert.equal((await producer.request('GET', `/api/dossiers/${empty.id}`)).json().status, 'draft', 'nothing changed');
  });

  test('bad fields are all named at once; unknown fields are refused', async () => {
    const response = await producer.request('POST', '/api/dossiers', { type: 'second', sampleCount: -1, email: 'không-phải-email', phone: 'gọi tôi', productSetNumber: 27, extra: 1 });
    assert.equal(response.statusCode, 400);
    const paths = issuePaths(response.json());
    for (const path of ['type', 'sampleCount', 'email', 'phone', 'productSetNumber']) assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
    assert.ok(response.json().error.details.issues.every((i: { message: string }) => /[à-ỹ]/i.test(i.message)), 'messages are Vietnamese');

    const upgrade = await producer.request('POST', '/api/dossiers', { type: 'upgrade' });
    assert.equal(upgrade.statusCode, 400);
    assert.deepEqual(issuePaths(upgrade.json()), ['productId']);

    const noProduct = await producer.request('POST', '/api/dossiers', { type: 'first' });
    assert.deepEqual(issuePaths(noProduct.json()), ['productName', 'productSetNumber']);

    const draft = await createReadyDossier(producer, producerId);
    const badReturn = await officer.request('POST', `/api/dossiers/${draft.id}/return`, { version: 'x', reasons: [] });
    assert.equal(badReturn.statusCode, 400);
    assert.deepEqual(issuePaths(badReturn.json()), ['reasons', 'version']);
    const badCheck = await officer.request('PUT', `/api/dossiers/${draft.id}/commune-check`, { version: 1, origin: { assessment: '', passed: 'có' } });
    assert.deepEqual(issuePaths(badCheck.json()), ['dossierComplete', 'ideaOrigin', 'localIdentity', 'localLabour', 'origin.assessment', 'origin.passed']);
  });

  test('401 for every route without a session', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const routes: [string, string][] = [
      ['GET', '/api/dossiers'], ['GET', '/api/dossiers/queue'], ['GET', '/api/dossiers/on-time-rate'], ['GET', '/api/products'],
      ['POST', '/api/dossiers'], ['GET', `/api/dossiers/${id}`], ['PATCH', `/api/dossiers/${id}`],
      ['POST', `/api/dossiers/${id}/submit`], ['POST', `/api/dossiers/${id}/receive`], ['POST', `/api/dossiers/${id}/return`],
      ['POST', `/api/dossiers/${id}/supplement`], ['PUT', `/api/dossiers/${id}/commune-check`], ['POST', `/api/dossiers/${id}/forward`],
      ['POST', `/api/dossiers/${id}/withdraw`], ['POST', `/api/dossiers/${id}/files`], ['GET', `/api/dossiers/${id}/files/${id}`],
      ['DELETE', `/api/dossiers/${id}/files/${id}`], ['POST', `/api/dossiers/${id}/reuse-files`],
      ['GET', '/api/dossiers/self-assessment-choices'],
    ];
    for (const [method, url] of routes) {
      const csrf = await t.app.inject({ method: 'GET', url: '/api/auth/csrf' });
      const token = csrf.json().csrfToken as string;
      const response = await t.app.inject({ method: method as 'GET', url, headers: { 'x-csrf-token': token }, cookies: { ocop_csrf: token } });
      assert.equal(response.statusCode, 401, `${method} ${url}: ${response.body}`);
      assert.equal(response.json().error.code, 'UNAUTHENTICATED');
    }
  });

  test('403 for the wrong role, 404 outside the scope (like a missing dossier)', async () => {
    const dossier = await createReadyDossier(producer, producerId);
    // Only the producer files: the officer may see the producer but not file for it.
    assert.equal((await officer.request('POST', '/api/dossiers', { producerId, type: 'first', productName: 'Lạc đỏ', productSetNumber: 1 })).statusCode, 403);
    assert.equal((await neighbour.request('POST', '/api/dossiers', { producerId, type: 'first', productName: 'Lạc đỏ', productSetNumber: 1 })).statusCode, 404);
    // Another producer and the officer of another commune: as if it did not exist.
    assert.equal((await neighbour.request('GET', `/api/dossiers/${dossier.id}`)).statusCode, 404);
    assert.equal((await neighbour.request('PATCH', `/api/dossiers/${dossier.id}`, { version: dossier.version, phone: '0987654321' })).statusCode, 404);

    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${dossier.id}/submit`, { version: dossier.version }, 200);
    assert.equal((await officerNextDoor.request('GET', `/api/dossiers/${dossier.id}`)).statusCode, 404);
    assert.equal((await officerNextDoor.request('POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version })).statusCode, 404);
    assert.equal((await province.request('GET', `/api/dossiers/${dossier.id}`)).statusCode, 404, 'the province sees it once forwarded');
    // The right scope, the wrong side of the counter.
    assert.equal((await producer.request('POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version })).statusCode, 403);
    assert.equal((await officer.request('POST', `/api/dossiers/${dossier.id}/withdraw`, { version: submitted.version })).statusCode, 403);
    assert.equal((await officer.request('PATCH', `/api/dossiers/${dossier.id}`, { version: submitted.version, phone: '0987654321' })).statusCode, 403);
    const council = await signInAs(t, { role: 'council_member', provinceCode: LAI_CHAU });
    assert.equal((await council.request('GET', '/api/dossiers')).statusCode, 403);
    assert.equal((await council.request('GET', '/api/dossiers/queue')).statusCode, 403);
    assert.equal((await producer.request('GET', '/api/dossiers/on-time-rate')).statusCode, 403);
    assert.equal((await officer.request('GET', `/api/dossiers/on-time-rate?commune=${TAN_UYEN}`)).statusCode, 404, 'another commune is missing (issue 16, finding 5)');
    assert.equal((await officer.request('GET', '/api/dossiers/00000000-0000-4000-8000-000000000001')).statusCode, 404);

    const list = (await officer.request('GET', '/api/dossiers?pageSize=200')).json();
    assert.ok(list.items.every((d: { communeCode: string; status: string }) => d.communeCode === THAN_UYEN && d.status !== 'draft'));
    const mine = (await neighbour.request('GET', '/api/dossiers')).json();
    assert.ok(mine.items.every((d: { producerId: string }) => d.producerId === neighbourId));
  });

  test('optimistic locking: a stale version is a 409 conflict, a wrong move a 409 invalid transition', async () => {
    const dossier = await createReadyDossier(producer, producerId);
    await expectStatus(producer, 'PATCH', `/api/dossiers/${dossier.id}`, { version: dossier.version, phone: '0987 000 111' }, 200);
    const stale = await producer.request('PATCH', `/api/dossiers/${dossier.id}`, { version: dossier.version, phone: '0987 000 222' });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'CONFLICT');
    const current = (await producer.request('GET', `/api/dossiers/${dossier.id}`)).json();
    assert.equal(current.phone, '0987 000 111', 'the first edit was not overwritten');

    const wrongMove = await producer.request('POST', `/api/dossiers/${dossier.id}/supplement`, { version: current.version });
    assert.equal(wrongMove.statusCode, 409);
    assert.equal(wrongMove.json().error.code, 'INVALID_TRANSITION');
    assert.match(wrongMove.json().error.message, /Đang soạn/);

    // Two officers' screens receive the same dossier at the same moment: exactly one wins.
    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${dossier.id}/submit`, { version: current.version }, 200);
    const colleague = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const answers = await Promise.all([officer, colleague].map((c) => c.request('POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version })));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409], answers.map((a) => a.body).join('\n'));
  });

  test('one dossier in progress per product; a withdrawn dossier frees the product but not its code', async () => {
    const first = await createReadyDossier(producer, producerId, { productSetNumber: 1, productName: 'Ổi Hua Nà' });
    const second = await producer.request('POST', '/api/dossiers', { type: 'upgrade', productId: first.productId });
    assert.equal(second.statusCode, 409);

    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${first.id}/submit`, { version: first.version }, 200);
    const received = await expectStatus(officer, 'POST', `/api/dossiers/${first.id}/receive`, { version: submitted.version }, 200);
    const code = received.productCode as string;
    const withdrawn = await expectStatus(producer, 'POST', `/api/dossiers/${first.id}/withdraw`, { version: received.version, reason: 'Chưa đủ mẫu' }, 200);
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(withdrawn.clock, null);
    assert.equal(withdrawn.dueAt, null);

    // Filed again: same product, same code; the self-assessment of the withdrawn dossier may be used again.
    const again = await expectStatus(producer, 'POST', '/api/dossiers', { type: 'first', productId: first.productId, selfAssessmentId: first.selfAssessmentId, ...completeForm }, 201);
    const resubmitted = await expectStatus(producer, 'POST', `/api/dossiers/${again.id}/submit`, { version: again.version }, 200);
    const receivedAgain = await expectStatus(officer, 'POST', `/api/dossiers/${again.id}/receive`, { version: resubmitted.version }, 200);
    assert.equal(receivedAgain.productCode, code);
    assert.notEqual(receivedAgain.formNumber, received.formNumber, 'each receipt has its own form number');

    // Codes are handed out in order and never twice.
    const other = await createReadyDossier(producer, producerId, { productSetNumber: 1, productName: 'Khoai sọ Tam Đường' });
    const otherSubmitted = await expectStatus(producer, 'POST', `/api/dossiers/${other.id}/submit`, { version: other.version }, 200);
    const otherReceived = await expectStatus(officer, 'POST', `/api/dossiers/${other.id}/receive`, { version: otherSubmitted.version }, 200);
    const numberOf = (c: string) => Number(c.split('-')[2]);
    assert.ok(numberOf(otherReceived.productCode) > numberOf(code));

    // A self-assessment filed with a live dossier cannot go with another one.
    const reuse = await producer.request('POST', '/api/dossiers', { type: 'first', selfAssessmentId: other.selfAssessmentId });
    assert.equal(reuse.statusCode, 400);
    assert.match(reuse.json().error.details.issues[0].message, /đã nộp kèm một hồ sơ khác/);
  });

  test('a producer lists its products to file an upgrade', async () => {
    const products = await expectStatus(producer, 'GET', '/api/products', undefined, 200);
    assert.ok(products.items.length > 0);
    assert.ok(products.items.every((p: { producerId: string }) => p.producerId === producerId));
    const none = await expectStatus(neighbour, 'GET', `/api/products?producer=${producerId}`, undefined, 200);
    assert.deepEqual(none.items, []);
    const elsewhere = await signInAs(t, { role: 'commune_officer', provinceCode: DIEN_BIEN, communeCode: NA_SON });
    assert.deepEqual((await elsewhere.request('GET', '/api/products')).json().items.filter((p: { producerId: string }) => p.producerId === producerId), []);
  });

  test('a dossier cannot start from an unfinished self-assessment, and one filed elsewhere is not offered again (issue 19)', async () => {
    // Three answers of product set 3's sheet: the rest is missing.
    const unfinished = await expectStatus(producer, 'POST', '/api/self-assessments', {
      producerId,
      productName: 'Gạo nếp Tú Lệ (đang chấm)',
      productSetNumber: 3,
      choices: { '1.1': '1.1.a' },
    }, 201);
    assert.equal(unfinished.evaluation.complete, false);
    const missing = unfinished.evaluation.missing.length;

    const refused = await producer.request('POST', '/api/dossiers', { type: 'first', selfAssessmentId: unfinished.id });
    assert.equal(refused.statusCode, 400, refused.body);
    const issue = refused.json().error.details.issues.find((i: { path: string }) => i.path === 'selfAssessmentId');
    assert.match(issue.message, new RegExp(`chưa chấm xong: còn ${missing} tiêu chí chưa chấm \\(1\\.2 `));
    assert.match(issue.message, /và \d+ tiêu chí khác\)\. Hãy chấm đủ rồi mới lập hồ sơ\.$/);
    const products = await t.db.pool.query(`SELECT 1 FROM products WHERE producer_id = $1 AND name = 'Gạo nếp Tú Lệ (đang chấm)'`, [producerId]);
    assert.equal(products.rowCount, 0, 'refused at the start: no product, no dossier');

    // Nor can a draft dossier switch to it.
    const ready = await createReadyDossier(producer, producerId, { productSetNumber: 3, productName: 'Gạo tẻ Mường Than' });
    const edit = await producer.request('PATCH', `/api/dossiers/${ready.id}`, { version: ready.version, selfAssessmentId: unfinished.id });
    assert.equal(edit.statusCode, 400);
    assert.match(edit.json().error.details.issues[0].message, /chưa chấm xong/);

    // The choices: the unfinished one says how much is left; the one the draft files is offered to that draft only.
    const finished = await createCompleteSelfAssessment(producer, producerId, { productName: 'Gạo Séng Cù (xong)' });
    type Choice = { id: string; available: boolean; missingCriteria: number; usedByDossierId: string | null };
    const choices = async (query = '') => (await expectStatus(producer, 'GET', `/api/dossiers/self-assessment-choices${query}`, undefined, 200)).items as Choice[];
    const mine = await choices();
    assert.deepEqual(mine.find((c) => c.id === unfinished.id), { ...mine.find((c) => c.id === unfinished.id)!, available: false, missingCriteria: missing, usedByDossierId: null });
    assert.equal(mine.find((c) => c.id === finished.id)?.available, true);
    assert.equal(mine.find((c) => c.id === ready.selfAssessmentId), undefined, 'filed with a draft dossier: not offered for a new one');
    assert.equal((await choices(`?dossier=${ready.id}`)).find((c) => c.id === ready.selfAssessmentId)?.available, true, "the draft's own stays a choice");

    // Others may not look; the officer files no dossiers.
    assert.equal((await neighbour.request('GET', `/api/dossiers/self-assessment-choices?producer=${producerId}`)).statusCode, 404);
    assert.equal((await officer.request('GET', `/api/dossiers/self-assessment-choices?producer=${producerId}`)).statusCode, 403);
    assert.equal((await producer.request('GET', '/api/dossiers/self-assessment-choices?producer=x')).statusCode, 400);
  });
});
