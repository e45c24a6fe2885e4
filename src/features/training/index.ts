export { computeTrainingCoverage, percentOf, resolveReportUnit } from './training-coverage.ts';
export { countAttendedByAudience, listUnitTrainingsOfYear, yearRange, type AudienceCounts } from './training.repository.ts';
export type { Unit } from './training.policy.ts';
export type { Coverage, Training } from './training.schemas.ts';
