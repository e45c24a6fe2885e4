import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { checkUnitInScope, resolveUnit } from '../admin-units/index.ts';
import { canManageUnitPromotion, canReadUnitPromotion, promotionVisibility } from './fairs.policy.ts';
import * as repository from './fairs.repository.ts';
import type { AddFairParticipantInput, CreateFairInput, Fair, FairDetail, ListFairsQuery, UpdateFairInput, UpdateFairParticipantInput } from './fairs.schemas.ts';

async function loadFairDetail(sql: Sql, id: string): Promise<FairDetail | null> {
  const fair = await repository.findFair(sql, id);
  return fair && { ...fair, participants: await repository.listFairParticipants(sql, id) };
}

/** The fairs of the reader's unit, newest first. */
export async function listFairs(ctx: AppContext, actor: Actor, query: ListFairsQuery): Promise<Page<Fair>> {
  const visibility = promotionVisibility(actor);
  if (!visibility) throw forbidden();
  await checkUnitInScope(ctx.db.pool, actor, { provinceCode: query.province, communeCode: query.commune });
  const result = await repository.listFairs(ctx.db.pool, visibility, { provinceCode: query.province, communeCode: query.commune, year: query.year, ...pageWindow(query) });
  return pageOfResult(query, result);
}

export async function getFair(ctx: AppContext, actor: Actor, id: string): Promise<FairDetail> {
  const fair = await loadFairDetail(ctx.db.pool, id);
  if (!fair || !canReadUnitPromotion(actor, fair)) throw notFound('Hội chợ');
  return fair;
}

/** A fair or trade event the unit sends its producers to (in the province, elsewhere, abroad). */
export async function createFair(ctx: AppContext, actor: Actor, input: CreateFairInput, requestId?: string): Promise<FairDetail> {
  const { unit, issues } = await resolveUnit(ctx.db.pool, input.provinceCode, input.communeCode);
  if (!unit) throw invalidInput(issues);
  if (!canManageUnitPromotion(actor, unit)) throw forbidden('Bạn chỉ ghi nhận được hội chợ của đơn vị mình.');
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const id = await repository.insertFair(
      tx,
      unit,
      { name: input.name, scope: input.scope, startsOn: input.startsOn, endsOn: input.endsOn, place: input.place, organiserName: input.organiserName ?? null },
      actor.userId,
      now,
    );
    const saved = (await loadFairDetail(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'fair.created', entityType: 'fair', entityId: id, after: saved, requestId, occurredAt: now });
    return saved;
  });
}

async function lockFairForChange(tx: Sql, actor: Actor, id: string) {
  const fair = await repository.findFair(tx, id, { forUpdate: true });
  if (!fair || !canReadUnitPromotion(actor, fair)) throw notFound('Hội chợ');
  if (!canManageUnitPromotion(actor, fair)) throw forbidden();
  return fair;
}

export async function changeFair(ctx: AppContext, actor: Actor, id: string, input: UpdateFairInput, requestId?: string): Promise<FairDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await lockFairForChange(tx, actor, id);
    if (before.version !== input.version) throw conflict('Hội chợ vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    const startsOn = input.startsOn ?? before.startsOn;
    const endsOn = input.endsOn ?? before.endsOn;
    if (endsOn < startsOn) throw invalidInput([{ path: 'endsOn', message: 'Ngày kết thúc không được trước ngày bắt đầu.', messageEn: 'Ends before it starts.' }]);
    const now = ctx.clock.now();
    await repository.updateFair(
      tx,
      id,
      {
        name: input.name ?? before.name,
        scope: input.scope ?? before.scope,
        startsOn,
        endsOn,
        place: input.place ?? before.place,
        organiserName: input.organiserName === undefined ? before.organiserName : input.organiserName,
      },
      now,
    );
    const after = (await loadFairDetail(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'fair.changed', entityType: 'fair', entityId: id, before, after, requestId, occurredAt: now });
    return after;
  });
}

/** A producer of the unit at the fair, with its products, booth and (once known) visitors and sales. */
export async function addFairParticipant(ctx: AppContext, actor: Actor, fairId: string, input: AddFairParticipantInput, requestId?: string): Promise<FairDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const fair = await lockFairForChange(tx, actor, fairId);
    const producer = (await repository.findProducerPlaces(tx, [input.producerId])).get(input.producerId);
    const inUnit = producer && producer.provinceCode === fair.provinceCode && (fair.communeCode === null || producer.communeCode === fair.communeCode);
    if (!inUnit) throw invalidInput([{ path: 'producerId', message: 'Không tìm thấy chủ thể này trong địa bàn của đơn vị tham gia hội chợ.', messageEn: 'No such producer in the unit.' }]);
    const now = ctx.clock.now();
    const id = await repository.insertFairParticipant(
      tx,
      fairId,
      input.producerId,
      { productNames: input.productNames, booth: input.booth ?? null, visitors: input.visitors ?? null, salesRevenueVnd: input.salesRevenueVnd ?? null },
      now,
    );
    if (!id) throw conflict('Chủ thể này đã có trong danh sách tham gia hội chợ.', 'Already taking part.');
    await repository.touchFair(tx, fairId, now);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'fair.participant_added', entityType: 'fair', entityId: fairId, after: { participantId: id, ...input }, requestId, occurredAt: now });
    return (await loadFairDetail(tx, fairId))!;
  });
}

/** The results of a producer at a fair: by the officers of the unit, or reported by the producer itself. */
export async function changeFairParticipant(
  ctx: AppContext,
  actor: Actor,
  fairId: string,
  participantId: string,
  input: UpdateFairParticipantInput,
  requestId?: string,
): Promise<FairDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const fair = await repository.findFair(tx, fairId, { forUpdate: true });
    const before = fair && (await repository.findFairParticipant(tx, fairId, participantId, { forUpdate: true }));
    const own = actor.role === 'producer' && actor.producerId !== null && before?.producerId === actor.producerId;
    if (!fair || !before || !(own || canReadUnitPromotion(actor, fair))) throw notFound('Chủ thể tham gia hội chợ');
    if (!own && !canManageUnitPromotion(actor, fair)) throw forbidden();
    if (before.version !== input.version) throw conflict('Kết quả này vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    const now = ctx.clock.now();
    await repository.updateFairParticipant(
      tx,
      participantId,
      {
        productNames: input.productNames ?? before.productNames,
        booth: input.booth === undefined ? before.booth : input.booth,
        visitors: input.visitors === undefined ? before.visitors : input.visitors,
        salesRevenueVnd: input.salesRevenueVnd === undefined ? before.salesRevenueVnd : input.salesRevenueVnd,
      },
      now,
    );
    await repository.touchFair(tx, fairId, now);
    const after = (await loadFairDetail(tx, fairId))!;
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'fair.participant_changed',
      entityType: 'fair',
      entityId: fairId,
      before,
      after: after.participants.find((p) => p.id === participantId),
      requestId,
      occurredAt: now,
    });
    // A producer sees its own results, not its neighbours' sales.
    return own ? { ...after, participants: after.participants.filter((p) => p.id === participantId) } : after;
  });
}
