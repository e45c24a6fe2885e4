import zlib from 'node:zlib';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../tests/support/test-app.ts';

describe('public site shell and API documentation', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the home page is server-rendered Vietnamese HTML without scripts, with search and a back-office link', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/html/);
    assert.match(response.headers['cache-control'] as string, /public/);
    const body = response.body;
    assert.match(body, /<html lang="vi">/);
    assert.match(body, /Chương trình Mỗi xã một sản phẩm/);
    assert.match(body, /<input id="q" name="q" type="search"/);
    assert.match(body, /href="\/admin\/"/);
    assert.doesNotMatch(body, /<script/);
    assert.ok(Buffer.byteLength(body) < 10_000, `home page is ${Buffer.byteLength(body)} bytes`);
  });

  test('the English version', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/?lang=en' })).body;
    assert.match(body, /<html lang="en">/);
    assert.match(body, /One Commune One Product/);
  });

  test('OpenAPI 3.1 is generated from the zod schemas, with every API route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/auth/login', '/api/users', '/api/users/{id}/deactivate', '/api/admin-units/old-address', '/api/producers', '/api/audit-events/verification']) {
      assert.ok(doc.paths[path], `missing ${path}`);
    }
    const createUser = doc.paths['/api/users'].post.requestBody.content['application/json'].schema;
    assert.ok(createUser.properties.role.enum.includes('commune_officer'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode < 400, true);
  });

  test('unknown API paths answer in the error format; unknown pages in HTML', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'NOT_FOUND');
    const page = await t.app.inject({ method: 'GET', url: '/nothing-here' });
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /Không tìm thấy/);
  });

  test('pages and API answers are compressed for clients that accept it (slow mobile networks)', async () => {
    for (const url of ['/', '/api/docs/json']) {
      const plain = await t.app.inject({ method: 'GET', url });
      const compressed = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(compressed.headers['content-encoding'], 'br', url);
      assert.equal(zlib.brotliDecompressSync(compressed.rawPayload).toString('utf8'), plain.body);
      assert.ok(compressed.rawPayload.length < plain.rawPayload.length / 2, `${url}: ${compressed.rawPayload.length} of ${plain.rawPayload.length} bytes`);
    }
  });
});
