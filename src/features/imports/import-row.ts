import type { LocalDate } from '../../core/clock/index.ts';
import type { LegalForm } from '../producers/index.ts';

/**
 * The seam between reading a province's list and planning its import: a spreadsheet (reading/) or a
 * national-register file (national-register.ts) becomes rows of this shape, each with the problems
 * found in its own cells; the plan (plan-import.ts) then resolves addresses against the units and
 * matches the registry. Values here are already parsed (stars, dates, legal forms) but not yet checked
 * against the database.
 */

/** The fields a column of a list can hold. */
export const importFields = [
  'producerName',
  'producerTaxCode',
  'producerLegalForm',
  'producerAddress',
  'producerPhone',
  'producerEmail',
  'producerRepresentative',
  'communeName',
  'districtName',
  'provinceName',
  'productName',
  'productSet',
  'productCode',
  'productDescription',
  'stars',
  'decisionNumber',
  'decisionDate',
  'certificateNumber',
  'issuingBody',
  'expiresOn',
  'salesPointName',
  'salesPointAddress',
  'salesPointOperator',
] as const;
export type ImportField = (typeof importFields)[number];

/** Field → 0-based column index of the table. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export interface RowIssue {
  /** 1-based row of the sheet (or the record number of a register file). */
  rowNumber: number;
  /** The column letter as the user sees it ("D"), or null for a problem of the whole row. */
  column: string | null;
  field: ImportField | null;
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. 'invalid_stars', 'impossible_date', 'unknown_commune'. */
  code: string;
  message: string;
  messageEn: string;
}

export interface ImportRow {
  rowNumber: number;
  producer: {
    name: string;
    taxCode: string | null;
    legalForm: LegalForm | null;
    /** The address as written in the list, kept on the record. */
    address: string | null;
    phone: string | null;
    email: string | null;
    representativeName: string | null;
  };
  /** Where the producer is, as written: the pieces the plan resolves against the units of the time. */
  place: {
    commune: string | null;
    district: string | null;
    province: string | null;
    /** Column letters the pieces came from, to name the cell of an address problem. */
    columns: { commune: string | null; district: string | null; province: string | null };
  };
  product: {
    name: string;
    /** 1–26 (QĐ 26/2026 Phụ lục II), when the list gives it. */
    productSetNumber: number | null;
    productCode: string | null;
    description: string | null;
  } | null;
  certificate: {
    stars: 3 | 4 | 5;
    decisionNumber: string | null;
    decisionDate: LocalDate | null;
    certificateNumber: string | null;
    issuingBody: string | null;
    expiresOn: LocalDate | null;
  } | null;
  /** A row of a list of OCOP sales points (điểm giới thiệu và bán sản phẩm OCOP), else absent. */
  salesPoint?: { name: string; streetAddress: string | null; operatorName: string | null; phone: string | null } | null;
  issues: RowIssue[];
}
