/**
 * Issue 16 finding 10: security headers on every answer, read on the answers themselves — public pages,
 * the back office, the API, errors — and HSTS only when the request came over HTTPS through a trusted proxy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from './support/test-app.ts';

const directives = (policy: unknown) =>
  new Map(String(policy).split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values]));

function assertCommonHeaders(response: LightMyRequestResponse, what: string) {
  const policy = directives(response.headers['content-security-policy']);
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors`);
  assert.deepEqual(policy.get('object-src'), ["'none'"], `${what}: object-src`);
  assert.deepEqual(policy.get('base-uri'), ["'none'"], `${what}: base-uri`);
  assert.equal(response.headers['x-frame-options'], 'DENY', what);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', what);
  assert.ok(['strict-origin-when-cross-origin', 'no-referrer'].includes(String(response.headers['referrer-policy'])), `${what}: referrer-policy`);
  return policy;
}

describe('security headers on every answer', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('public pages: no script at all, inline styles only, and no inline script in their HTML', async () => {
    for (const url of ['/', '/san-pham', '/thong-ke', '/xac-minh', '/khong-co-trang-nay']) {
      const response = await t.app.inject({ method: 'GET', url });
      const policy = assertCommonHeaders(response, url);
      assert.deepEqual(policy.get('script-src'), ["'none'"], url);
      assert.deepEqual(policy.get('default-src'), ["'self'"], url);
      assert.deepEqual(policy.get('style-src'), ["'self'", "'unsafe-inline'"], url);
      assert.deepEqual(policy.get('form-action'), ["'self'"], url);
      assert.equal(response.headers['referrer-policy'], url.startsWith('/xac-minh') ? 'no-referrer' : 'strict-origin-when-cross-origin', url);
      assert.equal(response.headers['strict-transport-security'], undefined, `${url}: no HSTS over plain HTTP`);
      // The only <script> a public page may hold is JSON-LD, which CSP does not execute.
      for (const [tag] of response.body.matchAll(/<script\b[^>]*>/gi)) assert.match(tag, /type="application\/ld\+json"/, `${url}: ${tag}`);
    }
  });

  test('the verification page never sends its token in a Referer', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/xac-minh/AbCdEfGhIjKlMnOpQrStUv' });
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assertCommonHeaders(response, 'verification page');
  });

  test('the back office: scripts and styles from its own files only, never framed', async () => {
    for (const url of ['/admin/', '/admin/dossiers', '/admin']) {
      const response = await t.app.inject({ method: 'GET', url });
      const policy = assertCommonHeaders(response, url);
      assert.deepEqual(policy.get('script-src'), ["'self'"], url);
      assert.deepEqual(policy.get('style-src'), ["'self'"], url);
      assert.deepEqual(policy.get('connect-src'), ["'self'"], url);
    }
  });

  test('the API documentation: swagger-ui’s own script files only', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(response.statusCode, 200);
    const policy = assertCommonHeaders(response, '/api/docs/');
    assert.deepEqual(policy.get('script-src'), ["'self'"]);
    for (const [tag] of response.body.matchAll(/<script\b[^>]*>/gi)) assert.match(tag, /\ssrc=/, `inline script in the docs page: ${tag}`);
  });

  test('API answers and errors carry them too', async () => {
    for (const [method, url] of [['GET', '/api/auth/csrf'], ['GET', '/api/dossiers'], ['POST', '/api/auth/login'], ['GET', '/health']] as const) {
      const response = await t.app.inject({ method, url });
      assertCommonHeaders(response, `${method} ${url} (${response.statusCode})`);
    }
  });
});

describe('HSTS', () => {
  test('sent when the request came over HTTPS through a trusted proxy, and only then', async () => {
    const saved = process.env.OCOP_TRUST_PROXY;
    process.env.OCOP_TRUST_PROXY = '1';
    const behindProxy = await createTestApp();
    process.env.OCOP_TRUST_PROXY = saved ?? '';
    if (saved === undefined) delete process.env.OCOP_TRUST_PROXY;
    const direct = await createTestApp();
    try {
      const https = await behindProxy.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
      assert.match(String(https.headers['strict-transport-security']), /^max-age=(\d+); includeSubDomains$/);
      assert.ok(Number(/max-age=(\d+)/.exec(String(https.headers['strict-transport-security']))![1]) >= 31_536_000);
      const http = await behindProxy.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'http' } });
      assert.equal(http.headers['strict-transport-security'], undefined);
      // Without OCOP_TRUST_PROXY anyone could claim https: the header is not believed.
      const claimed = await direct.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(claimed.headers['strict-transport-security'], undefined);
    } finally {
      await behindProxy.close();
      await direct.close();
    }
  });
});
