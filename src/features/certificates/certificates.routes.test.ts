import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createCertifiedProduct, type CertifiedProduct } from '../../../tests/support/certificates.ts';
import { completeForm, createCompleteSelfAssessment } from '../../../tests/support/dossiers.ts';
import { assertEveryRouteNeedsSession, createFixedClock, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';

const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const TA_LENG = '03405';
const HA_NOI = '01';
const NOW = '2026-11-23T09:00:00+07:00';

const paths = (response: { json(): { error: { details: { issues: Array<{ path: string }> } } } }) =>
  response.json().error.details.issues.map((i) => i.path).sort();

export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocop-pdf-'));
  try {
    writeFileSync(path.join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('certificates: list in scope, detail, PDF, revocation, inspections, re-evaluation filing', () => {
  let t: TestApp;
  let thanUyen4: CertifiedProduct;
  let taLeng3: CertifiedProduct;
  let haNoi4: CertifiedProduct;
  let thanUyen5: CertifiedProduct;
  let province: Client;
  let otherProvince: Client;
  let commune: Client;
  let neighbour: Client;
  let producer: Client;
  let ministry: Client;
  let council: Client;
  let admin: Client;
  const tag = unique('cert');

  before(async () => {
    t = await createTestApp({ clock: createFixedClock(NOW) });
    thanUyen4 = await createCertifiedProduct(t.db, { productName: `Gạo Séng Cù ${tag}`, stars: 4, issuedOn: '2026-08-15' });
    taLeng3 = await createCertifiedProduct(t.db, { communeCode: TA_LENG, productName: `Chè Tả Lèng ${tag}`, stars: 3, issuedOn: '2026-07-01' });
    haNoi4 = await createCertifiedProduct(t.db, { provinceCode: HA_NOI, communeCode: '00004', productName: `Bánh cốm ${tag}`, stars: 4 });
    thanUyen5 = await createCertifiedProduct(t.db, { productName: `Mật ong bạc hà ${tag}`, stars: 5, issuedOn: '2026-09-01' });
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    otherProvince = await signInAs(t, { role: 'province_office', provinceCode: HA_NOI });
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: TA_LENG });
    producer = await signInAs(t, { role: 'producer', producerId: thanUyen4.producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    ministry = await signInAs(t, { role: 'ministry_officer' });
    council = await signInAs(t, { role: 'council_member', provinceCode: LAI_CHAU });
    admin = await signInAs(t, { role: 'system_admin' });
  });
  after(() => t.close());

  test('without a session every certificate and inspection route answers 401', async () => {
    const id = thanUyen4.certificate.id;
    const inspection = '8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e';
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/certificates'],
      ['GET', `/api/certificates/${id}`],
      ['GET', `/api/certificates/${id}/pdf`],
      ['POST', `/api/certificates/${id}/revoke`, { ground: 'law_violation', findingOn: '2026-11-01', decidedOn: '2026-11-17', decisionNumber: '1234/QĐ-UBND', reason: 'Vi phạm ghi nhãn hàng hóa theo kết luận thanh tra.' }],
      ['POST', `/api/certificates/${id}/inspections`, { kind: 'ad_hoc', plannedOn: '2026-11-20', inspectingBody: 'Sở Nông nghiệp và Môi trường' }],
      ['GET', '/api/inspections'],
      ['GET', `/api/inspections/${inspection}`],
      ['PATCH', `/api/inspections/${inspection}`, { version: 1, inspectedOn: '2026-11-12', criteriaMaintained: true, markUsedProperly: true, findings: 'Duy trì đủ tiêu chí.', outcome: 'compliant' }],
    ]);
  });

  const ids = async (client: Client, query = '') => {
    const response = await client.request('GET', `/api/certificates?q=${encodeURIComponent(tag)}&pageSize=200${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json().items.map((c: { id: string }) => c.id).sort();
  };

  test('each sees the certificates of its scope; out of scope looks like missing; filters', async () => {
    const sorted = (...items: CertifiedProduct[]) => items.map((p) => p.certificate.id).sort();
    assert.deepEqual(await ids(province), sorted(thanUyen4, taLeng3, thanUyen5));
    assert.deepEqual(await ids(commune), sorted(thanUyen4, thanUyen5));
    assert.deepEqual(await ids(neighbour), sorted(taLeng3));
    assert.deepEqual(await ids(producer), sorted(thanUyen4));
    assert.deepEqual(await ids(ministry), sorted(thanUyen4, taLeng3, haNoi4, thanUyen5));
    assert.deepEqual(await ids(admin), sorted(thanUyen4, taLeng3, haNoi4, thanUyen5));
    assert.deepEqual(await ids(otherProvince), sorted(haNoi4));
    assert.equal((await council.request('GET', '/api/certificates')).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/certificates' })).statusCode, 401);

    assert.deepEqual(await ids(ministry, '&star=5'), sorted(thanUyen5));
    assert.deepEqual(await ids(ministry, `&province=${HA_NOI}`), sorted(haNoi4));
    assert.deepEqual(await ids(ministry, '&status=valid'), sorted(thanUyen4, taLeng3, haNoi4, thanUyen5));
    assert.deepEqual(await ids(ministry, '&status=revoked'), []);
    assert.deepEqual(await ids(ministry, '&status=in_force'), sorted(thanUyen4, taLeng3, haNoi4, thanUyen5));
    // Without diacritics, and by number.
    const plain = await ministry.request('GET', `/api/certificates?q=${encodeURIComponent(`gao seng cu ${tag}`)}`);
    assert.deepEqual(plain.json().items.map((c: { id: string }) => c.id), [thanUyen4.certificate.id]);
    const byNumber = await ministry.request('GET', `/api/certificates?q=${encodeURIComponent(thanUyen4.certificate.number)}`);
    assert.ok(byNumber.json().items.some((c: { id: string }) => c.id === thanUyen4.certificate.id));
    const bad = await ministry.request('GET', '/api/certificates?status=lost&star=7&province=x');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(paths(bad), ['querystring.province', 'querystring.star', 'querystring.status']);

    for (const [client, product] of [[neighbour, thanUyen4], [producer, taLeng3], [otherProvince, thanUyen4], [council, thanUyen4]] as const) {
      assert.equal((await client.request('GET', `/api/certificates/${product.certificate.id}`)).statusCode, 404);
      assert.equal((await client.request('GET', `/api/certificates/${product.certificate.id}/pdf`)).statusCode, 404);
    }
  });

  test('detail: names, status, re-evaluation window, verification address, what the viewer may do', async () => {
    const response = await producer.request('GET', `/api/certificates/${thanUyen4.certificate.id}`);
    assert.equal(response.statusCode, 200, response.body);
    const detail = response.json();
    assert.equal(detail.number, thanUyen4.certificate.number);
    assert.equal(detail.communeName, 'Xã Than Uyên');
    assert.equal(detail.provinceName, 'Tỉnh Lai Châu');
    assert.deepEqual([detail.issuedOn, detail.expiresOn, detail.status], ['2026-08-15', '2029-08-15', 'valid']);
    assert.deepEqual(detail.reEvaluationWindow, { opensOn: '2029-02-16', closesOn: '2029-04-17', graceUntil: '2030-02-11' });
    assert.equal(detail.verificationUrl, `${t.config.publicBaseUrl}/xac-minh/${thanUyen4.certificate.publicToken}`);
    assert.deepEqual([detail.canRevoke, detail.canInspect, detail.revocation, detail.inspections], [false, false, null, []]);
    const asProvince = (await province.request('GET', `/api/certificates/${thanUyen4.certificate.id}`)).json();
    assert.deepEqual([asProvince.canRevoke, asProvince.canInspect], [true, true]);
    const fiveStar = (await province.request('GET', `/api/certificates/${thanUyen5.certificate.id}`)).json();
    assert.deepEqual([fiveStar.canRevoke, fiveStar.canInspect, fiveStar.level, fiveStar.issuingBody], [false, true, 'central', 'Bộ Nông nghiệp và Môi trường']);
  });

  test('the certificate PDF is in Vietnamese with the product, producer, address, star, numbers and dates', async () => {
    const response = await producer.request('GET', `/api/certificates/${thanUyen4.certificate.id}/pdf`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const pdf = response.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'GIẤY CHỨNG NHẬN SẢN PHẨM OCOP',
      `Gạo Séng Cù ${tag}`,
      'Xã Than Uyên, Tỉnh Lai Châu',
      '4 sao',
      '★★★★',
      thanUyen4.certificate.number,
      'có giá trị đến 15/08/2029',
      'Ngày cấp: 15/08/2026',
      `/xac-minh/${thanUyen4.certificate.publicToken}`,
    ]) {
      assert.ok(text.includes(expected), `the PDF shows “${expected}”:\n${text}`);
    }
    assert.ok(!text.includes('thu hồi'));
  });

  test('revocation: every problem at once, authority, late flag, reminders cancelled, notices, audit, once only', async () => {
    const target = await createCertifiedProduct(t.db, { productName: `Măng khô ${tag}`, stars: 3, issuedOn: '2026-06-01' });
    const id = target.certificate.id;
    const producerUser = await signInAs(t, { role: 'producer', producerId: target.producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const url = `/api/certificates/${id}/revoke`;
    const good = { ground: 'law_violation', findingOn: '2026-11-01', decidedOn: '2026-11-17', decisionNumber: '1234/QĐ-UBND', reason: 'Vi phạm ghi nhãn hàng hóa theo kết luận thanh tra.' };

    const bad = await province.request('POST', url, { ground: 'dislike', findingOn: '2026-11-20', decidedOn: '2026-11-10', decisionNumber: '', reason: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(paths(bad), ['decidedOn', 'decisionNumber', 'ground', 'reason']);
    assert.match(bad.json().error.details.issues.find((i: { path: string }) => i.path === 'decidedOn').message, /không được trước ngày có kết luận/);
    const future = await province.request('POST', url, { ...good, findingOn: '2026-11-24', decidedOn: '2026-12-01' });
    assert.deepEqual(paths(future), ['decidedOn', 'findingOn']);
    const notADay = await province.request('POST', url, { ...good, findingOn: '2026-02-30', decidedOn: '23/11/2026' });
    assert.deepEqual(paths(notADay), ['decidedOn', 'findingOn']);
    const otherInspection = await province.request('POST', `/api/certificates/${taLeng3.certificate.id}/inspections`, { kind: 'ad_hoc', plannedOn: '2026-11-20', inspectingBody: 'Sở Nông nghiệp và Môi trường' });
    assert.equal(otherInspection.statusCode, 201, otherInspection.body);
    assert.deepEqual(paths(await province.request('POST', url, { ...good, inspectionId: otherInspection.json().id })), ['inspectionId']);

    assert.equal((await commune.request('POST', url, good)).statusCode, 403, 'the commune reports, it does not revoke');
    assert.equal((await producerUser.request('POST', url, good)).statusCode, 403);
    assert.equal((await admin.request('POST', url, good)).statusCode, 403, 'the administrator is no authority');
    assert.equal((await otherProvince.request('POST', url, good)).statusCode, 404);
    assert.equal((await province.request('POST', `/api/certificates/${thanUyen5.certificate.id}/revoke`, good)).statusCode, 403, '5★ is the minister’s');

    const pendingBefore = await t.db.pool.query(`SELECT count(*)::int AS n FROM scheduled_jobs WHERE key = $1 AND status = 'pending'`, [id]);
    assert.equal(pendingBefore.rows[0].n, 3);
    const revoked = await province.request('POST', url, good);
    assert.equal(revoked.statusCode, 200, revoked.body);
    const detail = revoked.json();
    assert.equal(detail.status, 'revoked');
    assert.equal(detail.revokedOn, '2026-11-17');
    assert.equal(detail.revocation.late, true, '16 days after the finding');
    assert.equal(detail.revocation.ground, 'law_violation');
    assert.equal(detail.canRevoke, false);

    const jobs = await t.db.pool.query<{ status: string }>('SELECT status FROM scheduled_jobs WHERE key = $1', [id]);
    assert.deepEqual(jobs.rows.map((r) => r.status), ['cancelled', 'cancelled', 'cancelled']);
    const audit = await t.db.pool.query(`SELECT actor_user_id FROM audit_events WHERE entity_id = $1 AND action = 'certificate.revoked'`, [id]);
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0].actor_user_id, province.userId);
    for (const client of [producerUser, commune, province]) {
      const notices = (await client.request('GET', '/api/notifications')).json();
      assert.ok(
        notices.items.some((n: { kind: string; link: string; body: string }) => n.kind === 'certificate.revoked' && n.link === `/admin/certificates/${id}` && n.body.includes('1234/QĐ-UBND')),
        `${client.username} is told`,
      );
    }
    assert.ok(!(await neighbour.request('GET', '/api/notifications')).json().items.some((n: { link: string }) => n.link === `/admin/certificates/${id}`));

    // Revoked everywhere at once: the list filter, the detail, the PDF.
    assert.ok((await ids(ministry, '&status=revoked')).includes(id));
    assert.ok(!(await ids(ministry, '&status=valid')).includes(id));
    assert.ok(!(await ids(ministry, '&status=in_force')).includes(id), 'a revoked certificate is not in force');
    assert.ok(pdfText((await producerUser.request('GET', `/api/certificates/${id}/pdf`)).rawPayload).includes('Giấy chứng nhận này đã bị thu hồi ngày 17/11/2026'));

    const again = await province.request('POST', url, good);
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /đã bị thu hồi/);
    assert.equal((await t.db.pool.query('SELECT count(*)::int AS n FROM certificate_revocations WHERE certificate_id = $1', [id])).rows[0].n, 1);

    // Day 15 is still on time; the minister revokes a 5★.
    const onTime = await createCertifiedProduct(t.db, { productName: `Rượu ngô ${tag}`, stars: 5, issuedOn: '2026-06-01' });
    const byMinistry = await ministry.request('POST', `/api/certificates/${onTime.certificate.id}/revoke`, { ...good, ground: 'production_stopped', findingOn: '2026-11-08', decidedOn: '2026-11-23' });
    assert.equal(byMinistry.statusCode, 200, byMinistry.body);
    assert.equal(byMinistry.json().revocation.late, false);
  });

  test('inspections: plan, record with version, lists by due and outcome; a violation leads to revocation', async () => {
    const target = await createCertifiedProduct(t.db, { productName: `Thịt trâu gác bếp ${tag}`, stars: 4, issuedOn: '2026-05-01' });
    const id = target.certificate.id;
    const plan = { kind: 'planned', plannedOn: '2026-11-10', inspectingBody: 'Chi cục Quản lý chất lượng' };
    const bad = await province.request('POST', `/api/certificates/${id}/inspections`, { kind: 'weekly', plannedOn: '10/11/2026', inspectingBody: '' });
    assert.deepEqual(paths(bad), ['inspectingBody', 'kind', 'plannedOn']);
    assert.equal((await commune.request('POST', `/api/certificates/${id}/inspections`, plan)).statusCode, 403);
    assert.equal((await otherProvince.request('POST', `/api/certificates/${id}/inspections`, plan)).statusCode, 404);
    const overdue = await province.request('POST', `/api/certificates/${id}/inspections`, plan);
    assert.equal(overdue.statusCode, 201, overdue.body);
    const upcoming = await ministry.request('POST', `/api/certificates/${id}/inspections`, { ...plan, kind: 'ad_hoc', plannedOn: '2026-12-01' });
    assert.equal(upcoming.statusCode, 201, upcoming.body);
    assert.equal(overdue.json().overdue, true);
    assert.equal(upcoming.json().overdue, false);

    const list = async (client: Client, query: string) =>
      (await client.request('GET', `/api/inspections?certificate=${id}${query}`)).json().items.map((i: { id: string }) => i.id);
    assert.deepEqual(await list(province, '&due=overdue'), [overdue.json().id]);
    assert.deepEqual(await list(province, '&due=due'), [upcoming.json().id]);
    assert.deepEqual((await list(commune, '&outcome=pending')).length, 2, 'the commune follows its producers’ inspections');
    assert.deepEqual(await list(neighbour, ''), []);
    assert.equal((await council.request('GET', '/api/inspections')).statusCode, 403);

    const inspection = overdue.json();
    const record = { version: inspection.version, inspectedOn: '2026-11-12', criteriaMaintained: false, markUsedProperly: false, findings: 'Dùng nhãn OCOP 5 sao trên bao bì sản phẩm 4 sao.', outcome: 'violation' };
    const contradicting = await province.request('PATCH', `/api/inspections/${inspection.id}`, { ...record, outcome: 'compliant', inspectedOn: '2026-12-12' });
    assert.deepEqual(paths(contradicting), ['inspectedOn', 'outcome']);
    assert.equal((await commune.request('PATCH', `/api/inspections/${inspection.id}`, record)).statusCode, 403);
    const recorded = await province.request('PATCH', `/api/inspections/${inspection.id}`, record);
    assert.equal(recorded.statusCode, 200, recorded.body);
    assert.deepEqual([recorded.json().outcome, recorded.json().overdue, recorded.json().version], ['violation', false, inspection.version + 1]);
    assert.equal((await province.request('PATCH', `/api/inspections/${inspection.id}`, record)).statusCode, 409, 'stale version');
    assert.deepEqual(await list(province, '&outcome=violation'), [inspection.id]);

    const revoked = await province.request('POST', `/api/certificates/${id}/revoke`, {
      ground: 'mark_misuse', findingOn: '2026-11-12', decidedOn: '2026-11-20', decisionNumber: '88/QĐ-UBND', reason: 'Sử dụng nhãn OCOP sai hạng sao.', inspectionId: inspection.id,
    });
    assert.equal(revoked.statusCode, 200, revoked.body);
    const detail = revoked.json();
    assert.equal(detail.revocation.inspectionId, inspection.id);
    assert.equal(detail.inspections.find((i: { id: string }) => i.id === inspection.id).revokedByThis, true);
    assert.equal((await province.request('POST', `/api/certificates/${id}/inspections`, plan)).statusCode, 409, 'no inspection of a revoked certificate');
    assert.equal((await province.request('PATCH', `/api/inspections/${inspection.id}`, { ...record, version: inspection.version + 1 })).statusCode, 409, 'final once it led to revocation');
  });

  test('re-evaluation dossier: refused before the window opens; a late filing keeps the certificate until the result', async () => {
    // thanUyen4 expires 15/08/2029: its window opens 16/02/2029, long after today.
    const self = await createCompleteSelfAssessment(producer, thanUyen4.producerId);
    const early = await producer.request('POST', '/api/dossiers', { producerId: thanUyen4.producerId, type: 're_evaluation', productId: thanUyen4.productId, selfAssessmentId: self.id, ...completeForm });
    assert.equal(early.statusCode, 201, early.body);
    const refused = await producer.request('POST', `/api/dossiers/${early.json().id}/submit`, { version: early.json().version });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.deepEqual(paths(refused), ['type']);
    assert.match(refused.json().error.details.issues[0].message, /từ ngày 16\/02\/2029 đến ngày 17\/04\/2029/);

    // Issued 01/03/2024, expires 01/03/2027: the window closed on 01/11/2026, today is 23/11/2026 (late).
    const old = await createCertifiedProduct(t.db, { producerId: thanUyen4.producerId, productName: `Gạo nếp Tan ${tag}`, stars: 3, issuedOn: '2024-03-01' });
    const self2 = await createCompleteSelfAssessment(producer, thanUyen4.producerId);
    const late = await producer.request('POST', '/api/dossiers', { producerId: thanUyen4.producerId, type: 're_evaluation', productId: old.productId, selfAssessmentId: self2.id, ...completeForm });
    assert.equal(late.statusCode, 201, late.body);
    const submitted = await producer.request('POST', `/api/dossiers/${late.json().id}/submit`, { version: late.json().version });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.ok(
      submitted.json().events.some((e: { note: string | null }) => e.note?.includes('muộn') && e.note.includes('28/08/2027')),
      'the history says it is late and until when the certificate holds',
    );
    const detail = (await producer.request('GET', `/api/certificates/${old.certificate.id}`)).json();
    assert.deepEqual([detail.reEvaluationFiledOn, detail.reEvaluationFilingTiming, detail.status], ['2026-11-23', 'late', 'expiring']);
  });
});
