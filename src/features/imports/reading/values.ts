/**
 * The values of a province's list as people type them, parsed: stars, dates, product codes, legal
 * forms, addresses, phones, e-mails. Each parser says what is wrong in Vietnamese and English, with a
 * stable code, so a row's problems can all be shown at once.
 */
import { localDate, type LocalDate } from '../../../core/clock/index.ts';
import { foldVietnamese } from '../../../core/text.ts';
import type { LegalForm } from '../../producers/index.ts';
import type { CellValue } from './read-table.ts';

export type Parsed<T> =
  | { ok: true; value: T; warning?: { message: string; messageEn: string } }
  | { ok: false; code: string; message: string; messageEn: string };

const fail = (code: string, message: string, messageEn: string) => ({ ok: false as const, code, message, messageEn });

const show = (value: CellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
/** A cell's text quoted in a problem, cut so that a long cell never comes back whole (issue 16 finding 7). */
export const quoted = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

// ---------------------------------------------------------------------------------------------------
// Stars

const starWords: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6 };

/**
 * "3 sao", "4*", "3★", "★★★", "3", 3, "4 sao (nâng hạng)", "Bốn sao". Only 3–5★ carry a decision and
 * a certificate (QĐ 26/2026 Điều 4.1.a; 148/2023 likewise), so 1–2★ and anything above 5 are refused.
 */
export function parseStars(value: CellValue): Parsed<3 | 4 | 5> {
  let stars: number | null = null;
  if (typeof value === 'number') stars = Number.isInteger(value) ? value : null;
  else if (typeof value === 'string') {
    const folded = foldVietnamese(value);
    const symbols = value.match(/[★☆*⭐]/g)?.length ?? 0;
    const digit = /(?:^|\D)([0-9])\s*(?:sao|\*|★|☆|⭐|$|\s|\()/.exec(folded.replace(/★|☆|⭐/g, '*')) ?? /^([0-9])\b/.exec(folded);
    const word = /\b(mot|hai|ba|bon|tu|nam|sau) sao\b/.exec(folded);
    if (digit) stars = Number(digit[1]);
    else if (word) stars = starWords[word[1]!]!;
    else if (symbols > 0 && /^[\s★☆*⭐]+$/.test(value)) stars = symbols;
  }
  if (stars === null) {
    return fail('invalid_stars', `“${quoted(show(value))}” không phải hạng sao; ghi 3, 4 hoặc 5 (ví dụ “4 sao”).`, `"${quoted(show(value))}" is not a star rating; write 3, 4 or 5 (e.g. "4 sao").`);
  }
  if (stars === 3 || stars === 4 || stars === 5) return { ok: true, value: stars };
  if (stars === 1 || stars === 2) {
    return fail('stars_without_certificate', `Sản phẩm ${stars} sao không được cấp giấy chứng nhận OCOP (chỉ sản phẩm 3, 4, 5 sao).`, `A ${stars}-star product gets no OCOP certificate (3 to 5 stars only).`);
  }
  return fail('invalid_stars', `Hạng sao ${stars} không tồn tại; OCOP xếp hạng từ 1 đến 5 sao và chỉ 3–5 sao được công nhận.`, `There is no ${stars}-star rating; OCOP certifies 3 to 5 stars.`);
}

// ---------------------------------------------------------------------------------------------------
// Dates

/** Excel's day 0 in the 1900 system is 1899-12-30 (the phantom 29/02/1900 is before any OCOP date). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function dateFromParts(year: number, month: number, day: number, written: string): Parsed<LocalDate> {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail('invalid_date', `“${quoted(written)}”: năm ${year} không hợp lý cho danh sách OCOP.`, `"${quoted(written)}": the year ${year} is not plausible.`);
  }
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    const swapped = day >= 1 && day <= 12 && month >= 1 && month <= new Date(Date.UTC(year, day, 0)).getUTCDate();
    const hint = swapped ? ` Nếu đây là tháng/ngày (kiểu Mỹ) thì ngày đúng là ${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${year}.` : '';
    const hintEn = swapped ? ` If it is month/day, the date is ${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${year}.` : '';
    return fail('impossible_date', `“${quoted(written)}”: ngày không có thật.${hint}`, `"${quoted(written)}": no such date.${hintEn}`);
  }
  return { ok: true, value: localDate(year, month, day) };
}

/**
 * A date as a list holds it: an Excel date (exceljs gives it as a JS Date at UTC midnight of the
 * day shown, so the UTC parts are the day), an Excel serial number, or text "dd/MM/yyyy",
 * "dd.MM.yyyy", "dd-MM-yyyy", "d/M/yy", "yyyy-MM-dd", "ngày 15 tháng 3 năm 2022". Day first, as
 * Vietnamese write it.
 */
export function parseLocalDate(value: CellValue): Parsed<LocalDate> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('invalid_date', 'Ngày không hợp lệ.', 'Invalid date.');
    return dateFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.toISOString().slice(0, 10));
  }
  if (typeof value === 'number') return fromSerial(value, String(value));
  if (typeof value !== 'string') return fail('invalid_date', `“${quoted(show(value))}” không phải ngày.`, `"${quoted(show(value))}" is not a date.`);
  const text = value.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  let match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/.exec(text);
  if (match) {
    const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    return dateFromParts(year, Number(match[2]), Number(match[1]), value);
  }
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(text);
  if (match) return dateFromParts(Number(match[1]), Number(match[2]), Number(match[3]), value);
  match = /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(foldVietnamese(text).replace(/[,.]/g, ''));
  if (match) return dateFromParts(Number(match[3]), Number(match[2]), Number(match[1]), value);
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text), value);
  return fail('invalid_date', `“${quoted(value)}” không phải ngày; ghi dạng ngày/tháng/năm, ví dụ 15/03/2022.`, `"${quoted(value)}" is not a date; write day/month/year, e.g. 15/03/2022.`);
}

