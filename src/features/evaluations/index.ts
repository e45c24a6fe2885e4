/** The evaluations feature's public surface (other features import only this). */
export { joinOpenRound, type WaitingForRound } from './join-open-round.ts';
export { isSeatedOnDossier } from './evaluations.repository.ts';
export { entryDeadlineJob } from './entry-deadline-reminders.ts';
export { openRound } from './open-round.ts';
export { setRoundMembers } from './set-round-members.ts';
export { recordAdvisoryWork } from './record-advisory-work.ts';
export { openScoring } from './open-scoring.ts';
export {
  countDossiersWaitingForRound,
  countProposalsToCentral,
  hasOpenRound,
  listRoundsToFinish,
  listSheetsToScore,
  type RoundToFinish,
  type SheetToScore,
} from './evaluation-queues.repository.ts';
