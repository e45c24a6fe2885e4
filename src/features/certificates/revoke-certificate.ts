import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { daysBetween, today, type LocalDate } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, notFound, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { cancelJobs } from '../../core/jobs/index.ts';
import { notify, type Recipient } from '../notifications/index.ts';
import { formatVietnameseDate } from '../documents/index.ts';
import { tellStockists } from './certificate-reminders.ts';
import { CERTIFICATE_REMINDERS } from './issue-certificate.ts';
import { canReadCertificate, canRevokeCertificate } from './certificates.policy.ts';
import * as repository from './certificates.repository.ts';
import { loadCertificateDetail } from './read-certificates.ts';
import { revocationGroundLabels, type CertificateDetail, type RevokeCertificateInput } from './certificates.schemas.ts';

/** QĐ 26/2026/QĐ-TTg Đ.8.2: the revocation is decided within 15 days of the finding (calendar days). */
export const REVOCATION_DEADLINE_DAYS = 15;

/** Decided after day 15 from the finding: still valid, but recorded as late (the ministry oversees it, Đ.10.1b). */
export const isLateRevocation = (findingOn: LocalDate, decidedOn: LocalDate): boolean => daysBetween(findingOn, decidedOn) > REVOCATION_DEADLINE_DAYS;

/** The problems of a revocation's dates against the rules and today, each on its own field. */
export function revocationDateIssues(input: { findingOn: LocalDate; decidedOn: LocalDate }, onDay: LocalDate, issuedOn: LocalDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.decidedOn < input.findingOn) issues.push({ path: 'decidedOn', message: 'Ngày quyết định thu hồi không được trước ngày có kết luận vi phạm.', messageEn: 'The decision cannot precede the finding.' });
  if (input.decidedOn > onDay) issues.push({ path: 'decidedOn', message: 'Ngày quyết định thu hồi không được sau ngày hôm nay.', messageEn: 'The decision date is in the future.' });
  if (input.findingOn > onDay) issues.push({ path: 'findingOn', message: 'Ngày có kết luận vi phạm không được sau ngày hôm nay.', messageEn: 'The finding date is in the future.' });
  if (input.decidedOn < issuedOn) issues.push({ path: 'decidedOn', message: `Ngày quyết định thu hồi không được trước ngày cấp giấy chứng nhận (${formatVietnameseDate(issuedOn)}).`, messageEn: 'The decision precedes the certificate.' });
  return issues;
}

/**
 * Revokes a certificate (thu hồi, QĐ 26/2026 Đ.8) in one transaction: the revocation with its ground,
 * the certificate's revoked_on (so certificate_status() shows it revoked everywhere at once), the pending
 * reminders cancelled, the audit event, and notices to the producer, its commune, its province and the
 * shops that sell the product.
 */
export async function revokeCertificate(ctx: AppContext, actor: Actor, id: string, input: RevokeCertificateInput, requestId?: string): Promise<CertificateDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const onDay = today(ctx.clock);
    const certificate = await repository.findCertificate(tx, id, onDay, { forUpdate: true });
    if (!certificate || !canReadCertificate(actor, certificate)) throw notFound('Giấy chứng nhận');
    if (!canRevokeCertificate(actor, certificate)) {
      throw forbidden(
        certificate.stars === 5
          ? 'Giấy chứng nhận sản phẩm 5 sao do Bộ trưởng Bộ Nông nghiệp và Môi trường thu hồi (Điều 8).'
          : 'Chỉ cơ quan tham mưu OCOP của tỉnh hoặc Bộ Nông nghiệp và Môi trường ghi nhận việc thu hồi (Điều 8).',
      );
    }
    if (certificate.revokedOn) {
      throw conflict(`Giấy chứng nhận ${certificate.number} đã bị thu hồi ngày ${formatVietnameseDate(certificate.revokedOn)}.`, 'The certificate is already revoked.');
    }
    if (certificate.supersededOn) {
      throw conflict(`Giấy chứng nhận ${certificate.number} đã được thay bằng giấy chứng nhận mới; hãy thu hồi giấy chứng nhận đang có hiệu lực.`, 'The certificate was replaced; revoke the current one.');
    }
    const issues = revocationDateIssues(input, onDay, certificate.issuedOn);
    const inspectionId = input.inspectionId ?? null;
    if (inspectionId) {
      const inspection = await repository.findInspection(tx, inspectionId, onDay);
      if (!inspection || inspection.certificateId !== id) {
        issues.push({ path: 'inspectionId', message: 'Đợt kiểm tra này không thuộc giấy chứng nhận đang thu hồi.', messageEn: 'The inspection is not of this certificate.' });
      }
    }
    if (issues.length > 0) throw invalidInput(issues);

    const now = ctx.clock.now();
    const late = isLateRevocation(input.findingOn, input.decidedOn);
    const row = { ground: input.ground, findingOn: input.findingOn, decidedOn: input.decidedOn, decisionNumber: input.decisionNumber, reason: input.reason, inspectionId, late };
    if (!(await repository.insertRevocation(tx, id, row, actor.userId, now))) throw conflict(`Giấy chứng nhận ${certificate.number} đã bị thu hồi.`, 'Already revoked.');
    await repository.markRevoked(tx, id, input.decidedOn, now);
    let cancelled = 0;
    for (const name of CERTIFICATE_REMINDERS) cancelled += await cancelJobs(tx, name, id, now);

    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'certificate.revoked',
      entityType: 'certificate',
      entityId: id,
      before: { number: certificate.number, status: certificate.status, revokedOn: null },
      after: { number: certificate.number, revokedOn: input.decidedOn, ...row, remindersCancelled: cancelled },
      requestId,
      occurredAt: now,
    });

    const recipients: Recipient[] = [
      { producerId: certificate.producerId },
      { communeOf: { provinceCode: certificate.provinceCode, communeCode: certificate.communeCode } },
      { provinceOffice: certificate.provinceCode },
    ];
    if (certificate.stars === 5) recipients.push({ ministry: true });
    await notify(
      tx,
      recipients,
      {
        kind: 'certificate.revoked',
        title: `Thu hồi giấy chứng nhận OCOP ${certificate.number}`,
        body:
          `Sản phẩm “${certificate.productName}” (${certificate.producerName}, ${certificate.stars} sao) bị thu hồi giấy chứng nhận theo Quyết định số ` +
          `${input.decisionNumber} ngày ${formatVietnameseDate(input.decidedOn)}. Căn cứ: ${revocationGroundLabels[input.ground].vi}.`,
        link: `/admin/certificates/${id}`,
        dedupeKey: `certificate.revoked:${id}`,
        fields: { product: certificate.productName, number: certificate.number },
      },
      now,
    );
    await tellStockists(tx, { ...certificate, id }, `đã bị thu hồi theo Quyết định số ${input.decisionNumber} ngày ${formatVietnameseDate(input.decidedOn)}`, now);
    return (await loadCertificateDetail(ctx, tx, actor, id))!;
  });
}
