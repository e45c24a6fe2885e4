import { randomBytes } from 'node:crypto';
import type { LocalDate } from '../../core/clock/index.ts';
import { recordAuditEvent, type AuditActor } from '../../core/audit.ts';
import type { Sql } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { cancelJobsByKeys } from '../../core/jobs/index.ts';
import { findProduct } from '../products/index.ts';
import { certificateExpiry } from './certificate-status.ts';
import * as repository from './certificates.repository.ts';
import { CERTIFICATE_REMINDERS, issuingBodyOf, nextCertificateNumberText, scheduleCertificateReminders } from './issue-certificate.ts';

export interface ImportedCertificateInput {
  productId: string;
  stars: 3 | 4 | 5;
  /** The rule set in force on the decision date (1048/2019, 148/2023, 148+1489/2025, 26/2026). */
  ruleSetId: string;
  decisionNumber: string;
  /** The decision's date: the certificate's issue date. */
  issuedOn: LocalDate;
  /** As printed; null when the list gives none (a number of this system's sequence is then given). */
  number: string | null;
  issuingBody: string | null;
  /** As printed; null to count 36 months from the decision. */
  expiresOn: LocalDate | null;
}

// The ministry of agriculture and the ministry of natural resources and environment were merged into the
// Ministry of Agriculture and Environment from 1 March 2025 (Nghị quyết 176/2025/QH15; Nghị định 35/2025/NĐ-CP
// sets out its functions): a 5★ certificate issued before then names the former ministry.
const MINISTRY_RENAMED_ON = '2025-03-01';

/**
 * Records a certificate a province issued before it used this system (issue 12), inside the caller's
 * transaction, as first-class as one issued here: the number and issuing body as printed, the status
 * from the same rule, a public token for the QR, the catalogue row (a trigger follows certificates), the
 * reminders still ahead of it, and an audit event. An older certificate of the product is superseded by
 * it, and it is superseded by a newer one already held.
 */
export async function recordImportedCertificate(tx: Sql, input: ImportedCertificateInput, actor: AuditActor, now: Date): Promise<{ id: string; number: string; publicToken: string }> {
  const product = await findProduct(tx, input.productId, { forUpdate: true });
  if (!product) throw notFound('Sản phẩm');
  const level = input.stars === 5 ? 'central' : 'province';
  const issuerCode = level === 'central' ? 'TW' : product.provinceCode;
  const year = Number(input.issuedOn.slice(0, 4));
  const number = input.number ?? (await nextCertificateNumberText(tx, issuerCode, year));
  const issuingBody =
    input.issuingBody ??
    (level === 'central' && input.issuedOn < MINISTRY_RENAMED_ON ? 'Bộ Nông nghiệp và Phát triển nông thôn' : await issuingBodyOf(tx, level, product.provinceCode));
  const expiresOn = input.expiresOn ?? certificateExpiry(input.issuedOn, 36);
  const publicToken = randomBytes(18).toString('base64url');
  const id = await repository.insertCertificate(
    tx,
    {
      publicToken, number, productId: product.id, producerId: product.producerId, provinceCode: product.provinceCode,
      communeCode: product.communeCode, stars: input.stars, ruleSetId: input.ruleSetId, productName: product.name,
      producerName: product.producerName, level, issuingBody, decisionNumber: input.decisionNumber, entryId: null,
      decisionId: null, issuedOn: input.issuedOn, expiresOn, gtin: null, isImported: true,
    },
    now,
  );
  await repository.supersedeEarlierCertificates(tx, product.id, id, input.issuedOn, now);
  await repository.supersedeByLaterCertificate(tx, id, product.id, input.issuedOn, now);
  await scheduleCertificateReminders(tx, id, expiresOn, now, { onlyAhead: true });
  await recordAuditEvent(tx, {
    actor,
    action: 'certificate.imported',
    entityType: 'certificate',
    entityId: id,
    after: { number, productId: product.id, stars: input.stars, level, issuingBody, ruleSetId: input.ruleSetId, issuedOn: input.issuedOn, expiresOn, decisionNumber: input.decisionNumber },
    occurredAt: now,
  });
  return { id, number, publicToken };
}

const blockedReasons = {
  revoked: 'đã bị thu hồi',
  re_evaluation_filed: 'đã có hồ sơ đánh giá lại',
  superseded_by_later: 'đã được thay bằng giấy chứng nhận cấp sau',
  inspected: 'đã có kiểm tra sau công nhận',
} as const;

/** Why imported certificates can no longer be taken back ("OCOP-12-2021-0003 đã bị thu hồi"), none if they can. */
export async function findImportedCertificateBlockers(tx: Sql, ids: readonly string[]): Promise<string[]> {
  const states = await repository.listImportedCertificateStates(tx, ids);
  return states.flatMap((state) => {
    if (!state.isImported) return [`Giấy chứng nhận ${state.number} không phải bản được nhập`];
    return state.blockedBy ? [`Giấy chứng nhận ${state.number} ${blockedReasons[state.blockedBy]}`] : [];
  });
}

/** Takes imported certificates back (undoing their import): their reminders are cancelled, the audit says so. */
export async function removeImportedCertificates(tx: Sql, ids: readonly string[], actor: AuditActor, now: Date): Promise<void> {
  await cancelJobsByKeys(tx, CERTIFICATE_REMINDERS, ids, now);
  await repository.deleteImportedCertificates(tx, ids, now);
  for (const id of ids) {
    await recordAuditEvent(tx, { actor, action: 'certificate.import_undone', entityType: 'certificate', entityId: id, occurredAt: now });
  }
}
