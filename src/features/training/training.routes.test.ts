import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertEveryRouteNeedsSession, createFixedClock, createProducerRecord, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';
import { participantWorkbook, readWorkbook, sendFile } from '../../../tests/support/spreadsheets.ts';
import { MAX_IMPORT_ROWS } from './participant-spreadsheet.ts';

// Lai Châu; Bản Bo is used by these tests only, so its counts are theirs; Tả Lèng is the neighbour.
const LAI_CHAU = '12';
const BAN_BO = '03424';
const TA_LENG = '03405';
const HA_NOI = '01';

const paths = (response: { json(): { error: { details: { issues: Array<{ path: string }> } } } }) =>
  response.json().error.details.issues.map((i) => i.path).sort();

describe('training: courses, participants, spreadsheet import, attendance, coverage', () => {
  let t: TestApp;
  let province: Client;
  let commune: Client;
  let neighbour: Client;
  let otherProvince: Client;
  let ministry: Client;
  let council: Client;
  let admin: Client;
  let producerClient: Client;
  let producerId: string;
  let secondProducerId: string;
  let neighbourProducerId: string;
  let producerName: string;

  const newTraining = (overrides: Record<string, unknown> = {}) => ({
    provinceCode: LAI_CHAU,
    communeCode: BAN_BO,
    organiserName: 'UBND xã Bản Bo',
    title: 'Tập huấn kiến thức OCOP năm 2026',
    startsOn: '2026-06-16',
    endsOn: '2026-06-17',
    place: 'Hội trường UBND xã Bản Bo',
    targetAudiences: ['commune_officials', 'producers'],
    topicCodes: ['ocop_overview', 'criteria_and_ranking', 'first_dossier'],
    ...overrides,
  });

  async function createTraining(client: Client = commune, overrides: Record<string, unknown> = {}) {
    const response = await client.request('POST', '/api/trainings', newTraining(overrides));
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  }

  before(async () => {
    t = await createTestApp({ clock: createFixedClock('2026-06-15T09:00:00+07:00') });
    producerName = `HTX Chè Bản Bo ${unique()}`;
    producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: BAN_BO }, producerName);
    secondProducerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: BAN_BO });
    await t.db.pool.query("UPDATE producers SET tax_code = $2, tax_code_root = $2 WHERE id = $1", [secondProducerId, `55${Math.floor(Math.random() * 1e8).toString().padStart(8, '0')}`]);
    neighbourProducerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: TA_LENG });
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: BAN_BO });
    neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: TA_LENG });
    otherProvince = await signInAs(t, { role: 'province_office', provinceCode: HA_NOI });
    ministry = await signInAs(t, { role: 'ministry_officer' });
    council = await signInAs(t, { role: 'council_member', provinceCode: LAI_CHAU });
    admin = await signInAs(t, { role: 'system_admin' });
    producerClient = await signInAs(t, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: BAN_BO });
  });
  after(() => t.close());

  test('without a session every training route answers 401', async () => {
    const id = '8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e';
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/training-topics'],
      ['GET', '/api/trainings'],
      ['POST', '/api/trainings', newTraining()],
      ['GET', `/api/trainings/${id}`],
      ['PATCH', `/api/trainings/${id}`, { version: 1, title: 'Tập huấn OCOP cho chủ thể mới' }],
      ['POST', `/api/trainings/${id}/sessions`, { heldOn: '2026-06-16', title: 'Buổi sáng' }],
      ['GET', `/api/trainings/${id}/participants`],
      ['POST', `/api/trainings/${id}/participants`, { fullName: 'Lò Văn Bình', kind: 'official', officialLevel: 'commune', phone: '0912 345 678', organisation: 'UBND xã' }],
      ['POST', `/api/trainings/${id}/participants/import`],
      ['GET', '/api/training-participants-template.xlsx'],
      ['PUT', `/api/trainings/${id}/sessions/${id}/attendance`, { entries: [{ participantId: id, present: true }] }],
      ['POST', `/api/trainings/${id}/sessions/${id}/check-in`],
      ['POST', `/api/trainings/${id}/sessions/${id}/check-in/close`],
      ['GET', `/api/trainings/${id}/participants/${id}/certificate`],
      ['GET', '/api/training-coverage'],
      ['GET', `/api/producers/${producerId}/trainings`],
    ]);
  });

  test('the topic catalogue is seeded', async () => {
    const topics = (await commune.request('GET', '/api/training-topics')).json().items;
    assert.deepEqual(topics.map((x: { code: string }) => x.code), [
      'ocop_overview', 'criteria_and_ranking', 'policies', 'business_plan', 'product_story', 'first_dossier', 'quality_management', 'trade_promotion',
    ]);
    assert.equal(topics[0].name, 'Tổng quan Chương trình OCOP');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/training-topics' })).statusCode, 401);
  });

  test('a commune officer creates and edits a training of the commune; others cannot', async () => {
    const training = await createTraining();
    assert.equal(training.organiserLevel, 'commune');
    assert.equal(training.communeName, 'Xã Bản Bo');
    assert.deepEqual(training.topics.map((x: { code: string }) => x.code), ['ocop_overview', 'criteria_and_ranking', 'first_dossier']);
    assert.equal(training.version, 1);

    const edited = await commune.request('PATCH', `/api/trainings/${training.id}`, { version: 1, title: 'Tập huấn OCOP cho chủ thể mới', topicCodes: ['policies'] });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().title, 'Tập huấn OCOP cho chủ thể mới');
    assert.deepEqual(edited.json().topics.map((x: { code: string }) => x.code), ['policies']);
    assert.equal((await commune.request('PATCH', `/api/trainings/${training.id}`, { version: 1, title: 'Cũ' + 'x'.repeat(5) })).statusCode, 409, 'stale version');

    // The province office manages it too; a neighbouring commune and another province do not see it.
    assert.equal((await province.request('GET', `/api/trainings/${training.id}`)).statusCode, 200);
    assert.equal((await ministry.request('GET', `/api/trainings/${training.id}`)).statusCode, 200);
    assert.equal((await neighbour.request('GET', `/api/trainings/${training.id}`)).statusCode, 404);
    assert.equal((await otherProvince.request('PATCH', `/api/trainings/${training.id}`, { version: 2, title: 'Không được sửa' })).statusCode, 404);
    assert.equal((await ministry.request('PATCH', `/api/trainings/${training.id}`, { version: 2, title: 'Bộ chỉ đọc' })).statusCode, 403);
    assert.equal((await council.request('GET', `/api/trainings/${training.id}`)).statusCode, 404);
    assert.equal((await council.request('GET', '/api/trainings')).statusCode, 403);
    assert.equal((await producerClient.request('GET', '/api/trainings')).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/trainings/${training.id}` })).statusCode, 401);
    assert.equal((await commune.request('GET', `/api/trainings/00000000-0000-4000-8000-000000000000`)).statusCode, 404);

    // Lists follow the scope.
    const mine = (await commune.request('GET', '/api/trainings?year=2026')).json();
    assert.ok(mine.items.some((x: { id: string }) => x.id === training.id));
    assert.ok(mine.items.every((x: { communeCode: string }) => x.communeCode === BAN_BO));
    assert.ok(!(await neighbour.request('GET', '/api/trainings')).json().items.some((x: { id: string }) => x.id === training.id));
    assert.ok((await province.request('GET', `/api/trainings?commune=${BAN_BO}`)).json().items.some((x: { id: string }) => x.id === training.id));
    assert.equal((await otherProvince.request('GET', '/api/trainings')).json().items.some((x: { id: string }) => x.id === training.id), false);
  });

  test('creating: every bad field at once, in Vietnamese; someone else’s unit is refused', async () => {
    const bad = await commune.request('POST', '/api/trainings', {
      provinceCode: '1',
      communeCode: 'abc',
      organiserName: '',
      title: 'X',
      startsOn: '2026-02-30',
      endsOn: '2026-06-01',
      place: '',
      targetAudiences: [],
      topicCodes: [],
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(paths(bad), ['communeCode', 'organiserName', 'place', 'provinceCode', 'startsOn', 'targetAudiences', 'title', 'topicCodes']);
    assert.match(bad.json().error.details.issues.find((i: { path: string }) => i.path === 'title').message, /Tên lớp tập huấn cần ít nhất 3 ký tự/);

    const backwards = await commune.request('POST', '/api/trainings', newTraining({ startsOn: '2026-06-20', endsOn: '2026-06-19', title: 'X' }));
    assert.deepEqual(paths(backwards), ['endsOn', 'title'], 'the date order is reported with the other problems');

    const unknown = await commune.request('POST', '/api/trainings', newTraining({ topicCodes: ['ocop_overview', 'astrology'], communeCode: '03203' }));
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(paths(unknown), ['communeCode', 'topicCodes.1']);

    assert.equal((await commune.request('POST', '/api/trainings', newTraining({ communeCode: TA_LENG }))).statusCode, 403);
    assert.equal((await commune.request('POST', '/api/trainings', newTraining({ communeCode: null }))).statusCode, 403, 'a commune officer does not organise for the province');
    assert.equal((await ministry.request('POST', '/api/trainings', newTraining())).statusCode, 403);
    const provinceWide = await province.request('POST', '/api/trainings', newTraining({ communeCode: null, organiserName: 'Văn phòng Điều phối NTM tỉnh' }));
    assert.equal(provinceWide.statusCode, 201);
    assert.equal(provinceWide.json().organiserLevel, 'province');
    assert.equal((await commune.request('GET', `/api/trainings/${provinceWide.json().id}`)).statusCode, 404, 'a commune officer manages the commune’s own trainings');
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/trainings', payload: newTraining() })).statusCode, 403, 'no CSRF token');
  });

  test('sessions lie within the training’s dates', async () => {
    const training = await createTraining();
    const outside = await commune.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-06-20', title: 'Buổi sáng' });
    assert.equal(outside.statusCode, 400);
    assert.deepEqual(paths(outside), ['heldOn']);
    assert.deepEqual(paths(await commune.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: 'mai', title: '' })), ['heldOn', 'title']);
    const added = await commune.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-06-16', title: 'Buổi sáng' });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().sessions.length, 1);
    assert.equal((await commune.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-06-16', title: 'Buổi sáng' })).statusCode, 409);
    assert.equal((await neighbour.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-06-16', title: 'Chiều' })).statusCode, 404);
    assert.equal((await ministry.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-06-16', title: 'Chiều' })).statusCode, 403);
    // The dates cannot shrink past a session.
    const shrink = await commune.request('PATCH', `/api/trainings/${training.id}`, { version: added.json().version, startsOn: '2026-06-17' });
    assert.equal(shrink.statusCode, 400);
    assert.deepEqual(paths(shrink), ['startsOn']);
  });

  test('registering one participant: kinds, producer in the unit, duplicates', async () => {
    const training = await createTraining();
    const url = `/api/trainings/${training.id}/participants`;
    const official = await commune.request('POST', url, { fullName: 'Lò Văn Bình', kind: 'official', officialLevel: 'commune', phone: '0912 345 678', organisation: 'UBND xã' });
    assert.equal(official.statusCode, 201, official.body);
    assert.equal(official.json().phone, '0912345678');
    assert.equal(official.json().number, 1);
    const person = await commune.request('POST', url, { fullName: 'Lò Thị Hoa', kind: 'producer', producerId });
    assert.equal(person.statusCode, 201, person.body);
    assert.equal(person.json().producerName, producerName);
    assert.equal(person.json().number, 2);

    assert.equal((await commune.request('POST', url, { fullName: 'lo van binh', kind: 'official', officialLevel: 'commune', phone: '0912345678' })).statusCode, 409, 'same person, other accents');
    const bad = await commune.request('POST', url, { fullName: 'A', kind: 'official', producerId, phone: '12' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(paths(bad), ['fullName', 'officialLevel', 'phone', 'producerId']);
    assert.deepEqual(paths(await commune.request('POST', url, { fullName: 'Người của HTX', kind: 'producer' })), ['producerId']);
    const elsewhere = await commune.request('POST', url, { fullName: 'Người xã bên', kind: 'producer', producerId: neighbourProducerId });
    assert.equal(elsewhere.statusCode, 400);
    assert.deepEqual(paths(elsewhere), ['producerId']);
    assert.equal((await neighbour.request('POST', url, { fullName: 'Ai đó', kind: 'other' })).statusCode, 404);
    assert.equal((await ministry.request('POST', url, { fullName: 'Ai đó', kind: 'other' })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401);
    const list = (await province.request('GET', url)).json().items;
    assert.deepEqual(list.map((p: { fullName: string }) => p.fullName), ['Lò Văn Bình', 'Lò Thị Hoa']);
    assert.equal((await neighbour.request('GET', url)).statusCode, 404);
  });

  test('importing from .xlsx: the preview lists every row’s problems; the import is all or nothing', async () => {
    const training = await createTraining();
    const url = `/api/trainings/${training.id}/participants/import`;
    const taxCode = (await t.db.pool.query<{ tax_code: string }>('SELECT tax_code FROM producers WHERE id = $1', [secondProducerId])).rows[0]!.tax_code;
    const rows = [
      [1, 'Nguyễn Văn An', 'Cán bộ xã', '', 912345670, 'UBND xã Bản Bo'],
      [2, 'Lò Thị Mai', 'Chủ thể OCOP', producerName, '0987 654 321', ''],
      [3, '', 'Cán bộ tỉnh', '', '', 'Sở Nông nghiệp'],
      [4, 'Vàng A Dơ', 'Nông dân', '', 'abc', ''],
      [5, 'Nguyễn Văn An', 'Cán bộ xã', '', '0912345670', ''],
      [6, 'Tẩn Thị Sử', 'Chủ thể', 'HTX Không Tồn Tại', '', ''],
    ];
    const preview = await sendFile(t, commune, 'POST', `${url}?dryRun=true`, await participantWorkbook(rows));
    assert.equal(preview.statusCode, 200, preview.body);
    const body = preview.json();
    assert.equal(body.dryRun, true);
    assert.equal(body.totalRows, 6);
    assert.equal(body.validRows, 2);
    const errorsOf = (row: number) => body.rows.find((r: { row: number }) => r.row === row).errors.map((e: { column: string; message: string }) => `${e.column}: ${e.message}`);
    assert.deepEqual(errorsOf(3), []);
    assert.equal(body.rows[0].phone, '0912345670', 'Excel dropped the leading 0 of the phone number; it is put back');
    assert.equal(body.rows[1].producerId, producerId, 'the producer is found by its name');
    // Row numbers are the spreadsheet's own: a title line, the headings, then the first person on row 3.
    assert.deepEqual(errorsOf(5), ['Họ và tên: Không được để trống.']);
    assert.equal(errorsOf(6).length, 2);
    assert.match(errorsOf(6)[0], /^Đối tượng: “Nông dân” không phải đối tượng hợp lệ/);
    assert.match(errorsOf(6)[1], /^Số điện thoại: “abc”/);
    assert.deepEqual(errorsOf(7), ['Họ và tên: Trùng với dòng 3 của tệp (cùng họ tên và số điện thoại).']);
    assert.match(errorsOf(8)[0], /^Chủ thể OCOP \(mã số thuế hoặc tên\): Không có chủ thể tên “HTX Không Tồn Tại”/);
    assert.equal((await commune.request('GET', `/api/trainings/${training.id}/participants`)).json().items.length, 0, 'a preview writes nothing');

    const refused = await sendFile(t, commune, 'POST', url, await participantWorkbook(rows));
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().error.message, /chưa nhập người nào/);
    assert.deepEqual(refused.json().error.details.issues.map((i: { path: string }) => i.path), [
      'rows.5.fullName', 'rows.6.kind', 'rows.6.phone', 'rows.7.fullName', 'rows.8.producer',
    ]);
    assert.match(refused.json().error.details.issues[0].message, /^Dòng 5, cột “Họ và tên”/);
    assert.equal((await commune.request('GET', `/api/trainings/${training.id}/participants`)).json().items.length, 0, 'all or nothing');

    const good = [
      [1, 'Nguyễn Văn An', 'Cán bộ xã', '', 912345670, 'UBND xã Bản Bo'],
      [2, 'Lò Thị Mai', 'Chủ thể OCOP', producerName, '0987 654 321', ''],
      [3, 'Hoàng Văn Tỉnh', 'cán bộ cấp tỉnh', '', '', 'Sở Nông nghiệp và Môi trường'],
      [4, 'Tẩn Thị Sử', 'Hợp tác xã', taxCode, '', ''],
      [5, 'Giàng A Pó', 'Khác', '', '', ''],
    ];
    const imported = await sendFile(t, commune, 'POST', url, await participantWorkbook(good, { titleRows: 2 }));
    assert.equal(imported.statusCode, 200, imported.body);
    assert.equal(imported.json().imported, 5);
    const list = (await commune.request('GET', `/api/trainings/${training.id}/participants`)).json().items;
    assert.deepEqual(list.map((p: { number: number; kind: string; officialLevel: string | null }) => [p.number, p.kind, p.officialLevel]), [
      [1, 'official', 'commune'], [2, 'producer', null], [3, 'official', 'province'], [4, 'producer', null], [5, 'other', null],
    ]);
    assert.equal(list[3].producerId, secondProducerId, 'matched by tax code');
    assert.ok(list.every((p: { source: string }) => p.source === 'imported'));

    // Importing the same file again: everyone is already there.
    const again = await sendFile(t, commune, 'POST', `${url}?dryRun=1`, await participantWorkbook(good));
    assert.equal(again.json().validRows, 0);
    assert.match(again.json().rows[0].errors[0].message, /đã có trong danh sách lớp \(số thứ tự 1\)/);
  });

  test('importing: unreadable files, missing headings, size and row limits, wrong people', async () => {
    const training = await createTraining();
    const url = `/api/trainings/${training.id}/participants/import?dryRun=true`;
    const csv = await sendFile(t, commune, 'POST', url, Buffer.from('Họ và tên,Đối tượng\nA,B\n'));
    assert.equal(csv.statusCode, 400);
    assert.match(csv.json().error.message, /không phải bảng tính Excel \.xlsx/);
    const noHeading = await sendFile(t, commune, 'POST', url, await participantWorkbook([[1, 'A B', 'Khác']], { headings: ['STT', 'Tên', 'Loại'] }));
    assert.equal(noHeading.statusCode, 400);
    assert.match(noHeading.json().error.message, /Không tìm thấy dòng tiêu đề có cột “Họ và tên”/);
    const tooMany = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [i + 1, `Người ${i + 1}`, 'Khác', '', '', '']);
    const long = await sendFile(t, commune, 'POST', url, await participantWorkbook(tooMany));
    assert.equal(long.statusCode, 400);
    assert.match(long.json().error.message, new RegExp(`hơn ${MAX_IMPORT_ROWS} dòng`));
    const huge = await sendFile(t, commune, 'POST', url, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(3 * 1024 * 1024)]));
    assert.equal(huge.statusCode, 413);
    const json = await commune.request('POST', url, { rows: [] });
    assert.equal(json.statusCode, 400);
    const workbook = await participantWorkbook([[1, 'Ai Đó', 'Khác']]);
    assert.equal((await sendFile(t, neighbour, 'POST', url, workbook)).statusCode, 404);
    assert.equal((await sendFile(t, ministry, 'POST', url, workbook)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'POST', url, payload: workbook, headers: { 'content-type': 'application/octet-stream' } })).statusCode, 403, 'no CSRF token');
    assert.deepEqual(paths(await sendFile(t, commune, 'POST', `/api/trainings/${training.id}/participants/import?dryRun=maybe`, workbook)), ['querystring.dryRun']);

    const template = await commune.request('GET', '/api/training-participants-template.xlsx');
    assert.equal(template.statusCode, 200);
    const sheets = await readWorkbook(template.rawPayload);
    assert.deepEqual(sheets.get('Danh sách học viên')![0], ['STT', 'Họ và tên', 'Đối tượng', 'Chủ thể OCOP (mã số thuế hoặc tên)', 'Số điện thoại', 'Đơn vị công tác']);
    assert.equal((await producerClient.request('GET', '/api/training-participants-template.xlsx')).statusCode, 403);
  });

  test('roll call, certificates, coverage that moves, and the producer’s own trainings', async () => {
    const year = 2026;
    const coverageUrl = `/api/training-coverage?province=${LAI_CHAU}&commune=${BAN_BO}&year=${year}`;
    const start = (await commune.request('GET', coverageUrl)).json();
    assert.ok(start.producers.total >= 2);
    assert.equal(start.unitName, 'Xã Bản Bo, Tỉnh Lai Châu');

    const training = await createTraining();
    await commune.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-06-16', title: 'Sáng' });
    const detail = (await commune.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-06-17', title: 'Sáng' })).json();
    const [first, second] = detail.sessions;
    const url = `/api/trainings/${training.id}/participants`;
    const mai = (await commune.request('POST', url, { fullName: 'Lò Thị Mai', kind: 'producer', producerId: secondProducerId })).json();
    const officer = (await commune.request('POST', url, { fullName: 'Lường Văn Xã', kind: 'official', officialLevel: 'commune' })).json();
    const late = (await commune.request('POST', url, { fullName: 'Người Đến Muộn', kind: 'other' })).json();

    const registeredOnly = (await commune.request('GET', coverageUrl)).json();
    assert.equal(registeredOnly.producers.trained, start.producers.trained, 'registered is not trained');

    const rollCall = await commune.request('PUT', `/api/trainings/${training.id}/sessions/${first.id}/attendance`, {
      entries: [{ participantId: mai.id, present: true }, { participantId: officer.id, present: true }, { participantId: late.id, present: false }],
    });
    assert.equal(rollCall.statusCode, 200, rollCall.body);
    assert.equal(rollCall.json().session.presentCount, 2);
    assert.equal(rollCall.json().session.recordedCount, 3);

    const after = (await commune.request('GET', coverageUrl)).json();
    assert.equal(after.producers.trained, start.producers.trained + 1, 'coverage moves when a producer’s person is present');
    assert.equal(after.peopleTrained.communeOfficials, start.peopleTrained.communeOfficials + 1);
    assert.equal(after.peopleTrained.other, start.peopleTrained.other, 'absent people are not counted');
    assert.equal(after.producers.percent, Math.round((after.producers.trained / after.producers.total) * 1000) / 10);
    assert.equal(after.trainingsHeld, start.trainingsHeld + 1);

    // Bad roll calls: every bad entry at once; someone from another training; repeated entries.
    const other = await createTraining();
    const stranger = (await commune.request('POST', `/api/trainings/${other.id}/participants`, { fullName: 'Người Lớp Khác', kind: 'other' })).json();
    const bad = await commune.request('PUT', `/api/trainings/${training.id}/sessions/${first.id}/attendance`, {
      entries: [{ participantId: stranger.id, present: true }, { participantId: mai.id, present: true }, { participantId: mai.id, present: false }],
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(paths(bad), ['entries.0.participantId', 'entries.2.participantId']);
    assert.deepEqual(paths(await commune.request('PUT', `/api/trainings/${training.id}/sessions/${first.id}/attendance`, { entries: [{ participantId: 'x', present: 'yes' }] })), ['entries.0.participantId', 'entries.0.present']);
    assert.equal((await commune.request('PUT', `/api/trainings/${other.id}/sessions/${first.id}/attendance`, { entries: [{ participantId: stranger.id, present: true }] })).statusCode, 404, 'a session of another training');
    assert.equal((await neighbour.request('PUT', `/api/trainings/${training.id}/sessions/${first.id}/attendance`, { entries: [{ participantId: mai.id, present: true }] })).statusCode, 404);
    assert.equal((await ministry.request('PUT', `/api/trainings/${training.id}/sessions/${first.id}/attendance`, { entries: [{ participantId: mai.id, present: true }] })).statusCode, 403);

    // Certificates: all sessions attended.
    const certificateUrl = `/api/trainings/${training.id}/participants/${mai.id}/certificate`;
    let certificate = (await commune.request('GET', certificateUrl)).json();
    assert.equal(certificate.eligible, false);
    assert.match(certificate.reason, /Mới dự 1\/2 buổi/);
    await commune.request('PUT', `/api/trainings/${training.id}/sessions/${second.id}/attendance`, { entries: [{ participantId: mai.id, present: true }] });
    certificate = (await commune.request('GET', certificateUrl)).json();
    assert.equal(certificate.eligible, true);
    assert.equal(certificate.sessionsAttended, 2);
    assert.match(certificate.certificateNumber, /^TH-2026-[0-9A-F]{8}-001$/);
    assert.equal(certificate.issuedOn, '2026-06-15');
    assert.equal((await neighbour.request('GET', certificateUrl)).statusCode, 404);
    assert.equal((await producerClient.request('GET', certificateUrl)).statusCode, 404, 'another producer’s person');
    assert.equal((await t.app.inject({ method: 'GET', url: certificateUrl })).statusCode, 401);

    // The producer's profile lists its trainings; the producer reads its own, not others'.
    const ownPerson = (await commune.request('POST', url, { fullName: 'Lò Thị Hoa', kind: 'producer', producerId })).json();
    await commune.request('PUT', `/api/trainings/${training.id}/sessions/${first.id}/attendance`, { entries: [{ participantId: ownPerson.id, present: true }] });
    const own = await producerClient.request('GET', `/api/producers/${producerId}/trainings`);
    assert.equal(own.statusCode, 200, own.body);
    const entry = own.json().items.find((x: { trainingId: string }) => x.trainingId === training.id);
    assert.deepEqual([entry.fullName, entry.sessionsAttended, entry.sessionsTotal, entry.certificateEligible], ['Lò Thị Hoa', 1, 2, false]);
    assert.equal((await producerClient.request('GET', `/api/trainings/${training.id}/participants/${ownPerson.id}/certificate`)).statusCode, 200, 'its own certificate');
    assert.equal((await producerClient.request('GET', `/api/producers/${secondProducerId}/trainings`)).statusCode, 404);
    assert.equal((await neighbour.request('GET', `/api/producers/${producerId}/trainings`)).statusCode, 404);
    assert.equal((await council.request('GET', `/api/producers/${producerId}/trainings`)).statusCode, 403);
    assert.equal((await province.request('GET', `/api/producers/${producerId}/trainings`)).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/producers/${producerId}/trainings` })).statusCode, 401);
  });

  test('coverage: scope, defaults and bad units', async () => {
    const mine = await commune.request('GET', '/api/training-coverage');
    assert.equal(mine.statusCode, 200);
    assert.deepEqual([mine.json().communeCode, mine.json().year], [BAN_BO, 2026], 'the officer’s own commune, this year by the clock');
    const whole = (await province.request('GET', '/api/training-coverage?year=2026')).json();
    assert.equal(whole.communeCode, null);
    assert.ok(whole.trainingsHeld >= 1);
    assert.equal((await neighbour.request('GET', `/api/training-coverage?province=${LAI_CHAU}&commune=${BAN_BO}`)).statusCode, 404);
    assert.equal((await commune.request('GET', `/api/training-coverage?province=${LAI_CHAU}`)).statusCode, 404, 'a commune officer does not see the province');
    assert.equal((await otherProvince.request('GET', `/api/training-coverage?province=${LAI_CHAU}`)).statusCode, 404);
    assert.equal((await ministry.request('GET', `/api/training-coverage?province=${LAI_CHAU}`)).statusCode, 200);
    assert.equal((await council.request('GET', `/api/training-coverage?province=${LAI_CHAU}`)).statusCode, 403);
    assert.deepEqual(paths(await admin.request('GET', '/api/training-coverage')), ['querystring.province']);
    assert.deepEqual(paths(await admin.request('GET', '/api/training-coverage?province=1&commune=2&year=1900')), ['querystring.commune', 'querystring.province', 'querystring.year']);
    assert.deepEqual(paths(await admin.request('GET', `/api/training-coverage?province=${LAI_CHAU}&commune=03203`)), ['querystring.commune']);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/training-coverage' })).statusCode, 401);
  });
});
