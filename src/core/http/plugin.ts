import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, httpStatusOf, type FieldIssue } from '../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, findSession } from '../auth/sessions.ts';
import type { Sql } from '../db/database.ts';
import type { Clock } from '../clock/index.ts';
import { englishMessage } from './validation-messages.ts';
import { cleanFreeText, controlCharacterIn, stripControlCharacters } from '../text.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What a user with a temporary password may still call: the password change itself, the session and
 * CSRF token the change page needs, and signing in or out. Everything else under /api/ answers 403.
 */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/auth/session',
  'GET /api/auth/csrf',
  'POST /api/auth/password',
  'POST /api/auth/login',
  'POST /api/auth/logout',
]);

export const PASSWORD_CHANGE_REQUIRED = 'password_change_required';

function refusedBeforePasswordChange(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0]!;
  if (!path.startsWith('/api/')) return false;
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  return !OPEN_BEFORE_PASSWORD_CHANGE.has(`${method} ${path.replace(/\/+$/, '')}`);
}

export interface ErrorBody {
  error: { code: string; message: string; messageEn?: string; details?: unknown };
  requestId: string;
}

/** The signed-in user of the request, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.', undefined, 'Please sign in.');
  }
  return request.actor;
}

interface ValidationEntry {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** fastify-type-provider-zod reports each zod issue as { keyword: code, instancePath, message, params }. */
function issuesFromValidation(entries: readonly ValidationEntry[], prefix: string): FieldIssue[] {
  return entries.map((entry) => {
    const segments = entry.instancePath.split('/').filter(Boolean);
    const rawIssue = { code: entry.keyword, path: segments, ...entry.params } as never;
    return {
      path: [prefix, ...segments].filter(Boolean).join('.'),
      message: entry.message ?? 'Giá trị không hợp lệ.',
      messageEn: englishMessage(rawIssue),
    };
  });
}

function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, messageEn: error.messageEn, details: error.details },
    requestId: request.id,
  };
  const retryAfter = error.details?.retryAfterSeconds;
  if (error.code === 'RATE_LIMITED' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.status(httpStatusOf[error.code]).type('application/json; charset=utf-8').send(body);
}

/** Turns anything thrown into the error body of DESIGN.md; never leaks a stack trace or SQL. */
function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? '';
    const prefix = context === 'body' ? '' : context;
    const issues = issuesFromValidation(error.validation as unknown as ValidationEntry[], prefix);
    return new AppError('INVALID_INPUT', 'Dữ liệu không hợp lệ.', { issues }, 'Invalid input.');
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.', undefined, 'Request body too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('INVALID_INPUT', 'Nội dung gửi lên không đọc được (cần JSON hợp lệ).', undefined, 'Unreadable body.');
  }
  if (fastifyError.statusCode === 400 && (error as SyntaxError).name === 'SyntaxError') {
    return new AppError('INVALID_INPUT', 'Nội dung gửi lên không đọc được (cần JSON hợp lệ).', undefined, 'Malformed JSON.');
  }
  return new AppError('INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', undefined, 'Internal error.');
}

/** Secrets are compared byte for byte (argon2), never stored as text: they are left exactly as typed. */
const LEFT_AS_TYPED = /password|secret|token/i;

/** A parsed JSON object or query (fast-querystring's has a prototype without a prototype), not a Buffer or stream. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

/**
 * Every string of a request's JSON body, query and path, before its schema sees it (issue 16, finding 8;
 * decision 018): a control character (a NUL made PostgreSQL fail with a 500) is a 400 naming the field,
 * bidirectional controls are removed and invisible characters trimmed at the ends (cleanFreeText). The
 * shared freeText schema applies the same rules and the one-line rule field by field.
 */
