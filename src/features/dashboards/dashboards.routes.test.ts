/**
 * GET /api/dashboard (issue 13) on one world built by hand in Vĩnh Long (86), a province no other test
 * file uses: every expected figure below is counted from these fixtures, not from the dashboard's SQL.
 * The world holds a certificate dated in the future, a withdrawn dossier and a merged producer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCertifiedProduct, type CertifiedProduct } from '../../../tests/support/certificates.ts';
import { createReadyDossier, expectStatus } from '../../../tests/support/dossiers.ts';
import { createFixedClock, createProducerRecord, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';

const VINH_LONG = '86';
const PHU_KHUONG = '28756';
const AN_HOI = '28777';
const CAN_THO = '92';
const NOW = '2026-11-23T09:00:00+07:00';

interface Item {
  kind: string;
  title: string;
  dueAt: string | null;
  overdue: boolean;
  count: number | null;
  id: string | null;
  link: string;
}

describe('dashboard: what waits, the figures of the scope and year, a producer’s own', () => {
  let t: TestApp;
  const tag = unique('dash');
  const placeA = { provinceCode: VINH_LONG, communeCode: PHU_KHUONG };
  const placeB = { provinceCode: VINH_LONG, communeCode: AN_HOI };
  let survivor: string; // producer S: the producer account, its dossiers, pA1 / pA3 / pA5
  let merged: string; // producer M, merged into S
  let pA1: CertifiedProduct; // 4★ valid, issued this year
  let pA2: CertifiedProduct; // 3★ expired this year, no re-evaluation
  let pA3: CertifiedProduct; // 5★ expiring, re-evaluation window closes in 9 days
  let pA4: CertifiedProduct; // 3★ expired this year, re-evaluation filed: extended
  let pA5: CertifiedProduct; // 4★ dated in the future: counts nowhere
  let pM: CertifiedProduct; // 3★ valid, of the merged producer
  let pB1: CertifiedProduct; // 4★ revoked
  let pB2: CertifiedProduct; // 3★ valid, violation found 34 days ago, not revoked
  let draftId: string;
  let submittedId: string;
  let openRoundId: string;
  let closedRoundId: string;
  let scoringEntryId: string;
  let producer: Client;
  let commune: Client;
  let neighbour: Client;
  let province: Client;
  let otherProvince: Client;
  let council: Client;
  let ministry: Client;

  before(async () => {
    t = await createTestApp({ clock: createFixedClock(NOW) });
    const sql = t.db.pool;
    survivor = await createProducerRecord(t.db, placeA, `HTX Phú Khương ${tag}`);
    const other = await createProducerRecord(t.db, placeA, `HTX Hai ${tag}`);
    merged = await createProducerRecord(t.db, placeA, `HTX Phú Khương trùng ${tag}`);
    const inB = await createProducerRecord(t.db, placeB, `HTX An Hội ${tag}`);
    const make = (producerId: string, place: typeof placeA, stars: 3 | 4 | 5, issuedOn: string, name: string) =>
      createCertifiedProduct(t.db, { ...place, producerId, stars, issuedOn, productName: `${name} ${tag}` });
    pA1 = await make(survivor, placeA, 4, '2026-08-15', 'Bưởi');
    pA2 = await make(other, placeA, 3, '2023-06-01', 'Chôm chôm');
    pA3 = await make(survivor, placeA, 5, '2024-04-01', 'Khoai lang');
    pA4 = await make(other, placeA, 3, '2023-09-01', 'Cam sành');
    pA5 = await make(survivor, placeA, 4, '2026-12-10', 'Bánh tét');
    pM = await make(merged, placeA, 3, '2026-03-01', 'Nem');
    pB1 = await make(inB, placeB, 4, '2025-03-01', 'Gốm đỏ');
    pB2 = await make(inB, placeB, 3, '2025-01-10', 'Kẹo dừa');
    await sql.query(`UPDATE certificates SET re_evaluation_filed_on = '2026-04-01' WHERE id = $1`, [pA4.certificate.id]);
    await sql.query(`UPDATE certificates SET revoked_on = '2026-10-01' WHERE id = $1`, [pB1.certificate.id]);
    await sql.query(
      `INSERT INTO inspections (certificate_id, province_code, kind, planned_on, inspected_on, inspecting_body, criteria_maintained,
         mark_used_properly, findings, outcome, created_at, updated_at)
       VALUES ($1, $2, 'ad_hoc', '2026-10-20', '2026-10-20', 'Sở Nông nghiệp', false, false, 'Vi phạm nhãn', 'violation', now(), now())`,
      [pB2.certificate.id, VINH_LONG],
    );
    await sql.query(`UPDATE producers SET merged_into_id = $2, merged_at = now() WHERE id = $1`, [merged, survivor]);

    producer = await signInAs(t, { role: 'producer', producerId: survivor, ...placeA });
    commune = await signInAs(t, { role: 'commune_officer', ...placeA });
    neighbour = await signInAs(t, { role: 'commune_officer', ...placeB });
    province = await signInAs(t, { role: 'province_office', provinceCode: VINH_LONG });
    otherProvince = await signInAs(t, { role: 'province_office', provinceCode: CAN_THO });
    council = await signInAs(t, { role: 'council_member', provinceCode: VINH_LONG });
    ministry = await signInAs(t, { role: 'ministry_officer' });

    // Dossiers of S: a draft, one submitted (waits for the commune), one submitted then withdrawn.
    const draft = await createReadyDossier(producer, survivor, { productName: `Mứt dừa ${tag}` });
    draftId = draft.id;
    const toSubmit = await createReadyDossier(producer, survivor, { productName: `Rượu ${tag}` });
    submittedId = toSubmit.id;
    await expectStatus(producer, 'POST', `/api/dossiers/${toSubmit.id}/submit`, { version: toSubmit.version }, 200);
    const toWithdraw = await createReadyDossier(producer, survivor, { productName: `Trà ${tag}` });
    const sent = await expectStatus(producer, 'POST', `/api/dossiers/${toWithdraw.id}/submit`, { version: toWithdraw.version }, 200);
    await expectStatus(producer, 'POST', `/api/dossiers/${toWithdraw.id}/withdraw`, { version: sent.version, reason: 'Rút để hoàn thiện' }, 200);

    // Rounds of the province: one open (to close by 30/11) with an entry in scoring for the council
    // member, one closed (its decision to record) holding an entry proposed for 5★.
    const round = async (status: 'open' | 'closed', completeBy: string) => {
      const { rows } = await sql.query<{ id: string }>(
        `INSERT INTO evaluation_rounds (level, province_code, year, kind, title, rule_set_id, proposals_due_on, complete_by, status, closed_at, created_at, updated_at)
         VALUES ('province', $1, 2026, 'first', $2, '26-2026', '2026-10-01', $3, $4, $5, now(), now()) RETURNING id`,
        [VINH_LONG, `Đợt ${status} ${tag}`, completeBy, status, status === 'closed' ? new Date() : null],
      );
      return rows[0]!.id;
    };
    openRoundId = await round('open', '2026-11-30');
    closedRoundId = await round('closed', '2026-11-10');
    const entry = async (roundId: string, dossierId: string, productId: string, status: string, outcome: string | null) => {
      const { rows } = await sql.query<{ id: string }>(
        `INSERT INTO round_entries (round_id, dossier_id, product_id, producer_id, province_code, commune_code, product_set_number, status, result, outcome, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 3, $7, $8, $9, now(), now()) RETURNING id`,
        [roundId, dossierId, productId, survivor, VINH_LONG, PHU_KHUONG, status, status === 'decided' ? '{}' : null, outcome],
      );
      return rows[0]!.id;
    };
    scoringEntryId = await entry(openRoundId, draft.id, draft.productId, 'scoring', null);
    await entry(closedRoundId, toSubmit.id, toSubmit.productId, 'decided', 'proposed_to_central');
    await sql.query(`INSERT INTO round_members (round_id, user_id, role, added_at) VALUES ($1, $2, 'member', now())`, [openRoundId, council.userId]);
  });
  after(() => t.close());

  const dashboard = async (client: Client, query = '') => {
    const response = await client.request('GET', `/api/dashboard${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const kinds = (items: Item[]) => items.map((i) => i.kind);
  const values = (group: Record<string, { value: number } | number>): Record<string, number> =>
    Object.fromEntries(Object.entries(group).map(([k, v]) => [k, typeof v === 'number' ? v : v.value]));

  test('401 without a session; 400 for a year before 2019, in the future, or not a number', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode, 401);
    for (const year of ['2018', '2027', 'abc']) {
      const response = await province.request('GET', `/api/dashboard?year=${year}`);
      assert.equal(response.statusCode, 400, year);
      const body = response.json();
      assert.equal(body.error.code, 'INVALID_INPUT');
      assert.deepEqual(body.error.details.issues.map((i: { path: string }) => i.path), ['querystring.year']);
    }
    const early = (await province.request('GET', '/api/dashboard?year=2018')).json();
    assert.match(early.error.details.issues[0].message, /Năm phải từ 2019 đến 2026/);
  });

  test('province office: its figures counted by hand (future certificate left out), its waiting items overdue first', async () => {
    const body = await dashboard(province);
    assert.equal(body.year, 2026);
    assert.equal(body.asOf, '2026-11-23');
    assert.deepEqual(body.scope, { level: 'province', provinceCode: VINH_LONG, communeCode: null, producerId: null });
    // In force: 3★ pA4 (extended), pM, pB2; 4★ pA1 (pB1 revoked, pA5 not dated yet); 5★ pA3.
    assert.deepEqual(values(body.figures.productsByStar), { three: 3, four: 1, five: 1, total: 5 });
    assert.equal(body.figures.productsByStar.four.link, '/admin/certificates?star=4&status=in_force');
    assert.deepEqual(values(body.figures.certificates), { valid: 3, expiring: 1, extended: 1, expired: 1, revoked: 1 });
    // Ran out this year: pA2 (01/06) and pA4 (01/09); pA4's re-evaluation was filed.
    assert.deepEqual(body.figures.reEvaluationRate, { numerator: 1, denominator: 2, percent: 50, link: '/admin/certificates?status=expired' });
    // The province sees forwarded dossiers only: none here. Recognised this year: pA1, pM (not pA5).
    assert.deepEqual(values(body.figures.funnel), { ideas: 0, businessPlans: 0, dossiers: 0, recognised: 2 });
    assert.deepEqual(body.figures.dossiersOnTime, { numerator: 0, denominator: 0, percent: null, link: '/admin/dossiers?status=forwarded_to_province' });
    // Producers of the province: S, T, U; the merged M is not counted.
    assert.equal(body.figures.training.producers, 3);
    assert.deepEqual(body.figures.plans, []);
    assert.equal(body.producer, null);

    const waiting: Item[] = body.waiting;
    const revocation = waiting.find((i) => i.kind === 'revocation_overdue')!;
    assert.deepEqual([revocation.id, revocation.dueAt, revocation.overdue, revocation.link], [pB2.certificate.id, '2026-11-04', true, `/admin/certificates/${pB2.certificate.id}`]);
    const decision = waiting.find((i) => i.kind === 'decision_to_record')!;
    assert.deepEqual([decision.id, decision.dueAt, decision.overdue], [closedRoundId, '2026-11-10', true]);
    const toClose = waiting.find((i) => i.kind === 'round_to_close')!;
    assert.deepEqual([toClose.id, toClose.dueAt, toClose.overdue, toClose.link], [openRoundId, '2026-11-30', false, `/admin/evaluations/${openRoundId}`]);
    const closing = waiting.find((i) => i.kind === 're_evaluation_window_closing')!;
    assert.deepEqual([closing.count, closing.dueAt], [1, '2026-12-02']); // pA3: 01/04/2027 − 120 days
    assert.ok(!kinds(waiting).includes('re_evaluation_window_opening'));
    assert.ok(!kinds(waiting).includes('five_star_proposals'), 'the ministry takes 5★ proposals');
    // Overdue first, then by due day.
    const overdue = waiting.map((i) => i.overdue);
    assert.deepEqual(overdue, [...overdue].sort((a, b) => Number(b) - Number(a)));
    const dated = waiting.filter((i) => !i.overdue).map((i) => i.dueAt ?? '9999');
    assert.deepEqual(dated, [...dated].sort());
  });

  test('a past year is taken on its 31 December', async () => {
    const body = await dashboard(province, '?year=2025');
    assert.equal(body.asOf, '2025-12-31');
    // Dated by then: pA2 (expiring: 01/06/2026 is within 180 days), pA3, pA4, pB1 (revoked only in 2026), pB2.
    assert.deepEqual(values(body.figures.certificates), { valid: 4, expiring: 1, extended: 0, expired: 0, revoked: 0 });
    assert.deepEqual(values(body.figures.productsByStar), { three: 3, four: 1, five: 1, total: 5 });
    assert.deepEqual([body.figures.reEvaluationRate.denominator, body.figures.funnel.recognised.value], [0, 2]); // pB1, pB2 in 2025
  });

  test('commune officer: its dossiers to receive (the withdrawn one not counted), its own commune’s figures', async () => {
    const body = await dashboard(commune);
    const receive: Item = body.waiting.find((i: Item) => i.kind === 'dossiers_to_receive');
    assert.deepEqual([receive.count, receive.link, receive.overdue], [1, '/admin/dossiers?status=submitted', false]);
    assert.ok(kinds(body.waiting).includes('re_evaluation_window_closing'));
    assert.ok(!kinds(body.waiting).includes('revocation_overdue'), 'a revocation is the province’s');
    // Phú Khương: pA1 valid, pM valid, pA3 expiring, pA4 extended, pA2 expired.
    assert.deepEqual(values(body.figures.certificates), { valid: 2, expiring: 1, extended: 1, expired: 1, revoked: 0 });
    assert.deepEqual(values(body.figures.productsByStar), { three: 2, four: 1, five: 1, total: 4 });
    // Dossiers submitted this year in the commune: one (the draft is not submitted, the withdrawn one never counts).
    assert.equal(body.figures.funnel.dossiers.value, 1);
    // Producers of the commune: S and T; the merged M is not counted twice (nor once).
    assert.equal(body.figures.training.producers, 2);

    const other = await dashboard(neighbour);
    assert.ok(!kinds(other.waiting).includes('dossiers_to_receive'), 'An Hội sees none of Phú Khương’s dossiers');
    assert.deepEqual(values(other.figures.certificates), { valid: 1, expiring: 0, extended: 0, expired: 0, revoked: 1 });
    assert.equal(other.figures.funnel.dossiers.value, 0);
  });

  test('council member: the sheets it must score, no registers', async () => {
    const body = await dashboard(council);
    assert.deepEqual(body.waiting.map((i: Item) => [i.kind, i.id, i.dueAt, i.link]), [['sheets_to_score', scoringEntryId, '2026-11-30', `/admin/evaluations/entries/${scoringEntryId}`]]);
    assert.deepEqual(body.figures, { productsByStar: null, certificates: null, reEvaluationRate: null, dossiersOnTime: null, funnel: null, training: null, plans: null });
    // Once submitted, the sheet no longer waits.
    await t.db.pool.query(
      `INSERT INTO member_scores (entry_id, member_user_id, attempt, status, submitted_at, created_at, updated_at) VALUES ($1, $2, 1, 'submitted', now(), now(), now())`,
      [scoringEntryId, council.userId],
    );
    assert.deepEqual((await dashboard(council)).waiting, []);
  });

  test('ministry: 5★ proposals and national figures that hold the province’s', async () => {
    const body = await dashboard(ministry);
    assert.equal(body.scope.level, 'national');
    const proposals: Item = body.waiting.find((i: Item) => i.kind === 'five_star_proposals');
    assert.ok(proposals && proposals.count! >= 1);
    assert.ok(body.waiting.some((i: Item) => i.kind === 'revocation_overdue' && i.id === pB2.certificate.id));
    assert.ok(!body.waiting.some((i: Item) => i.id === openRoundId), 'a province’s round is its office’s to close');
    const national = values(body.figures.certificates);
    const own = values((await dashboard(province)).figures.certificates);
    for (const key of Object.keys(own)) assert.ok(national[key]! >= own[key]!, key);
    assert.equal(body.figures.training, null);
  });

  test('producer: its products with star, status and countdown, its dossiers in progress, what it must do next', async () => {
    const body = await dashboard(producer);
    assert.deepEqual(body.scope, { level: 'own', provinceCode: null, communeCode: null, producerId: survivor });
    const products = new Map(body.producer.products.map((p: { productId: string }) => [p.productId, p]));
    assert.deepEqual(products.get(pA1.productId), {
      productId: pA1.productId, name: pA1.productName, stars: 4, link: `/admin/certificates/${pA1.certificate.id}`,
      certificate: { id: pA1.certificate.id, number: pA1.certificate.number, status: 'valid', expiresOn: '2029-08-15', daysToExpiry: 996, reEvaluationFiledOn: null },
      productSetNumber: 3,
      dossier: null,
      actions: [
        { kind: 'upgrade', label: 'Đề nghị nâng lên 5 sao', link: '/admin/dossiers/new' },
        { kind: 'add_listing', label: 'Thêm nơi bán trực tuyến', link: '/admin/ecommerce-listings' },
        { kind: 'see_certificate', label: 'Xem giấy chứng nhận', link: `/admin/certificates/${pA1.certificate.id}` },
      ],
    });
    // What to do next, product by product ("Sản phẩm của tôi").
    const kinds = (name: string) => (body.producer.products.find((p: { name: string }) => p.name.startsWith(name)) as { actions: Array<{ kind: string }> }).actions.map((a) => a.kind);
    assert.deepEqual(kinds('Khoai lang'), ['re_evaluate', 'add_listing', 'see_certificate'], 'the 5★ in its window: re-evaluate, not upgrade');
    assert.deepEqual(kinds('Mứt dừa'), ['continue_dossier'], 'a draft dossier in progress');
    assert.deepEqual(kinds('Trà'), ['file_dossier'], 'a withdrawn dossier: file again');
    assert.deepEqual((products.get(pA3.productId) as { dossier: null }).dossier, null);
    assert.equal((products.get(pA3.productId) as { certificate: { status: string } }).certificate.status, 'expiring');
    assert.deepEqual([(products.get(pA5.productId) as { stars: null }).stars, (products.get(pA5.productId) as { certificate: null }).certificate], [null, null]);
    assert.ok(!products.has(pM.productId) && !products.has(pA2.productId) && !products.has(pB2.productId), "another producer’s, even merged into it");
    assert.deepEqual(body.producer.dossiers.map((d: { id: string }) => d.id).sort(), [draftId, submittedId].sort());
    assert.deepEqual(body.waiting.map((i: Item) => [i.kind, i.id]), [['re_evaluation_to_file', pA3.certificate.id], ['dossiers_to_submit', draftId]]);
    assert.equal(body.waiting[0].dueAt, '2026-12-02');
    // Its own figures: pA1 4★ and pA3 5★; nothing of the programme's.
    assert.deepEqual(values(body.figures.productsByStar), { three: 0, four: 1, five: 1, total: 2 });
    assert.deepEqual([body.figures.funnel, body.figures.dossiersOnTime, body.figures.training], [null, null, null]);
  });

  test('out of scope never leaks: another province sees none of these records', async () => {
    const body = await dashboard(otherProvince);
    const ids = new Set(body.waiting.map((i: Item) => i.id));
    for (const id of [pB2.certificate.id, openRoundId, closedRoundId]) assert.ok(!ids.has(id));
    assert.ok(!body.waiting.some((i: Item) => i.kind === 're_evaluation_window_closing' && i.dueAt === '2026-12-02'));
    const base = (await dashboard(ministry)).figures.certificates;
    assert.ok(body.figures.certificates.revoked.value <= base.revoked.value - 1, 'pB1 is not Cần Thơ’s');
  });
});
