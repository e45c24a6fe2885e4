export { registerVerificationRoutes } from './verification.routes.ts';
export {
  certificateQrPayload,
  certificateQrPng,
  certificateQrSvg,
  certificateVerificationPath,
  certificateVerificationUrl,
  gtin14,
  type QrCertificate,
} from './qr-payload.ts';
