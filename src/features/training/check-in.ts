import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { AppError, conflict, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { lockTrainingForChange } from './save-training.ts';
import * as repository from './training.repository.ts';
import { normalizePhone, PHONE_PATTERN, type CheckInLink, type CheckInResult } from './training.schemas.ts';

// Phone numbers are guessable; a token that keeps failing is slowed down (a class of 210 rarely mistypes 20 times in 10 minutes).
export const CHECK_IN_WINDOW_MS = 10 * 60 * 1000;
export const MAX_FAILED_CHECK_INS = 20;

export const checkInPath = (token: string) => `/check-in/${token}`;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const badToken = () => notFound('Mã điểm danh');

/**
 * The organiser opens QR check-in of a session: a fresh random token (only its hash is kept) in a URL shown
 * as a QR code. Opening again issues a new code and invalidates the previous one.
 */
export async function openSessionCheckIn(ctx: AppContext, actor: Actor, trainingId: string, sessionId: string, origin: string, requestId?: string): Promise<CheckInLink> {
  return withTransaction(ctx.db, async (tx) => {
    await lockTrainingForChange(tx, actor, trainingId);
    const session = await repository.findCheckInOfSession(tx, trainingId, sessionId);
    if (!session) throw notFound('Buổi học');
    const token = randomBytes(24).toString('base64url');
    const now = ctx.clock.now();
    await repository.openCheckIn(tx, sessionId, hashOf(token), now);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'training.check_in_opened', entityType: 'training', entityId: trainingId, after: { sessionId }, requestId, occurredAt: now });
    const url = `${origin}${checkInPath(token)}`;
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { sessionId, url, qrSvg, openedAt: now, closedAt: null };
  });
}

export async function closeSessionCheckIn(ctx: AppContext, actor: Actor, trainingId: string, sessionId: string, requestId?: string): Promise<{ sessionId: string; closedAt: Date }> {
  return withTransaction(ctx.db, async (tx) => {
    await lockTrainingForChange(tx, actor, trainingId);
    const session = await repository.findCheckInOfSession(tx, trainingId, sessionId);
    if (!session) throw notFound('Buổi học');
    if (!session.openedAt) throw conflict('Buổi học này chưa mở điểm danh bằng mã QR.', 'QR check-in was never opened.');
    const now = ctx.clock.now();
    await repository.closeCheckIn(tx, sessionId, now);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'training.check_in_closed', entityType: 'training', entityId: trainingId, after: { sessionId }, requestId, occurredAt: now });
    return { sessionId, closedAt: session.closedAt ?? now };
  });
}

/** What the check-in page shows before the participant types anything. */
export async function findCheckIn(ctx: AppContext, token: string): Promise<repository.CheckInState | null> {
  return repository.findCheckInByToken(ctx.db.pool, hashOf(token));
}

/**
 * A participant marks themself present by the phone number they registered with. No account: the token in
 * the URL is the permission. Checking in twice is the same as once.
 */
export async function checkInByPhone(ctx: AppContext, token: string, input: { phone?: unknown }, requestId?: string): Promise<CheckInResult> {
  const tokenHash = hashOf(token);
  const now = ctx.clock.now();
  const failures = await repository.countRecentCheckInFailures(ctx.db.pool, tokenHash, new Date(now.getTime() - CHECK_IN_WINDOW_MS));
  if (failures >= MAX_FAILED_CHECK_INS) {
    throw new AppError('RATE_LIMITED', 'Có quá nhiều lần điểm danh không thành công với mã này. Vui lòng thử lại sau 10 phút hoặc báo ban tổ chức.', { retryAfterSeconds: CHECK_IN_WINDOW_MS / 1000 }, 'Too many failed check-ins; try again in 10 minutes.');
  }
  const fail = async (error: AppError) => {
    await repository.insertCheckInFailure(ctx.db.pool, tokenHash, now);
    return error;
  };
  const phone = normalizePhone(typeof input.phone === 'string' ? input.phone.trim() : '');
  if (!PHONE_PATTERN.test(phone)) {
    throw invalidInput([{ path: 'phone', message: phone ? 'Số điện thoại không hợp lệ (8–15 chữ số).' : 'Hãy nhập số điện thoại bạn đã đăng ký.', messageEn: 'Enter the phone number you registered with.' }]);
  }
  const session = await repository.findCheckInByToken(ctx.db.pool, tokenHash);
  if (!session) throw await fail(badToken());
  if (session.closedAt) throw conflict('Buổi học này đã đóng điểm danh. Vui lòng báo ban tổ chức.', 'Check-in for this session is closed.');
  const people = await repository.findParticipantsByPhone(ctx.db.pool, session.trainingId, phone);
  if (people.length === 0) {
    throw await fail(invalidInput([{ path: 'phone', message: 'Không tìm thấy số điện thoại này trong danh sách học viên của lớp. Hãy nhập đúng số đã đăng ký hoặc báo ban tổ chức.', messageEn: 'No participant registered with this phone number.' }]));
  }
  return withTransaction(ctx.db, async (tx) => {
    const ids = people.map((p) => p.id);
    const already = await repository.findPresentParticipantIds(tx, session.sessionId, ids);
    const newcomers = ids.filter((id) => !already.has(id));
    if (newcomers.length) {
      await repository.upsertAttendance(tx, session.trainingId, session.sessionId, newcomers.map((participantId) => ({ participantId, present: true })), null, now);
      await repository.touchTraining(tx, session.trainingId, now);
      await recordAuditEvent(tx, {
        actor: { userId: null, label: 'Tự điểm danh bằng mã QR' },
        action: 'training.checked_in',
        entityType: 'training',
        entityId: session.trainingId,
        after: { sessionId: session.sessionId, participantIds: newcomers },
        requestId,
        occurredAt: now,
      });
    }
    return {
      trainingTitle: session.trainingTitle,
      sessionTitle: session.sessionTitle,
      heldOn: session.heldOn,
      names: people.map((p) => p.fullName),
      alreadyCheckedIn: newcomers.length === 0,
    };
  });
}
