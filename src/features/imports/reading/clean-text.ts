import { convertLegacyVietnamese, type LegacyEncoding } from './legacy-encodings.ts';

/**
 * Every string of a list goes through here: legacy encodings first (on the raw text: TCVN3 "ư" is the
 * soft hyphen), then NFC (macOS and some web forms write "e" + U+0302 + U+0301 for "ế"), then the
 * invisible characters (zero-width spaces, BOM, soft hyphens) go and every run of spaces, tabs, line
 * breaks or non-breaking spaces becomes one space.
 */
export function cleanText(raw: string): { text: string; encoding: LegacyEncoding | null } {
  const { text, encoding } = convertLegacyVietnamese(raw);
  const cleaned = text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\s\u00a0\u2007\u202f]+/g, ' ')
    .trim();
  return { text: cleaned, encoding };
}
