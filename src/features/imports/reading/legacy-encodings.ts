/**
 * Vietnamese text typed before Unicode, in the two legacy encodings still found in provincial lists:
 *
 * - TCVN3 ("ABC", the .VnTime / .VnArial fonts): the single-byte code table of TCVN 5712:1993, subset
 *   VN3 (bytes 0xA1–0xFF: the lower-case letters and the seven capitals Ă Â Ê Ô Ơ Ư Đ; the capitals
 *   with tone marks were drawn by the ".VnTimeH" fonts from the lower-case codes). The table below is
 *   the one GNU libc implements as TCVN5712-1 (iconvdata/tcvn5712-1.c; the same as X11
 *   lcUniConv/tcvn.h), checked byte by byte against `iconv -f TCVN5712-1 -t UTF-8` while writing
 *   it. The VN1 capitals that TCVN 5712 puts at 0x01–0x17 and 0x80–0x9F are left out: VN3 fonts
 *   do not have them, and after Windows-1252 those bytes become “€ ‚ ƒ …” that ordinary text also has.
 *   The combining tone marks at 0xB0–0xB4 are left out too (° ± ² ³ ´ are ordinary symbols).
 * - VNI Windows (the "VNI-Times" fonts of VNI Software): a base letter followed by a mark byte. Table
 *   as published by VNI and reproduced by the Vietnamese keyboard drivers (e.g. xvnkb `vni.h`,
 *   © 2002 Dao Hai Lam, the order: base, sắc, huyền, hỏi, ngã, nặng).
 *
 * An old .xls typed in these fonts reaches us as Windows-1252 characters ("Hîp t¸c x·" is TCVN3 for
 * "Hợp tác xã", "Hôïp taùc xaõ" is VNI): each byte became the Latin-1 character of the same value.
 * Detection is per cell and conservative: a cell with any character only Unicode Vietnamese has (ă,
 * đ, ơ, ư, ĩ, ũ, U+1EA0–U+1EF9, combining marks) or with no Latin-1 letter at all is never touched; a
 * candidate is converted only when the result has no leftover legacy characters and strictly more
 * words that are valid Vietnamese syllables than the original.
 */

