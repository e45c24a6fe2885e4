import { addDays, localDate, localDateParts, type LocalDate } from '../../core/clock/index.ts';

/**
 * A certificate's validity on a day (QĐ 26/2026/QĐ-TTg Đ.4.3, Đ.7.6.a, Đ.8, Đ.12.3). The SQL function
 * certificate_status() of migration 0007 is the same rule, used by every query; a test compares the two.
 */
export const certificateStatuses = ['valid', 'expiring', 'extended', 'expired', 'superseded', 'revoked'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

/** Days before expiry the re-evaluation filing window opens and closes (Đ.7.6.a), and the Đ.12.3 grace. */
export const RE_EVALUATION_WINDOW = { opensDaysBefore: 180, closesDaysBefore: 120, lateGraceDaysAfter: 180 } as const;

export interface CertificateDates {
  expiresOn: LocalDate;
  revokedOn: LocalDate | null;
  supersededOn: LocalDate | null;
  reEvaluationFiledOn: LocalDate | null;
}

export function certificateStatus(certificate: CertificateDates, onDay: LocalDate): CertificateStatus {
  if (certificate.revokedOn && certificate.revokedOn <= onDay) return 'revoked';
  if (certificate.supersededOn && certificate.supersededOn <= onDay) return 'superseded';
  if (onDay <= certificate.expiresOn) {
    return onDay > addDays(certificate.expiresOn, -RE_EVALUATION_WINDOW.opensDaysBefore) ? 'expiring' : 'valid';
  }
  if (certificate.reEvaluationFiledOn && onDay <= addDays(certificate.expiresOn, RE_EVALUATION_WINDOW.lateGraceDaysAfter)) return 'extended';
  return 'expired';
}

/** Whether a product with this status may show the OCOP star as current. */
export const isInForce = (status: CertificateStatus): boolean => status === 'valid' || status === 'expiring' || status === 'extended';

export const certificateStatusLabels: Record<CertificateStatus, { vi: string; en: string }> = {
  valid: { vi: 'Còn hiệu lực', en: 'Valid' },
  expiring: { vi: 'Còn hiệu lực, sắp hết hạn', en: 'Valid, expiring soon' },
  extended: { vi: 'Còn hiệu lực trong thời gian chờ đánh giá lại', en: 'Valid while re-evaluation is pending' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  superseded: { vi: 'Đã được thay bằng giấy chứng nhận mới', en: 'Replaced by a newer certificate' },
  revoked: { vi: 'Đã bị thu hồi', en: 'Revoked' },
};

/**
 * `months` calendar months after `date`, the way Bộ luật Dân sự 2015 Đ.147–148 counts a period in months:
 * it ends on the same day number of the last month, or on that month's last day when it has no such day.
 * So a certificate issued on 15/03/2026 is valid through 15/03/2029, one issued on 29/02/2028 through 28/02/2031.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = localDateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return localDate(targetYear, targetMonth, Math.min(day, lastDay));
}

/** The certificate's last valid day: 36 months (the rule set's certificateValidity) from issuance. */
export const certificateExpiry = (issuedOn: LocalDate, validityMonths: number): LocalDate => addMonths(issuedOn, validityMonths);

/** The re-evaluation filing window of a certificate: [opensOn, closesOn], both days included. */
export function reEvaluationWindow(expiresOn: LocalDate): { opensOn: LocalDate; closesOn: LocalDate; graceUntil: LocalDate } {
  return {
    opensOn: addDays(expiresOn, -RE_EVALUATION_WINDOW.opensDaysBefore),
    closesOn: addDays(expiresOn, -RE_EVALUATION_WINDOW.closesDaysBefore),
    graceUntil: addDays(expiresOn, RE_EVALUATION_WINDOW.lateGraceDaysAfter),
  };
}

/** Where a filing on `filedOn` falls relative to the window. */
export function reEvaluationFilingTiming(expiresOn: LocalDate, filedOn: LocalDate): 'early' | 'on_time' | 'late' {
  const window = reEvaluationWindow(expiresOn);
  if (filedOn < window.opensOn) return 'early';
  return filedOn <= window.closesOn ? 'on_time' : 'late';
}

/** The SQL expression of the status of certificate alias `c` on the day in parameter `$n`. */
export const certificateStatusSql = (alias: string, dayParameter: string): string =>
  `certificate_status(${alias}.revoked_on, ${alias}.superseded_on, ${alias}.expires_on, ${alias}.re_evaluation_filed_on, ${dayParameter}::date)`;