function fromSerial(serial: number, written: string): Parsed<LocalDate> {
  // 32874 = 1/1/1990, 73051 = 31/12/2099.
  if (!Number.isFinite(serial) || serial < 32874 || serial > 73051) {
    return fail('invalid_date', `“${quoted(written)}” không phải ngày.`, `"${quoted(written)}" is not a date.`);
  }
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return dateFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), written);
}

// ---------------------------------------------------------------------------------------------------
// Product codes

export interface ProductCode {
  text: string;
  format: 'current' | 'legacy';
  year: number;
}

/**
 * QĐ 26/2026 (header of the score sheets): (T)-(X)-(STT)-YYYY — province code (2 digits), commune
 * code (5 digits, QĐ 19/2025/QĐ-TTg), the commune's sequence number, the year. Before 2025 lists
 * carried five parts with the district: 83-832-28882-2-2022 (province-district-commune-sequence-year,
 * seen in Bến Tre; products/product-code.ts). Dashes of any kind and spaces around them are accepted.
 */
export function parseProductCode(value: CellValue): Parsed<ProductCode> {
  const written = show(value);
  const text = written.trim().replace(/\s*[-–—‐]\s*/g, '-');
  const current = /^(\d{2})-(\d{5})-(\d{1,6})-(\d{4})$/.exec(text);
  const legacy = /^(\d{2})-(\d{3})-(\d{5})-(\d{1,6})-(\d{4})$/.exec(text);
  const match = current ?? legacy;
  if (!match) {
    return fail(
      'invalid_product_code',
      `“${quoted(written)}” không đúng dạng mã sản phẩm OCOP (T)-(X)-(STT)-năm, ví dụ 12-03364-1-2026, hoặc dạng cũ tỉnh-huyện-xã-STT-năm.`,
      `"${quoted(written)}" is not an OCOP product code (T)-(X)-(STT)-year, e.g. 12-03364-1-2026, or the old province-district-commune-seq-year.`,
    );
  }
  const year = Number(match[match.length - 1]);
  if (year < 2013 || year > MAX_YEAR) {
    return fail('invalid_product_code', `Mã sản phẩm “${quoted(written)}”: năm ${year} không hợp lý.`, `Product code "${quoted(written)}": the year ${year} is not plausible.`);
  }
  return { ok: true, value: { text, format: current ? 'current' : 'legacy', year } };
}

// ---------------------------------------------------------------------------------------------------
// Legal forms and producer names

const legalFormRules: ReadonlyArray<[RegExp, LegalForm]> = [
  [/\b(to hop tac|tht)\b/, 'cooperative_group'],
  [/\b(lien hiep hop tac xa|hop tac xa|htx)\b/, 'cooperative'],
  [/\b(cong ty|cty|ctcp|tnhh|doanh nghiep|dntn|dn tu nhan|co phan)\b/, 'enterprise'],
  [/\btrang trai\b/, 'farm'],
  [/^(hiep hoi|hoi|trung tam dieu hanh)\b/, 'association'],
  [/^(ho kinh doanh|hkd|ho san xuat|ho gia dinh|ho (ong|ba|anh|chi)|co so|csx|csxs|ho)\b/, 'household'],
];

function legalFormOf(text: string): LegalForm | null {
  const folded = foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim();
  for (const [pattern, form] of legalFormRules) if (pattern.test(folded)) return form;
  return null;
}

/**
 * The legal form: from the list's own legal-form column when it says something we know, else from
 * the words of the name ("HTX …", "Công ty TNHH …", "Hộ ông …", "Cơ sở …"). Null when neither tells.
 */
