import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import { testDatabaseUrl } from '../../../tests/support/test-app.ts';
import { legalFormWords, normalizeProducerName } from './producer-name.ts';

describe('producer name key (duplicate detection)', () => {
  test('legal-form words, tone marks, case and punctuation do not tell producers apart', () => {
    const same = ['Hợp tác xã Mường Than', 'HTX Mường Than', 'htx. MƯỜNG THAN', 'Hợp Tác Xã  Mường-Than', 'HTX Muong Than'];
    for (const name of same) assert.equal(normalizeProducerName(name), 'muong than', name);
    assert.equal(normalizeProducerName('Công ty TNHH Một thành viên Chè Tân Uyên'), 'che tan uyen');
    assert.equal(normalizeProducerName('Công ty cổ phần Chè Tân Uyên'), 'che tan uyen');
    assert.equal(normalizeProducerName('Tổ hợp tác trồng ổi Hua Nà'), 'trong oi hua na');
    assert.equal(normalizeProducerName('Hộ kinh doanh Cam Vũ Quang'), 'cam vu quang');
    assert.equal(normalizeProducerName('Cơ sở sản xuất nước mắm Cát Hải'), 'nuoc mam cat hai');
    assert.equal(normalizeProducerName('Đặc sản Điện Biên'), 'dac san dien bien');
  });

  test('words are removed only whole: "Cty" goes, "Ctylan" stays; a bare legal form keeps its words', () => {
    assert.equal(normalizeProducerName('Cty Ctylan'), 'ctylan');
    assert.equal(normalizeProducerName('Hợp tác xã Thương Mại'), 'thuong mai');
    assert.equal(normalizeProducerName('HTX'), 'htx');
    assert.equal(normalizeProducerName('Nhà Htxanh'), 'nha htxanh');
  });

  test('different names stay different', () => {
    assert.notEqual(normalizeProducerName('HTX Mường Than'), normalizeProducerName('HTX Mường Kim'));
  });

  describe('agrees with producer_name_key() in the database (used to backfill old rows)', () => {
    let pool: pg.Pool;
    before(() => {
      pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    });
    after(() => pool.end());

    test('on names made of legal-form words, Vietnamese words and punctuation', async () => {
      const word = fc.constantFrom(
        ...legalFormWords.map((w) => w.toUpperCase()),
        'Hợp tác xã',
        'Công ty TNHH',
        'Tổ hợp tác',
        'Mường',
        'Than',
        'Đặc sản',
        'Chè',
        'Shan Tuyết',
        'nước mắm',
        'Cty.',
        '-',
        '(Hà Tĩnh)',
      );
      const names = fc.sample(fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')), { numRuns: 300, seed: 42 });
      const { rows } = await pool.query<{ key: string }>('SELECT producer_name_key(n) AS key FROM unnest($1::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i', [names]);
      names.forEach((name, i) => assert.equal(rows[i]!.key, normalizeProducerName(name), name));
    });
  });
});
