import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, notFound, type FieldIssue } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { checkUnitInScope, resolveUnit } from '../admin-units/index.ts';
import { canManageUnitPromotion, canReadUnitPromotion, promotionVisibility } from './fairs.policy.ts';
import * as repository from './fairs.repository.ts';
import type { CreateSalesPointInput, ListSalesPointsQuery, SalesPoint, UpdateSalesPointInput } from './fairs.schemas.ts';

/** A sales point sells the products of producers of its province. */
async function productIssues(sql: Sql, provinceCode: string, products: ReadonlyArray<{ producerId: string }>): Promise<FieldIssue[]> {
  const places = await repository.findProducerPlaces(sql, [...new Set(products.map((p) => p.producerId))]);
  return products.flatMap((product, index) =>
    places.get(product.producerId)?.provinceCode === provinceCode
      ? []
      : [{ path: `products.${index}.producerId`, message: 'Không tìm thấy chủ thể này trong tỉnh.', messageEn: 'No such producer in the province.' }],
  );
}

/** The sales points of the reader's unit (active, closed, or both). */
export async function listSalesPoints(ctx: AppContext, actor: Actor, query: ListSalesPointsQuery): Promise<Page<SalesPoint>> {
  const visibility = promotionVisibility(actor);
  if (!visibility) throw forbidden();
  await checkUnitInScope(ctx.db.pool, actor, { provinceCode: query.province, communeCode: query.commune });
  const active = query.active === undefined ? undefined : query.active === 'true';
  const result = await repository.listSalesPoints(ctx.db.pool, visibility, { provinceCode: query.province, communeCode: query.commune, active, ...pageWindow(query) });
  return pageOfResult(query, result);
}

export async function getSalesPoint(ctx: AppContext, actor: Actor, id: string): Promise<SalesPoint> {
  const point = await repository.findSalesPoint(ctx.db.pool, id);
  if (!point || !canReadUnitPromotion(actor, point)) throw notFound('Điểm bán');
  return point;
}

/** An OCOP sales point (điểm giới thiệu và bán sản phẩm OCOP) at an address of a commune. */
export async function openSalesPoint(ctx: AppContext, actor: Actor, input: CreateSalesPointInput, requestId?: string): Promise<SalesPoint> {
  const { unit, issues } = await resolveUnit(ctx.db.pool, input.provinceCode, input.communeCode);
  issues.push(...(await productIssues(ctx.db.pool, input.provinceCode, input.products)));
  if (issues.length || !unit) throw invalidInput(issues);
  const place = { provinceCode: unit.provinceCode, communeCode: input.communeCode };
  if (!canManageUnitPromotion(actor, place)) throw forbidden('Bạn chỉ ghi nhận được điểm bán trong địa bàn của mình.');
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const id = await repository.insertSalesPoint(
      tx,
      place,
      { name: input.name, streetAddress: input.streetAddress, operatorName: input.operatorName ?? null, phone: input.phone ?? null, email: input.email ?? null, openedOn: input.openedOn ?? null, isActive: true },
      actor.userId,
      now,
    );
    await repository.replaceSalesPointProducts(tx, id, input.products);
    const saved = (await repository.findSalesPoint(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'sales_point.opened', entityType: 'sales_point', entityId: id, after: saved, requestId, occurredAt: now });
    return saved;
  });
}

export async function changeSalesPoint(ctx: AppContext, actor: Actor, id: string, input: UpdateSalesPointInput, requestId?: string): Promise<SalesPoint> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findSalesPoint(tx, id, { forUpdate: true });
    if (!before || !canReadUnitPromotion(actor, before)) throw notFound('Điểm bán');
    if (!canManageUnitPromotion(actor, before)) throw forbidden();
    if (before.version !== input.version) throw conflict('Điểm bán vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    if (input.products) {
      const issues = await productIssues(tx, before.provinceCode, input.products);
      if (issues.length) throw invalidInput(issues);
    }
    const now = ctx.clock.now();
    await repository.updateSalesPoint(
      tx,
      id,
      {
        name: input.name ?? before.name,
        streetAddress: input.streetAddress ?? before.streetAddress,
        operatorName: input.operatorName === undefined ? before.operatorName : input.operatorName,
        phone: input.phone === undefined ? before.phone : input.phone,
        email: input.email === undefined ? before.email : input.email,
        openedOn: input.openedOn === undefined ? before.openedOn : input.openedOn,
        isActive: input.isActive ?? before.isActive,
      },
      now,
    );
    if (input.products) await repository.replaceSalesPointProducts(tx, id, input.products);
    const after = (await repository.findSalesPoint(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'sales_point.changed', entityType: 'sales_point', entityId: id, before, after, requestId, occurredAt: now });
    return after;
  });
}
