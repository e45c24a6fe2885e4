import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { lockTrainingForChange } from './save-training.ts';
import * as repository from './training.repository.ts';
import type { AttendanceInput, Session } from './training.schemas.ts';

/**
 * Roll call of one session: each listed participant present or absent. Calling again corrects the marks
 * (the latest mark counts); participants not listed keep theirs.
 */
export async function takeAttendance(
  ctx: AppContext,
  actor: Actor,
  trainingId: string,
  sessionId: string,
  input: AttendanceInput,
  requestId?: string,
): Promise<{ session: Session; recorded: number }> {
  return withTransaction(ctx.db, async (tx) => {
    await lockTrainingForChange(tx, actor, trainingId);
    const before = await repository.findSession(tx, trainingId, sessionId);
    if (!before) throw notFound('Buổi học');
    const ids = input.entries.map((e) => e.participantId);
    const known = await repository.findParticipantIds(tx, trainingId, ids);
    const seen = new Set<string>();
    const issues = input.entries.flatMap((entry, index) => {
      if (!known.has(entry.participantId)) {
        return [{ path: `entries.${index}.participantId`, message: 'Người này không có trong danh sách lớp.', messageEn: 'Not a participant of this training.' }];
      }
      if (seen.has(entry.participantId)) {
        return [{ path: `entries.${index}.participantId`, message: 'Người này được điểm danh hai lần trong cùng yêu cầu.', messageEn: 'Listed twice.' }];
      }
      seen.add(entry.participantId);
      return [];
    });
    if (issues.length) throw invalidInput(issues);
    const now = ctx.clock.now();
    await repository.upsertAttendance(tx, trainingId, sessionId, input.entries, actor.userId, now);
    await repository.touchTraining(tx, trainingId, now);
    const session = (await repository.findSession(tx, trainingId, sessionId))!;
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'training.attendance_taken',
      entityType: 'training',
      entityId: trainingId,
      before: { sessionId, presentCount: before.presentCount, recordedCount: before.recordedCount },
      after: { sessionId, entries: input.entries, presentCount: session.presentCount, recordedCount: session.recordedCount },
      requestId,
      occurredAt: now,
    });
    return { session, recorded: input.entries.length };
  });
}
