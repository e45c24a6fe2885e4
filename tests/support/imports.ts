import { randomInt } from 'node:crypto';
import { taxCodeCheckDigit } from '../../src/features/producers/tax-code.ts';
import type { ImportRow } from '../../src/features/imports/import-row.ts';

/** A valid tax code no other test uses (the check digit of Thông tư 86/2024/TT-BTC). */
export function randomTaxCode(): string {
  for (;;) {
    const nine = `${String(randomInt(1, 99)).padStart(2, '0')}${String(randomInt(1, 9_999_999)).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** One row of a province's list, already read: a certified product of a cooperative in Than Uyên. */
export function importRow(rowNumber: number, overrides: {
  producer?: Partial<ImportRow['producer']>;
  place?: Partial<ImportRow['place']>;
  product?: Partial<NonNullable<ImportRow['product']>> | null;
  certificate?: Partial<NonNullable<ImportRow['certificate']>> | null;
  issues?: ImportRow['issues'];
} = {}): ImportRow {
  return {
    rowNumber,
    producer: { name: 'HTX Nông nghiệp Mường Kim', taxCode: null, legalForm: 'cooperative', address: null, phone: null, email: null, representativeName: null, ...overrides.producer },
    place: { commune: 'Xã Mường Kim', district: 'Huyện Than Uyên', province: null, columns: { commune: 'E', district: 'F', province: null }, ...overrides.place },
    product: overrides.product === null ? null : { name: 'Gạo tẻ Mường Kim', productSetNumber: 1, productCode: null, description: null, ...overrides.product },
    certificate: overrides.certificate === null ? null : {
      stars: 3, decisionNumber: '1234/QĐ-UBND', decisionDate: '2022-06-15', certificateNumber: null, issuingBody: null, expiresOn: null, ...overrides.certificate,
    },
    issues: overrides.issues ?? [],
  };
}
