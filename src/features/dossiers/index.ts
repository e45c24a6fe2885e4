export { dossierStatuses, statusLabels as dossierStatusLabels, type DossierStatus } from './dossier-status.ts';
export { createDossier } from './create-dossier.ts';
export { submitDossier } from './submit-dossier.ts';
export { receiveDossier } from './receive-dossier.ts';
export { recordCommuneCheck } from './record-commune-check.ts';
export { forwardDossierToProvince } from './forward-dossier-to-province.ts';
export { dossierVisibility } from './dossiers.policy.ts';
export { countDossiersInStatuses, countDossiersSubmittedBetween, countForwardedOnTimeTotal, listDossiersInStatuses, type DossierCount, type DossierVisibility } from './dossiers.repository.ts';
export { dossierDeadlineJob, DOSSIER_DEADLINE_HOUR } from './dossier-notices.ts';
