export { findSelfAssessment, listSelfAssessmentsOfProducer, markSelfAssessmentAttached } from './self-assessments.repository.ts';
export type { SelfAssessment } from './self-assessments.schemas.ts';
export { createSelfAssessment } from './save-self-assessment.ts';