/** TCVN 5712:1993 VN3 byte (as a Latin-1 character) → Unicode. */
const tcvn3Table: Readonly<Record<string, string>> = (() => {
  const entries: Array<[number, string]> = [
    [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
    [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
    [0xaf, 'Ằ'],
    [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'], [0xba, 'Ẳ'],
    [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xbf, 'Ẵ'],
    [0xc0, 'Ắ'], [0xc1, 'Ầ'], [0xc2, 'Ẩ'], [0xc3, 'Ẫ'], [0xc4, 'Ấ'], [0xc5, 'Ề'],
    [0xc6, 'ặ'], [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
    [0xcc, 'è'], [0xcd, 'Ể'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
    [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
    [0xd7, 'ì'], [0xd8, 'ỉ'], [0xd9, 'Ễ'], [0xda, 'Ế'], [0xdb, 'Ồ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
    [0xdf, 'ò'], [0xe0, 'Ổ'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
    [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
    [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
    [0xef, 'ù'], [0xf0, 'Ỗ'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
    [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
    [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'], [0xff, 'Ố'],
  ];
  return Object.fromEntries(entries.map(([byte, char]) => [String.fromCharCode(byte), char]));
})();

/**
 * VNI Windows: each row is one base letter as VNI writes it (ASCII, or a single VNI byte for ơ/ư),
 * then the Unicode letter it stands for; the six spellings are base, sắc, huyền, hỏi, ngã, nặng.
 */
const vniRows: ReadonlyArray<readonly [string, readonly string[], string]> = [
  // [unicode base, VNI spellings (base, sắc, huyền, hỏi, ngã, nặng), case]
  ['a', ['a', 'aù', 'aø', 'aû', 'aõ', 'aï'], 'lower'],
  ['â', ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä'], 'lower'],
  ['ă', ['aê', 'aé', 'aè', 'aú', 'aü', 'aë'], 'lower'],
  ['e', ['e', 'eù', 'eø', 'eû', 'eõ', 'eï'], 'lower'],
  ['ê', ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä'], 'lower'],
  ['o', ['o', 'où', 'oø', 'oû', 'oõ', 'oï'], 'lower'],
  ['ô', ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä'], 'lower'],
  ['ơ', ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï'], 'lower'],
  ['u', ['u', 'uù', 'uø', 'uû', 'uõ', 'uï'], 'lower'],
  ['ư', ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï'], 'lower'],
  ['i', ['i', 'í', 'ì', 'æ', 'ó', 'ò'], 'lower'],
  ['y', ['y', 'yù', 'yø', 'yû', 'yõ', 'î'], 'lower'],
  ['A', ['A', 'AÙ', 'AØ', 'AÛ', 'AÕ', 'AÏ'], 'upper'],
  ['Â', ['AÂ', 'AÁ', 'AÀ', 'AÅ', 'AÃ', 'AÄ'], 'upper'],
  ['Ă', ['AÊ', 'AÉ', 'AÈ', 'AÚ', 'AÜ', 'AË'], 'upper'],
  ['E', ['E', 'EÙ', 'EØ', 'EÛ', 'EÕ', 'EÏ'], 'upper'],
  ['Ê', ['EÂ', 'EÁ', 'EÀ', 'EÅ', 'EÃ', 'EÄ'], 'upper'],
  ['O', ['O', 'OÙ', 'OØ', 'OÛ', 'OÕ', 'OÏ'], 'upper'],
  ['Ô', ['OÂ', 'OÁ', 'OÀ', 'OÅ', 'OÃ', 'OÄ'], 'upper'],
  ['Ơ', ['Ô', 'ÔÙ', 'ÔØ', 'ÔÛ', 'ÔÕ', 'ÔÏ'], 'upper'],
  ['U', ['U', 'UÙ', 'UØ', 'UÛ', 'UÕ', 'UÏ'], 'upper'],
  ['Ư', ['Ö', 'ÖÙ', 'ÖØ', 'ÖÛ', 'ÖÕ', 'ÖÏ'], 'upper'],
  ['I', ['I', 'Í', 'Ì', 'Æ', 'Ó', 'Ò'], 'upper'],
  ['Y', ['Y', 'YÙ', 'YØ', 'YÛ', 'YÕ', 'Î'], 'upper'],
];

/** Combining tone marks in the VNI order: sắc, huyền, hỏi, ngã, nặng. */
const toneMarks = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** VNI spelling (1 or 2 characters) → Unicode letter; ASCII-only spellings (plain "a") are left out. */
const vniTable: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  for (const [base, spellings] of vniRows) {
    spellings.forEach((spelling, index) => {
      if (/^[\x20-\x7e]+$/.test(spelling)) return;
      const letter = index === 0 ? base : (base + toneMarks[index - 1]!).normalize('NFC');
      table.set(spelling, letter);
    });
  }
  table.set('ñ', 'đ');
  table.set('Ñ', 'Đ');
  return table;
})();

/** Latin-1 letters that Unicode Vietnamese uses as they are (à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals). */
const vietnameseLatin1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');

/** A character only Unicode Vietnamese text has: the cell is Unicode already. */
const unicodeOnly = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|[\u0300-\u036f]/;

/** Characters of 0xA1–0xFF that are not Vietnamese letters: traces of a legacy encoding. */
function legacyTraces(text: string): number {
  let count = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0xa1 && code <= 0xff && !vietnameseLatin1.has(char)) count++;
  }
  return count;
}

export function decodeTcvn3(text: string): string {
  let out = '';
  for (const char of text) out += tcvn3Table[char] ?? char;
  // .VnTimeH fonts draw lower-case codes as capitals: a text (or a word) whose ASCII letters are all
  // capitals ("HîP T¸C X·") was written in capitals; one capital alone is just the start of a name.
  const capitals = (part: string) => {
    const ascii = part.replace(/[^A-Za-z]/g, '');
    return ascii.length > 1 && ascii === ascii.toUpperCase();
  };
  if (capitals(out)) return out.toUpperCase();
  return out.replace(/[\p{L}]+/gu, (word) => (capitals(word) ? word.toUpperCase() : word));
}

export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const two = vniTable.get(text.slice(i, i + 2));
    if (two !== undefined && i + 1 < text.length) {
      out += two;
      i += 2;
      continue;
    }
    const one = vniTable.get(text[i]!);
    out += one ?? text[i];
    i += 1;
  }
  return out;
}

// A Vietnamese syllable without its tone: onset, vowel nucleus, final consonant.
const onsets = 'ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x';
const nuclei = [
  'uyê', 'uya', 'uyu', 'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uơi',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi',
  'oo', 'ôô', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ưu', 'ươ', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
].join('|');
const syllablePattern = new RegExp(`^(?:${onsets})?(?:${nuclei})(?:ch|ng|nh|c|m|n|p|t)?$`);

/** True when a word (any case, any tone) is a possible Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0;
  if (tones > 1) return false;
  const toneless = decomposed.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
  return syllablePattern.test(toneless);
}

/** Words with a non-ASCII letter that are valid syllables, minus those that are not. */
function vietnameseScore(text: string): number {
  let score = 0;
  for (const word of text.split(/[\s,.;:()/\\\-–—"'“”]+/)) {
    if (!/[^\u0020-\u007e]/.test(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score;
}

export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * The cell's text in Unicode, and the encoding it was converted from (null when left as it was).
 * Run it on the raw text, before any other cleaning: TCVN3 "ư" is the soft hyphen U+00AD.
 */
export function convertLegacyVietnamese(text: string): { text: string; encoding: LegacyEncoding | null } {
  if (unicodeOnly.test(text) || !/[\u00a1-\u00ff]/.test(text)) return { text, encoding: null };
  const originalScore = vietnameseScore(text);
  let best: { text: string; encoding: LegacyEncoding | null; score: number } = { text, encoding: null, score: originalScore };
  for (const [encoding, decode] of [['tcvn3', decodeTcvn3], ['vni', decodeVni]] as const) {
    const decoded = decode(text);
    if (decoded === text || legacyTraces(decoded) > 0) continue;
    const score = vietnameseScore(decoded);
    if (score > best.score) best = { text: decoded, encoding, score };
  }
  return { text: best.text, encoding: best.encoding };
}

/** Unicode → TCVN3 (as Latin-1 characters), for building test fixtures. Capitals with tones become lower case. */
export function encodeTcvn3(text: string): string {
  const reverse = new Map<string, string>();
  for (const [byte, char] of Object.entries(tcvn3Table)) if (!reverse.has(char)) reverse.set(char, byte);
  let out = '';
  for (const char of text.normalize('NFC')) {
    out += reverse.get(char) ?? reverse.get(char.toLowerCase()) ?? char;
  }
  return out;
}

/** Unicode → VNI Windows (as Latin-1 characters), for building test fixtures. */
export function encodeVni(text: string): string {
  const reverse = new Map<string, string>();
  for (const [spelling, letter] of vniTable) reverse.set(letter, spelling);
  let out = '';
  for (const char of text.normalize('NFC')) out += reverse.get(char) ?? char;
  return out;
}
