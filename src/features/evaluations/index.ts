export { joinOpenRound } from './join-open-round.ts';
export { isSeatedOnDossier } from './evaluations.repository.ts';
export { entryDeadlineJob } from './entry-deadline-reminders.ts';
