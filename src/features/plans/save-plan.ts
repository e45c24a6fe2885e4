import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { localDateParts, today } from '../../core/clock/index.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, notFound, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { foldVietnamese } from '../../core/text.ts';
import { resolveUnit } from '../admin-units/index.ts';
import { buildPlanDetail, canonicalUnit, registryKinds } from './plan-details.ts';
import { canManagePlan, canReadPlan } from './plans.policy.ts';
import * as repository from './plans.repository.ts';
import type { CreatePlanInput, IndicatorInput, PlanDetail, ProgressInput, UpdateIndicatorInput, UpdatePlanInput } from './plans.schemas.ts';
import { indicatorInput, productionKinds } from './plans.schemas.ts';

function toRow(input: IndicatorInput): repository.NewIndicator {
  return {
    kind: input.kind,
    productName: input.productName ?? null,
    starRating: input.starRating ?? null,
    targetValue: input.targetValue,
    unit: canonicalUnit(input.kind, input.unit),
    note: input.note ?? null,
    parentIndicatorId: input.parentIndicatorId ?? null,
  };
}

/** A commune indicator carries out a province indicator of the same kind (and product). */
function parentIndicatorIssues(
  indicators: readonly repository.NewIndicator[],
  parentIndicators: readonly repository.IndicatorRow[] | null,
  pathOf: (index: number) => string,
): FieldIssue[] {
  return indicators.flatMap((indicator, index) => {
    if (!indicator.parentIndicatorId) return [];
    const parent = parentIndicators?.find((p) => p.id === indicator.parentIndicatorId);
    if (!parentIndicators) return [{ path: pathOf(index), message: 'Chỉ tiêu cấp trên chỉ dùng khi kế hoạch thực hiện một kế hoạch cấp tỉnh.', messageEn: 'No parent plan.' }];
    if (!parent) return [{ path: pathOf(index), message: 'Chỉ tiêu này không có trong kế hoạch cấp tỉnh.', messageEn: 'Not an indicator of the parent plan.' }];
    const sameProduct = !productionKinds.includes(parent.kind) || foldVietnamese(parent.productName ?? '') === foldVietnamese(indicator.productName ?? '');
    if (parent.kind !== indicator.kind || !sameProduct) {
      return [{ path: pathOf(index), message: 'Chỉ tiêu cấp trên phải cùng loại (và cùng sản phẩm).', messageEn: 'The parent indicator is of another kind.' }];
    }
    return [];
  });
}

export async function getPlan(ctx: AppContext, actor: Actor, id: string): Promise<PlanDetail> {
  const plan = await repository.findPlan(ctx.db.pool, id);
  if (!plan || !canReadPlan(actor, plan)) throw notFound('Kế hoạch');
  return buildPlanDetail(ctx.db.pool, ctx.clock, plan);
}

export async function createPlan(ctx: AppContext, actor: Actor, input: CreatePlanInput, requestId?: string): Promise<PlanDetail> {
  const { unit, issues } = await resolveUnit(ctx.db.pool, input.provinceCode, input.communeCode);
  let parentIndicators: repository.IndicatorRow[] | null = null;
  if (input.parentPlanId) {
    const parent = await repository.findPlan(ctx.db.pool, input.parentPlanId);
    if (!parent || !canReadPlan(actor, parent)) {
      issues.push({ path: 'parentPlanId', message: 'Không tìm thấy kế hoạch cấp tỉnh này.', messageEn: 'No such province plan.' });
    } else if (parent.level !== 'province' || parent.provinceCode !== input.provinceCode || !input.communeCode || parent.year !== input.year) {
      issues.push({ path: 'parentPlanId', message: 'Kế hoạch của xã chỉ thực hiện kế hoạch cấp tỉnh của tỉnh mình, cùng năm.', messageEn: 'A commune plan carries out its own province’s plan of the same year.' });
    } else {
      parentIndicators = await repository.listIndicators(ctx.db.pool, parent.id);
    }
  }
  const indicators = input.indicators
    ? input.indicators.map(toRow)
    : (parentIndicators ?? []).map(({ id, planId: _plan, version: _version, sortOrder: _order, ...rest }) => ({ ...rest, parentIndicatorId: id }));
  issues.push(...parentIndicatorIssues(indicators, input.parentPlanId ? parentIndicators : null, (i) => `indicators.${i}.parentIndicatorId`));
  if (issues.length > 0 || !unit) throw invalidInput(issues);
  if (!canManagePlan(actor, unit)) throw forbidden('Bạn chỉ lập được kế hoạch của đơn vị mình.');
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const id = await repository.insertPlan(
      tx,
      {
        level: unit.level,
        provinceCode: unit.provinceCode,
        communeCode: unit.communeCode,
        year: input.year,
        title: input.title,
        legalReference: input.legalReference,
        issuedOn: input.issuedOn ?? null,
        parentPlanId: input.parentPlanId ?? null,
      },
      actor.userId,
      now,
    );
    await repository.insertIndicators(tx, id, indicators, now);
    const detail = await buildPlanDetail(tx, ctx.clock, (await repository.findPlan(tx, id))!);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'plan.created', entityType: 'annual_plan', entityId: id, after: detail, requestId, occurredAt: now });
    return detail;
  });
}

