import type { Actor } from '../../core/auth/actor.ts';
import { today } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { certificateQrPayload, certificateVerificationUrl } from './qr-payload.ts';
import { reEvaluationFilingTiming, reEvaluationWindow } from './certificate-status.ts';
import { canInspectCertificate, canReadCertificate, canRevokeCertificate, certificateVisibility } from './certificates.policy.ts';
import * as repository from './certificates.repository.ts';
import type { CertificateDetail, ListCertificatesQuery } from './certificates.schemas.ts';
import { checkUnitInScope } from '../admin-units/index.ts';

export async function loadCertificateDetail(ctx: AppContext, sql: Sql, actor: Actor, id: string): Promise<CertificateDetail | null> {
  const onDay = today(ctx.clock);
  const record = await repository.findCertificate(sql, id, onDay);
  if (!record || !canReadCertificate(actor, record)) return null;
  const { signerName: _signerName, signerTitle: _signerTitle, ...certificate } = record;
  const revocation = await repository.findRevocation(sql, id);
  const inspections = await repository.listInspectionsOfCertificate(sql, id, onDay);
  const inForce = !record.revokedOn && !record.supersededOn;
  return {
    ...certificate,
    verificationUrl: certificateVerificationUrl(ctx.config, record.publicToken),
    reEvaluationWindow: reEvaluationWindow(record.expiresOn),
    reEvaluationFilingTiming: record.reEvaluationFiledOn ? reEvaluationFilingTiming(record.expiresOn, record.reEvaluationFiledOn) : null,
    revocation,
    inspections,
    canRevoke: inForce && canRevokeCertificate(actor, record),
    canInspect: inForce && canInspectCertificate(actor, record),
  };
}

export async function getCertificate(ctx: AppContext, actor: Actor, id: string): Promise<CertificateDetail> {
  const detail = await loadCertificateDetail(ctx, ctx.db.pool, actor, id);
  if (!detail) throw notFound('Giấy chứng nhận');
  return detail;
}

/** The certificates in the actor's scope, with their status today (the SQL certificate_status()). */
export async function listCertificatesFor(ctx: AppContext, actor: Actor, query: ListCertificatesQuery) {
  const visibility = certificateVisibility(actor);
  if (!visibility) throw forbidden();
  await checkUnitInScope(ctx.db.pool, actor, { provinceCode: query.province });
  const result = await repository.listCertificates(ctx.db.pool, visibility, today(ctx.clock), {
    status: query.status,
    stars: query.star,
    provinceCode: query.province,
    producerId: query.producer,
    productId: query.product,
    q: query.q || undefined,
    ...pageWindow(query),
  });
  return pageOfResult(query, result);
}

/** The certificate as a printable PDF, with the QR of its verification page. */
export async function printCertificate(ctx: AppContext, actor: Actor, id: string): Promise<{ number: string; pdf: Buffer }> {
  const record = await repository.findCertificate(ctx.db.pool, id, today(ctx.clock));
  if (!record || !canReadCertificate(actor, record)) throw notFound('Giấy chứng nhận');
  const pdf = await renderCertificatePdf(record, {
    qrPayload: certificateQrPayload(ctx.config, record),
    verificationUrl: certificateVerificationUrl(ctx.config, record.publicToken),
  });
  return { number: record.number, pdf };
}
