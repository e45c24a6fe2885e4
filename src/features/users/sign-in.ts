import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { hashPassword, verifyPassword } from '../../core/auth/passwords.ts';
import { createSession, deleteOtherSessionsOfUser, findSession, newToken } from '../../core/auth/sessions.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { createHash } from 'node:crypto';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { AppError, invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { notify } from '../notifications/index.ts';
import { signInThrottle, signInWaitMs } from './sign-in-throttle.ts';
import * as repository from './users.repository.ts';

// Verifying against a real hash when the user does not exist keeps the answer time the same.
let decoyHash: Promise<string> | null = null;

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng.', undefined, 'Wrong username or password.');

function tooManyFailures(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const [vi, en] = seconds < 60 ? [`${seconds} giây`, `${seconds} s`] : [`${minutes} phút`, `${minutes} min`];
  return new AppError(
    'RATE_LIMITED',
    `Đăng nhập sai nhiều lần từ thiết bị hoặc địa chỉ này. Vui lòng thử lại sau ${vi}.`,
    { retryAfterSeconds: seconds },
    `Too many failed sign-ins from this device or address; try again in ${en}.`,
  );
}

/** The device cookie's token as stored: only its SHA-256 (the cookie alone proves nothing but "seen before"). */
const deviceIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function signIn(
  ctx: AppContext,
  input: { username: string; password: string; ip: string; userAgent?: string; deviceToken?: string },
): Promise<{ sessionToken: string; csrfToken: string; actor: Actor; deviceToken: string }> {
  const now = ctx.clock.now();
  const credentials = await repository.findCredentials(ctx.db.pool, input.username);
  const deviceId = input.deviceToken ? deviceIdOf(input.deviceToken) : null;
  const knownDevice = deviceId !== null && credentials !== null && (await repository.isKnownDevice(ctx.db.pool, deviceId, credentials.id));
  const failures = await repository.countRecentFailedLogins(ctx.db.pool, {
    username: input.username,
    ip: input.ip,
    knownDeviceId: knownDevice ? deviceId : null,
    userId: credentials?.id ?? null,
    since: new Date(now.getTime() - signInThrottle.windowMs),
  });
  const waitMs = signInWaitMs(failures, knownDevice, now);
  if (waitMs > 0) throw tooManyFailures(waitMs);

  decoyHash ??= hashPassword('decoy password for timing');
  const passwordOk = await verifyPassword(credentials?.passwordHash ?? (await decoyHash), input.password);
  const demoRefused = credentials?.isDemo === true && !ctx.config.demoMode;
  if (!credentials || !passwordOk || !credentials.isActive || demoRefused) {
    await withTransaction(ctx.db, async (tx) => {
      await repository.insertLoginAttempt(tx, { username: input.username, ip: input.ip, deviceId, succeeded: false, at: now });
      if (credentials && failures.byUsername + 1 >= signInThrottle.noticeAtFailures) {
        await tellOfFailedSignIns(tx, { userId: credentials.id, username: input.username, failures: failures.byUsername + 1, ip: input.ip }, now);
      }
    });
    if (credentials && passwordOk && !credentials.isActive) {
      throw new AppError('UNAUTHENTICATED', 'Tài khoản đã bị khóa. Liên hệ quản trị viên.', undefined, 'Account deactivated.');
    }
    if (credentials && passwordOk && demoRefused) {
      throw new AppError('UNAUTHENTICATED', 'Tài khoản mẫu chỉ dùng được khi hệ thống chạy ở chế độ demo.', undefined, 'Demo accounts work only in demo mode.');
    }
    throw wrongCredentials();
  }
  const csrfToken = newToken();
  const deviceToken = input.deviceToken ?? newToken();
  return withTransaction(ctx.db, async (tx) => {
    await repository.insertLoginAttempt(tx, { username: input.username, ip: input.ip, deviceId, succeeded: true, at: now });
    await repository.rememberDevice(tx, deviceIdOf(deviceToken), credentials.id, now);
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
      after: { ip: input.ip, knownDevice },
      occurredAt: now,
    });
    return { sessionToken, csrfToken, actor: session.actor, deviceToken };
  });
}

/**
 * Many failed sign-ins on one account: its owner and the administrators get an in-app notice (and the
 * owner's channels), once per 15-minute stretch however many failures follow (the dedupe key).
 */
async function tellOfFailedSignIns(tx: Sql, about: { userId: string; username: string; failures: number; ip: string }, now: Date): Promise<void> {
  const stretch = Math.floor(now.getTime() / signInThrottle.windowMs);
  const title = `Nhiều lần đăng nhập sai vào tài khoản ${about.username}`;
  const fields = { username: about.username, failures: String(about.failures), ip: about.ip };
  await notify(
    tx,
    [{ userId: about.userId }],
    {
      kind: 'account.sign_in_failures',
      title,
      body: `Đã có ${about.failures} lần đăng nhập sai vào tài khoản ${about.username} trong 15 phút qua (gần nhất từ địa chỉ ${about.ip}). Tài khoản vẫn đăng nhập được từ thiết bị bạn thường dùng. Nếu không phải bạn, hãy đổi mật khẩu.`,
      link: '/admin/password',
      dedupeKey: `sign-in-failures:${about.userId}:${stretch}`,
      fields,
    },
    now,
  );
  const administrators = (await repository.listActiveAdministratorIds(tx)).filter((id) => id !== about.userId);
  if (administrators.length === 0) return;
  await notify(
    tx,
    administrators.map((userId) => ({ userId })),
    {
      kind: 'account.sign_in_failures',
      title,
      body: `Đã có ${about.failures} lần đăng nhập sai vào tài khoản ${about.username} trong 15 phút qua (gần nhất từ địa chỉ ${about.ip}). Các địa chỉ lạ bị làm chậm; chủ tài khoản vẫn vào được từ thiết bị quen.`,
      link: `/admin/users/${about.userId}`,
      dedupeKey: `sign-in-failures:${about.userId}:${stretch}`,
      fields,
    },
    now,
  );
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

