import { randomBytes } from 'node:crypto';
import { addDays, endOfLocalDate, startOfLocalDate, type LocalDate } from '../../core/clock/index.ts';
import { recordAuditEvent, type AuditActor } from '../../core/audit.ts';
import type { Sql } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { scheduleJob } from '../../core/jobs/index.ts';
import { findUnit, CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { findRuleSet } from '../rule-sets/index.ts';
import { certificateExpiry, reEvaluationWindow } from './certificate-status.ts';

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

/**
 * Issues the certificate of a recognised product (QĐ 26/2026 Đ.4.3: valid 36 months) in the caller's
 * transaction: a number from the issuer's yearly sequence (OCOP-<province code | TW>-<year>-<NNNN>), an
 * unguessable public token for the QR, the names as printed, the reminders, and an audit event. The
 * product's earlier certificate still in force is superseded on the day of issue.
 */
export async function issueCertificate(tx: Sql, input: IssueCertificateInput, actor: AuditActor, now: Date): Promise<IssuedCertificate> {
  const product = (
    await tx.query<{ name: string; producer_id: string; producer_name: string; province_code: string; commune_code: string }>(
      `SELECT p.name, p.producer_id, pr.name AS producer_name, p.province_code, p.commune_code
       FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = $1 FOR UPDATE OF p`,
      [input.productId],
    )
  ).rows[0];
  if (!product) throw notFound('Sản phẩm');
  const ruleSet = findRuleSet(input.ruleSetId);
  const validityMonths = ruleSet?.deadlines.certificateValidity?.value ?? 36;
  const expiresOn = certificateExpiry(input.issuedOn, validityMonths);
  const issuerCode = input.level === 'central' ? 'TW' : product.province_code;
  const year = Number(input.issuedOn.slice(0, 4));
  const sequence = await tx.query<{ last_number: number }>(
    `INSERT INTO certificate_number_sequences (issuer_code, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (issuer_code, year) DO UPDATE SET last_number = certificate_number_sequences.last_number + 1
     RETURNING last_number`,
    [issuerCode, year],
  );
  const number = `OCOP-${issuerCode}-${year}-${String(sequence.rows[0]!.last_number).padStart(4, '0')}`;
  const publicToken = randomBytes(18).toString('base64url');
  const issuingBody = await issuingBodyOf(tx, input.level, product.province_code);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO certificates (public_token, number, product_id, producer_id, province_code, commune_code, stars, rule_set_id,
       product_name, producer_name, level, issuing_body, decision_number, entry_id, decision_id, issued_on, expires_on, gtin,
       is_imported, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)
     RETURNING id`,
    [
      publicToken, number, input.productId, product.producer_id, product.province_code, product.commune_code, input.stars, input.ruleSetId,
      product.name, product.producer_name, input.level, issuingBody, input.decisionNumber, input.entryId ?? null, input.decisionId ?? null,
      input.issuedOn, expiresOn, input.gtin ?? null, input.isImported ?? false, now,
    ],
  );
  const id = inserted.rows[0]!.id;
  const superseded = await tx.query<{ id: string; number: string }>(
    `UPDATE certificates SET superseded_by = $1, superseded_on = $2, updated_at = $3, version = version + 1
     WHERE product_id = $4 AND id <> $1 AND superseded_by IS NULL AND revoked_on IS NULL AND issued_on <= $2
     RETURNING id, number`,
    [id, input.issuedOn, now, input.productId],
  );
  const window = reEvaluationWindow(expiresOn);
  const reminders: Array<[string, Date]> = [
    [CERTIFICATE_REMINDERS[0], startOfLocalDate(window.opensOn)],
    [CERTIFICATE_REMINDERS[1], startOfLocalDate(addDays(window.closesOn, -14))],
    [CERTIFICATE_REMINDERS[2], endOfLocalDate(expiresOn)],
  ];
  for (const [name, runAt] of reminders) {
    await scheduleJob(tx, { name, key: id, runAt, payload: { certificateId: id } }, now);
  }
  await recordAuditEvent(tx, {
    actor,
    action: 'certificate.issued',
    entityType: 'certificate',
    entityId: id,
    after: { number, productId: input.productId, stars: input.stars, level: input.level, issuedOn: input.issuedOn, expiresOn, decisionNumber: input.decisionNumber, supersedes: superseded.rows.map((row) => row.number) },
    occurredAt: now,
  });
  return { id, number, publicToken, expiresOn };
}
