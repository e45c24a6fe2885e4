export { movePlansToProducer } from './business-plans.repository.ts';
export { sweepOverdueBusinessPlans } from './sweep-overdue-business-plans.ts';
