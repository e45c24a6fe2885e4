import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, createFixedClock, startOfLocalDate } from '../../core/clock/index.ts';
import { runDueJobs, scheduleDailyJobs } from '../../core/jobs/index.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { certificateJobHandlers } from '../certificates/index.ts';
import { DOSSIER_DEADLINE_HOUR, dossierDeadlineJob } from '../dossiers/index.ts';
import { createCertifiedProduct, type CertifiedProduct } from '../../../tests/support/certificates.ts';
import { createReadyDossier, expectStatus } from '../../../tests/support/dossiers.ts';
import { createProducerRecord, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';

// Đồng Tháp: no channel is configured for it in the tests, so every message stays 'held' — what would
// have been sent is exactly what these tests read. Certificates of 2016 expire in 2019: the job runs
// below (2018–2019) reach no other file's reminders.
const DONG_THAP = '82';
const ISSUED_ON = '2016-03-01';

interface Row {
  channel: string;
  subjectKind: string;
  subjectId: string;
  address: string | null;
  subject: string;
  body: string;
  sms: string;
  status: string;
}

describe('reminders that reach people outside the app', () => {
  let t: TestApp;
  let commune: string;
  let officer: Client;
  let officerId: string;
  let province: Client;

  const outbox = async (dedupeKey: string) =>
    (
      await t.db.pool.query<Row>(
        `SELECT channel, subject_kind AS "subjectKind", subject_id AS "subjectId", address, subject, body, sms, status
           FROM notice_messages WHERE dedupe_key = $1 ORDER BY subject_kind, channel`,
        [dedupeKey],
      )
    ).rows;
  const inApp = async (userId: string, kind: string) =>
    (await t.db.pool.query<{ title: string; link: string }>('SELECT title, link FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at', [userId, kind])).rows;
  const producerWithContact = async () => {
    const producerId = await createProducerRecord(t.db, { provinceCode: DONG_THAP, communeCode: commune }, `Hộ ${unique()}`);
    await t.db.pool.query('UPDATE producers SET phone = $2, email = $3 WHERE id = $1', [producerId, '0918 222 333', `ho.${unique()}@example.vn`]);
    return producerId;
  };
  const stockist = async (product: CertifiedProduct, phone: string) => {
    const created = await officer.request('POST', '/api/sales-points', {
      provinceCode: DONG_THAP,
      communeCode: commune,
      name: `Điểm bán OCOP ${unique()}`,
      streetAddress: 'Chợ xã',
      phone,
      email: `diemban.${unique()}@example.vn`,
      products: [{ producerId: product.producerId, productName: product.productName }],
    });
    assert.equal(created.statusCode, 201, created.body);
    return created.json().id as string;
  };

  before(async () => {
    t = await createTestApp();
    commune = (await t.db.pool.query<{ code: string }>(`SELECT code FROM admin_units WHERE version_id = $1 AND level = 'commune' AND province_code = $2 ORDER BY code LIMIT 1`, [CURRENT_UNITS_VERSION, DONG_THAP])).rows[0]!.code;
    officer = await signInAs(t, { role: 'commune_officer', provinceCode: DONG_THAP, communeCode: commune });
    officerId = officer.userId;
    await expectStatus(officer, 'PUT', '/api/me/notice-settings', { email: 'canbo.ocop@dongthap.gov.vn', phone: '0939 111 222', channels: ['email', 'sms'], optedOutKinds: [] }, 200);
    province = await signInAs(t, { role: 'province_office', provinceCode: DONG_THAP });
  });
  after(() => t.close());

  test('a certificate’s window opens, closes in 14 days, expires: the producer (even without an account) and its commune are told; stockists once', async () => {
    const producerId = await producerWithContact();
    const product = await createCertifiedProduct(t.db, { provinceCode: DONG_THAP, communeCode: commune, producerId, productName: `Khô cá lóc Tràm Chim ${unique()}`, issuedOn: ISSUED_ON });
    const shop = await stockist(product, '0907 654 321');
    const run = (instant: string) => runDueJobs(t.db, createFixedClock(instant), certificateJobHandlers);
    const id = product.certificate.id;

    await run('2018-09-03T03:00:00Z'); // 180 days before 01/03/2019
    const opens = await outbox(`certificates.re-evaluation-window-opens:${id}`);
    const producerRows = opens.filter((row) => row.subjectKind === 'producer');
    assert.deepEqual(producerRows.map((row) => row.channel), ['email', 'sms', 'zalo']);
    assert.equal(producerRows.find((row) => row.channel === 'sms')!.address, '+84918222333');
    assert.match(producerRows.find((row) => row.channel === 'sms')!.sms, new RegExp(`GCN ${product.certificate.number} .* het han 01/03/2019\\. Nop ho so danh gia lai truoc 01/11/2018`));
    assert.equal(producerRows.find((row) => row.channel === 'email')!.subject, `Đến hạn nộp hồ sơ đánh giá lại: ${product.productName}`);
    assert.ok(opens.some((row) => row.subjectKind === 'user' && row.subjectId === officerId && row.channel === 'sms' && row.address === '+84939111222'), 'the commune officer too');
    assert.equal((await inApp(officerId, 'certificate.re_evaluation_window_opens')).filter((n) => n.link === `/admin/certificates/${id}`).length, 1);
    assert.ok(!opens.some((row) => row.subjectKind === 'sales_point'), 'shops are not told while the star holds');

    await run('2018-10-19T03:00:00Z'); // 14 days before the window closes (01/11/2018)
    const closes = await outbox(`certificates.re-evaluation-window-closes:${id}`);
    assert.ok(closes.some((row) => row.subjectKind === 'producer' && row.channel === 'sms' && row.sms.includes('01/11/2018')));

    await run('2019-03-02T03:00:00Z');
    const expired = await outbox(`certificates.expired:${id}`);
    assert.ok(expired.some((row) => row.subjectKind === 'producer'));
    const told = await outbox(`certificate.stockist_lapsed:${id}`);
    assert.deepEqual(told.map((row) => [row.subjectKind, row.subjectId, row.channel]), [['sales_point', shop, 'email'], ['sales_point', shop, 'sms'], ['sales_point', shop, 'zalo']]);
    const sms = told.find((row) => row.channel === 'sms')!;
    assert.equal(sms.address, '+84907654321');
    assert.ok(sms.sms.includes(`${t.config.publicBaseUrl}/xac-minh/${product.certificate.publicToken}`), sms.sms);
    assert.match(told.find((row) => row.channel === 'email')!.body, /đã hết hạn ngày 01\/03\/2019/);
    await run('2019-03-05T03:00:00Z');
    assert.equal((await outbox(`certificate.stockist_lapsed:${id}`)).length, 3, 'once');
  });

  test('a revoked certificate: the shops that sell the product are told, with the verification link', async () => {
    const producerId = await producerWithContact();
    const product = await createCertifiedProduct(t.db, { provinceCode: DONG_THAP, communeCode: commune, producerId, productName: `Bánh phồng tôm Sa Giang ${unique()}`, issuedOn: '2026-06-01' });
    const shop = await stockist(product, '0908 765 432');
    await expectStatus(province, 'POST', `/api/certificates/${product.certificate.id}/revoke`, {
      ground: 'law_violation', findingOn: '2026-11-20', decidedOn: '2026-11-25', decisionNumber: '2345/QĐ-UBND', reason: 'Vi phạm ghi nhãn hàng hóa theo kết luận thanh tra.',
    }, 200);
    const told = await outbox(`certificate.stockist_lapsed:${product.certificate.id}`);
    assert.ok(told.length >= 2 && told.every((row) => row.subjectKind === 'sales_point' && row.subjectId === shop), JSON.stringify(told));
    assert.match(told.find((row) => row.channel === 'email')!.body, /bị thu hồi theo Quyết định số 2345\/QĐ-UBND ngày 25\/11\/2026/);
    assert.ok(told.find((row) => row.channel === 'email')!.body.includes(`/xac-minh/${product.certificate.publicToken}`));
    const revoked = await outbox(`certificate.revoked:${product.certificate.id}`);
    assert.ok(revoked.some((row) => row.subjectKind === 'producer' && row.channel === 'sms'));
  });

  test('a dossier submitted and supplemented tells the commune; returned for supplements tells the producer with the reasons', async () => {
    const producerId = await producerWithContact();
    const producer = await signInAs(t, { role: 'producer', producerId });
    const draft = await createReadyDossier(producer, producerId);
    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${draft.id}/submit`, { version: draft.version }, 200);
    const told = await inApp(officerId, 'dossier.submitted');
    assert.ok(told.some((n) => n.link === `/admin/dossiers/${draft.id}` && n.title.startsWith('Hồ sơ mới nộp')), JSON.stringify(told));
    const toOfficer = await t.db.pool.query<{ channel: string }>(`SELECT channel FROM notice_messages WHERE kind = 'dossier.submitted' AND subject_id = $1 AND link LIKE $2`, [officerId, `%/admin/dossiers/${draft.id}`]);
    assert.deepEqual(toOfficer.rows.map((r) => r.channel).sort(), ['email', 'sms']);
    // The in-app notice says what became of it on each channel.
    const listed = (await officer.request('GET', '/api/notifications')).json().items as Array<{ link: string; deliveries: Array<{ channel: string; status: string }> }>;
    assert.deepEqual(listed.find((n) => n.link === `/admin/dossiers/${draft.id}`)!.deliveries.map((d) => [d.channel, d.status]), [['email', 'held'], ['sms', 'held']]);

    const received = await expectStatus(officer, 'POST', `/api/dossiers/${draft.id}/receive`, { version: submitted.version }, 200);
    const returned = await expectStatus(officer, 'POST', `/api/dossiers/${draft.id}/return`, { version: received.version, reasons: ['Bổ sung phiếu kiểm nghiệm', 'Ảnh nhãn rõ hơn'] }, 200);
    const asked = await t.db.pool.query<Row>(
      `SELECT channel, subject_kind AS "subjectKind", body, sms FROM notice_messages WHERE kind = 'dossier.returned_for_supplement' AND producer_id = $1 ORDER BY channel`,
      [producerId],
    );
    const email = asked.rows.find((row) => row.channel === 'email')!;
    assert.match(email.body, /- Bổ sung phiếu kiểm nghiệm\n- Ảnh nhãn rõ hơn/);
    assert.match(asked.rows.find((row) => row.channel === 'sms')!.sms, /can bo sung/);
    await expectStatus(producer, 'POST', `/api/dossiers/${draft.id}/supplement`, { version: returned.version, note: 'Đã thêm.' }, 200);
    assert.ok((await inApp(officerId, 'dossier.submitted')).some((n) => n.title.startsWith('Hồ sơ đã bổ sung')));
  });

  test('each morning the commune is told of dossiers due within 3 working days, then of those overdue', async () => {
    const producerId = await producerWithContact();
    const producer = await signInAs(t, { role: 'producer', producerId });
    const draft = await createReadyDossier(producer, producerId);
    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${draft.id}/submit`, { version: draft.version }, 200);
    const received = await expectStatus(officer, 'POST', `/api/dossiers/${draft.id}/receive`, { version: submitted.version }, 200);
    const dueDate = received.clock.dueDate as string;
    const morningOf = async (day: string) => {
      const clock = createFixedClock(new Date(startOfLocalDate(day).getTime() + (DOSSIER_DEADLINE_HOUR + 1) * 3_600_000));
      await scheduleDailyJobs(t.db, clock, [{ name: dossierDeadlineJob.name, hour: DOSSIER_DEADLINE_HOUR }]);
      await runDueJobs(t.db, clock, [dossierDeadlineJob]);
      return day;
    };
    const day = await morningOf(addDays(dueDate, -1));
    const soon = await outbox(`dossier.due_soon:${commune}:${day}`);
    assert.ok(soon.some((row) => row.subjectId === officerId && row.channel === 'sms'), JSON.stringify(soon));
    await morningOf(day);
    assert.equal((await outbox(`dossier.due_soon:${commune}:${day}`)).length, soon.length, 'one digest a day');
    const late = await morningOf(addDays(dueDate, 2));
    const overdue = await outbox(`dossier.overdue:${commune}:${late}`);
    assert.ok(overdue.some((row) => row.subjectId === officerId && row.channel === 'email' && /quá hạn/.test(row.subject)), JSON.stringify(overdue));
  });
});
