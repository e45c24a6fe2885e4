import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertEveryRouteNeedsSession, createFixedClock, createProducerRecord, createTestApp, signInAs, type Client, type TestApp } from '../../../tests/support/test-app.ts';

// Lai Châu; Thu Lũm is used by these tests only; Tả Lèng is a neighbour.
const LAI_CHAU = '12';
const THU_LUM = '03439';
const TA_LENG = '03405';
const HA_NOI = '01';

const paths = (response: { json(): { error: { details: { issues: Array<{ path: string }> } } } }) =>
  response.json().error.details.issues.map((i) => i.path).sort();

describe('trade promotion: fairs and revenue, sales points, e-commerce listings', () => {
  let t: TestApp;
  let province: Client;
  let commune: Client;
  let neighbour: Client;
  let otherProvince: Client;
  let ministry: Client;
  let council: Client;
  let producer: Client;
  let otherProducer: Client;
  let producerId: string;
  let secondProducerId: string;
  let neighbourProducerId: string;
  let haNoiProducerId: string;

  const newFair = (overrides: Record<string, unknown> = {}) => ({
    provinceCode: LAI_CHAU,
    communeCode: THU_LUM,
    name: 'Hội chợ OCOP vùng Tây Bắc 2026',
    scope: 'out_of_province',
    startsOn: '2026-05-20',
    endsOn: '2026-05-24',
    place: 'Trung tâm Hội chợ triển lãm Lào Cai',
    ...overrides,
  });

  before(async () => {
    t = await createTestApp({ clock: createFixedClock('2026-06-15T09:00:00+07:00') });
    producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THU_LUM }, 'HTX Chè Thu Lũm');
    secondProducerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THU_LUM }, 'HTX Mật ong Thu Lũm');
    neighbourProducerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: TA_LENG });
    haNoiProducerId = await createProducerRecord(t.db, { provinceCode: HA_NOI, communeCode: '00004' });
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THU_LUM });
    neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: TA_LENG });
    otherProvince = await signInAs(t, { role: 'province_office', provinceCode: HA_NOI });
    ministry = await signInAs(t, { role: 'ministry_officer' });
    council = await signInAs(t, { role: 'council_member', provinceCode: LAI_CHAU });
    producer = await signInAs(t, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THU_LUM });
    otherProducer = await signInAs(t, { role: 'producer', producerId: secondProducerId, provinceCode: LAI_CHAU, communeCode: THU_LUM });
  });
  after(() => t.close());

  test('without a session every promotion route answers 401', async () => {
    const id = '8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e';
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/fairs'],
      ['POST', '/api/fairs', newFair()],
      ['GET', `/api/fairs/${id}`],
      ['PATCH', `/api/fairs/${id}`, { version: 1, name: 'Hội chợ OCOP mùa thu' }],
      ['POST', `/api/fairs/${id}/participants`, { producerId }],
      ['PATCH', `/api/fairs/${id}/participants/${id}`, { version: 1, visitors: 300 }],
      ['GET', '/api/sales-points'],
      ['POST', '/api/sales-points', { provinceCode: LAI_CHAU, communeCode: THU_LUM, name: 'Điểm bán OCOP Thu Lũm', streetAddress: 'Bản Thu Lũm' }],
      ['GET', `/api/sales-points/${id}`],
      ['PATCH', `/api/sales-points/${id}`, { version: 1, isActive: false }],
      ['GET', '/api/ecommerce-listings'],
      ['POST', '/api/ecommerce-listings', { producerId, productName: 'Chè Shan tuyết Thu Lũm', platform: 'shopee', url: 'https://shopee.vn/che-thu-lum' }],
      ['PATCH', `/api/ecommerce-listings/${id}`, { version: 1, isActive: false }],
      ['GET', `/api/producers/${producerId}/promotion`],
    ]);
  });

  test('a fair with participating producers, their products, visitors and sales; the producer reports its own', async () => {
    const created = await commune.request('POST', '/api/fairs', newFair());
    assert.equal(created.statusCode, 201, created.body);
    const fair = created.json();
    assert.deepEqual([fair.organiserLevel, fair.communeName, fair.participantCount, fair.totalRevenueVnd], ['commune', 'Xã Thu Lũm', 0, 0]);

    const added = await commune.request('POST', `/api/fairs/${fair.id}/participants`, {
      producerId, productNames: ['Chè Shan tuyết Thu Lũm'], booth: 'A12', visitors: 850, salesRevenueVnd: '12.500.000',
    });
    assert.equal(added.statusCode, 201, added.body);
    const second = await commune.request('POST', `/api/fairs/${fair.id}/participants`, { producerId: secondProducerId, productNames: ['Mật ong bạc hà'] });
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.json().participantCount, 2);
    assert.equal(second.json().totalRevenueVnd, 12_500_000, '“12.500.000” is read the Vietnamese way');
    assert.equal((await commune.request('POST', `/api/fairs/${fair.id}/participants`, { producerId })).statusCode, 409, 'once per fair');
    assert.deepEqual(paths(await commune.request('POST', `/api/fairs/${fair.id}/participants`, { producerId: neighbourProducerId })), ['producerId']);
    assert.deepEqual(paths(await commune.request('POST', `/api/fairs/${fair.id}/participants`, { producerId: 'x', visitors: -1, salesRevenueVnd: '12,5', productNames: ['A'] })), [
      'producerId', 'productNames.0', 'salesRevenueVnd', 'visitors',
    ]);

    // The producer reports its own sales and sees only its own line; not its neighbour's.
    const mine = second.json().participants.find((p: { producerId: string }) => p.producerId === secondProducerId);
    const reported = await otherProducer.request('PATCH', `/api/fairs/${fair.id}/participants/${mine.id}`, { version: mine.version, visitors: 300, salesRevenueVnd: 4_200_000 });
    assert.equal(reported.statusCode, 200, reported.body);
    assert.equal(reported.json().participants.length, 1, 'a producer sees only its own results');
    assert.equal(reported.json().totalRevenueVnd, 16_700_000);
    assert.equal((await otherProducer.request('PATCH', `/api/fairs/${fair.id}/participants/${mine.id}`, { version: mine.version, visitors: 1 })).statusCode, 409);
    const theirs = second.json().participants.find((p: { producerId: string }) => p.producerId === producerId);
    assert.equal((await otherProducer.request('PATCH', `/api/fairs/${fair.id}/participants/${theirs.id}`, { version: theirs.version, visitors: 1 })).statusCode, 404);
    assert.equal((await otherProducer.request('GET', `/api/fairs/${fair.id}`)).statusCode, 404, 'the fair’s list is the officers’');
    assert.equal((await ministry.request('PATCH', `/api/fairs/${fair.id}/participants/${theirs.id}`, { version: theirs.version, visitors: 1 })).statusCode, 403);

    // The producer's own promotion page.
    const promotion = await producer.request('GET', `/api/producers/${producerId}/promotion`);
    assert.equal(promotion.statusCode, 200, promotion.body);
    assert.deepEqual(promotion.json().fairs.map((f: { fairName: string; salesRevenueVnd: number }) => [f.fairName, f.salesRevenueVnd]), [['Hội chợ OCOP vùng Tây Bắc 2026', 12_500_000]]);
    assert.equal((await producer.request('GET', `/api/producers/${secondProducerId}/promotion`)).statusCode, 404);
    assert.equal((await neighbour.request('GET', `/api/producers/${producerId}/promotion`)).statusCode, 404);
    assert.equal((await council.request('GET', `/api/producers/${producerId}/promotion`)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/producers/${producerId}/promotion` })).statusCode, 401);

    // Editing the fair.
    const current = (await commune.request('GET', `/api/fairs/${fair.id}`)).json();
    const edited = await commune.request('PATCH', `/api/fairs/${fair.id}`, { version: current.version, scope: 'international', endsOn: '2026-05-25' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().scope, 'international');
    assert.equal((await commune.request('PATCH', `/api/fairs/${fair.id}`, { version: current.version, name: 'Cũ quá rồi' })).statusCode, 409);
    assert.deepEqual(paths(await commune.request('PATCH', `/api/fairs/${fair.id}`, { version: edited.json().version, endsOn: '2026-05-01' })), ['endsOn']);
    assert.equal((await neighbour.request('PATCH', `/api/fairs/${fair.id}`, { version: edited.json().version, name: 'Không phải của tôi' })).statusCode, 404);
    assert.equal((await province.request('GET', `/api/fairs/${fair.id}`)).statusCode, 200);
    assert.equal((await otherProvince.request('GET', `/api/fairs/${fair.id}`)).statusCode, 404);
    assert.ok((await province.request('GET', '/api/fairs?year=2026')).json().items.some((f: { id: string }) => f.id === fair.id));
    assert.ok(!(await province.request('GET', '/api/fairs?year=2025')).json().items.some((f: { id: string }) => f.id === fair.id));
  });

  test('fairs: every bad field at once; someone else’s unit; who may', async () => {
    const bad = await commune.request('POST', '/api/fairs', { provinceCode: '12', name: 'X', scope: 'galactic', startsOn: '2026-05-20', endsOn: '2026-05-19', place: '' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(paths(bad), ['endsOn', 'name', 'place', 'scope']);
    assert.equal((await commune.request('POST', '/api/fairs', newFair({ communeCode: TA_LENG }))).statusCode, 403);
    assert.equal((await commune.request('POST', '/api/fairs', newFair({ communeCode: null }))).statusCode, 403);
    assert.equal((await ministry.request('POST', '/api/fairs', newFair())).statusCode, 403);
    assert.equal((await producer.request('GET', '/api/fairs')).statusCode, 403);
    assert.equal((await council.request('GET', '/api/fairs')).statusCode, 403);
    assert.equal((await province.request('POST', '/api/fairs', newFair({ communeCode: null, scope: 'in_province' }))).statusCode, 201);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/fairs' })).statusCode, 401);
    assert.equal((await commune.request('GET', '/api/fairs/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });

  test('sales points: an address in a commune, products of the province’s producers', async () => {
    const created = await commune.request('POST', '/api/sales-points', {
      provinceCode: LAI_CHAU,
      communeCode: THU_LUM,
      name: 'Điểm giới thiệu và bán sản phẩm OCOP xã Thu Lũm',
      streetAddress: 'Bản Thu Lũm, cạnh UBND xã',
      phone: '0213 3876 543',
      openedOn: '2026-01-15',
      products: [{ producerId, productName: 'Chè Shan tuyết Thu Lũm' }, { producerId: neighbourProducerId, productName: 'Gạo Tả Lèng' }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const point = created.json();
    assert.equal(point.phone, '02133876543');
    assert.equal(point.products.length, 2);
    assert.deepEqual(paths(await commune.request('POST', '/api/sales-points', {
      provinceCode: LAI_CHAU, communeCode: THU_LUM, name: 'Điểm bán', streetAddress: 'Bản', products: [{ producerId: haNoiProducerId, productName: 'Hàng Hà Nội' }],
    })), ['products.0.producerId']);
    assert.deepEqual(paths(await commune.request('POST', '/api/sales-points', { provinceCode: LAI_CHAU, name: 'A', streetAddress: '', phone: '12' })), ['communeCode', 'name', 'phone', 'streetAddress']);
    assert.equal((await commune.request('POST', '/api/sales-points', { provinceCode: LAI_CHAU, communeCode: TA_LENG, name: 'Điểm bán xã bên', streetAddress: 'Bản' })).statusCode, 403);

    const closed = await commune.request('PATCH', `/api/sales-points/${point.id}`, { version: point.version, isActive: false, products: [{ producerId, productName: 'Chè Shan tuyết Thu Lũm' }] });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().isActive, false);
    assert.equal(closed.json().products.length, 1);
    assert.equal((await commune.request('PATCH', `/api/sales-points/${point.id}`, { version: point.version, name: 'Cũ' + 'x'.repeat(3) })).statusCode, 409);
    assert.equal((await neighbour.request('GET', `/api/sales-points/${point.id}`)).statusCode, 404);
    assert.equal((await ministry.request('PATCH', `/api/sales-points/${point.id}`, { version: 2, isActive: true })).statusCode, 403);
    assert.equal((await province.request('GET', `/api/sales-points/${point.id}`)).statusCode, 200);
    assert.ok((await province.request('GET', '/api/sales-points?active=false')).json().items.some((p: { id: string }) => p.id === point.id));
    assert.ok(!(await province.request('GET', '/api/sales-points?active=true')).json().items.some((p: { id: string }) => p.id === point.id));
    assert.equal((await producer.request('GET', '/api/sales-points')).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/sales-points' })).statusCode, 401);
  });

  test('e-commerce listings: the producer keeps its own; officers those of their unit', async () => {
    const own = await producer.request('POST', '/api/ecommerce-listings', { producerId, productName: 'Chè Shan tuyết Thu Lũm', platform: 'shopee', url: 'https://shopee.vn/che-thu-lum' });
    assert.equal(own.statusCode, 201, own.body);
    assert.equal((await producer.request('POST', '/api/ecommerce-listings', { producerId, productName: 'Chè', platform: 'shopee', url: 'https://shopee.vn/che-thu-lum' })).statusCode, 409);
    assert.deepEqual(paths(await producer.request('POST', '/api/ecommerce-listings', { producerId: secondProducerId, productName: 'Mật ong', platform: 'lazada', url: 'https://lazada.vn/mat-ong' })), ['producerId']);
    assert.deepEqual(paths(await producer.request('POST', '/api/ecommerce-listings', { producerId, productName: 'C', platform: 'amazon', url: 'shopee.vn/x' })), ['platform', 'productName', 'url']);
    const byOfficer = await commune.request('POST', '/api/ecommerce-listings', { producerId: secondProducerId, productName: 'Mật ong bạc hà', platform: 'postmart', url: 'https://postmart.vn/mat-ong' });
    assert.equal(byOfficer.statusCode, 201, byOfficer.body);
    assert.deepEqual(paths(await neighbour.request('POST', '/api/ecommerce-listings', { producerId, productName: 'Chè', platform: 'voso', url: 'https://voso.vn/che' })), ['producerId']);
    assert.equal((await ministry.request('POST', '/api/ecommerce-listings', { producerId, productName: 'Chè', platform: 'voso', url: 'https://voso.vn/che' })).statusCode, 403);

    const paused = await producer.request('PATCH', `/api/ecommerce-listings/${own.json().id}`, { version: 1, isActive: false });
    assert.equal(paused.statusCode, 200);
    assert.equal(paused.json().isActive, false);
    assert.equal((await producer.request('PATCH', `/api/ecommerce-listings/${own.json().id}`, { version: 1, isActive: true })).statusCode, 409);
    assert.equal((await otherProducer.request('PATCH', `/api/ecommerce-listings/${own.json().id}`, { version: 2, isActive: true })).statusCode, 404);
    assert.equal((await ministry.request('PATCH', `/api/ecommerce-listings/${own.json().id}`, { version: 2, isActive: true })).statusCode, 403);

    const mine = (await producer.request('GET', '/api/ecommerce-listings')).json().items;
    assert.deepEqual(mine.map((l: { producerId: string }) => l.producerId), [producerId], 'a producer lists only its own');
    const officer = (await commune.request('GET', '/api/ecommerce-listings')).json().items.map((l: { id: string }) => l.id);
    assert.ok(officer.includes(own.json().id) && officer.includes(byOfficer.json().id));
    assert.equal((await neighbour.request('GET', '/api/ecommerce-listings')).json().items.some((l: { id: string }) => l.id === own.json().id), false);
    assert.equal((await council.request('GET', '/api/ecommerce-listings')).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/ecommerce-listings' })).statusCode, 401);
  });
});
