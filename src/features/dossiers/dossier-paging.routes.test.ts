import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProducerRecord, createTestApp, signInAs, type Client, type TestApp } from '../../../tests/support/test-app.ts';

/**
 * Issue 13 point 5: the dossier list pages by index (`after` = the page before's nextCursor) with a
 * capped total, and the queue is paged per section with totals. Each test builds its own producer in
 * a commune picked at random, and looks only at that producer's or that commune's dossiers.
 */
describe('dossier lists: keyset paging, capped totals, paged queue', () => {
  let t: TestApp;
  let place: { provinceCode: string; communeCode: string };
  let producerId: string;
  let ids: string[];
  let province: Client;
  let commune: Client;

  before(async () => {
    t = await createTestApp();
    place = (await t.db.pool.query<{ provinceCode: string; communeCode: string }>(
      `SELECT province_code AS "provinceCode", code AS "communeCode" FROM admin_units
        WHERE version_id = 'vn-2025' AND level = 'commune' ORDER BY random() LIMIT 1`,
    )).rows[0]!;
    producerId = await createProducerRecord(t.db, place);
    const productId = (await t.db.pool.query<{ id: string }>(
      `INSERT INTO products (producer_id, province_code, commune_code, name, product_set_number, rule_set_id, created_at, updated_at)
       VALUES ($1, $2, $3, 'Miến dong phân trang', 3, '26-2026', now(), now()) RETURNING id`,
      [producerId, place.provinceCode, place.communeCode],
    )).rows[0]!.id;
    // Seven forwarded dossiers; #3 and #4 changed at the same instant (the id breaks the tie), and one
    // changed at a microsecond a JavaScript Date cannot hold. Five more submitted, waiting at the commune.
    const { rows } = await t.db.pool.query<{ id: string }>(
      `INSERT INTO dossiers (product_id, producer_id, province_code, commune_code, type, rule_set_id, status, submitted_at,
                             received_at, received_on, form_number, forwarded_at, due_at, created_at, updated_at)
       SELECT $1, $2, $3, $4, 'first', '26-2026', 'forwarded_to_province', now(), now(), current_date, 'P-' || gen_random_uuid(), now(), NULL, now(),
              TIMESTAMPTZ '2026-03-01 08:00:00.000001+07' + (CASE WHEN i IN (3, 4) THEN 3 ELSE i END) * interval '1 hour'
         FROM generate_series(1, 7) AS i
       RETURNING id`,
      [productId, producerId, place.provinceCode, place.communeCode],
    );
    ids = rows.map((row) => row.id);
    for (let i = 1; i <= 5; i++) {
      const other = (await t.db.pool.query<{ id: string }>(
        `INSERT INTO products (producer_id, province_code, commune_code, name, product_set_number, rule_set_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 3, '26-2026', now(), now()) RETURNING id`,
        [producerId, place.provinceCode, place.communeCode, `Sản phẩm chờ ${i}`],
      )).rows[0]!.id;
      await t.db.pool.query(
        `INSERT INTO dossiers (product_id, producer_id, province_code, commune_code, type, rule_set_id, status, submitted_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'first', '26-2026', 'submitted', now() - $5 * interval '1 day', now(), now())`,
        [other, producerId, place.provinceCode, place.communeCode, i],
      );
    }
    province = await signInAs(t, { role: 'province_office', provinceCode: place.provinceCode });
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: place.provinceCode, communeCode: place.communeCode });
  });
  after(() => t.close());

  type Page = { items: Array<{ id: string; updatedAt: string }>; total: number; totalExact: boolean; nextCursor: string | null; page: number };
  const list = async (client: Client, query: string): Promise<Page> => {
    const response = await client.request('GET', `/api/dossiers?producer=${producerId}&${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<Page>();
  };

  test('page after page by cursor: every dossier once, newest change first, exact total, the last page has no cursor', async () => {
    const seen: string[] = [];
    let page = await list(province, 'pageSize=3');
    const pages = [page];
    while (page.nextCursor) {
      page = await list(province, `pageSize=3&after=${encodeURIComponent(page.nextCursor)}`);
      pages.push(page);
    }
    for (const p of pages) seen.push(...p.items.map((item) => item.id));
    assert.deepEqual(pages.map((p) => p.items.length), [3, 3, 1]);
    assert.equal(new Set(seen).size, 7, 'no dossier twice');
    assert.deepEqual([...seen].sort(), [...ids].sort(), 'every dossier of the producer');
    for (const p of pages) {
      assert.equal(p.total, 7);
      assert.equal(p.totalExact, true);
    }
    assert.equal(pages.at(-1)!.nextCursor, null);
    const times = pages.flatMap((p) => p.items.map((item) => Date.parse(item.updatedAt)));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'last changed first');
  });

  test('the cursor page 2 is the offset page 2', async () => {
    const first = await list(province, 'pageSize=3');
    const byCursor = await list(province, `pageSize=3&after=${encodeURIComponent(first.nextCursor!)}`);
    const byOffset = await list(province, 'pageSize=3&page=2');
    assert.deepEqual(byCursor.items.map((i) => i.id), byOffset.items.map((i) => i.id));
    assert.equal(byOffset.nextCursor !== null, true, 'an offset page also gives the cursor of the next');
  });

  test('a bad cursor: 400 in Vietnamese, naming the after parameter', async () => {
    const wrongShape = Buffer.from(JSON.stringify(['1'])).toString('base64url');
    const wrongType = Buffer.from(JSON.stringify(['abc', ids[0]])).toString('base64url');
    for (const cursor of ['not-a-cursor!!', wrongShape, wrongType, 'x'.repeat(401)]) {
      const response = await province.request('GET', `/api/dossiers?after=${encodeURIComponent(cursor)}`);
      assert.equal(response.statusCode, 400, cursor);
      const body = response.json<{ error: { code: string; message: string; details: { issues: Array<{ path: string; message: string }> } } }>();
      assert.equal(body.error.code, 'INVALID_INPUT');
      const issue = body.error.details.issues[0]!;
      assert.match(issue.path, /after/);
      assert.match(issue.message, /Con trỏ trang/);
    }
  });

  test('the queue: a page of `limit` per section, totals of all, the next page of one section', async () => {
    const first = await commune.request('GET', '/api/dossiers/queue?limit=2');
    assert.equal(first.statusCode, 200, first.body);
    const queue = first.json<{ waitingOnMe: Array<{ id: string }>; totals: { waitingOnMe: number; dueSoon: number; overdue: number }; limit: number; section: string | null }>();
    assert.equal(queue.limit, 2);
    assert.equal(queue.section, null);
    assert.equal(queue.waitingOnMe.length, 2);
    assert.ok(queue.totals.waitingOnMe >= 5, 'the five submitted dossiers wait at the commune');
    const second = (await commune.request('GET', '/api/dossiers/queue?limit=2&section=waitingOnMe&page=2')).json<typeof queue & { dueSoon: unknown[]; overdue: unknown[] }>();
    assert.equal(second.waitingOnMe.length, 2);
    assert.deepEqual(second.dueSoon, []);
    assert.deepEqual(second.overdue, []);
    assert.deepEqual(second.totals, queue.totals, 'totals do not depend on the page');
    const both = [...queue.waitingOnMe, ...second.waitingOnMe].map((d) => d.id);
    assert.equal(new Set(both).size, 4, 'page 2 continues page 1');
    // The default stays a full first page for the web's queue (50 per section).
    const plain = (await commune.request('GET', '/api/dossiers/queue')).json<typeof queue>();
    assert.equal(plain.limit, 50);
    assert.equal(plain.waitingOnMe.length, Math.min(50, plain.totals.waitingOnMe));
  });

  test('the queue refuses a bad limit or section with a Vietnamese message', async () => {
    for (const query of ['limit=0', 'limit=201', 'section=everything', 'page=0']) {
      const response = await commune.request('GET', `/api/dossiers/queue?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.match(response.body, /Số hồ sơ mỗi mục|Mục là một trong|Số trang/);
    }
  });
});
