import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertEveryRouteNeedsSession, createFixedClock, createProducerRecord, createTestApp, signInAs, type Client, type TestApp } from '../../../tests/support/test-app.ts';

// Lai Châu; Khun Há and Bum Tở are used by these tests only.
const LAI_CHAU = '12';
const KHUN_HA = '03430';
const BUM_TO = '03433';
const HA_NOI = '01';

const paths = (response: { json(): { error: { details: { issues: Array<{ path: string }> } } } }) =>
  response.json().error.details.issues.map((i) => i.path).sort();

// Kế hoạch 90/KH-UBND: the production targets of the issue, as the plan writes them.
const productionLines = [
  { kind: 'production_area', productName: 'Khoai sọ Phì Nhừ', targetValue: 20, unit: 'ha' },
  { kind: 'production_yield', productName: 'Khoai sọ Phì Nhừ', targetValue: 150, unit: 'tạ/ha' },
  { kind: 'production_output', productName: 'Khoai sọ Phì Nhừ', targetValue: 300, unit: 'tấn' },
  { kind: 'production_area', productName: 'Bí xanh Tìa Dình', targetValue: 100, unit: 'ha' },
  { kind: 'production_yield', productName: 'Bí xanh Tìa Dình', targetValue: 50, unit: 'tạ/ha' },
  { kind: 'production_output', productName: 'Bí xanh Tìa Dình', targetValue: 506, unit: 'tấn' },
  { kind: 'production_area', productName: 'Lạc đỏ Na Son', targetValue: '50', unit: 'ha' },
  { kind: 'production_yield', productName: 'Lạc đỏ Na Son', targetValue: '13,2', unit: 'Tạ/ha' },
  { kind: 'production_output', productName: 'Lạc đỏ Na Son', targetValue: 66, unit: 'Tấn' },
];
const programmeLines = [
  { kind: 'products_developed', targetValue: 5 },
  { kind: 'star_target', starRating: 3, targetValue: 3 },
  { kind: 'producers_trained_percent', targetValue: 100 },
  { kind: 'new_cooperatives', targetValue: 2 },
  { kind: 'linkage_projects', targetValue: 2 },
  { kind: 'fairs', targetValue: 1 },
];

