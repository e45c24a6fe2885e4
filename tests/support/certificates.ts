/**
 * A product with a certificate, written through the certificates use case (issueCertificate) without
 * running a whole evaluation round: for tests of what reads certificates (public catalogue, open data,
 * verification). The evaluation tests create theirs through the real round flow.
 */
import { randomUUID } from 'node:crypto';
import { withTransaction, type Database } from '../../src/core/db/database.ts';
import type { LocalDate } from '../../src/core/clock/index.ts';
import { issueCertificate, type IssuedCertificate } from '../../src/features/certificates/issue-certificate.ts';
import { createProducerRecord } from './test-app.ts';

export interface CertifiedProductSpec {
  provinceCode?: string;
  communeCode?: string;
  producerId?: string;
  producerName?: string;
  productName?: string;
  productSetNumber?: number;
  stars?: 3 | 4 | 5;
  issuedOn?: LocalDate;
  gtin?: string | null;
}

export interface CertifiedProduct {
  producerId: string;
  productId: string;
  productName: string;
  certificate: IssuedCertificate;
}

/** Lai Châu / xã Than Uyên unless told otherwise. */
export async function createCertifiedProduct(db: Database, spec: CertifiedProductSpec = {}): Promise<CertifiedProduct> {
  const place = { provinceCode: spec.provinceCode ?? '12', communeCode: spec.communeCode ?? '03595' };
  const producerId = spec.producerId ?? (await createProducerRecord(db, place, spec.producerName));
  const productName = spec.productName ?? `Gạo Séng Cù ${randomUUID().slice(0, 6)}`;
  return withTransaction(db, async (tx) => {
    const product = await tx.query<{ id: string }>(
      `INSERT INTO products (producer_id, province_code, commune_code, name, product_set_number, rule_set_id)
       VALUES ($1, $2, $3, $4, $5, '26-2026') RETURNING id`,
      [producerId, place.provinceCode, place.communeCode, productName, spec.productSetNumber ?? 3],
    );
    const productId = product.rows[0]!.id;
    const stars = spec.stars ?? 4;
    const certificate = await issueCertificate(
      tx,
      {
        productId,
        stars,
        level: stars === 5 ? 'central' : 'province',
        ruleSetId: '26-2026',
        issuedOn: spec.issuedOn ?? '2026-08-15',
        decisionNumber: `${Math.floor(Math.random() * 9000) + 1000}/QĐ-UBND`,
        gtin: spec.gtin ?? null,
      },
      { userId: null, label: 'test fixture' },
      new Date(),
    );
    return { producerId, productId, productName, certificate };
  });
}
