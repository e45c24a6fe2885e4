/**
 * The public verification of a certificate (QR scan, certificate number, GS1 Digital Link). "Today" is
 * the app clock's day in Vietnam, so the status shown is the certificate's status on that day.
 */
import { today, type LocalDate } from '../../core/clock/index.ts';
import type { AppContext } from '../../core/http/types.ts';
import { gtin14 } from '../certificates/index.ts';
import * as repository from './verification.repository.ts';

export interface Verification {
  certificate: repository.VerifiedCertificate;
  day: LocalDate;
  /** How many times people verified it (this one included when counted). */
  verificationCount: number;
}

/**
 * The certificate of a verification token as of today, or null. `counted`: a person looked (not a
 * crawler or a prefetch), so the verification is recorded.
 */
export async function verifyCertificate(ctx: AppContext, token: string, options: { counted: boolean }): Promise<Verification | null> {
  const day = today(ctx.clock);
  const certificate = await repository.findCertificateByToken(ctx.db.pool, token, day);
  if (!certificate) return null;
  const verificationCount = options.counted
    ? await repository.recordVerification(ctx.db.pool, certificate.id, day)
    : await repository.countVerifications(ctx.db.pool, certificate.id);
  return { certificate, day, verificationCount };
}

/** The certificate of a verification token as of today, without counting a verification (its QR image). */
export function findVerifiedCertificate(ctx: AppContext, token: string): Promise<repository.VerifiedCertificate | null> {
  return repository.findCertificateByToken(ctx.db.pool, token, today(ctx.clock));
}

/** The verification token of a certificate by its number as printed (spaces and case ignored). */
export function findTokenByCertificateNumber(ctx: AppContext, number: string): Promise<string | null> {
  return repository.findTokenByNumber(ctx.db.pool, number);
}

/** The verification token for a GTIN: the certificate named by `preferredToken`, else the product's latest. */
export async function findTokenByGtin(ctx: AppContext, gtin: string, preferredToken: string | null): Promise<string | null> {
  const normalized = gtin14(gtin);
  return normalized ? repository.findTokenByGtin(ctx.db.pool, normalized, preferredToken) : null;
}
