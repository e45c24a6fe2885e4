import type { LocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { invalidInput } from '../../core/errors.ts';
import { formatVietnameseDate } from '../documents/index.ts';
import { certificateStatus, isInForce, reEvaluationFilingTiming, reEvaluationWindow } from './certificate-status.ts';
import * as repository from './certificates.repository.ts';

export interface ReEvaluationFiling {
  certificateId: string;
  certificateNumber: string;
  expiresOn: LocalDate;
  timing: 'on_time' | 'late';
  /** The certificate stays in force until the result, at most until this day (Đ.12.3). */
  validUntilAtMost: LocalDate;
  /** A line for the dossier's history. */
  note: string;
}

/**
 * A re-evaluation dossier is filed (submitted) on `filedOn` for `productId` (QĐ 26/2026/QĐ-TTg Đ.7.6.a:
 * "no earlier than 180 and no later than 120 days before expiry"; Đ.12.3: a late filer keeps a valid
 * certificate until the result, at most 180 days after expiry). In the submitting transaction:
 *  - EARLY (before the window opens): refused with the window's dates, so the producer files again in time
 *    (the law sets a lower bound; an early filing would be decided on evidence up to 6 months stale);
 *  - on time or late, while the certificate is in force (valid / expiring): the filing day is written on
 *    the certificate (certificate_status() then keeps it 'extended' after expiry, up to 180 days);
 *  - filed again for the same certificate (a withdrawn dossier filed anew): the first filing day stays;
 *  - no certificate in force (none here, e.g. a paper certificate not imported; or already expired):
 *    nothing is written and null is returned: an expired certificate is not revived by a filing.
 */
export async function noteReEvaluationFiled(tx: Sql, productId: string, filedOn: LocalDate, now: Date): Promise<ReEvaluationFiling | null> {
  const certificate = await repository.findCurrentCertificateOfProduct(tx, productId, { forUpdate: true });
  if (!certificate) return null;
  const window = reEvaluationWindow(certificate.expiresOn);
  const timing = reEvaluationFilingTiming(certificate.expiresOn, filedOn);
  if (timing === 'early') {
    throw invalidInput([
      {
        path: 'type',
        message:
          `Chưa đến thời hạn nộp hồ sơ đánh giá lại: giấy chứng nhận ${certificate.number} hết hạn ngày ${formatVietnameseDate(certificate.expiresOn)}, ` +
          `hồ sơ được nộp sớm nhất 180 ngày và muộn nhất 120 ngày trước khi hết hạn, tức từ ngày ${formatVietnameseDate(window.opensOn)} ` +
          `đến ngày ${formatVietnameseDate(window.closesOn)} (Điều 7 khoản 6 Quyết định 26/2026/QĐ-TTg).`,
        messageEn: `Too early to file for re-evaluation: the window runs from ${window.opensOn} to ${window.closesOn}.`,
      },
    ]);
  }
  const status = certificateStatus({ expiresOn: certificate.expiresOn, revokedOn: null, supersededOn: null, reEvaluationFiledOn: certificate.reEvaluationFiledOn }, filedOn);
  if (!isInForce(status)) return null;
  if (!certificate.reEvaluationFiledOn) await repository.setReEvaluationFiled(tx, certificate.id, filedOn, now);
  const note =
    timing === 'on_time'
      ? `Nộp hồ sơ đánh giá lại đúng hạn cho giấy chứng nhận ${certificate.number} (hết hạn ${formatVietnameseDate(certificate.expiresOn)}).`
      : `Nộp hồ sơ đánh giá lại muộn (sau ngày ${formatVietnameseDate(window.closesOn)}) cho giấy chứng nhận ${certificate.number}: ` +
        `giấy chứng nhận còn hiệu lực đến khi có kết quả, nhưng không quá ngày ${formatVietnameseDate(window.graceUntil)} (Điều 12 khoản 3).`;
  return {
    certificateId: certificate.id,
    certificateNumber: certificate.number,
    expiresOn: certificate.expiresOn,
    timing,
    validUntilAtMost: window.graceUntil,
    note,
  };
}
