export { findPlanForwardingRule } from './get-province-settings.ts';
export { forwardingConsequenceLabels, type ForwardingConsequence, type PlanForwardingRule } from './province-settings.schemas.ts';
