import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, type LocalDate } from '../../core/clock/index.ts';
import { AppError } from '../../core/errors.ts';
import { createCertifiedProduct, type CertifiedProduct } from '../../../tests/support/certificates.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { noteReEvaluationFiled, type ReEvaluationFiling } from './note-re-evaluation-filed.ts';

describe('re-evaluation filing against the certificate in force (Đ.7.6.a, Đ.12.3), at the boundary days', () => {
  let t: TestApp;
  let product: CertifiedProduct;
  const expiresOn = '2029-08-15';

  before(async () => {
    t = await createTestApp();
    product = await createCertifiedProduct(t.db, { issuedOn: '2026-08-15' });
    assert.equal(product.certificate.expiresOn, expiresOn);
  });
  after(() => t.close());

  /** Files on `day` in a transaction that is rolled back: what it answers and what it wrote. */
  async function fileOn(day: LocalDate): Promise<{ filing: ReEvaluationFiling | null; error: AppError | null; filedOn: string | null }> {
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      let filing: ReEvaluationFiling | null = null;
      let error: AppError | null = null;
      try {
        filing = await noteReEvaluationFiled(client, product.productId, day, new Date());
      } catch (caught) {
        error = caught as AppError;
      }
      const filedOn = (await client.query('SELECT re_evaluation_filed_on AS d FROM certificates WHERE id = $1', [product.certificate.id])).rows[0].d;
      return { filing, error, filedOn };
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  test('day 181 before expiry is too early: refused, with the window in the message', async () => {
    const { error, filedOn } = await fileOn(addDays(expiresOn, -181));
    assert.equal(error?.code, 'INVALID_INPUT');
    assert.match(error!.details!.issues![0]!.message, /từ ngày 16\/02\/2029 đến ngày 17\/04\/2029/);
    assert.equal(filedOn, null);
  });

  test('day 180 and day 120 before expiry are on time; day 119 is late but still extends', async () => {
    for (const [days, timing] of [[-180, 'on_time'], [-120, 'on_time'], [-119, 'late'], [0, 'late']] as const) {
      const day = addDays(expiresOn, days);
      const { filing, filedOn } = await fileOn(day);
      assert.equal(filing?.timing, timing, `${days} days`);
      assert.equal(filedOn, day);
      assert.equal(filing?.validUntilAtMost, '2030-02-11');
    }
  });

  test('after expiry nothing is revived; a revoked certificate has nothing to re-evaluate', async () => {
    assert.deepEqual(await fileOn(addDays(expiresOn, 1)), { filing: null, error: null, filedOn: null });
    const other = await createCertifiedProduct(t.db, { issuedOn: '2026-08-15' });
    await t.db.pool.query(`UPDATE certificates SET revoked_on = '2026-10-01' WHERE id = $1`, [other.certificate.id]);
    assert.equal(await noteReEvaluationFiled(t.db.pool, other.productId, '2029-03-01', new Date()), null);
  });

  test('a second filing keeps the first day', async () => {
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      await noteReEvaluationFiled(client, product.productId, '2029-03-01', new Date());
      await noteReEvaluationFiled(client, product.productId, '2029-03-20', new Date());
      const row = (await client.query('SELECT re_evaluation_filed_on AS d FROM certificates WHERE id = $1', [product.certificate.id])).rows[0];
      assert.equal(row.d, '2029-03-01');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