export function inferLegalForm(name: string, given?: string | null): LegalForm | null {
  if (given) {
    const fromColumn = legalFormOf(given);
    if (fromColumn) return fromColumn;
  }
  return legalFormOf(name);
}

/** Abbreviations of producer names, folded, to their full words (both spellings give one key). */
const nameAbbreviations: ReadonlyArray<[RegExp, string]> = [
  [/\bhtx\b/g, 'hop tac xa'],
  [/\btht\b/g, 'to hop tac'],
  [/\bctcp\b/g, 'cong ty co phan'],
  [/\bcty\b/g, 'cong ty'],
  [/\btnhh\b/g, 'trach nhiem huu han'],
  [/\bmtv\b/g, 'mot thanh vien'],
  [/\bdntn\b/g, 'doanh nghiep tu nhan'],
  [/\bhkd\b/g, 'ho kinh doanh'],
  [/\bnn\b/g, 'nong nghiep'],
  [/\bsx\b/g, 'san xuat'],
  [/\btm\b/g, 'thuong mai'],
  [/\bdv\b/g, 'dich vu'],
  [/\bxnk\b/g, 'xuat nhap khau'],
];

/**
 * The key two spellings of one producer share in a list: lower case, no diacritics, no punctuation,
 * abbreviations written out ("HTX Chè Tam Đường" ≡ "Hợp tác xã chè Tam Đường", "Cty TNHH" ≡ "Công ty
 * trách nhiệm hữu hạn"). Unlike normalizeProducerName (producers), it keeps the legal-form words:
 * "HTX Mường Kim" and "Công ty Mường Kim" are two producers.
 */