async function lockPlanForChange(tx: Sql, actor: Actor, id: string) {
  const plan = await repository.findPlan(tx, id, { forUpdate: true });
  if (!plan || !canReadPlan(actor, plan)) throw notFound('Kế hoạch');
  if (!canManagePlan(actor, plan)) throw forbidden();
  return plan;
}

export async function changePlan(ctx: AppContext, actor: Actor, id: string, input: UpdatePlanInput, requestId?: string): Promise<PlanDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await lockPlanForChange(tx, actor, id);
    if (before.version !== input.version) throw conflict('Kế hoạch vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    const now = ctx.clock.now();
    await repository.updatePlan(
      tx,
      id,
      {
        title: input.title ?? before.title,
        legalReference: input.legalReference ?? before.legalReference,
        issuedOn: input.issuedOn === undefined ? before.issuedOn : input.issuedOn,
      },
      now,
    );
    const after = await buildPlanDetail(tx, ctx.clock, (await repository.findPlan(tx, id))!);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'plan.changed', entityType: 'annual_plan', entityId: id, before, after: { ...after, indicators: undefined }, requestId, occurredAt: now });
    return after;
  });
}

export async function addPlanIndicator(ctx: AppContext, actor: Actor, planId: string, input: IndicatorInput, requestId?: string): Promise<PlanDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const plan = await lockPlanForChange(tx, actor, planId);
    const row = toRow(input);
    const parentIndicators = plan.parentPlanId ? await repository.listIndicators(tx, plan.parentPlanId) : null;
    const issues = parentIndicatorIssues([row], parentIndicators, () => 'parentIndicatorId');
    if (issues.length) throw invalidInput(issues);
    const now = ctx.clock.now();
    await repository.insertIndicators(tx, planId, [row], now);
    await repository.touchPlan(tx, planId, now);
    const detail = await buildPlanDetail(tx, ctx.clock, (await repository.findPlan(tx, planId))!);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'plan.indicator_added', entityType: 'annual_plan', entityId: planId, after: row, requestId, occurredAt: now });
    return detail;
  });
}

export async function changePlanIndicator(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
  input: UpdateIndicatorInput,
  requestId?: string,
): Promise<PlanDetail> {
  return withTransaction(ctx.db, async (tx) => {
    await lockPlanForChange(tx, actor, planId);
    const before = await repository.findIndicator(tx, planId, indicatorId);
    if (!before) throw notFound('Chỉ tiêu');
    if (before.version !== input.version) throw conflict('Chỉ tiêu vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    // The kind rules (product, stars, units, percent ≤ 100) are checked again on the merged indicator.
    const merged = {
      kind: before.kind,
      productName: input.productName === undefined ? before.productName : input.productName,
      starRating: input.starRating === undefined ? before.starRating : input.starRating,
      targetValue: input.targetValue ?? before.targetValue,
      unit: input.unit ?? before.unit,
      note: input.note === undefined ? before.note : input.note,
    };
    const checked = indicatorInput.safeParse(merged);
    if (!checked.success) throw invalidInput(checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
    const now = ctx.clock.now();
    await repository.updateIndicator(tx, indicatorId, { ...toRow(checked.data), note: merged.note ?? null }, now);
    await repository.touchPlan(tx, planId, now);
    const detail = await buildPlanDetail(tx, ctx.clock, (await repository.findPlan(tx, planId))!);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'plan.indicator_changed', entityType: 'annual_plan', entityId: planId, before, after: merged, requestId, occurredAt: now });
    return detail;
  });
}

/** A figure achieved, with its evidence, for an indicator the registry cannot compute. */
export async function recordIndicatorProgress(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  indicatorId: string,
  input: ProgressInput,
  requestId?: string,
): Promise<PlanDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const plan = await lockPlanForChange(tx, actor, planId);
    const indicator = await repository.findIndicator(tx, planId, indicatorId);
    if (!indicator) throw notFound('Chỉ tiêu');
    if (registryKinds.includes(indicator.kind)) {
      throw invalidInput([{ path: 'value', message: 'Chỉ tiêu này được tính tự động từ dữ liệu trong hệ thống, không nhập tay.', messageEn: 'Computed from the registry.' }]);
    }
    const issues: FieldIssue[] = [];
    const day = today(ctx.clock);
    if (input.asOf > day) issues.push({ path: 'asOf', message: 'Ngày số liệu không được ở tương lai.', messageEn: 'In the future.' });
    if (localDateParts(input.asOf).year < plan.year) issues.push({ path: 'asOf', message: `Số liệu phải từ năm ${plan.year} trở đi.`, messageEn: 'Before the plan’s year.' });
    if (issues.length) throw invalidInput(issues);
    const now = ctx.clock.now();
    const entryId = await repository.insertProgressEntry(tx, indicatorId, input, actor.userId, now);
    await repository.touchPlan(tx, planId, now);
    const detail = await buildPlanDetail(tx, ctx.clock, (await repository.findPlan(tx, planId))!);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'plan.progress_recorded', entityType: 'annual_plan', entityId: planId, after: { indicatorId, entryId, ...input }, requestId, occurredAt: now });
    return detail;
  });
}
