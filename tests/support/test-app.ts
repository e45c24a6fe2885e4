/**
 * A real app on the run's test database (see run-tests.ts), with helpers to sign in as any role.
 * Nothing is mocked: requests go through Fastify's inject, the same hooks, policies and SQL.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/core/config.ts';
import type { Database } from '../../src/core/db/database.ts';
import { createFixedClock, systemClock, type Clock } from '../../src/core/clock/index.ts';
import type { App } from '../../src/core/http/types.ts';
import { buildApp } from '../../src/server.ts';
import { hashPassword } from '../../src/core/auth/passwords.ts';
import type { Role } from '../../src/core/auth/roles.ts';
import { insertUser } from '../../src/features/users/index.ts';
import { insertProducer } from '../../src/features/producers/index.ts';

export const TEST_PASSWORD = 'test-password-123';
let passwordHash: Promise<string> | null = null;

export interface TestApp {
  app: App;
  db: Database;
  config: Config;
  clock: Clock;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`.');
  return url;
}

export async function createTestApp(options: { config?: Partial<Config>; clock?: Clock } = {}): Promise<TestApp> {
  const url = testDatabaseUrl();
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
  const config = { ...loadConfig({}), databaseUrl: url, demoMode: false, ...options.config };
  const clock = options.clock ?? systemClock;
  const app = await buildApp({ config, db, clock });
  await app.ready();
  return {
    app,
    db,
    config,
    clock,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

export { createFixedClock };

/** A unique suffix so tests sharing the run's database never collide. */
export const unique = (prefix = 't') => `${prefix}${randomUUID().replaceAll('-', '').slice(0, 12)}`;

export async function createProducerRecord(
  db: Database,
  place: { provinceCode: string; communeCode: string },
  name = `HTX ${unique()}`,
): Promise<string> {
  return insertProducer(db.pool, { name, legalForm: 'cooperative', taxCode: null, address: null, phone: null, ...place, now: new Date() });
}

export interface UserSpec {
  role: Role;
  provinceCode?: string | null;
  communeCode?: string | null;
  producerId?: string | null;
  isActive?: boolean;
  isDemo?: boolean;
}

export async function createUserRecord(db: Database, spec: UserSpec): Promise<{ id: string; username: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = unique('u');
  const id = await insertUser(db.pool, {
    username,
    displayName: `Người dùng ${username}`,
    email: null,
    passwordHash: await passwordHash,
    role: spec.role,
    provinceCode: spec.provinceCode ?? null,
    communeCode: spec.communeCode ?? null,
    producerId: spec.producerId ?? null,
    locale: 'vi',
    mustChangePassword: false,
    isDemo: spec.isDemo ?? false,
    now: new Date(),
  });
  if (spec.isActive === false) await db.pool.query('UPDATE users SET is_active = false WHERE id = $1', [id]);
  return { id, username };
}

/** A signed-in client: cookies and the CSRF header are sent with every request. */
export interface Client {
  userId: string;
  username: string;
  sessionToken: string;
  csrfToken: string;
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function randomIp(): string {
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
}

export async function signIn(app: App, username: string, password = TEST_PASSWORD, ip = randomIp()): Promise<Client> {
  const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress: ip });
  const preCsrf = csrf.json<{ csrfToken: string }>().csrfToken;
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'x-csrf-token': preCsrf },
    cookies: { ocop_csrf: preCsrf },
    remoteAddress: ip,
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const { csrfToken, user } = response.json<{ csrfToken: string; user: { id: string } }>();
  const session = response.cookies.find((c) => c.name === 'ocop_session')!.value;
  return {
    userId: user.id,
    username,
    sessionToken: session,
    csrfToken,
    request: (method, url, body) =>
      app.inject({
        method: method as 'GET',
        url,
        payload: body as object | undefined,
        headers: { 'x-csrf-token': csrfToken },
        cookies: { ocop_session: session, ocop_csrf: csrfToken },
        remoteAddress: ip,
      }),
  };
}

export async function signInAs(t: TestApp, spec: UserSpec): Promise<Client> {
  const { username } = await createUserRecord(t.db, spec);
  return signIn(t.app, username);
}

/**
 * A request without a session. State-changing routes first need a CSRF pair (the token from
 * GET /api/auth/csrf as header and cookie, as the login form has it), else they answer 403 before
 * reaching the route; with it they reach the route, which must answer 401.
 */
export async function requestWithoutSession(app: App, method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  const csrf = (await app.inject({ method: 'GET', url: '/api/auth/csrf' })).json<{ csrfToken: string }>().csrfToken;
  return app.inject({ method: method as 'GET', url, payload: payload as object | undefined, headers: { 'x-csrf-token': csrf }, cookies: { ocop_csrf: csrf } });
}

/**
 * Every call answers 401 without a session. Payloads must be valid: body validation runs before the
 * route, so a bad body would answer 400 and hide a route that forgot to ask for a session.
 */
export async function assertEveryRouteNeedsSession(app: App, calls: readonly (readonly [string, string, unknown?])[]): Promise<void> {
  const answers: string[] = [];
  for (const [method, url, payload] of calls) {
    const response = await requestWithoutSession(app, method, url, payload);
    answers.push(`${method} ${url} → ${response.statusCode}${response.statusCode === 401 ? '' : ` ${response.body.slice(0, 300)}`}`);
  }
  assert.deepEqual(answers, calls.map(([method, url]) => `${method} ${url} → 401`));
}
