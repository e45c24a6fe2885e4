import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { hashPassword, verifyPassword } from '../../core/auth/passwords.ts';
import { createSession, deleteOtherSessionsOfUser, findSession, newToken } from '../../core/auth/sessions.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { AppError, invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import * as repository from './users.repository.ts';

// Login throttling is kept in the database, so it holds across several app processes.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_PER_USERNAME = 5;
export const MAX_FAILED_PER_IP = 30;

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng.', undefined, 'Wrong username or password.');

// Verifying against a real hash when the user does not exist keeps the answer time the same.
let decoyHash: Promise<string> | null = null;

export async function signIn(
  ctx: AppContext,
  input: { username: string; password: string; ip: string; userAgent?: string },
): Promise<{ sessionToken: string; csrfToken: string; actor: Actor }> {
  const now = ctx.clock.now();
  const failures = await repository.countRecentFailedLogins(ctx.db.pool, {
    username: input.username,
    ip: input.ip,
    since: new Date(now.getTime() - LOGIN_WINDOW_MS),
  });
  if (failures.byUsername >= MAX_FAILED_PER_USERNAME || failures.byIp >= MAX_FAILED_PER_IP) {
    throw new AppError(
      'RATE_LIMITED',
      'Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
      { retryAfterSeconds: LOGIN_WINDOW_MS / 1000 },
      'Too many failed attempts; try again in 15 minutes.',
    );
  }
  const credentials = await repository.findCredentials(ctx.db.pool, input.username);
  decoyHash ??= hashPassword('decoy password for timing');
  const passwordOk = await verifyPassword(credentials?.passwordHash ?? (await decoyHash), input.password);
  const demoRefused = credentials?.isDemo === true && !ctx.config.demoMode;
  if (!credentials || !passwordOk || !credentials.isActive || demoRefused) {
    await repository.insertLoginAttempt(ctx.db.pool, { username: input.username, ip: input.ip, succeeded: false, at: now });
    if (credentials && passwordOk && !credentials.isActive) {
      throw new AppError('UNAUTHENTICATED', 'Tài khoản đã bị khóa. Liên hệ quản trị viên.', undefined, 'Account deactivated.');
    }
    if (credentials && passwordOk && demoRefused) {
      throw new AppError('UNAUTHENTICATED', 'Tài khoản mẫu chỉ dùng được khi hệ thống chạy ở chế độ demo.', undefined, 'Demo accounts work only in demo mode.');
    }
    throw wrongCredentials();
  }
  const csrfToken = newToken();
  return withTransaction(ctx.db, async (tx) => {
    await repository.insertLoginAttempt(tx, { username: input.username, ip: input.ip, succeeded: true, at: now });
    const sessionToken = await createSession(tx, {
      userId: credentials.id,
      csrfToken,
      now,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    const session = (await findSession(tx, sessionToken, now))!;
    await recordAuditEvent(tx, {
      actor: auditActorOf(session.actor),
      action: 'user.signed_in',
      entityType: 'user',
      entityId: credentials.id,
      after: { ip: input.ip },
      occurredAt: now,
    });
    return { sessionToken, csrfToken, actor: session.actor };
  });
}

/**
 * The user replaces their password. Every other session of theirs ends (a stolen session or a
 * forgotten shared computer must not outlive the change); the session they changed it in stays.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentSessionToken: string | undefined,
  requestId?: string,
): Promise<void> {
  const credentials = await repository.findCredentials(ctx.db.pool, actor.username);
  if (!credentials || !(await verifyPassword(credentials.passwordHash, input.currentPassword))) {
    throw invalidInput([{ path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' }]);
  }
  if (input.currentPassword === input.newPassword) {
    throw invalidInput([{ path: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    await repository.updateUser(tx, actor.userId, { passwordHash, mustChangePassword: false }, now);
    const endedSessions = await deleteOtherSessionsOfUser(tx, actor.userId, currentSessionToken);
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'user.password_changed',
      entityType: 'user',
      entityId: actor.userId,
      after: { endedSessions },
      requestId,
      occurredAt: now,
    });
  });
}

