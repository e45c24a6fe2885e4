export { movePlansToProducer } from './business-plans.repository.ts';
export { sweepOverdueBusinessPlans } from './sweep-overdue-business-plans.ts';
export { countPlansInStatuses, countPlansOfYear } from './business-plans.repository.ts';
export { planVisibility } from './business-plans.policy.ts';
