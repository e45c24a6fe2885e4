import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import fc from 'fast-check';
import { addDays, type LocalDate } from '../../core/clock/index.ts';
import { testDatabaseUrl } from '../../../tests/support/test-app.ts';
import { addMonths, certificateExpiry, certificateStatus, reEvaluationFilingTiming, reEvaluationWindow, type CertificateDates } from './certificate-status.ts';

const certificate = (overrides: Partial<CertificateDates> = {}): CertificateDates => ({
  expiresOn: '2029-08-15',
  revokedOn: null,
  supersededOn: null,
  reEvaluationFiledOn: null,
  ...overrides,
});

describe('certificate validity (QĐ 26/2026 Đ.4.3, Đ.7.6, Đ.12.3)', () => {
  test('36 months counted as the Civil Code counts months (Đ.147–148)', () => {
    assert.equal(certificateExpiry('2026-03-15', 36), '2029-03-15');
    assert.equal(certificateExpiry('2028-02-29', 36), '2031-02-28');
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2026-12-31', 2), '2027-02-28');
    assert.equal(addMonths('2027-11-30', -12), '2026-11-30');
  });

  test('valid, then expiring inside the 180-day window, then expired the day after expiry', () => {
    const c = certificate();
    assert.equal(certificateStatus(c, addDays('2029-08-15', -180)), 'valid');
    assert.equal(certificateStatus(c, addDays('2029-08-15', -179)), 'expiring');
    assert.equal(certificateStatus(c, '2029-08-15'), 'expiring', 'the last day is still valid');
    assert.equal(certificateStatus(c, '2029-08-16'), 'expired');
  });

  test('the re-evaluation window opens 180 and closes 120 days before expiry, both days included', () => {
    const window = reEvaluationWindow('2029-08-15');
    assert.equal(window.opensOn, '2029-02-16');
    assert.equal(window.closesOn, '2029-04-17');
    assert.equal(reEvaluationFilingTiming('2029-08-15', '2029-02-15'), 'early');
    assert.equal(reEvaluationFilingTiming('2029-08-15', '2029-02-16'), 'on_time');
    assert.equal(reEvaluationFilingTiming('2029-08-15', '2029-04-17'), 'on_time');
    assert.equal(reEvaluationFilingTiming('2029-08-15', '2029-04-18'), 'late');
  });

  test('a filed re-evaluation keeps the certificate valid until the result, at most 180 days after expiry', () => {
    const c = certificate({ reEvaluationFiledOn: '2029-06-01' });
    assert.equal(certificateStatus(c, '2029-08-16'), 'extended');
    assert.equal(certificateStatus(c, addDays('2029-08-15', 180)), 'extended');
    assert.equal(certificateStatus(c, addDays('2029-08-15', 181)), 'expired');
  });

  test('revocation and replacement win from their day on', () => {
    assert.equal(certificateStatus(certificate({ revokedOn: '2027-01-10' }), '2027-01-09'), 'valid');
    assert.equal(certificateStatus(certificate({ revokedOn: '2027-01-10' }), '2027-01-10'), 'revoked');
    assert.equal(certificateStatus(certificate({ supersededOn: '2028-01-10', revokedOn: null }), '2028-02-01'), 'superseded');
  });

  describe('the SQL function certificate_status() agrees with the TypeScript rule', () => {
    let pool: pg.Pool;
    before(() => {
      pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
    });
    after(() => pool.end());

    test('on 300 random certificates and days', async () => {
      const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2026-01-01', n));
      const samples = fc.sample(
        fc.record({
          expiresOn: day,
          revokedOn: fc.option(day),
          supersededOn: fc.option(day),
          reEvaluationFiledOn: fc.option(day),
          onDay: day,
        }),
        300,
      );
      for (const sample of samples) {
        const result = await pool.query<{ status: string }>('SELECT certificate_status($1, $2, $3, $4, $5) AS status', [
          sample.revokedOn,
          sample.supersededOn,
          sample.expiresOn,
          sample.reEvaluationFiledOn,
          sample.onDay,
        ]);
        assert.equal(result.rows[0]!.status, certificateStatus(sample, sample.onDay as LocalDate), JSON.stringify(sample));
      }
    });
  });
});
