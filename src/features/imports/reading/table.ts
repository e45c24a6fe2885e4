/** The shape of a province's list once read (read-table.ts) and shaped (shape-table.ts). */

export type CellValue = string | number | boolean | Date | null;
export interface TableColumn { index: number; letter: string; heading: string; hidden: boolean }
export interface TableRow { rowNumber: number; cells: CellValue[]; group: string | null }
export type SkipReason = 'title' | 'empty' | 'group' | 'total';
export interface ReadTable {
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  headerRows: number[];
  columns: TableColumn[];
  rows: TableRow[];
  skipped: Array<{ rowNumber: number; reason: SkipReason }>;
  convertedCells: number;
}

export interface Merge { top: number; left: number; bottom: number; right: number }

export interface RawSheet {
  name: string | null;
  /** rowNumber (1-based) → cells (0-based columns); only rows with at least one value. */
  rows: Map<number, CellValue[]>;
  hiddenColumns: Set<number>;
  merges: Merge[];
  convertedCells: number;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

