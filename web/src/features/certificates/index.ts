/** What other screens use of the certificates feature: its texts and the colour of a status. */
export { statusTone, useCertificateText } from './certificate-text.ts';