describe('annual plans: indicators, unit checks, progress from the registry, status, cascade', () => {
  let t: TestApp;
  let province: Client;
  let commune: Client;
  let neighbour: Client;
  let otherProvince: Client;
  let ministry: Client;
  let council: Client;
  let producer: Client;
  let provincePlan: { id: string; version: number; indicators: Array<{ id: string; kind: string; productName: string | null }> };

  const indicatorOf = (plan: { indicators: Array<Record<string, unknown>> }, kind: string, productName?: string) =>
    plan.indicators.find((i) => i.kind === kind && (productName === undefined || i.productName === productName)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  before(async () => {
    t = await createTestApp({ clock: createFixedClock('2026-06-15T09:00:00+07:00') });
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: KHUN_HA });
    neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: BUM_TO });
    otherProvince = await signInAs(t, { role: 'province_office', provinceCode: HA_NOI });
    ministry = await signInAs(t, { role: 'ministry_officer' });
    council = await signInAs(t, { role: 'council_member', provinceCode: LAI_CHAU });
    const producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: KHUN_HA });
    producer = await signInAs(t, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: KHUN_HA });
    const created = await province.request('POST', '/api/plans', {
      provinceCode: LAI_CHAU,
      year: 2026,
      title: 'Kế hoạch thực hiện Chương trình OCOP tỉnh Lai Châu năm 2026',
      legalReference: 'Kế hoạch 90/KH-UBND ngày 11/3/2024',
      issuedOn: '2024-03-11',
      indicators: [...productionLines, ...programmeLines],
    });
    assert.equal(created.statusCode, 201, created.body);
    provincePlan = created.json();
  });
  after(() => t.close());

  test('without a session every plan route answers 401', async () => {
    const indicator = provincePlan.indicators[0]!.id;
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/plans'],
      ['POST', '/api/plans', { provinceCode: LAI_CHAU, year: 2026, title: 'Kế hoạch OCOP', legalReference: 'Kế hoạch 1/KH-UBND' }],
      ['GET', `/api/plans/${provincePlan.id}`],
      ['PATCH', `/api/plans/${provincePlan.id}`, { version: provincePlan.version, title: 'Kế hoạch sửa' }],
      ['POST', `/api/plans/${provincePlan.id}/indicators`, { kind: 'fairs', targetValue: 1 }],
      ['PATCH', `/api/plans/${provincePlan.id}/indicators/${indicator}`, { version: 1, targetValue: 1 }],
      ['POST', `/api/plans/${provincePlan.id}/indicators/${indicator}/progress`, { value: 1, asOf: '2026-06-10', evidence: 'Báo cáo của xã' }],
    ]);
  });

  test('a province plan keeps every line as written and warns where area × yield ≠ output', async () => {
    const plan = (await province.request('GET', `/api/plans/${provincePlan.id}`)).json();
    assert.equal(plan.legalReference, 'Kế hoạch 90/KH-UBND ngày 11/3/2024');
    assert.equal(plan.indicators.length, 15);
    assert.equal(indicatorOf(plan, 'production_yield', 'Lạc đỏ Na Son').targetValue, 13.2, '"13,2" is read the Vietnamese way');
    assert.equal(indicatorOf(plan, 'production_yield', 'Lạc đỏ Na Son').unit, 'tạ/ha', 'units are written one way');
    assert.equal(plan.warnings.length, 1, 'only the bí xanh line is flagged');
    const [warning] = plan.warnings;
    assert.equal(warning.productName, 'Bí xanh Tìa Dình');
    assert.deepEqual([warning.expectedTonnes, warning.declaredTonnes], [500, 506]);
    assert.match(warning.message, /100 ha × 50 tạ\/ha = 500 tấn, nhưng kế hoạch ghi sản lượng 506 tấn/);

    // Correcting the output removes the warning; a stale version is refused.
    const output = indicatorOf(plan, 'production_output', 'Bí xanh Tìa Dình');
    const fixed = await province.request('PATCH', `/api/plans/${plan.id}/indicators/${output.id}`, { version: output.version, targetValue: '500' });
    assert.equal(fixed.statusCode, 200, fixed.body);
    assert.equal(fixed.json().warnings.length, 0);
    assert.equal((await province.request('PATCH', `/api/plans/${plan.id}/indicators/${output.id}`, { version: output.version, targetValue: 506 })).statusCode, 409);
    const wrongUnit = await province.request('PATCH', `/api/plans/${plan.id}/indicators/${output.id}`, { version: output.version + 1, unit: 'tạ/ha' });
    assert.equal(wrongUnit.statusCode, 400);
    assert.deepEqual(paths(wrongUnit), ['unit']);
    // Output in tạ is converted: 5000 tạ = 500 tấn, still consistent.
    const inTa = await province.request('PATCH', `/api/plans/${plan.id}/indicators/${output.id}`, { version: output.version + 1, targetValue: '5.000', unit: 'tạ' });
    assert.equal(inTa.json().warnings.length, 0);
  });

  test('progress: computed from the registry where it can be, entered with evidence otherwise; status against the year', async () => {
    const plan = (await province.request('GET', `/api/plans/${provincePlan.id}`)).json();
    assert.equal(plan.elapsed, Math.round((166 / 365) * 1000) / 1000, '15 June is day 166 of 2026');

    const products = indicatorOf(plan, 'products_developed');
    assert.equal(products.progress.source, 'unavailable');
    assert.match(products.progress.note, /Chưa tính được từ hệ thống: chưa có dữ liệu công nhận sản phẩm OCOP/);
    assert.equal(products.status, 'no_data');
    assert.equal(indicatorOf(plan, 'producers_trained_percent').progress.source, 'registry');
    assert.equal(indicatorOf(plan, 'fairs').progress.source, 'registry');

    const linkage = indicatorOf(plan, 'linkage_projects');
    const entered = await province.request('POST', `/api/plans/${plan.id}/indicators/${linkage.id}/progress`, {
      value: 1,
      asOf: '2026-06-10',
      evidence: 'Quyết định phê duyệt dự án liên kết chuỗi chè Tả Lèng số 12/QĐ-UBND',
    });
    assert.equal(entered.statusCode, 201, entered.body);
    const after = indicatorOf(entered.json(), 'linkage_projects');
    assert.deepEqual([after.progress.source, after.progress.achieved, after.progress.percent, after.status], ['entered', 1, 50, 'on_track']);
    assert.match(after.progress.evidence, /12\/QĐ-UBND/);

    const bad = await province.request('POST', `/api/plans/${plan.id}/indicators/${linkage.id}/progress`, { value: -1, asOf: '2026-13-01', evidence: '' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(paths(bad), ['asOf', 'evidence', 'value']);
    const future = await province.request('POST', `/api/plans/${plan.id}/indicators/${linkage.id}/progress`, { value: 2, asOf: '2026-07-01', evidence: 'Dự kiến' });
    assert.deepEqual(paths(future), ['asOf']);
    const computed = indicatorOf(plan, 'new_cooperatives');
    const refused = await province.request('POST', `/api/plans/${plan.id}/indicators/${computed.id}/progress`, { value: 2, asOf: '2026-06-01', evidence: 'Báo cáo' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().error.details.issues[0].message, /tính tự động/);
    assert.equal((await ministry.request('POST', `/api/plans/${plan.id}/indicators/${linkage.id}/progress`, { value: 2, asOf: '2026-06-01', evidence: 'Báo cáo' })).statusCode, 403);
    assert.equal((await otherProvince.request('POST', `/api/plans/${plan.id}/indicators/${linkage.id}/progress`, { value: 2, asOf: '2026-06-01', evidence: 'Báo cáo' })).statusCode, 404);
  });

  test('a commune plan carries out the province plan: indicators copied, progress from the commune’s registry, cascade totals', async () => {
    const created = await commune.request('POST', '/api/plans', {
      provinceCode: LAI_CHAU,
      communeCode: KHUN_HA,
      year: 2026,
      title: 'Kế hoạch OCOP xã Khun Há năm 2026',
      legalReference: 'Kế hoạch 15/KH-UBND ngày 20/3/2026',
      parentPlanId: provincePlan.id,
    });
    assert.equal(created.statusCode, 201, created.body);
    const plan = created.json();
    assert.equal(plan.parentTitle, 'Kế hoạch thực hiện Chương trình OCOP tỉnh Lai Châu năm 2026');
    assert.equal(plan.indicators.length, 15);
    assert.ok(plan.indicators.every((i: { parentIndicatorId: string | null }) => i.parentIndicatorId !== null));

    // New cooperatives: a cooperative registered in the commune this year counts; one from 2025 does not.
    const cooperatives = () => indicatorOf(plan, 'new_cooperatives');
    const before = cooperatives().progress.achieved;
    const fresh = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: KHUN_HA });
    const old = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: KHUN_HA });
    await t.db.pool.query("UPDATE producers SET registration_date = '2026-02-01' WHERE id = $1", [fresh]);
    await t.db.pool.query("UPDATE producers SET registration_date = '2025-12-31' WHERE id = $1", [old]);
    let reread = (await commune.request('GET', `/api/plans/${plan.id}`)).json();
    assert.equal(indicatorOf(reread, 'new_cooperatives').progress.achieved, before + 1);

    // Producers trained: moves when a producer's person attends a training.
    const trainedBefore = indicatorOf(reread, 'producers_trained_percent').progress;
    const training = (await commune.request('POST', '/api/trainings', {
      provinceCode: LAI_CHAU, communeCode: KHUN_HA, organiserName: 'UBND xã Khun Há', title: 'Tập huấn OCOP xã Khun Há',
      startsOn: '2026-06-16', endsOn: '2026-06-16', place: 'Nhà văn hóa', targetAudiences: ['producers'], topicCodes: ['ocop_overview'],
    })).json();
    const session = (await commune.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-06-16', title: 'Cả ngày' })).json().sessions[0];
    const person = (await commune.request('POST', `/api/trainings/${training.id}/participants`, { fullName: 'Chủ nhiệm HTX', kind: 'producer', producerId: fresh })).json();
    await commune.request('PUT', `/api/trainings/${training.id}/sessions/${session.id}/attendance`, { entries: [{ participantId: person.id, present: true }] });
    reread = (await commune.request('GET', `/api/plans/${plan.id}`)).json();
    const trainedAfter = indicatorOf(reread, 'producers_trained_percent').progress;
    assert.ok(trainedAfter.achieved > (trainedBefore.achieved ?? 0), `${trainedBefore.achieved} → ${trainedAfter.achieved}`);

    // The province sees what its communes took on.
    const provinceView = (await province.request('GET', `/api/plans/${provincePlan.id}`)).json();
    assert.ok(provinceView.children.some((c: { id: string; communeName: string }) => c.id === plan.id && c.communeName === 'Xã Khun Há'));
    const fairs = indicatorOf(provinceView, 'fairs');
    assert.equal(fairs.cascade.childCount, 1);
    assert.equal(fairs.cascade.childTargetTotal, 1);

    // The commune reads the province plan but does not change it; the neighbour does not see the commune's plan.
    assert.equal((await commune.request('GET', `/api/plans/${provincePlan.id}`)).statusCode, 200);
    assert.equal((await commune.request('PATCH', `/api/plans/${provincePlan.id}`, { version: provinceView.version, title: 'Sửa kế hoạch tỉnh' })).statusCode, 403);
    assert.equal((await neighbour.request('GET', `/api/plans/${plan.id}`)).statusCode, 404);
    assert.equal((await otherProvince.request('GET', `/api/plans/${provincePlan.id}`)).statusCode, 404);
    const listed = (await neighbour.request('GET', '/api/plans?year=2026')).json().items.map((p: { id: string }) => p.id);
    assert.ok(listed.includes(provincePlan.id) && !listed.includes(plan.id));
  });

  test('a wrong parent plan, a wrong parent indicator', async () => {
    const base = { provinceCode: LAI_CHAU, communeCode: BUM_TO, year: 2026, title: 'Kế hoạch OCOP xã Bum Tở', legalReference: 'Kế hoạch 3/KH-UBND' };
    const otherYear = await neighbour.request('POST', '/api/plans', { ...base, year: 2027, parentPlanId: provincePlan.id });
    assert.deepEqual(paths(otherYear), ['parentPlanId']);
    const missing = await neighbour.request('POST', '/api/plans', { ...base, parentPlanId: '00000000-0000-4000-8000-000000000000' });
    assert.deepEqual(paths(missing), ['parentPlanId']);
    const noParent = await neighbour.request('POST', '/api/plans', {
      ...base,
      indicators: [{ kind: 'fairs', targetValue: 1, parentIndicatorId: provincePlan.indicators[0]!.id }],
    });
    assert.deepEqual(paths(noParent), ['indicators.0.parentIndicatorId']);
    const fairsId = provincePlan.indicators.find((i) => i.kind === 'fairs')!.id;
    const otherKind = await neighbour.request('POST', '/api/plans', {
      ...base,
      parentPlanId: provincePlan.id,
      indicators: [{ kind: 'linkage_projects', targetValue: 1, parentIndicatorId: fairsId }, { kind: 'fairs', targetValue: 1, parentIndicatorId: fairsId }],
    });
    assert.deepEqual(paths(otherKind), ['indicators.0.parentIndicatorId']);
  });

  test('every bad field at once; someone else’s unit; who may do what', async () => {
    const bad = await province.request('POST', '/api/plans', {
      provinceCode: LAI_CHAU,
      year: 1900,
      title: 'X',
      legalReference: '',
      indicators: [
        { kind: 'production_area', targetValue: 20, unit: 'kg' },
        { kind: 'unknown', targetValue: 1 },
        { kind: 'fairs', targetValue: 'mười' },
        { kind: 'star_target', targetValue: '3' },
        { kind: 'producers_trained_percent', targetValue: '120' },
      ],
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(paths(bad), [
      'indicators.0.productName', 'indicators.0.unit', 'indicators.1.kind', 'indicators.2.targetValue', 'indicators.3.starRating',
      'indicators.4.targetValue', 'legalReference', 'title', 'year',
    ]);
    assert.match(bad.json().error.details.issues.find((i: { path: string }) => i.path === 'indicators.2.targetValue').message, /“mười” không phải là số/);

    const base = { provinceCode: LAI_CHAU, year: 2026, title: 'Kế hoạch OCOP', legalReference: 'Kế hoạch 1/KH-UBND' };
    assert.equal((await commune.request('POST', '/api/plans', base)).statusCode, 403, 'a commune officer does not plan for the province');
    assert.equal((await commune.request('POST', '/api/plans', { ...base, communeCode: BUM_TO })).statusCode, 403);
    assert.equal((await otherProvince.request('POST', '/api/plans', base)).statusCode, 403);
    assert.equal((await ministry.request('POST', '/api/plans', base)).statusCode, 403);
    assert.deepEqual(paths(await province.request('POST', '/api/plans', { ...base, communeCode: '03203' })), ['communeCode']);
    assert.equal((await council.request('GET', '/api/plans')).statusCode, 403);
    assert.equal((await producer.request('GET', `/api/plans/${provincePlan.id}`)).statusCode, 404);
    assert.equal((await ministry.request('GET', `/api/plans/${provincePlan.id}`)).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/plans' })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/plans/${provincePlan.id}` })).statusCode, 401);

    // Editing the plan itself, and adding an indicator.
    const current = (await province.request('GET', `/api/plans/${provincePlan.id}`)).json();
    const renamed = await province.request('PATCH', `/api/plans/${provincePlan.id}`, { version: current.version, legalReference: 'Kế hoạch 90/KH-UBND ngày 11/3/2024 (sửa đổi)' });
    assert.equal(renamed.statusCode, 200, renamed.body);
    assert.equal((await province.request('PATCH', `/api/plans/${provincePlan.id}`, { version: current.version, title: 'Cũ hơn' })).statusCode, 409);
    assert.deepEqual(paths(await province.request('PATCH', `/api/plans/${provincePlan.id}`, { version: 0, title: '' })), ['title', 'version']);
    const added = await province.request('POST', `/api/plans/${provincePlan.id}/indicators`, { kind: 'star_target', starRating: 4, targetValue: 1 });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().indicators.length, current.indicators.length + 1);
    assert.deepEqual(paths(await province.request('POST', `/api/plans/${provincePlan.id}/indicators`, { kind: 'star_target', targetValue: 1, productName: 'x' })), ['productName', 'starRating']);
    assert.equal((await neighbour.request('POST', `/api/plans/${provincePlan.id}/indicators`, { kind: 'fairs', targetValue: 1 })).statusCode, 403);
    assert.equal((await province.request('PATCH', `/api/plans/${provincePlan.id}/indicators/00000000-0000-4000-8000-000000000000`, { version: 1, targetValue: 1 })).statusCode, 404);
  });
});
