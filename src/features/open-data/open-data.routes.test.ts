import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCertifiedProduct, type CertifiedProduct } from '../../../tests/support/certificates.ts';
import { createFixedClock, createTestApp, randomIp, unique, type TestApp } from '../../../tests/support/test-app.ts';
import { certificateStatusSql } from '../certificates/index.ts';
import { csvField } from './csv.ts';

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  assert.equal(field, '', 'the file ends with CRLF');
  return rows;
}

const asObjects = (rows: string[][]) => rows.slice(1).map((cells) => Object.fromEntries(rows[0]!.map((name, i) => [name, cells[i]])));

const TODAY = '2026-11-23';
const PERSONAL = { phone: '0912345678', email: 'chu.ho@example.vn', representative: 'Lò Văn Thắng', address: 'Bản Nà Phát, số nhà 17', taxCode: `8${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}` };

describe('open data: versioned API and bulk files', () => {
  let t: TestApp;
  let household: CertifiedProduct;
  let revoked: CertifiedProduct;
  // A fresh address per request: these tests are not about the rate limits (the last one is).
  const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: randomIp() });

  before(async () => {
    t = await createTestApp({ clock: createFixedClock(`${TODAY}T03:00:00Z`), config: { publicBaseUrl: 'https://ocop.example.vn' } });
    // A household producer with personal data that must never leave the back office.
    const producer = await t.db.pool.query<{ id: string }>(
      `INSERT INTO producers (name, legal_form, tax_code, tax_code_root, province_code, commune_code, address, phone, email, representative_name, created_at, updated_at)
       VALUES ($1, 'household', $2, $2, '12', '03595', $3, $4, $5, $6, now(), now()) RETURNING id`,
      [`Hộ kinh doanh ${unique()}, "Mường Than"`, PERSONAL.taxCode, PERSONAL.address, PERSONAL.phone, PERSONAL.email, PERSONAL.representative],
    );
    household = await createCertifiedProduct(t.db, { producerId: producer.rows[0]!.id, productName: `Gạo Séng Cù, "loại 1" ${unique()}`, stars: 4, issuedOn: '2026-03-10', gtin: '8934567890128' });
    revoked = await createCertifiedProduct(t.db, { provinceCode: '12', stars: 3, issuedOn: '2025-05-05' });
    await t.db.pool.query('UPDATE certificates SET revoked_on = $2 WHERE id = $1', [revoked.certificate.id, '2026-10-01']);
    await t.db.pool.query(
      `INSERT INTO certificate_revocations (certificate_id, ground, finding_on, decided_on, decision_number, reason, late, created_at)
       VALUES ($1, 'production_stopped', '2026-09-20', '2026-10-01', '12/QĐ-UBND', 'Ngừng sản xuất', false, now())`,
      [revoked.certificate.id],
    );
  });
  after(() => t.close());

  const count = async (sql: string, values: unknown[] = []) => (await t.db.pool.query<{ n: number }>(sql, values)).rows[0]!.n;
  /**
   * Other test files may add rows to the run's database while this one reads (on a PostgreSQL server they
   * run in parallel): the figure must lie between the database's count just before and just after.
   */
  async function assertCountMatches<T>(sql: string, values: unknown[], read: () => Promise<T>, figure: (result: T) => number): Promise<T> {
    const before = await count(sql, values);
    const result = await read();
    const after = await count(sql, values);
    const n = figure(result);
    assert.ok(before <= n && n <= after, `${n} rows, the database had ${before} before and ${after} after`);
    return result;
  }

  test('the products API: paged, filtered, with the current certificate and its status today', async () => {
    const response = await assertCountMatches(
      `SELECT count(*)::int AS n FROM products p WHERE p.province_code = '12' AND EXISTS (SELECT 1 FROM certificates c WHERE c.product_id = p.id)`,
      [],
      () => get('/api/open-data/v1/products?province=12&pageSize=1000'),
      (r) => r.json().total,
    );
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    const body = response.json();
    assert.equal(body.version, 'v1');
    assert.equal(body.asOf, TODAY);
    assert.equal(body.licence.id, 'CC-BY-4.0');
    const item = body.items.find((row: { id: string }) => row.id === household.productId);
    assert.deepEqual(
      { ...item, decisionNumber: undefined },
      {
        id: household.productId,
        productCode: null,
        name: household.productName,
        productSetNumber: 3,
        producerId: household.producerId,
        producerName: item.producerName,
        provinceCode: '12',
        provinceName: 'Tỉnh Lai Châu',
        communeCode: '03595',
        communeName: item.communeName,
        stars: 4,
        certificateId: household.certificate.id,
        certificateNumber: household.certificate.number,
        certificateStatus: 'valid',
        issuedOn: '2026-03-10',
        expiresOn: '2029-03-10',
        issuingBody: item.issuingBody,
        decisionNumber: undefined,
        url: `https://ocop.example.vn/san-pham/${household.productId}`,
      },
    );
    assert.ok(item.communeName);
    const printed = await t.db.pool.query('SELECT issuing_body, decision_number FROM certificates WHERE id = $1', [household.certificate.id]);
    assert.equal(item.issuingBody, printed.rows[0].issuing_body);
    assert.equal(item.decisionNumber, printed.rows[0].decision_number);

    const revokedOnly = (await get('/api/open-data/v1/products?status=revoked&star=3&pageSize=1000')).json();
    assert.ok(revokedOnly.items.some((row: { id: string }) => row.id === revoked.productId));
    assert.ok(revokedOnly.items.every((row: { certificateStatus: string; stars: number }) => row.certificateStatus === 'revoked' && row.stars === 3));

    const paged = (await get('/api/open-data/v1/products?pageSize=1&page=2')).json();
    assert.equal(paged.items.length, 1);
    assert.equal(paged.page, 2);
  });

  test('each bad parameter is reported at once in the error format', async () => {
    const response = await get('/api/open-data/v1/certificates?star=7&status=maybe&province=1&pageSize=5000');
    assert.equal(response.statusCode, 400);
    const paths = response.json().error.details.issues.map((issue: { path: string }) => issue.path).sort();
    assert.deepEqual(paths, ['querystring.pageSize', 'querystring.province', 'querystring.star', 'querystring.status']);
  });

  test('the certificates and producers API', async () => {
    const certificates = await assertCountMatches(
      `SELECT count(*)::int AS n FROM certificates c WHERE c.province_code = '12' AND ${certificateStatusSql('c', '$1')} = 'revoked'`,
      [TODAY],
      async () => (await get('/api/open-data/v1/certificates?province=12&status=revoked&pageSize=1000')).json(),
      (r) => r.total,
    );
    const row = certificates.items.find((item: { id: string }) => item.id === revoked.certificate.id);
    assert.equal(row.revocationGround, 'production_stopped');
    assert.equal(row.revokedOn, '2026-10-01');
    assert.equal(row.revocationDecisionNumber, '12/QĐ-UBND');

    const producers = (await get('/api/open-data/v1/producers?province=12&star=4&pageSize=1000')).json();
    const producer = producers.items.find((item: { id: string }) => item.id === household.producerId);
    assert.deepEqual(
      { legalForm: producer.legalForm, recognisedProducts: producer.recognisedProducts, productsInForce: producer.productsInForce, highestStarsInForce: producer.highestStarsInForce },
      { legalForm: 'household', recognisedProducts: 1, productsInForce: 1, highestStarsInForce: 4 },
    );
    // A producer without a certificate is not in open data.
    const { rows } = await t.db.pool.query(`INSERT INTO producers (name, legal_form, province_code, commune_code, created_at, updated_at) VALUES ($1, 'farm', '12', '03595', now(), now()) RETURNING id`, [`Trang trại ${unique()}`]);
    const all = (await get('/api/open-data/v1/producers?pageSize=1000')).json();
    assert.ok(!all.items.some((item: { id: string }) => item.id === rows[0].id));
  });

  test('bulk CSV: UTF-8 BOM, RFC 4180 quoting, one row per recognised product, matching the database', async () => {
    const productCount = 'SELECT count(*)::int AS n FROM products p WHERE EXISTS (SELECT 1 FROM certificates c WHERE c.product_id = p.id)';
    const response = await assertCountMatches(productCount, [], () => get('/open-data/v1/products.csv'), (r) => parseCsv(r.body.replace(/^\uFEFF/, '')).length - 1);
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    assert.match(response.headers['cache-control'] as string, /public, max-age=900/);
    assert.ok(response.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'starts with the UTF-8 BOM');
    const rows = parseCsv(response.body.replace(/^\uFEFF/, ''));
    assert.equal(rows[0]!.join(','), 'id,productCode,name,productSetNumber,producerId,producerName,provinceCode,provinceName,communeCode,communeName,stars,certificateId,certificateNumber,certificateStatus,issuedOn,expiresOn,issuingBody,decisionNumber,url');
    const products = asObjects(rows);
    const sample = products.find((row) => row.id === household.productId)!;
    assert.equal(sample.name, household.productName, 'a name with a comma and quotes survives');
    assert.match(sample.producerName!, /"Mường Than"/);
    assert.equal(sample.certificateNumber, household.certificate.number);
    assert.equal(sample.certificateStatus, 'valid');
    assert.equal(sample.productCode, '');
    assert.equal(products.find((row) => row.id === revoked.productId)!.certificateStatus, 'revoked');
    // The ETag lets a client skip an unchanged file.
    const again = await t.app.inject({ method: 'GET', url: '/open-data/v1/products.csv', headers: { 'if-none-match': response.headers.etag as string }, remoteAddress: randomIp() });
    assert.equal(again.statusCode, 304);
  });

  test('bulk JSON of certificates and producers parse and match the database; statuses as the SQL rule says', async () => {
    const statusesNow = async () =>
      new Map((await t.db.pool.query<{ id: string; status: string }>(`SELECT c.id, ${certificateStatusSql('c', '$1')} AS status FROM certificates c`, [TODAY])).rows.map((row) => [row.id, row.status]));
    const before = await statusesNow();
    const certificates = (await get('/open-data/v1/certificates.json')).json();
    const afterwards = await statusesNow();
    assert.equal(certificates.dataset, 'certificates');
    assert.equal(certificates.asOf, TODAY);
    assert.equal(certificates.count, certificates.items.length);
    assert.ok(before.size <= certificates.count && certificates.count <= afterwards.size);
    const inFile = new Map(certificates.items.map((item: { id: string; status: string }) => [item.id, item.status]));
    for (const [id, status] of before) {
      if (afterwards.get(id) === status) assert.equal(inFile.get(id), status, id);
    }
    assert.equal(inFile.get(revoked.certificate.id), 'revoked');
    const sample = certificates.items.find((item: { id: string }) => item.id === household.certificate.id);
    assert.equal(sample.gtin, '8934567890128');
    assert.equal(sample.number, household.certificate.number);

    const producerCount = 'SELECT count(DISTINCT c.producer_id)::int AS n FROM certificates c JOIN producers p ON p.id = c.producer_id WHERE p.merged_into_id IS NULL';
    const producersCsv = await assertCountMatches(producerCount, [], async () => asObjects(parseCsv((await get('/open-data/v1/producers.csv')).body.replace(/^\uFEFF/, ''))), (rows) => rows.length);
    const producersJson = await assertCountMatches(producerCount, [], async () => (await get('/open-data/v1/producers.json')).json(), (json) => json.count);
    const csvRow = producersCsv.find((row) => row.id === household.producerId)!;
    const jsonRow = producersJson.items.find((row: { id: string }) => row.id === household.producerId);
    assert.deepEqual(
      { ...csvRow },
      Object.fromEntries(Object.entries(jsonRow).map(([key, value]) => [key, value === null ? '' : String(value)])),
      'the CSV row and the JSON item say the same',
    );
    assert.equal(csvRow.legalForm, 'household');
  });

  test('no personal data: no tax code, phone, e-mail, address or representative in any file', async () => {
    const forbiddenFields = /tax|phone|email|address|representative|gender|ethnic|registration|website|public_?token/i;
    for (const dataset of ['products', 'producers', 'certificates']) {
      const json = (await get(`/open-data/v1/${dataset}.json`)).body;
      const csv = (await get(`/open-data/v1/${dataset}.csv`)).body;
      const api = (await get(`/api/open-data/v1/${dataset}?pageSize=1000`)).body;
      for (const text of [json, csv, api]) {
        for (const value of Object.values(PERSONAL)) assert.ok(!text.includes(value), `${dataset} contains ${value}`);
        assert.ok(!text.includes(household.certificate.publicToken), `${dataset} leaks the unguessable verification token`);
      }
      const keys = Object.keys(JSON.parse(json).items[0]);
      assert.deepEqual(keys.filter((key) => forbiddenFields.test(key)), [], dataset);
    }
  });

  test('CSV fields: RFC 4180 quoting and no spreadsheet formulas', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('line\nbreak'), '"line\nbreak"');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField(-12), '-12');
    assert.equal(csvField(null), '');
  });

  test('rate limits: 429 in the error format after 120 API calls a minute, 10 bulk files; the back office is not limited', async () => {
    const address = randomIp();
    let response = null;
    for (let i = 0; i < 121; i++) response = await t.app.inject({ method: 'GET', url: '/api/open-data/v1/products?page=0', remoteAddress: address });
    assert.equal(response!.statusCode, 429);
    const body = response!.json();
    assert.equal(body.error.code, 'RATE_LIMITED');
    assert.match(body.error.message, /quá nhiều yêu cầu/);
    assert.match(body.error.messageEn, /Too many requests/);
    assert.ok(body.error.details.retryAfterSeconds > 0);
    assert.ok(body.requestId);
    assert.ok(Number(response!.headers['retry-after']) > 0);
    // One budget for the whole API, not one per route.
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/open-data/v1/producers', remoteAddress: address })).statusCode, 429);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/open-data/v1/producers?pageSize=1', remoteAddress: randomIp() })).statusCode, 200);

    const downloader = randomIp();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await t.app.inject({ method: 'GET', url: '/open-data/v1/nothing.csv', remoteAddress: downloader })).statusCode);
    assert.deepEqual(statuses, [...Array(10).fill(400), 429]);

    for (let i = 0; i < 130; i++) {
      const csrf = await t.app.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress: address });
      assert.equal(csrf.statusCode, 200);
    }
  });

  test('every open-data route is in the OpenAPI document under its tag', async () => {
    const doc = (await get('/api/docs/json')).json();
    for (const path of ['/api/open-data/v1/products', '/api/open-data/v1/producers', '/api/open-data/v1/certificates', '/open-data/v1/{file}']) {
      assert.ok(doc.paths[path], `missing ${path}`);
      assert.deepEqual(doc.paths[path].get.tags, ['Dữ liệu mở (open data)']);
      assert.ok(doc.paths[path].get.responses['429'], `${path} documents 429`);
    }
  });
});
