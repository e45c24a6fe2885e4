/**
 * Shaping a raw sheet into a table: the heading row(s) among the title rows, two-row headings under
 * merged cells, group rows that name the district of the rows below, totals, empty and numbering rows.
 */
import { foldVietnamese } from '../../../core/text.ts';
import { isKnownHeading, matchHeading } from './column-mapping.ts';
import { columnLetter, type CellValue, type Merge, type RawSheet, type ReadTable, type TableColumn, type TableRow } from './table.ts';

// How far below the top a heading row is looked for (title rows above it are skipped).
export const HEADER_SEARCH_ROWS = 30;

// ---------------------------------------------------------------------------------------------------
// Shaping: header, sub-header, titles, groups, totals.

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

const romanOrNumber = /^(?:[IVXLC]+|\d{1,3}|[A-Za-z])[.)]?$/;
const numberingPrefix = /^(?:[IVXLC]+|\d{1,3}|[A-Za-z])\s*[.):\-–]\s+/;
/** Unit types that open a group row ("I. Huyện Than Uyên", "II. TP Lai Châu", "Thị xã …"). */
const unitGroupWord = /^(huyen|quan|thi xa|tx|thanh pho|tp|xa|phuong|thi tran|tt|tinh)\b/;
const totalWord = /^(tong cong|tong so|tong|cong)(?=\s*(:|$|\d|\(|san pham|chu the|so))/;

/** The text of a group row without its numbering, when the row is one ("I. Huyện Than Uyên"). */
export function groupLabel(cells: readonly CellValue[]): { label: string; isUnit: boolean } | null {
  const present = cells.filter((cell) => cell !== null);
  if (present.length === 0 || present.length > 2) return null;
  if (present.some((cell) => typeof cell !== 'string' && typeof cell !== 'number')) return null;
  let texts = present.map(cellText);
  let numbering: string | null = null;
  if (texts.length === 2) {
    if (!romanOrNumber.test(texts[0]!)) return null;
    numbering = texts[0]!;
    texts = texts.slice(1);
  }
  let label = texts[0]!;
  if (!/\p{L}/u.test(label)) return null;
  const prefix = numberingPrefix.exec(label);
  if (prefix) {
    numbering = prefix[0].trim();
    label = label.slice(prefix[0].length).trim();
  }
  if (unitGroupWord.test(foldVietnamese(label))) return { label, isUnit: true };
  // Other sections numbered in roman ("II. Sản phẩm đạt 4 sao") are group rows that name no unit.
  if (numbering && /^[IVXLC]+\b/.test(numbering)) return { label, isUnit: false };
  return null;
}

function isTotalRow(cells: readonly CellValue[]): boolean {
  const texts = cells.map(cellText).filter((text) => text !== '' && !romanOrNumber.test(text));
  const first = texts.find((text) => /\p{L}/u.test(text));
  return first !== undefined && totalWord.test(foldVietnamese(first));
}

/** "(1) (2) (3) …" or "1 2 3 4 …" under the headings: the columns' numbers, not data. */
function isColumnNumberRow(cells: readonly CellValue[]): boolean {
  const present = cells.map(cellText).filter((text) => text !== '');
  if (present.length < 3) return false;
  if (present.every((text) => /^\(\s*\d{1,2}\s*\)$/.test(text) || /^\(\s*[A-Z]\s*\)$/.test(text))) return true;
  return present.every((text, i) => text === String(i + 1));
}

function headingScore(cells: readonly CellValue[]): { score: number; names: boolean } {
  let score = 0;
  let names = false;
  for (const cell of cells) {
    if (typeof cell !== 'string' || !isKnownHeading(cell)) continue;
    score++;
    const field = matchHeading(cell)?.field;
    if (field === 'productName' || field === 'producerName' || field === 'salesPointName') names = true;
  }
  return { score, names };
}

function coveringMerge(merges: readonly Merge[], row: number, column: number): Merge | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
}

