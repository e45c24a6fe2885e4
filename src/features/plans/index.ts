export { buildPlanDetail } from './plan-details.ts';
export { listUnitPlansOfYear } from './plans.repository.ts';
export { indicatorLabels } from './plans.schemas.ts';
export type { PlanDetail } from './plans.schemas.ts';
export { parseVietnameseNumber, formatVietnameseNumber } from './units.ts';
