import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCertifiedProduct } from '../../../tests/support/certificates.ts';
import { createTestApp, randomIp, type TestApp } from '../../../tests/support/test-app.ts';

/** Issue 13 point 5: open-data lists continue by cursor (after = nextCursor), in the order of the page before. */
describe('open data: keyset paging', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    for (let i = 0; i < 3; i++) await createCertifiedProduct(t.db);
  });
  after(() => t.close());

  type Page = { items: Array<Record<string, string>>; total: number; totalExact: boolean; nextCursor: string | null };
  const get = async (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: randomIp() });

  const orderOf = {
    products: (row: Record<string, string>) => [row.provinceCode!, row.name!, row.id!],
    producers: (row: Record<string, string>) => [row.provinceCode!, row.name!, row.id!],
    certificates: (row: Record<string, string>) => [row.issuedOn!, row.number!, row.id!],
  };

  for (const dataset of ['products', 'producers', 'certificates'] as const) {
    test(`${dataset}: the page after the cursor starts after page 1 and repeats none of it`, async () => {
      const first = (await get(`/api/open-data/v1/${dataset}?pageSize=2`)).json<Page>();
      assert.equal(first.items.length, 2);
      assert.ok(first.total >= 3);
      assert.equal(first.totalExact, true);
      assert.ok(first.nextCursor);
      const response = await get(`/api/open-data/v1/${dataset}?pageSize=2&after=${encodeURIComponent(first.nextCursor)}`);
      assert.equal(response.statusCode, 200, response.body);
      const second = response.json<Page>();
      assert.ok(second.items.length >= 1);
      const shown = new Set(first.items.map((row) => row.id));
      assert.ok(second.items.every((row) => !shown.has(row.id)), 'no row twice');
      // Products and producers ascend by province, name, id; certificates descend by date, number, id.
      const last = orderOf[dataset](first.items.at(-1)!);
      const next = orderOf[dataset](second.items[0]!);
      const cmp = last.map((part, i) => (part === next[i] ? 0 : part < next[i]! ? -1 : 1)).find((c) => c !== 0) ?? 0;
      if (dataset !== 'certificates') assert.ok(cmp <= 0 || last[0] !== next[0], 'ascending');
      else assert.ok(cmp >= 0 || last[0] !== next[0], 'descending');
    });
  }

  test('a bad cursor: 400 with a Vietnamese message', async () => {
    const response = await get(`/api/open-data/v1/products?after=${Buffer.from('["12"]').toString('base64url')}`);
    assert.equal(response.statusCode, 400);
    assert.match(response.json<{ error: { details: { issues: Array<{ message: string }> } } }>().error.details.issues[0]!.message, /Con trỏ trang/);
  });
});