export function shapeTable(sheet: RawSheet, format: 'xlsx' | 'csv'): ReadTable | null {
  const rowNumbers = [...sheet.rows.keys()].sort((a, b) => a - b);
  let header = -1;
  let best = 0;
  for (const rowNumber of rowNumbers.slice(0, HEADER_SEARCH_ROWS)) {
    const { score, names } = headingScore(sheet.rows.get(rowNumber)!);
    if (names && score >= 2 && score > best) {
      best = score;
      header = rowNumber;
    }
  }
  if (header < 0) return null;
  const text = (row: number, column: number) => cellText(sheet.rows.get(row)?.[column] ?? null);
  const headerCells = sheet.rows.get(header)!;

  // A second heading row: under a heading merged across columns ("Giấy chứng nhận" over "Số QĐ |
  // Ngày QĐ | …"), or next to headings merged down over both rows ("STT"), or simply a row of headings.
  const next = sheet.rows.get(header + 1);
  let twoRows = false;
  if (next && next.every((cell) => cell === null || typeof cell === 'string')) {
    const mergedAcross = sheet.merges.some((m) => m.top === header && m.bottom === header && m.right > m.left && next.slice(m.left, m.right + 1).some((cell) => cell !== null));
    const mergedDown = sheet.merges.some((m) => m.top === header && m.bottom > header);
    const nextScore = headingScore(next).score;
    const present = next.filter((cell) => cell !== null).length;
    twoRows = ((mergedAcross || mergedDown) && nextScore >= 1) || (nextScore >= 2 && nextScore * 2 >= present);
  }

  let width = headerCells.length;
  if (twoRows) width = Math.max(width, next!.length);
  for (const merge of sheet.merges) if (merge.top === header) width = Math.max(width, merge.right + 1);
  for (const rowNumber of rowNumbers) if (rowNumber > header) width = Math.max(width, sheet.rows.get(rowNumber)!.length);

  const columns: TableColumn[] = [];
  let groupTop = '';
  for (let c = 0; c < width; c++) {
    let top = text(header, c);
    const merge = coveringMerge(sheet.merges, header, c);
    if (!top && merge && merge.top === header && merge.left < c) top = text(header, merge.left);
    let sub = twoRows ? text(header + 1, c) : '';
    if (twoRows && format === 'csv' && !top && sub && groupTop) top = groupTop;
    groupTop = twoRows && top && sub ? top : '';
    if (sub && top && foldVietnamese(sub) === foldVietnamese(top)) sub = '';
    const heading = top && sub ? `${top} – ${sub}` : top || sub;
    columns.push({ index: c, letter: columnLetter(c), heading, hidden: sheet.hiddenColumns.has(c) });
  }

  // Vertical merges in the data (one producer over its several products) hold for every row they cover.
  const dataStart = header + (twoRows ? 2 : 1);
  for (const merge of sheet.merges) {
    if (merge.top < dataStart || merge.bottom === merge.top) continue;
    const master = sheet.rows.get(merge.top)?.[merge.left] ?? null;
    if (master === null) continue;
    for (let r = merge.top + 1; r <= merge.bottom; r++) {
      let cells = sheet.rows.get(r);
      if (!cells) {
        cells = [];
        sheet.rows.set(r, cells);
      }
      if ((cells[merge.left] ?? null) === null) cells[merge.left] = master;
    }
  }

  const lastRow = Math.max(...sheet.rows.keys());
  const skipped: ReadTable['skipped'] = [];
  const rows: TableRow[] = [];
  let group: string | null = null;
  for (let r = 1; r <= lastRow; r++) {
    const raw = sheet.rows.get(r);
    const empty = !raw || raw.every((cell) => cell === null || cell === undefined);
    if (r === header || (twoRows && r === header + 1)) continue;
    if (r < header) {
      skipped.push({ rowNumber: r, reason: empty ? 'empty' : 'title' });
      continue;
    }
    if (empty) {
      skipped.push({ rowNumber: r, reason: 'empty' });
      continue;
    }
    const cells = Array.from({ length: width }, (_, c) => raw![c] ?? null);
    if (r === dataStart && isColumnNumberRow(cells)) {
      skipped.push({ rowNumber: r, reason: 'title' });
      continue;
    }
    if (isTotalRow(cells)) {
      skipped.push({ rowNumber: r, reason: 'total' });
      continue;
    }
    const groupRow = groupLabel(cells);
    if (groupRow) {
      if (groupRow.isUnit) group = groupRow.label;
      skipped.push({ rowNumber: r, reason: 'group' });
      continue;
    }
    rows.push({ rowNumber: r, cells, group });
  }
  return {
    format,
    sheetName: sheet.name,
    headerRows: twoRows ? [header, header + 1] : [header],
    columns,
    rows,
    skipped,
    convertedCells: sheet.convertedCells,
  };
}
