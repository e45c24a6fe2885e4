import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_TTL_MS, deleteSession, newToken } from '../../core/auth/sessions.ts';
import { requireActor } from '../../core/http/plugin.ts';
import { errorBody, standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { getOwnAccount } from './read-users.ts';
import * as schemas from './users.schemas.ts';
import { changeOwnPassword, signIn } from './sign-in.ts';

const tags = ['Đăng nhập (authentication)'];
const DEVICE_COOKIE = 'ocop_device';
const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export function registerAuthRoutes(app: App, ctx: AppContext): void {
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: ctx.config.secureCookies };
  const setCsrfCookie = (reply: FastifyReply, token: string) =>
    // Readable by the page's script, which echoes it in the x-csrf-token header (double submit).
    reply.setCookie(CSRF_COOKIE, token, { ...cookieBase, httpOnly: false, sameSite: 'strict' });

  app.get(
    '/api/auth/csrf',
    { schema: { tags, summary: 'Lấy mã chống giả mạo (CSRF) trước khi đăng nhập', response: { 200: z.object({ csrfToken: z.string() }) } } },
    async (request, reply) => {
      const token = request.sessionCsrfToken ?? request.cookies[CSRF_COOKIE] ?? newToken();
      setCsrfCookie(reply, token);
      return { csrfToken: token };
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Đăng nhập',
        body: schemas.loginBody,
        response: { 200: schemas.sessionAnswer, 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const { sessionToken, csrfToken, actor, deviceToken } = await signIn(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        deviceToken: request.cookies[DEVICE_COOKIE] || undefined,
      });
      reply.setCookie(SESSION_COOKIE, sessionToken, { ...cookieBase, httpOnly: true, maxAge: SESSION_TTL_MS / 1000 });
      // Marks the browser as one the account signed in from: failures elsewhere do not slow it down (decision 018).
      reply.setCookie(DEVICE_COOKIE, deviceToken, { ...cookieBase, path: '/api/auth', httpOnly: true, sameSite: 'strict', maxAge: DEVICE_COOKIE_MAX_AGE_S });
      setCsrfCookie(reply, csrfToken);
      return { user: await getOwnAccount(ctx, actor), csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'Đăng xuất', response: { 204: z.null(), ...standardErrors } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(ctx.db.pool, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { tags, summary: 'Người dùng đang đăng nhập', response: { 200: schemas.sessionAnswer, 401: errorBody } } },
    async (request) => {
      return { user: await getOwnAccount(ctx, requireActor(request)), csrfToken: request.sessionCsrfToken! };
    },
  );

  app.post(
    '/api/auth/password',
    { schema: { tags, summary: 'Đổi mật khẩu của chính mình', body: schemas.changePasswordBody, response: { 204: z.null(), ...standardErrors } } },
    async (request, reply) => {
      await changeOwnPassword(ctx, requireActor(request), request.body, request.cookies[SESSION_COOKIE], request.id);
      return reply.status(204).send(null);
    },
  );
}
