import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, notFound, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { resolveUnit } from '../admin-units/index.ts';
import { canManageUnitTraining, canReadUnitTraining } from './training.policy.ts';
import * as repository from './training.repository.ts';
import type { CreateTrainingInput, TrainingDetail, UpdateTrainingInput } from './training.schemas.ts';

async function topicIssues(sql: Sql, codes: readonly string[]): Promise<FieldIssue[]> {
  const known = await repository.findExistingTopicCodes(sql, codes);
  return codes.flatMap((code, index) =>
    known.has(code) ? [] : [{ path: `topicCodes.${index}`, message: `Không có chuyên đề “${code}” trong danh mục.`, messageEn: `Unknown topic ${code}.` }],
  );
}

export async function loadTrainingDetail(sql: Sql, id: string): Promise<TrainingDetail | null> {
  const training = await repository.findTraining(sql, id);
  return training && { ...training, sessions: await repository.listSessions(sql, id) };
}

export async function createTraining(ctx: AppContext, actor: Actor, input: CreateTrainingInput, requestId?: string): Promise<TrainingDetail> {
  const { unit, issues } = await resolveUnit(ctx.db.pool, input.provinceCode, input.communeCode);
  issues.push(...(await topicIssues(ctx.db.pool, input.topicCodes)));
  if (issues.length > 0 || !unit) throw invalidInput(issues);
  if (!canManageUnitTraining(actor, unit)) throw forbidden('Bạn chỉ tổ chức được lớp tập huấn của đơn vị mình.');
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const id = await repository.insertTraining(
      tx,
      {
        organiserLevel: unit.level,
        provinceCode: unit.provinceCode,
        communeCode: unit.communeCode,
        organiserName: input.organiserName,
        kind: input.kind,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        place: input.place,
        targetAudiences: [...new Set(input.targetAudiences)],
        trainers: input.trainers ?? null,
        materials: input.materials ?? null,
        plannedParticipants: input.plannedParticipants ?? null,
      },
      actor.userId,
      now,
    );
    await repository.replaceTopics(tx, id, [...new Set(input.topicCodes)]);
    const saved = (await loadTrainingDetail(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'training.created', entityType: 'training', entityId: id, after: saved, requestId, occurredAt: now });
    return saved;
  });
}

export async function changeTraining(ctx: AppContext, actor: Actor, id: string, input: UpdateTrainingInput, requestId?: string): Promise<TrainingDetail> {
  if (input.topicCodes) {
    const issues = await topicIssues(ctx.db.pool, input.topicCodes);
    if (issues.length) throw invalidInput(issues);
  }
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findTraining(tx, id, { forUpdate: true });
    if (!before || !canReadUnitTraining(actor, before)) throw notFound('Lớp tập huấn');
    if (!canManageUnitTraining(actor, before)) throw forbidden();
    if (before.version !== input.version) {
      throw conflict('Lớp tập huấn vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    }
    const startsOn = input.startsOn ?? before.startsOn;
    const endsOn = input.endsOn ?? before.endsOn;
    const issues: FieldIssue[] = [];
    if (endsOn < startsOn) issues.push({ path: 'endsOn', message: 'Ngày kết thúc không được trước ngày bắt đầu.', messageEn: 'Ends before it starts.' });
    const sessions = await repository.sessionDateRange(tx, id);
    if (sessions.first && (sessions.first < startsOn || sessions.last! > endsOn)) {
      issues.push({ path: 'startsOn', message: `Lớp đã có buổi học từ ${sessions.first} đến ${sessions.last}; thời gian mới phải bao gồm các buổi này.`, messageEn: 'Existing sessions fall outside the new dates.' });
    }
    if (issues.length) throw invalidInput(issues);
    const now = ctx.clock.now();
    await repository.updateTraining(
      tx,
      id,
      {
        organiserName: input.organiserName ?? before.organiserName,
        kind: input.kind ?? before.kind,
        title: input.title ?? before.title,
        startsOn,
        endsOn,
        place: input.place ?? before.place,
        targetAudiences: input.targetAudiences ? [...new Set(input.targetAudiences)] : before.targetAudiences,
        trainers: input.trainers === undefined ? before.trainers : input.trainers,
        materials: input.materials === undefined ? before.materials : input.materials,
        plannedParticipants: input.plannedParticipants === undefined ? before.plannedParticipants : input.plannedParticipants,
      },
      now,
    );
    if (input.topicCodes) await repository.replaceTopics(tx, id, [...new Set(input.topicCodes)]);
    const after = (await loadTrainingDetail(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'training.changed', entityType: 'training', entityId: id, before, after, requestId, occurredAt: now });
    return after;
  });
}

export async function getTraining(ctx: AppContext, actor: Actor, id: string): Promise<TrainingDetail> {
  const training = await loadTrainingDetail(ctx.db.pool, id);
  if (!training || !canReadUnitTraining(actor, training)) throw notFound('Lớp tập huấn');
  return training;
}

/** Locks the training for a change inside it (sessions, participants, attendance) and checks the actor may make it. */
export async function lockTrainingForChange(tx: Sql, actor: Actor, id: string) {
  const training = await repository.findTraining(tx, id, { forUpdate: true });
  if (!training || !canReadUnitTraining(actor, training)) throw notFound('Lớp tập huấn');
  if (!canManageUnitTraining(actor, training)) throw forbidden();
  return training;
}