export function producerMatchKey(name: string): string {
  let key = ` ${foldVietnamese(name).replace(/[^a-z0-9]+/g, ' ').trim()} `;
  for (const [pattern, words] of nameAbbreviations) key = key.replace(pattern, words);
  return key.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------
// Addresses

export type UnitLevel = 'commune' | 'district' | 'province';

/**
 * Unit type words and their abbreviations (folded) → level and the written type. Words and the
 * two-letter abbreviations end at a space or a dot ("TT Than Uyên", "TP.Lai Châu"); one-letter ones
 * need their dot ("X. Mường Kim", "H.Tam Đường").
 */
const unitTypes: ReadonlyArray<[RegExp, UnitLevel, string]> = (
  [
    [['thi tran', 'ttr', 'tt'], ['t.tr'], 'commune', 'Thị trấn'],
    [['phuong'], ['p'], 'commune', 'Phường'],
    [['xa'], ['x'], 'commune', 'Xã'],
    [['dac khu'], [], 'commune', 'Đặc khu'],
    [['thanh pho', 'tp'], [], 'district', 'Thành phố'],
    [['thi xa', 'tx'], [], 'district', 'Thị xã'],
    [['huyen'], ['h'], 'district', 'Huyện'],
    [['quan'], ['q'], 'district', 'Quận'],
    [['tinh'], ['t'], 'province', 'Tỉnh'],
  ] as Array<[string[], string[], UnitLevel, string]>
).map(([words, letters, level, typeName]) => {
  const alternatives = [...words.map((w) => `${w.replace(/\./g, '\\.')}(?=[\\s.]|$)`), ...letters.map((l) => `${l.replace(/\./g, '\\.')}\\.`)];
  return [new RegExp(`^(?:${alternatives.join('|')})`), level, typeName] as [RegExp, UnitLevel, string];
});

/** Pieces smaller than a commune: "Thôn 3", "Bản Nà Khương", "Tổ 5", "Số 12 đường …". */
const subCommune = /^(thon|ban|xom|to|khu|ap|so nha|so|doi|khom|khoi|duong|pho|km|lang|nha)\b/;

/** Folds a character at a time so that positions in the folded text are positions in the text (NFC). */
const foldedChars = new Map<string, string>();
function foldSameLength(text: string): string {
  let out = '';
  for (const char of text) {
    let folded = foldedChars.get(char);
    if (folded === undefined) {
      folded = foldVietnamese(char) || char;
      if (folded.length !== char.length) folded = char;
      foldedChars.set(char, folded);
    }
    out += folded;
  }
  return out;
}

/**
 * One unit as written — "TT Than Uyên", "H. Tam Đường", "TP.Lai Châu", "xã Bản Bo" — with its type
 * word written out and capitalised: "Thị trấn Than Uyên". Null level when no type word is there.
 */
export function normalizeUnitName(text: string): { level: UnitLevel | null; name: string } {
  const piece = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = foldSameLength(piece);
  for (const [pattern, level, typeName] of unitTypes) {
    const match = pattern.exec(folded);
    if (!match) continue;
    const rest = piece.slice(match[0].length).replace(/^[\s.]+/, '').trim();
    if (!rest) continue;
    return { level, name: `${typeName} ${rest}` };
  }
  return { level: null, name: piece };
}

export interface AddressPieces {
  commune: string | null;
  district: string | null;
  province: string | null;
}

const levelOrder: readonly UnitLevel[] = ['commune', 'district', 'province'];

/**
 * The commune, district and province named in an address: "Xã Mường Kim, huyện Than Uyên, tỉnh Lai
 * Châu", "Mường Kim - Than Uyên", "TT Than Uyên", "Thôn 3, xã Bản Bo, H. Tam Đường", "P. Tân Phong,
 * TP Lai Châu". A piece with a type word goes to its level ("TP" after a district is the province:
 * "TP Hà Nội"); pieces without one fill the next level up after the last one placed, or, when no
 * piece has a type word, the last two or three pieces are commune, district (, province).
 */
export function parseAddress(text: string): AddressPieces {
  const result: AddressPieces = { commune: null, district: null, province: null };
  const pieces = text
    .normalize('NFC')
    .split(/\s*[,;]\s*|\s+[-–—]\s+|(?<=\p{L})\s*[-–—]\s*(?=\p{L})/u)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  const typed = pieces.map((piece) => ({ piece, ...normalizeUnitName(piece), sub: subCommune.test(foldVietnamese(piece)) }));
  if (!typed.some((t) => t.level !== null)) {
    const named = typed.filter((t) => !t.sub && !/^\d/.test(t.piece));
    if (named.length < 2) return result;
    const last = named.slice(-3);
    last.forEach((t, i) => {
      result[levelOrder[i]!] = t.name;
    });
    return result;
  }
  let lastLevel = -1;
  for (const t of typed) {
    let level = t.level ? levelOrder.indexOf(t.level) : -1;
    if (t.level === 'district' && lastLevel >= 1 && /^Thành phố /.test(t.name)) level = 2;
    if (level < 0) {
      if (lastLevel < 0 || t.sub) continue;
      level = lastLevel + 1;
      if (level > 2) continue;
    }
    const key = levelOrder[level]!;
    if (result[key] === null) result[key] = t.name;
    lastLevel = Math.max(lastLevel, level);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Phones and e-mails

/**
 * A Vietnamese phone number in the +84 form: mobiles 0[35789]x xxx xxxx (10 digits), landlines
 * 02xx xxx xxxx (11 digits, area codes of TT 22/2014/TT-BTTTT). Written with spaces, dots, dashes or
 * brackets, with +84 or 84, or as a number that Excel stripped of its leading 0. When a cell holds
 * two numbers the first is taken, with a warning.
 */
export function parsePhone(value: CellValue): Parsed<string> {
  const written = show(value).trim();
  const numbers = written.split(/\s*(?:[,;/]|\s-\s|\s–\s|\bhoặc\b|\bor\b)\s*/).filter((part) => /\d/.test(part));
  const first = numbers[0] ?? written;
  let digits = first.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  else if (typeof value === 'number' && /^[235789]\d{8,9}$/.test(digits)) digits = `0${digits}`;
  if (!/^(0[35789]\d{8}|02\d{9})$/.test(digits)) {
    return fail(
      'invalid_phone',
      `“${quoted(written)}” không phải số điện thoại Việt Nam (di động 10 số bắt đầu bằng 03, 05, 07, 08, 09; cố định 11 số bắt đầu bằng 02).`,
      `"${quoted(written)}" is not a Vietnamese phone number (10-digit mobile starting 03/05/07/08/09, 11-digit landline starting 02).`,
    );
  }
  const normalized = `+84${digits.slice(1)}`;
  if (numbers.length > 1) {
    return { ok: true, value: normalized, warning: { message: `Ô có ${numbers.length} số điện thoại; chỉ lấy số đầu ${first}.`, messageEn: `The cell has ${numbers.length} phone numbers; only the first is kept.` } };
  }
  return { ok: true, value: normalized };
}

/** An e-mail address, shape only (one @, a dot in the domain, no spaces); the domain in lower case. */
export function parseEmail(value: CellValue): Parsed<string> {
  const written = show(value).trim().replace(/^mailto:/i, '');
  const match = /^([^\s@]+)@([^\s@]+\.[^\s@.]{2,})$/.exec(written);
  if (!match) return fail('invalid_email', `“${quoted(written)}” không phải địa chỉ thư điện tử.`, `"${quoted(written)}" is not an e-mail address.`);
  return { ok: true, value: `${match[1]}@${match[2]!.toLowerCase()}` };
}
