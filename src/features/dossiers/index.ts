export { dossierStatuses, statusLabels as dossierStatusLabels, type DossierStatus } from './dossier-status.ts';
