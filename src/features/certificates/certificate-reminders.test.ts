import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, createFixedClock, endOfLocalDate, startOfLocalDate } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { runDueJobs } from '../../core/jobs/index.ts';
import { createCertifiedProduct, type CertifiedProduct } from '../../../tests/support/certificates.ts';
import { createTestApp, createUserRecord, type TestApp } from '../../../tests/support/test-app.ts';
import { certificateJobHandlers } from './certificate-reminders.ts';
import { reEvaluationWindow } from './certificate-status.ts';
import { CERTIFICATE_REMINDERS } from './issue-certificate.ts';

// Certificates of 2019 (expiring 01/03/2022): the runs below happen in 2021–2022, so they do not touch
// the reminders of the certificates other test files issue and check meanwhile.
const ISSUED_ON = '2019-03-01';
const EXPIRES_ON = '2022-03-01';
const PROVINCE = '12';

describe('certificate reminders (scheduled jobs) at the boundary days', () => {
  let t: TestApp;
  let plain: CertifiedProduct;
  let filed: CertifiedProduct;
  let revoked: CertifiedProduct;
  let superseded: CertifiedProduct;
  const producerUsers = new Map<string, string>();
  let provinceUser: string;

  const noticesOf = async (userId: string, product: CertifiedProduct) =>
    (
      await t.db.pool.query<{ kind: string; title: string; body: string }>(
        'SELECT kind, title, body FROM notifications WHERE user_id = $1 AND link = $2 ORDER BY created_at, kind',
        [userId, `/admin/certificates/${product.certificate.id}`],
      )
    ).rows;
  const kindsOf = async (product: CertifiedProduct) => (await noticesOf(producerUsers.get(product.producerId)!, product)).map((n) => n.kind);
  const run = (instant: Date) => runDueJobs(t.db, createFixedClock(instant), certificateJobHandlers);
  const jobStatus = async (product: CertifiedProduct, name: string) =>
    (await t.db.pool.query<{ status: string }>('SELECT status FROM scheduled_jobs WHERE name = $1 AND key = $2', [name, product.certificate.id])).rows[0]!.status;

  before(async () => {
    t = await createTestApp();
    plain = await createCertifiedProduct(t.db, { stars: 4, issuedOn: ISSUED_ON });
    filed = await createCertifiedProduct(t.db, { stars: 3, issuedOn: ISSUED_ON });
    revoked = await createCertifiedProduct(t.db, { stars: 3, issuedOn: ISSUED_ON });
    superseded = await createCertifiedProduct(t.db, { stars: 3, issuedOn: ISSUED_ON });
    for (const product of [plain, filed, revoked, superseded]) {
      const user = await createUserRecord(t.db, { role: 'producer', producerId: product.producerId, provinceCode: PROVINCE, communeCode: '03595' });
      producerUsers.set(product.producerId, user.id);
    }
    provinceUser = (await createUserRecord(t.db, { role: 'province_office', provinceCode: PROVINCE })).id;
    assert.equal(plain.certificate.expiresOn, EXPIRES_ON);
  });
  after(() => t.close());

  test('the window opens on day 180 before expiry: producer and province office are told, with the closing date', async () => {
    const window = reEvaluationWindow(EXPIRES_ON);
    assert.equal(window.opensOn, addDays(EXPIRES_ON, -180));
    await run(new Date(startOfLocalDate(window.opensOn).getTime() - 1));
    assert.deepEqual(await kindsOf(plain), [], 'not the day before');
    assert.equal(await jobStatus(plain, CERTIFICATE_REMINDERS[0]), 'pending');

    await run(startOfLocalDate(window.opensOn));
    const [notice] = await noticesOf(producerUsers.get(plain.producerId)!, plain);
    assert.equal(notice?.kind, 'certificate.re_evaluation_window_opens');
    assert.match(notice!.title, /Đã đến thời hạn nộp hồ sơ đánh giá lại/);
    assert.match(notice!.body, /01\/11\/2021/, 'the window closes 120 days before expiry, 01/11/2021');
    assert.equal((await noticesOf(provinceUser, plain)).length, 1);
    assert.equal(await jobStatus(plain, CERTIFICATE_REMINDERS[0]), 'done');
  });

  test('a handler that runs again does not notify twice', async () => {
    const handler = certificateJobHandlers.find((h) => h.name === CERTIFICATE_REMINDERS[0])!;
    const job = { id: 'x', name: handler.name, key: plain.certificate.id, runAt: new Date(), payload: { certificateId: plain.certificate.id }, attempts: 0 };
    await withTransaction(t.db, (tx) => handler.run(tx, job, new Date('2021-09-05T02:00:00Z')));
    assert.deepEqual(await kindsOf(plain), ['certificate.re_evaluation_window_opens']);
  });

  test('14 days before the window closes: a reminder, unless the re-evaluation was filed', async () => {
    const closesOn = reEvaluationWindow(EXPIRES_ON).closesOn;
    await t.db.pool.query('UPDATE certificates SET re_evaluation_filed_on = $2 WHERE id = $1', [filed.certificate.id, addDays(closesOn, -20)]);
    await run(new Date(startOfLocalDate(addDays(closesOn, -14)).getTime() - 1));
    assert.ok(!(await kindsOf(plain)).includes('certificate.re_evaluation_window_closes'));
    await run(startOfLocalDate(addDays(closesOn, -14)));
    assert.ok((await kindsOf(plain)).includes('certificate.re_evaluation_window_closes'));
    assert.ok(!(await kindsOf(filed)).includes('certificate.re_evaluation_window_closes'), 'filed: nothing to remind');
    assert.equal(await jobStatus(filed, CERTIFICATE_REMINDERS[1]), 'done');
  });

  test('expiry: told the day after; a revoked or replaced certificate is left alone; a filed one is told it holds until the result', async () => {
    await t.db.pool.query(`UPDATE certificates SET revoked_on = '2021-12-01' WHERE id = $1`, [revoked.certificate.id]);
    await t.db.pool.query(`UPDATE certificates SET superseded_by = $2, superseded_on = '2021-12-15' WHERE id = $1`, [superseded.certificate.id, plain.certificate.id]);
    await run(new Date(endOfLocalDate(EXPIRES_ON).getTime() - 1));
    assert.ok(!(await kindsOf(plain)).includes('certificate.expired'), 'not on the last valid day');
    await run(startOfLocalDate(addDays(EXPIRES_ON, 1)));
    const expired = (await noticesOf(producerUsers.get(plain.producerId)!, plain)).find((n) => n.kind === 'certificate.expired');
    assert.match(expired!.title, /đã hết hiệu lực/);
    const pending = (await noticesOf(producerUsers.get(filed.producerId)!, filed)).find((n) => n.kind === 'certificate.expired');
    assert.match(pending!.body, /không quá ngày 28\/08\/2022/, 'Đ.12.3: at most 180 days after expiry');
    for (const product of [revoked, superseded]) {
      assert.ok(!(await kindsOf(product)).includes('certificate.expired'), 'nothing for a certificate no longer in force');
      for (const name of CERTIFICATE_REMINDERS) assert.equal(await jobStatus(product, name), 'done');
    }
  });
});
