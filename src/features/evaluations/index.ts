export { joinOpenRound } from './manage-rounds.ts';
export { isSeatedOnDossier } from './evaluations.repository.ts';
export { entryDeadlineJob } from './entry-deadline-reminders.ts';
