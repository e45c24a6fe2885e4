/** What other features use from training (the pages themselves are loaded by the router). */
export { ProducerTrainings } from './producer-trainings.tsx';
export { DateField, FIRST_REPORT_YEAR, reportYearOptions, yearOptions } from './programme-fields.tsx';
export { sendRaw } from './programme-api.ts';
export { useProgrammeText, type ProgrammeText } from './programme-text.ts';
