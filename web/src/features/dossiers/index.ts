export { useDossierText } from './dossier-text.ts';
