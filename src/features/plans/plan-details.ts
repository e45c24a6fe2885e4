import { today, type Clock } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { foldVietnamese } from '../../core/text.ts';
import { computeTrainingCoverage } from '../training/index.ts';
import { elapsedFractionOfYear, indicatorStatus, planStatus, progressFraction } from './plan-progress.ts';
import * as repository from './plans.repository.ts';
import {
  defaultUnits,
  indicatorLabels,
  type ConsistencyWarningView,
  type Indicator,
  type IndicatorKind,
  type Plan,
  type PlanDetail,
} from './plans.schemas.ts';
import { checkProductionConsistency, consistencyWarning, parseAreaUnit, parseMassUnit, parseYieldUnit } from './units.ts';

/** Indicators whose progress the registry computes; figures are not entered by hand for them. */
export const registryKinds: readonly IndicatorKind[] = ['producers_trained_percent', 'new_cooperatives', 'fairs'];

/** Recognition of products (council decisions, certificates) is not recorded in OCOP Hub yet. */
const notYetComputable: Partial<Record<IndicatorKind, string>> = {
  products_developed: 'Chưa tính được từ hệ thống: chưa có dữ liệu công nhận sản phẩm OCOP. Nhập kết quả kèm minh chứng.',
  star_target: 'Chưa tính được từ hệ thống: chưa có dữ liệu công nhận hạng sao. Nhập kết quả kèm minh chứng.',
};
const enteredNote = 'Nhập kết quả kèm minh chứng (số liệu thống kê, biên bản nghiệm thu, báo cáo…).';

/** The unit a plan's indicators are written in, in the canonical spelling the conversions know. */
export function canonicalUnit(kind: IndicatorKind, unit: string | undefined): string {
  if (!unit) return defaultUnits[kind];
  switch (kind) {
    case 'production_area':
      return parseAreaUnit(unit) ?? unit;
    case 'production_yield':
      return parseYieldUnit(unit) ?? unit;
    case 'production_output':
      return parseMassUnit(unit) ?? unit;
    case 'producers_trained_percent':
      return '%';
    default:
      return unit;
  }
}

interface ProductionLine {
  id: string;
  kind: IndicatorKind;
  productName: string | null;
  targetValue: number;
  unit: string;
}

/**
 * Production lines of one product (area, yield, output) that do not add up, with the warning to show.
 * Products missing one of the three lines are not checked.
 */
export function findInconsistentProduction(lines: readonly ProductionLine[]): ConsistencyWarningView[] {
  const byProduct = new Map<string, { name: string; area?: ProductionLine; yield?: ProductionLine; output?: ProductionLine }>();
  for (const line of lines) {
    if (!line.productName) continue;
    const key = foldVietnamese(line.productName);
    const group = byProduct.get(key) ?? { name: line.productName };
    if (line.kind === 'production_area') group.area ??= line;
    if (line.kind === 'production_yield') group.yield ??= line;
    if (line.kind === 'production_output') group.output ??= line;
    byProduct.set(key, group);
  }
  const warnings: ConsistencyWarningView[] = [];
  for (const group of byProduct.values()) {
    if (!group.area || !group.yield || !group.output) continue;
    const areaUnit = parseAreaUnit(group.area.unit);
    const yieldUnit = parseYieldUnit(group.yield.unit);
    const massUnit = parseMassUnit(group.output.unit);
    if (!areaUnit || !yieldUnit || !massUnit) continue;
    const area = { value: group.area.targetValue, unit: areaUnit };
    const yieldPerArea = { value: group.yield.targetValue, unit: yieldUnit };
    const output = { value: group.output.targetValue, unit: massUnit };
    const check = checkProductionConsistency(area, yieldPerArea, output);
    if (check.consistent) continue;
    warnings.push({
      productName: group.name,
      indicatorIds: [group.area.id, group.yield.id, group.output.id],
      expectedTonnes: check.expectedTonnes,
      declaredTonnes: check.declaredTonnes,
      ...consistencyWarning(group.name, area, yieldPerArea, output, check),
    });
  }
  return warnings;
}

/** A plan with its indicators, their progress (from the registry or entered), statuses and warnings. */
export async function buildPlanDetail(sql: Sql, clock: Clock, plan: Plan): Promise<PlanDetail> {
  const rows = await repository.listIndicators(sql, plan.id);
  const entries = await repository.listProgressEntries(sql, rows.map((r) => r.id));
  const cascade = plan.level === 'province' ? await repository.summarizeCascade(sql, rows.map((r) => r.id)) : new Map();
  const day = today(clock);
  const elapsed = elapsedFractionOfYear(plan.year, day);
  const unit = { provinceCode: plan.provinceCode, communeCode: plan.communeCode };

  const registry = new Map<IndicatorKind, Promise<number | null>>();
  const fromRegistry = (kind: IndicatorKind): Promise<number | null> => {
    let value = registry.get(kind);
    if (!value) {
      value =
        kind === 'producers_trained_percent'
          ? computeTrainingCoverage(sql, unit, plan.year).then((c) => c.producers.percent)
          : kind === 'new_cooperatives'
            ? repository.countNewCooperatives(sql, unit, plan.year)
            : repository.countFairs(sql, unit, plan.year);
      registry.set(kind, value);
    }
    return value;
  };

  const indicators: Indicator[] = [];
  for (const row of rows) {
    const own = entries.get(row.id) ?? [];
    let progress: Indicator['progress'];
    if (registryKinds.includes(row.kind)) {
      const achieved = await fromRegistry(row.kind);
      progress = {
        source: 'registry',
        achieved,
        percent: null,
        asOf: day,
        evidence: null,
        note: achieved === null ? 'Đơn vị chưa có chủ thể nào trong hệ thống.' : null,
      };
    } else if (own[0]) {
      progress = { source: 'entered', achieved: own[0].value, percent: null, asOf: own[0].asOf, evidence: own[0].evidence, note: null };
    } else {
      progress = { source: 'unavailable', achieved: null, percent: null, asOf: null, evidence: null, note: notYetComputable[row.kind] ?? enteredNote };
    }
    if (progress.achieved !== null) progress.percent = Math.round(progressFraction(row.targetValue, progress.achieved) * 1000) / 10;
    const status = indicatorStatus({ target: row.targetValue, achieved: progress.achieved, elapsed, cumulative: row.kind !== 'production_yield' });
    indicators.push({
      id: row.id,
      kind: row.kind,
      label: indicatorLabels[row.kind],
      productName: row.productName,
      starRating: row.starRating,
      targetValue: row.targetValue,
      unit: row.unit,
      note: row.note,
      parentIndicatorId: row.parentIndicatorId,
      sortOrder: row.sortOrder,
      version: row.version,
      progress,
      status,
      entries: own,
      cascade: plan.level === 'province' ? (cascade.get(row.id) ?? { childCount: 0, childTargetTotal: 0 }) : null,
    });
  }
  return {
    ...plan,
    status: planStatus(indicators.map((i) => i.status)),
    elapsed: Math.round(elapsed * 1000) / 1000,
    indicators,
    warnings: findInconsistentProduction(rows),
    children: plan.level === 'province' ? await repository.listChildPlans(sql, plan.id) : [],
  };
}
