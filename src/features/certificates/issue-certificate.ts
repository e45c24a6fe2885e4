import { randomBytes } from 'node:crypto';
import { addDays, endOfLocalDate, startOfLocalDate, type LocalDate } from '../../core/clock/index.ts';
import { recordAuditEvent, type AuditActor } from '../../core/audit.ts';
import type { Sql } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { scheduleJob } from '../../core/jobs/index.ts';
import { findUnit, CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { findRuleSet } from '../rule-sets/index.ts';
import { findProduct } from '../products/index.ts';
import { certificateExpiry, reEvaluationWindow } from './certificate-status.ts';
import * as repository from './certificates.repository.ts';

export interface IssueCertificateInput {
  productId: string;
  stars: 3 | 4 | 5;
  level: 'province' | 'central';
  ruleSetId: string;
  issuedOn: LocalDate;
  decisionNumber: string;
  decisionId?: string | null;
  entryId?: string | null;
  gtin?: string | null;
  isImported?: boolean;
}

export interface IssuedCertificate {
  id: string;
  number: string;
  publicToken: string;
  expiresOn: LocalDate;
}

/** The issuing authority (QĐ 26/2026 Đ.4): the provincial People's Committee for 3★/4★, the ministry for 5★. */
export async function issuingBodyOf(sql: Sql, level: 'province' | 'central', provinceCode: string): Promise<string> {
  if (level === 'central') return 'Bộ Nông nghiệp và Môi trường';
  const province = await findUnit(sql, CURRENT_UNITS_VERSION, 'province', provinceCode);
  // "Tỉnh Lai Châu" → "Ủy ban nhân dân tỉnh Lai Châu" (the unit type is not capitalised mid-sentence).
  const name = province ? province.fullName.replace(/^(Tỉnh|Thành phố)/u, (type) => type.toLowerCase()) : `tỉnh ${provinceCode}`;
  return `Ủy ban nhân dân ${name}`;
}

/** Reminder jobs of a certificate: the re-evaluation window opens (180 days) and closes (120 days), it expires. */
export const CERTIFICATE_REMINDERS = ['certificates.re-evaluation-window-opens', 'certificates.re-evaluation-window-closes', 'certificates.expired'] as const;

/** The next number of the issuer's yearly sequence as printed: OCOP-<province code | TW>-<year>-<NNNN>. */
export async function nextCertificateNumberText(tx: Sql, issuerCode: string, year: number): Promise<string> {
  return `OCOP-${issuerCode}-${year}-${String(await repository.nextCertificateNumber(tx, issuerCode, year)).padStart(4, '0')}`;
}

/**
 * The reminder jobs of a certificate: the re-evaluation window opens, closes in two weeks, it expires.
 * With `onlyAhead` (an imported certificate), those already past are not scheduled, so a certificate
 * that expired in 2022 notifies nobody today.
 */
export async function scheduleCertificateReminders(tx: Sql, id: string, expiresOn: LocalDate, now: Date, options: { onlyAhead?: boolean } = {}): Promise<void> {
  const window = reEvaluationWindow(expiresOn);
  const reminders: Array<[string, Date]> = [
    [CERTIFICATE_REMINDERS[0], startOfLocalDate(window.opensOn)],
    [CERTIFICATE_REMINDERS[1], startOfLocalDate(addDays(window.closesOn, -14))],
    [CERTIFICATE_REMINDERS[2], endOfLocalDate(expiresOn)],
  ];
  for (const [name, runAt] of reminders) {
    if (options.onlyAhead && runAt <= now) continue;
    await scheduleJob(tx, { name, key: id, runAt, payload: { certificateId: id } }, now);
  }
}

/**
 * Issues the certificate of a recognised product (QĐ 26/2026 Đ.4.3: valid 36 months) in the caller's
 * transaction: a number from the issuer's yearly sequence (OCOP-<province code | TW>-<year>-<NNNN>), an
 * unguessable public token for the QR, the names as printed, the reminders, and an audit event. The
 * product's earlier certificate still in force is superseded on the day of issue.
 */
export async function issueCertificate(tx: Sql, input: IssueCertificateInput, actor: AuditActor, now: Date): Promise<IssuedCertificate> {
  const product = await findProduct(tx, input.productId, { forUpdate: true });
  if (!product) throw notFound('Sản phẩm');
  const ruleSet = findRuleSet(input.ruleSetId);
  const validityMonths = ruleSet?.deadlines.certificateValidity?.value ?? 36;
  const expiresOn = certificateExpiry(input.issuedOn, validityMonths);
  const issuerCode = input.level === 'central' ? 'TW' : product.provinceCode;
  const year = Number(input.issuedOn.slice(0, 4));
  const number = await nextCertificateNumberText(tx, issuerCode, year);
  const publicToken = randomBytes(18).toString('base64url');
  const id = await repository.insertCertificate(
    tx,
    {
      publicToken,
      number,
      productId: input.productId,
      producerId: product.producerId,
      provinceCode: product.provinceCode,
      communeCode: product.communeCode,
      stars: input.stars,
      ruleSetId: input.ruleSetId,
      productName: product.name,
      producerName: product.producerName,
      level: input.level,
      issuingBody: await issuingBodyOf(tx, input.level, product.provinceCode),
      decisionNumber: input.decisionNumber,
      entryId: input.entryId ?? null,
      decisionId: input.decisionId ?? null,
      issuedOn: input.issuedOn,
      expiresOn,
      gtin: input.gtin ?? null,
      isImported: input.isImported ?? false,
    },
    now,
  );
  const superseded = await repository.supersedeEarlierCertificates(tx, input.productId, id, input.issuedOn, now);
  await scheduleCertificateReminders(tx, id, expiresOn, now);
  await recordAuditEvent(tx, {
    actor,
    action: 'certificate.issued',
    entityType: 'certificate',
    entityId: id,
    after: { number, productId: input.productId, stars: input.stars, level: input.level, issuedOn: input.issuedOn, expiresOn, decisionNumber: input.decisionNumber, supersedes: superseded },
    occurredAt: now,
  });
  return { id, number, publicToken, expiresOn };
}
