export { registerSelfAssessmentRoutes } from './self-assessments.routes.ts';
export { findSelfAssessment } from './self-assessments.repository.ts';
