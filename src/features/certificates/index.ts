/** The certificates feature's public surface (other features import only this). */
export { issueCertificate, issuingBodyOf, CERTIFICATE_REMINDERS, type IssueCertificateInput, type IssuedCertificate } from './issue-certificate.ts';
export { certificateJobHandlers } from './certificate-reminders.ts';
export { certificatesOfEntries, clearReEvaluationFiled, latestIssuedOnOfProducts } from './certificates.repository.ts';
export { noteReEvaluationFiled, type ReEvaluationFiling } from './note-re-evaluation-filed.ts';
export { revokeCertificate, isLateRevocation, REVOCATION_DEADLINE_DAYS } from './revoke-certificate.ts';
export { renderCertificatePdf } from './certificate-pdf.ts';
export {
  certificateStatus,
  certificateStatusLabels,
  certificateStatusSql,
  certificateStatuses,
  isInForce,
  reEvaluationFilingTiming,
  reEvaluationWindow,
  RE_EVALUATION_WINDOW,
  type CertificateStatus,
} from './certificate-status.ts';
export { revocationGroundLabels, revocationGrounds, type RevocationGround } from './certificates.schemas.ts';
export {
  certificateQrPayload,
  certificateQrPng,
  certificateQrSvg,
  certificateVerificationPath,
  certificateVerificationUrl,
  gtin14,
  type QrCertificate,
} from './qr-payload.ts';
export {
  recordImportedCertificate,
  findImportedCertificateBlockers,
  removeImportedCertificates,
  type ImportedCertificateInput,
} from './record-imported-certificate.ts';
export { listKnownCertificates, type KnownCertificate } from './certificates.repository.ts';
export {
  countCertificateFigures,
  countReEvaluationWindows,
  latestCertificatesOfProducts,
  listOverdueRevocations,
  type CertificateFigures,
  type CertificateScope,
  type PendingRevocation,
  type ProductStanding,
} from './certificate-figures.repository.ts';
