/** Vietnamese without diacritics, case kept ("Giấy chứng nhận Đạt" → "Giay chung nhan Dat"), as brandname SMS are sent. */
export function stripVietnameseDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * Vietnamese text folding for search: removes tone marks and other diacritics,
 * maps đ/Đ to d, lower-cases and collapses whitespace. "Thanh Hoá" and "thanh hóa"
 * (two accepted accent placements) fold to the same key "thanh hoa".
 * The SQL function vn_unaccent() (db/migrations) must fold the same way.
 */
export function foldVietnamese(text: string): string {
  return stripVietnameseDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Characters free text may not hold (issue 16, finding 8; decision 018): the C0 controls but tab, line feed
 * and carriage return, DEL and the C1 controls. PostgreSQL refuses a NUL in text outright; the others
 * corrupt exports, CSV and SMS. Tab and line breaks are refused where text is one line (freeText in
 * core/http/schemas.ts).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
export const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make "exe.txt" read "txt.exe". */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Characters that show nothing: zero-width space and joiners, word joiner, BOM, soft hyphen, Hangul fillers, LRM/RLM… */
const INVISIBLE = '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u2060-\\u2064\\u206A-\\u206F\\u3164\\uFEFF\\uFFA0';
// The class lists single code points on purpose (U+034F is a combining mark that shows nothing).
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE_CHARACTER = new RegExp(`[${INVISIBLE}]`, 'g');
// eslint-disable-next-line no-misleading-character-class
const EDGE_RUN = new RegExp(`^[\\s${INVISIBLE}]+|[\\s${INVISIBLE}]+$`, 'g');

/** The first control character of the text, as U+XXXX, or null. */
export function controlCharacterIn(text: string): string | null {
  const match = CONTROL_CHARACTER.exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/**
 * Free text as it is kept: bidirectional controls removed, and invisible characters removed from the
 * blank run at either end (spaces there stay for the schema's trim), so text made only of invisible
 * characters becomes blank and a required field refuses it. Invisible characters inside the text stay
 * (a zero-width joiner inside an emoji sequence is meaningful).
 */
export function cleanFreeText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(EDGE_RUN, (run) => run.replace(INVISIBLE_CHARACTER, ''));
}

/** The text without its control characters (where refusing is not possible: a public page's query). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
