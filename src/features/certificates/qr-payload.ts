/**
 * What a certificate's QR code carries (issue 6): a GS1 Digital Link URI when the product has a GTIN,
 * so a retailer's GS1 scanner and a consumer's phone camera read the same code, otherwise the address
 * of the public verification page. Both open the verification page of this server.
 *
 *   with a GTIN:    https://<public base>/01/<GTIN-14>?linkType=gs1:certificationInfo&cert=<public token>
 *   without a GTIN: https://<public base>/xac-minh/<public token>
 *
 * GS1 Digital Link URI syntax 1.2: the primary key is AI 01 with the GTIN written as 14 digits (GTIN-8,
 * -12 and -13 left-padded with zeros); `linkType` asks a GS1 resolver for the certification information;
 * `cert` is a non-GS1 query parameter (allowed by the standard and ignored by GS1 parsers) naming this very
 * certificate, so a printed certificate keeps pointing at itself after the product is certified again.
 */
import QRCode from 'qrcode';
import type { Config } from '../../core/config.ts';

export interface QrCertificate {
  publicToken: string;
  gtin: string | null;
}

/** The GTIN as 14 digits, or null when it is not a GTIN-8/12/13/14 with a correct check digit. */
export function gtin14(gtin: string | null | undefined): string | null {
  const digits = (gtin ?? '').trim();
  if (!/^(\d{8}|\d{12,14})$/.test(digits)) return null;
  const padded = digits.padStart(14, '0');
  // GS1 General Specifications 7.9.1: weights 3,1,3,… from the right, the check digit excluded.
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(padded[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(padded[13]) ? padded : null;
}

const baseOf = (config: Pick<Config, 'publicBaseUrl'>) => config.publicBaseUrl.replace(/\/+$/, '');

/** The public verification page of a certificate. */
export const certificateVerificationPath = (publicToken: string) => `/xac-minh/${encodeURIComponent(publicToken)}`;

export function certificateVerificationUrl(config: Pick<Config, 'publicBaseUrl'>, publicToken: string): string {
  return `${baseOf(config)}${certificateVerificationPath(publicToken)}`;
}

/** The text encoded in the certificate's QR code. */
export function certificateQrPayload(config: Pick<Config, 'publicBaseUrl'>, certificate: QrCertificate): string {
  const gtin = gtin14(certificate.gtin);
  if (!gtin) return certificateVerificationUrl(config, certificate.publicToken);
  return `${baseOf(config)}/01/${gtin}?linkType=gs1:certificationInfo&cert=${encodeURIComponent(certificate.publicToken)}`;
}

// M (15 % recovery) survives a scuffed label and keeps the code small enough to print at 2 cm.
const qrOptions = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** The QR code as SVG text (scales to any print size). */
export function certificateQrSvg(config: Pick<Config, 'publicBaseUrl'>, certificate: QrCertificate): Promise<string> {
  return QRCode.toString(certificateQrPayload(config, certificate), { ...qrOptions, type: 'svg' });
}

/** The QR code as a PNG image, `width` pixels wide (for PDFs and labels). */
export function certificateQrPng(config: Pick<Config, 'publicBaseUrl'>, certificate: QrCertificate, width = 300): Promise<Buffer> {
  return QRCode.toBuffer(certificateQrPayload(config, certificate), { ...qrOptions, type: 'png', width });
}
