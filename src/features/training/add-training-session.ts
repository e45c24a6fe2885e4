import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { loadTrainingDetail, lockTrainingForChange } from './save-training.ts';
import * as repository from './training.repository.ts';
import type { CreateSessionInput, TrainingDetail } from './training.schemas.ts';
import { formatVietnameseDate } from '../documents/index.ts';

/** A session (a morning, a day) of the training, on one of its days: attendance is taken per session. */
export async function addTrainingSession(ctx: AppContext, actor: Actor, trainingId: string, input: CreateSessionInput, requestId?: string): Promise<TrainingDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const training = await lockTrainingForChange(tx, actor, trainingId);
    if (input.heldOn < training.startsOn || input.heldOn > training.endsOn) {
      throw invalidInput([{ path: 'heldOn', message: `Buổi học phải nằm trong thời gian của lớp (${training.startsOn} – ${training.endsOn}).`, messageEn: 'Outside the training dates.' }]);
    }
    const now = ctx.clock.now();
    const sessionId = await repository.insertSession(tx, trainingId, input, actor.userId, now);
    if (!sessionId) throw conflict(`Lớp đã có buổi “${input.title}” ngày ${formatVietnameseDate(input.heldOn)}.`, 'That session exists.');
    await repository.touchTraining(tx, trainingId, now);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'training.session_added', entityType: 'training', entityId: trainingId, after: { sessionId, ...input }, requestId, occurredAt: now });
    return (await loadTrainingDetail(tx, trainingId))!;
  });
}
