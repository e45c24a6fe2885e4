/**
 * The reminders scheduled by issueCertificate (CERTIFICATE_REMINDERS, keyed by the certificate's id):
 * QĐ 26/2026/QĐ-TTg Đ.7.6.a (the re-evaluation window opens 180 days and closes 120 days before expiry)
 * and Đ.4.3 (36 months). Each handler re-reads the certificate in the job's transaction and does nothing
 * for a revoked or superseded one; notices carry a dedupe key, so a job that runs twice notifies once.
 */
import { toLocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import type { JobHandler, ScheduledJob } from '../../core/jobs/index.ts';
import { notify, type Recipient } from '../notifications/index.ts';
import { formatVietnameseDate } from '../documents/index.ts';
import { reEvaluationWindow } from './certificate-status.ts';
import { certificateVerificationPath } from './qr-payload.ts';
import * as repository from './certificates.repository.ts';
import type { ReminderCertificate } from './certificates.repository.ts';
import { CERTIFICATE_REMINDERS } from './issue-certificate.ts';

async function findForReminder(tx: Sql, job: ScheduledJob): Promise<ReminderCertificate | null> {
  const id = typeof job.payload.certificateId === 'string' ? job.payload.certificateId : job.key;
  const certificate = await repository.findCertificateForReminder(tx, id);
  // Revoked or replaced (e.g. by the certificate of a re-evaluation): nothing to remind of.
  if (!certificate || certificate.revokedOn || certificate.supersededOn) return null;
  return certificate;
}

/**
 * The producer (its accounts and its own contact, for households that never sign in), its commune's
 * officers and the province office; the ministry too for a 5★ certificate (it re-evaluates those).
 */
const recipientsOf = (certificate: ReminderCertificate): Recipient[] => [
  { producerId: certificate.producerId },
  { communeOf: { provinceCode: certificate.provinceCode, communeCode: certificate.communeCode } },
  { provinceOffice: certificate.provinceCode },
  ...(certificate.stars === 5 ? [{ ministry: true as const }] : []),
];

/** What the templates of the certificate notices may name (notifications' notice-kinds.ts). */
const fieldsOf = (certificate: ReminderCertificate) => ({
  product: certificate.productName,
  number: certificate.number,
  expiresOn: formatVietnameseDate(certificate.expiresOn),
  closesOn: formatVietnameseDate(reEvaluationWindow(certificate.expiresOn).closesOn),
});

const windowOpens: JobHandler = {
  name: CERTIFICATE_REMINDERS[0],
  async run(tx, job, now) {
    const certificate = await findForReminder(tx, job);
    if (!certificate || certificate.reEvaluationFiledOn) return;
    const window = reEvaluationWindow(certificate.expiresOn);
    await notify(
      tx,
      recipientsOf(certificate),
      {
        kind: 'certificate.re_evaluation_window_opens',
        title: `Đã đến thời hạn nộp hồ sơ đánh giá lại: ${certificate.productName}`,
        body:
          `Giấy chứng nhận OCOP ${certificate.number} hết hạn ngày ${formatVietnameseDate(certificate.expiresOn)}. ` +
          `Hồ sơ đánh giá lại nộp từ nay đến hết ngày ${formatVietnameseDate(window.closesOn)} (Điều 7 khoản 6 Quyết định 26/2026/QĐ-TTg).`,
        link: `/admin/certificates/${certificate.id}`,
        dedupeKey: `${job.name}:${certificate.id}`,
        fields: fieldsOf(certificate),
      },
      now,
    );
  },
};

const windowClosesSoon: JobHandler = {
  name: CERTIFICATE_REMINDERS[1],
  async run(tx, job, now) {
    const certificate = await findForReminder(tx, job);
    if (!certificate || certificate.reEvaluationFiledOn) return;
    const window = reEvaluationWindow(certificate.expiresOn);
    await notify(
      tx,
      recipientsOf(certificate),
      {
        kind: 'certificate.re_evaluation_window_closes',
        title: `Sắp hết thời hạn nộp hồ sơ đánh giá lại: ${certificate.productName}`,
        body:
          `Hạn cuối nộp hồ sơ đánh giá lại giấy chứng nhận ${certificate.number} là ngày ${formatVietnameseDate(window.closesOn)}; ` +
          `giấy chứng nhận hết hạn ngày ${formatVietnameseDate(certificate.expiresOn)}. Chưa có hồ sơ đánh giá lại nào được nộp.`,
        link: `/admin/certificates/${certificate.id}`,
        dedupeKey: `${job.name}:${certificate.id}`,
        fields: fieldsOf(certificate),
      },
      now,
    );
  },
};

const expired: JobHandler = {
  name: CERTIFICATE_REMINDERS[2],
  async run(tx, job, now) {
    const certificate = await findForReminder(tx, job);
    if (!certificate) return;
    // The job runs at the end of the last valid day; a retry may run later. Only an expired one is reported.
    if (toLocalDate(now) < certificate.expiresOn) return;
    const window = reEvaluationWindow(certificate.expiresOn);
    const pending = certificate.reEvaluationFiledOn !== null;
    await notify(
      tx,
      recipientsOf(certificate),
      {
        kind: 'certificate.expired',
        title: pending ? `Giấy chứng nhận ${certificate.number} hết hạn, đang chờ kết quả đánh giá lại` : `Giấy chứng nhận ${certificate.number} đã hết hiệu lực`,
        body: pending
          ? `Sản phẩm “${certificate.productName}” đã nộp hồ sơ đánh giá lại ngày ${formatVietnameseDate(certificate.reEvaluationFiledOn!)}: ` +
            `giấy chứng nhận còn hiệu lực đến khi có kết quả, nhưng không quá ngày ${formatVietnameseDate(window.graceUntil)} (Điều 12 khoản 3).`
          : `Giấy chứng nhận OCOP của sản phẩm “${certificate.productName}” hết hạn ngày ${formatVietnameseDate(certificate.expiresOn)}; ` +
            'sản phẩm không còn được sử dụng hạng sao OCOP cho đến khi được công nhận lại.',
        link: `/admin/certificates/${certificate.id}`,
        dedupeKey: `${job.name}:${certificate.id}`,
        fields: fieldsOf(certificate),
      },
      now,
    );
    // Shops selling it are told once its star lapses (not while a filed re-evaluation keeps it in force).
    if (!pending) await tellStockists(tx, certificate, `đã hết hạn ngày ${formatVietnameseDate(certificate.expiresOn)}`, now);
  },
};

/**
 * The stockists — active OCOP sales points and online listings carrying the product — told that its
 * star lapsed, with the public verification link; once per certificate, whether it expired or was revoked.
 */
export async function tellStockists(tx: Sql, certificate: Pick<ReminderCertificate, 'id' | 'number' | 'productName' | 'producerId' | 'publicToken'>, status: string, now: Date): Promise<void> {
  const verifyLink = certificateVerificationPath(certificate.publicToken);
  await notify(
    tx,
    [{ stockistsOf: { producerId: certificate.producerId, productName: certificate.productName } }],
    {
      kind: 'certificate.stockist_lapsed',
      title: `Sản phẩm “${certificate.productName}” không còn được dùng sao OCOP`,
      body: `Giấy chứng nhận OCOP ${certificate.number} ${status}.`,
      link: verifyLink,
      dedupeKey: `certificate.stockist_lapsed:${certificate.id}`,
      fields: { product: certificate.productName, number: certificate.number, status, verifyLink },
    },
    now,
  );
}

/** The handlers of the certificate reminders, for the job runner (runDueJobs). */
export const certificateJobHandlers: readonly JobHandler[] = [windowOpens, windowClosesSoon, expired];
