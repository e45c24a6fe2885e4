/**
 * CSV as RFC 4180 says (CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled),
 * with a UTF-8 byte-order mark so Excel opens Vietnamese text correctly instead of guessing a code page.
 */
export const UTF8_BOM = '\uFEFF';

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection): quote and prefix it.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv<Row extends Record<string, unknown>>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column])).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
