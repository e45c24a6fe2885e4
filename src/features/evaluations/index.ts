export { registerEvaluationRoutes } from './evaluations.routes.ts';
export { joinOpenRound } from './manage-rounds.ts';
