import type { Actor } from '../../core/auth/actor.ts';
import { today } from '../../core/clock/index.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findProducer } from '../producers/index.ts';
import { canReadProducerParticipation, canReadUnitTraining } from './training.policy.ts';
import * as repository from './training.repository.ts';
import type { Certificate, Participant, ProducerTraining } from './training.schemas.ts';

/**
 * A certificate of attendance (giấy chứng nhận tham dự) goes to whoever attended every session of the
 * training; a training without sessions has nothing to certify yet.
 */
export function certificateEligibility(attended: number, total: number): { eligible: boolean; reason: string | null } {
  if (total === 0) return { eligible: false, reason: 'Lớp chưa có buổi học nào.' };
  if (attended < total) return { eligible: false, reason: `Mới dự ${attended}/${total} buổi; giấy chứng nhận cấp cho người dự đủ các buổi.` };
  return { eligible: true, reason: null };
}

export function certificateNumber(trainingId: string, startsOn: string, participantNumber: number): string {
  return `TH-${startsOn.slice(0, 4)}-${trainingId.slice(0, 8).toUpperCase()}-${String(participantNumber).padStart(3, '0')}`;
}

export async function listTrainingParticipants(ctx: AppContext, actor: Actor, trainingId: string): Promise<Participant[]> {
  const training = await repository.findTraining(ctx.db.pool, trainingId);
  if (!training || !canReadUnitTraining(actor, training)) throw notFound('Lớp tập huấn');
  return repository.listParticipants(ctx.db.pool, trainingId);
}

export async function getAttendanceCertificate(ctx: AppContext, actor: Actor, trainingId: string, participantId: string): Promise<Certificate> {
  const training = await repository.findTraining(ctx.db.pool, trainingId);
  const participant = training && (await repository.findParticipant(ctx.db.pool, trainingId, participantId));
  const ownParticipation = actor.role === 'producer' && actor.producerId !== null && participant?.producerId === actor.producerId;
  if (!training || !participant || !(ownParticipation || canReadUnitTraining(actor, training))) throw notFound('Học viên');
  const attended = Object.values(participant.attendance).filter(Boolean).length;
  const { eligible, reason } = certificateEligibility(attended, training.sessionCount);
  return {
    certificateNumber: certificateNumber(training.id, training.startsOn, participant.number),
    eligible,
    reason,
    participant: { id: participant.id, number: participant.number, fullName: participant.fullName, organisation: participant.organisation, producerName: participant.producerName },
    training: {
      id: training.id,
      title: training.title,
      organiserName: training.organiserName,
      startsOn: training.startsOn,
      endsOn: training.endsOn,
      place: training.place,
      topics: training.topics.map((t) => t.name),
    },
    sessionsAttended: attended,
    sessionsTotal: training.sessionCount,
    issuedOn: today(ctx.clock),
  };
}

/** The trainings a producer's people were registered for, with attendance: shown on its profile. */
export async function listProducerTrainings(ctx: AppContext, actor: Actor, producerId: string): Promise<ProducerTraining[]> {
  if (!['producer', 'system_admin', 'ministry_officer', 'province_office', 'commune_officer'].includes(actor.role)) throw forbidden();
  const producer = await findProducer(ctx.db.pool, producerId);
  if (!producer || !canReadProducerParticipation(actor, producer)) throw notFound('Chủ thể');
  const rows = await repository.listProducerTrainings(ctx.db.pool, producerId);
  return rows.map((row) => ({ ...row, certificateEligible: certificateEligibility(row.sessionsAttended, row.sessionsTotal).eligible }));
}
