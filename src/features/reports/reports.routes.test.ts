import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createFixedClock, createProducerRecord, createTestApp, signInAs, type Client, type TestApp } from '../../../tests/support/test-app.ts';

// Lai Châu; Pa Ủ is used by this test only, so its figures are exactly what the test made.
const LAI_CHAU = '12';
const PA_U = '03442';
const TA_LENG = '03405';

describe('yearly report of a unit: training, plan progress, fairs; Excel export', () => {
  let t: TestApp;
  let commune: Client;
  let neighbour: Client;
  let ministry: Client;
  let producerClient: Client;
  const query = `province=${LAI_CHAU}&commune=${PA_U}&year=2026`;

  before(async () => {
    t = await createTestApp({ clock: createFixedClock('2026-09-30T10:00:00+07:00') });
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: PA_U });
    neighbour = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: TA_LENG });
    ministry = await signInAs(t, { role: 'ministry_officer' });
    const producers = [
      await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: PA_U }, 'HTX Sa nhân Pa Ủ'),
      await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: PA_U }, 'HTX Thảo quả Pa Ủ'),
      await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: PA_U }, 'Hộ kinh doanh Lò Văn Chè'),
      await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: PA_U }, 'HTX Gạo Pa Ủ'),
    ];
    producerClient = await signInAs(t, { role: 'producer', producerId: producers[0]!, provinceCode: LAI_CHAU, communeCode: PA_U });

    // One training: 1 commune official, 2 producers' people present, 1 absent.
    const training = (await commune.request('POST', '/api/trainings', {
      provinceCode: LAI_CHAU, communeCode: PA_U, organiserName: 'UBND xã Pa Ủ', title: 'Tập huấn xây dựng câu chuyện sản phẩm',
      startsOn: '2026-04-07', endsOn: '2026-04-08', place: 'Nhà văn hóa bản Pa Ủ', targetAudiences: ['producers', 'commune_officials'],
      topicCodes: ['product_story', 'first_dossier'],
    })).json();
    const session = (await commune.request('POST', `/api/trainings/${training.id}/sessions`, { heldOn: '2026-04-07', title: 'Sáng' })).json().sessions[0];
    const register = async (body: Record<string, unknown>) => (await commune.request('POST', `/api/trainings/${training.id}/participants`, body)).json().id as string;
    const present = [
      await register({ fullName: 'Lò Văn Xã', kind: 'official', officialLevel: 'commune' }),
      await register({ fullName: 'Chu Thị Sa', kind: 'producer', producerId: producers[0] }),
      await register({ fullName: 'Pờ Văn Quả', kind: 'producer', producerId: producers[1] }),
    ];
    const absent = await register({ fullName: 'Lò Văn Vắng', kind: 'producer', producerId: producers[2] });
    const roll = await commune.request('PUT', `/api/trainings/${training.id}/sessions/${session.id}/attendance`, {
      entries: [...present.map((participantId) => ({ participantId, present: true })), { participantId: absent, present: false }],
    });
    assert.equal(roll.statusCode, 200, roll.body);

    // A plan with a production line that does not add up and a figure entered with evidence.
    const plan = (await commune.request('POST', '/api/plans', {
      provinceCode: LAI_CHAU, communeCode: PA_U, year: 2026, title: 'Kế hoạch OCOP xã Pa Ủ năm 2026', legalReference: 'Kế hoạch 21/KH-UBND ngày 02/3/2026',
      indicators: [
        { kind: 'producers_trained_percent', targetValue: 100 },
        { kind: 'production_area', productName: 'Sa nhân tím', targetValue: 100, unit: 'ha' },
        { kind: 'production_yield', productName: 'Sa nhân tím', targetValue: 50, unit: 'tạ/ha' },
        { kind: 'production_output', productName: 'Sa nhân tím', targetValue: 506, unit: 'tấn' },
      ],
    })).json();
    const area = plan.indicators.find((i: { kind: string }) => i.kind === 'production_area');
    await commune.request('POST', `/api/plans/${plan.id}/indicators/${area.id}/progress`, { value: '80', asOf: '2026-09-01', evidence: 'Báo cáo thống kê diện tích của xã' });

    // Two fairs with sales.
    for (const [name, scope, revenue] of [['Hội chợ OCOP tỉnh Lai Châu', 'in_province', 25_000_000], ['Hội chợ Nông sản Hà Nội', 'out_of_province', 1_234_567_890]] as const) {
      const fair = (await commune.request('POST', '/api/fairs', { provinceCode: LAI_CHAU, communeCode: PA_U, name, scope, startsOn: '2026-08-01', endsOn: '2026-08-03', place: 'Trung tâm hội nghị' })).json();
      const added = await commune.request('POST', `/api/fairs/${fair.id}/participants`, { producerId: producers[0], productNames: ['Sa nhân tím'], visitors: 1000, salesRevenueVnd: revenue });
      assert.equal(added.statusCode, 201, added.body);
    }
  });
  after(() => t.close());

  test('the report in JSON: people trained by audience, coverage, plan progress with warnings, fairs and revenue', async () => {
    const response = await commune.request('GET', `/api/reports/programme?${query}`);
    assert.equal(response.statusCode, 200, response.body);
    const report = response.json();
    assert.equal(report.unitName, 'Xã Pa Ủ, Tỉnh Lai Châu');
    assert.deepEqual(report.training.producers, { total: 4, trained: 2, percent: 50 });
    assert.deepEqual(report.training.peopleTrained, { provinceOfficials: 0, communeOfficials: 1, producers: 2, other: 0, total: 3 });
    assert.equal(report.training.trainings.length, 1);
    assert.deepEqual(report.training.trainings[0].topics, ['Xây dựng câu chuyện sản phẩm', 'Chuẩn bị hồ sơ đánh giá, phân hạng lần đầu']);
    assert.equal(report.training.trainings[0].registered, 4);

    const [plan] = report.plans;
    assert.equal(plan.indicators[0].achieved, 50, '2 of 4 producers trained');
    // 30 September: 273/365 of the year gone; 50% of the target → more than 10 but less than 25 points behind.
    assert.equal(plan.indicators[0].status, 'at_risk');
    assert.deepEqual([plan.indicators[1].achieved, plan.indicators[1].source, plan.indicators[1].evidence], [80, 'entered', 'Báo cáo thống kê diện tích của xã']);
    assert.equal(plan.warnings.length, 1);
    assert.match(plan.warnings[0], /^Sa nhân tím: 100 ha × 50 tạ\/ha = 500 tấn/);

    assert.equal(report.fairs.count, 2);
    assert.deepEqual(report.fairs.byScope, { in_province: 1, out_of_province: 1, international: 0 });
    assert.equal(report.fairs.revenueVnd, 1_259_567_890);
    assert.equal(report.fairs.visitors, 2000);
  });

  test('the Excel export has the headings officials use, numbers as numbers formatted #,##0', async () => {
    const response = await commune.request('GET', `/api/reports/programme/export.xlsx?${query}`);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /spreadsheetml/);
    assert.match(String(response.headers['content-disposition']), /bao-cao-ocop-03442-2026\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Tổng hợp', 'Sản phẩm', 'Tập huấn', 'Kế hoạch', 'Xúc tiến thương mại']);

    const training = workbook.getWorksheet('Tập huấn')!;
    // Rows 1–3: the administrative heading (issuing body, Biểu số; Quốc hiệu, tiêu ngữ, place and date).
    assert.equal(training.getCell('A2').value, 'Biểu số 03/BC-OCOP');
    assert.equal(training.getCell('A5').value, 'KẾT QUẢ TẬP HUẤN, BỒI DƯỠNG KIẾN THỨC OCOP');
    assert.equal(training.getCell('A6').value, 'Kỳ báo cáo: Năm 2026 (01/01/2026 – 31/12/2026)');
    assert.equal(training.getCell('A7').value, 'Đơn vị báo cáo: Xã Pa Ủ, Tỉnh Lai Châu. Số liệu tính đến ngày 30/09/2026.');
    assert.deepEqual((training.getRow(9).values as unknown[]).slice(1), [
      'STT', 'Tên lớp tập huấn', 'Đơn vị tổ chức', 'Thời gian', 'Địa điểm', 'Chuyên đề', 'Số buổi', 'Số người đăng ký',
      'Cán bộ cấp tỉnh', 'Cán bộ cấp xã', 'Chủ thể OCOP', 'Khác', 'Tổng số người tham dự',
    ]);
    assert.equal(training.getCell('D10').value, '07/04/2026 – 08/04/2026');
    assert.equal(training.getCell('M10').value, 3);
    assert.equal(training.getCell('M10').numFmt, '#,##0');

    const plans = workbook.getWorksheet('Kế hoạch')!;
    const texts = plans.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.filter((v) => typeof v === 'string') : [])) as string[];
    assert.ok(texts.includes('Tỷ lệ chủ thể được tập huấn'));
    assert.ok(texts.includes('Có nguy cơ chậm'));
    assert.ok(texts.some((text) => text.startsWith('Lưu ý: Sa nhân tím: 100 ha × 50 tạ/ha = 500 tấn')));
    assert.ok(texts.includes('Nguồn số liệu / Minh chứng'));

    const fairs = workbook.getWorksheet('Xúc tiến thương mại')!;
    assert.deepEqual((fairs.getRow(9).values as unknown[]).slice(1), ['STT', 'Tên hội chợ, sự kiện', 'Phạm vi', 'Thời gian', 'Địa điểm', 'Số chủ thể tham gia', 'Lượt khách', 'Doanh thu (đồng)']);
    assert.equal(fairs.getCell('C11').value, 'Ngoài tỉnh');
    assert.equal(fairs.getCell('H11').value, 1_234_567_890);
    assert.equal(fairs.getCell('H11').numFmt, '#,##0');
    assert.equal(fairs.getCell('B12').value, 'Tổng cộng');
    assert.equal(fairs.getCell('H12').value, 1_259_567_890);
  });

  test('who may read a unit’s report', async () => {
    assert.equal((await neighbour.request('GET', `/api/reports/programme?${query}`)).statusCode, 404);
    assert.equal((await neighbour.request('GET', `/api/reports/programme/export.xlsx?${query}`)).statusCode, 404);
    assert.equal((await ministry.request('GET', `/api/reports/programme?${query}`)).statusCode, 200);
    assert.equal((await producerClient.request('GET', `/api/reports/programme?${query}`)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/reports/programme?${query}` })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/reports/programme/export.xlsx?${query}` })).statusCode, 401);
    const bad = await ministry.request('GET', '/api/reports/programme/export.xlsx?province=x&year=20');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.issues.map((i: { path: string }) => i.path).sort(), ['querystring.province', 'querystring.year']);
    assert.equal((await commune.request('GET', '/api/reports/programme')).json().communeCode, PA_U, 'the officer’s own unit by default');
  });
});