function screenStrings(input: unknown, prefix: string, issues: FieldIssue[]): unknown {
  const seen = new WeakSet<object>();
  const visit = (value: unknown, path: string[]): unknown => {
    if (typeof value === 'string') {
      if (LEFT_AS_TYPED.test(path.at(-1) ?? '')) return value;
      const control = controlCharacterIn(value);
      if (!control) return cleanFreeText(value);
      issues.push({
        path: [prefix, ...path].filter(Boolean).join('.'),
        message: `Chứa ký tự điều khiển không được phép (${control}).`,
        messageEn: `Contains a control character that is not allowed (${control}).`,
      });
      return value;
    }
    if (Array.isArray(value)) {
      if (seen.has(value)) return value;
      seen.add(value);
      for (let index = 0; index < value.length; index++) value[index] = visit(value[index], [...path, String(index)]);
      return value;
    }
    if (isPlainObject(value)) {
      if (seen.has(value)) return value;
      seen.add(value);
      for (const key of Object.keys(value)) {
        const control = controlCharacterIn(key);
        if (control) {
          issues.push({ path: [prefix, ...path, stripControlCharacters(key)].filter(Boolean).join('.'), message: `Tên trường chứa ký tự điều khiển (${control}).`, messageEn: `A field name contains a control character (${control}).` });
          continue;
        }
        value[key] = visit(value[key], [...path, key]);
      }
      return value;
    }
    return value;
  };
  return visit(input, []);
}

export interface HttpCoreOptions {
  sql: Sql;
  clock: Clock;
  secureCookies: boolean;
}

/**
 * Request plumbing shared by every route: who is calling (session cookie), CSRF protection for
 * state-changing API calls (double-submit token bound to the session), and one error format.
 */
export function installHttpCore(app: FastifyInstance, options: HttpCoreOptions): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrfToken', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(options.sql, token, options.clock.now());
    if (!session) return;
    request.actor = session.actor;
    request.sessionCsrfToken = session.csrfToken;
    // The temporary password an administrator handed out must be replaced before it opens anything
    // (issue 16, finding 3); the back office sends the user to /admin/password on this reason.
    if (session.mustChangePassword && refusedBeforePasswordChange(request)) {
      throw new AppError(
        'FORBIDDEN',
        'Bạn đang dùng mật khẩu tạm thời. Hãy đổi mật khẩu trước khi tiếp tục.',
        { reason: PASSWORD_CHANGE_REQUIRED },
        'You are using a temporary password. Change it before you continue.',
      );
    }
  });

  // Before validation, so a forged request learns nothing about the body it sent.
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const header = request.headers[CSRF_HEADER];
    const cookie = request.cookies[CSRF_COOKIE];
    const expected = request.sessionCsrfToken ?? cookie;
    if (typeof header !== 'string' || !expected || header !== expected || (cookie && cookie !== header)) {
      throw new AppError(
        'FORBIDDEN',
        'Yêu cầu bị từ chối vì thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang.',
        { reason: 'csrf' },
        'Missing or invalid CSRF token.',
      );
    }
  });

  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) {
      // The public pages answer HTML: a control character in their query is dropped rather than refused.
      if (isPlainObject(request.query)) {
        for (const [key, value] of Object.entries(request.query)) {
          if (typeof value === 'string') (request.query as Record<string, unknown>)[key] = stripControlCharacters(cleanFreeText(value));
        }
      }
      return;
    }
    const issues: FieldIssue[] = [];
    request.body = screenStrings(request.body, '', issues);
    request.query = screenStrings(request.query, 'querystring', issues);
    request.params = screenStrings(request.params, 'params', issues);
    if (issues.length > 0) throw new AppError('INVALID_INPUT', 'Dữ liệu không hợp lệ.', { issues }, 'Invalid input.');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return sendError(reply, request, new AppError('NOT_FOUND', 'Không tìm thấy địa chỉ này.', undefined, 'No such route.'));
    }
    return reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send('<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy</title><p>Không tìm thấy trang. <a href="/">Về trang chủ</a></p></html>');
  });
}
