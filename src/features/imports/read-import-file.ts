import type { ColumnMapping, ImportRow } from './import-row.ts';
import { readNationalRegister } from './national-register.ts';
import { guessMapping } from './reading/column-mapping.ts';
import { readTable, type TableColumn } from './reading/read-table.ts';
import { toImportRows } from './reading/to-import-rows.ts';

/** A province's list of producers/products/certificates, the national register's file, or a list of sales points. */
export type ImportKind = 'provincial_list' | 'national_register' | 'sales_points';

export interface ReadImportFile {
  kind: ImportKind;
  format: 'xlsx' | 'csv' | 'json';
  sheetName: string | null;
  headerRows: number[];
  columns: TableColumn[];
  /** The mapping the rows were read with: the user's, or the one guessed from the headings. */
  mapping: ColumnMapping;
  mappingGuessed: boolean;
  skipped: Array<{ rowNumber: number; reason: string }>;
  convertedCells: number;
  rows: ImportRow[];
}

/**
 * Reads an uploaded file into import rows: a province's own list (any layout; the column mapping is
 * guessed from its headings unless the user gave one) or a file in the national register's shape.
 */
export async function readImportFile(file: { name: string; bytes: Buffer }, kind: ImportKind, mapping: ColumnMapping | null): Promise<ReadImportFile> {
  if (kind === 'national_register') {
    const rows = readNationalRegister(file.bytes);
    return { kind, format: file.bytes.toString('utf8', 0, 64).trimStart().replace(/^\uFEFF/u, '').match(/^[[{]/u) ? 'json' : 'csv', sheetName: null, headerRows: [], columns: [], mapping: {}, mappingGuessed: false, skipped: [], convertedCells: 0, rows };
  }
  const table = await readTable(file.bytes, file.name);
  const used = mapping ?? guessMapping(table.columns);
  // Each row with its own problems and those of rows repeating an earlier one.
  const rows = toImportRows(table, used);
  return {
    kind, format: table.format, sheetName: table.sheetName, headerRows: table.headerRows, columns: table.columns, mapping: used,
    mappingGuessed: mapping === null, skipped: table.skipped, convertedCells: table.convertedCells, rows,
  };
}
