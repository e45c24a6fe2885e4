import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { AppError, conflict, invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findProducer } from '../producers/index.ts';
import { columns, personKey, readParticipantSheet, validateParticipantRows } from './participant-spreadsheet.ts';
import { lockTrainingForChange } from './save-training.ts';
import * as repository from './training.repository.ts';
import type { ImportResult, Participant, RegisterParticipantInput, Training } from './training.schemas.ts';

/** A producer attends a training of its own unit: the province's trainings, or its commune's. */
function liesWithin(training: Training, place: { provinceCode: string; communeCode: string }): boolean {
  return place.provinceCode === training.provinceCode && (training.communeCode === null || place.communeCode === training.communeCode);
}

export async function registerParticipant(
  ctx: AppContext,
  actor: Actor,
  trainingId: string,
  input: RegisterParticipantInput,
  requestId?: string,
): Promise<Participant> {
  return withTransaction(ctx.db, async (tx) => {
    const training = await lockTrainingForChange(tx, actor, trainingId);
    if (input.producerId) {
      const producer = await findProducer(tx, input.producerId);
      if (!producer || producer.mergedIntoId || !liesWithin(training, producer)) {
        throw invalidInput([{ path: 'producerId', message: 'Không tìm thấy chủ thể này trong địa bàn của lớp tập huấn.', messageEn: 'No such producer in the training’s unit.' }]);
      }
    }
    const phone = input.phone ?? null;
    const existing = (await repository.listRegisteredPeople(tx, trainingId)).find((p) => personKey(p.fullName, p.phone) === personKey(input.fullName, phone));
    if (existing) throw conflict(`Người này đã có trong danh sách lớp (số thứ tự ${existing.number}).`, 'Already registered.');
    const now = ctx.clock.now();
    const [id] = await repository.insertParticipants(
      tx,
      trainingId,
      [{ fullName: input.fullName, kind: input.kind, officialLevel: input.officialLevel ?? null, producerId: input.producerId ?? null, phone, organisation: input.organisation ?? null }],
      'registered',
      actor.userId,
      now,
    );
    await repository.touchTraining(tx, trainingId, now);
    const participant = (await repository.findParticipant(tx, trainingId, id!))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'training.participant_registered', entityType: 'training', entityId: trainingId, after: participant, requestId, occurredAt: now });
    return participant;
  });
}

/**
 * Imports the participant list from an .xlsx file. With `dryRun` nothing is written and every row comes back
 * with its problems (the preview). Otherwise the import is all or nothing: one problem anywhere and no one
 * is imported; the answer lists every problem with its row number.
 */
export async function importParticipants(
  ctx: AppContext,
  actor: Actor,
  trainingId: string,
  content: Buffer,
  options: { dryRun: boolean },
  requestId?: string,
): Promise<ImportResult> {
  // Authorise before reading the file, so a stranger learns nothing from the answer.
  await withTransaction(ctx.db, (tx) => lockTrainingForChange(tx, actor, trainingId));
  const sheet = await readParticipantSheet(content);
  if (sheet.issues.length) throw new AppError('INVALID_INPUT', sheet.issues[0]!.message, { issues: sheet.issues }, sheet.issues[0]!.messageEn);

  return withTransaction(ctx.db, async (tx) => {
    const training = await lockTrainingForChange(tx, actor, trainingId);
    const rows = validateParticipantRows(sheet.rows, {
      producers: await repository.listUnitProducers(tx, training),
      registered: await repository.listRegisteredPeople(tx, trainingId),
    });
    const errorCount = rows.reduce((sum, row) => sum + row.errors.length, 0);
    const result: ImportResult = {
      dryRun: options.dryRun,
      totalRows: rows.length,
      validRows: rows.filter((row) => row.errors.length === 0).length,
      errorCount,
      imported: 0,
      rows,
    };
    if (options.dryRun) return result;
    if (errorCount > 0) {
      const issues: FieldIssue[] = rows.flatMap((row) =>
        row.errors.map((e) => ({
          path: `rows.${row.row}.${Object.entries(columns).find(([, label]) => label === e.column)?.[0] ?? 'row'}`,
          message: `Dòng ${row.row}, cột “${e.column}”: ${e.message}`,
          messageEn: `Row ${row.row}, column "${e.column}".`,
        })),
      );
      throw new AppError(
        'INVALID_INPUT',
        `Tệp có ${errorCount} lỗi ở ${rows.length - result.validRows} dòng; chưa nhập người nào. Sửa tệp rồi gửi lại.`,
        { issues, rows },
        `${errorCount} problems; nobody was imported.`,
      );
    }
    const now = ctx.clock.now();
    const ids = await repository.insertParticipants(
      tx,
      trainingId,
      rows.map((row) => ({
        fullName: row.fullName,
        kind: row.kind!,
        officialLevel: row.officialLevel,
        producerId: row.producerId,
        phone: row.phone,
        organisation: row.organisation,
      })),
      'imported',
      actor.userId,
      now,
    );
    await repository.touchTraining(tx, trainingId, now);
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'training.participants_imported',
      entityType: 'training',
      entityId: trainingId,
      after: { count: ids.length, participantIds: ids },
      requestId,
      occurredAt: now,
    });
    return { ...result, imported: ids.length };
  });
}
