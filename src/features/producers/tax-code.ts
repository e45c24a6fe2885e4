/**
 * Mã số thuế / mã số doanh nghiệp (tax code, which is also the enterprise and cooperative registration
 * number: Luật Doanh nghiệp 2020 Điều 29, Luật Quản lý thuế 2019 Điều 30).
 *
 * Structure (Thông tư 105/2020/TT-BTC Điều 5.1, kept by Thông tư 86/2024/TT-BTC Điều 5.1, and
 * 80/2012/TT-BTC and 95/2016/TT-BTC before them): N1N2N3N4N5N6N7N8N9N10 – N11N12N13.
 *   - N1N2: the range number of the tax code (the province that first issued it);
 *   - N3…N9: a sequence 0000001–9999999;
 *   - N10: the check digit;
 *   - N11N12N13: 001–999, for a dependent unit (branch, representative office) of the 10-digit owner,
 *     written after a hyphen.
 *
 * The circulars name N10 "chữ số kiểm tra" but do not publish how it is computed. The rule below —
 * weights 31, 29, 23, 19, 17, 13, 7, 5, 3 on N1…N9, N10 = 10 − (sum mod 11) — is the one public
 * validators use (python-stdnum `stdnum/vn/mst.py`, citing vi.wikipedia "Thuế Việt Nam"); it accepts
 * the published codes of large enterprises (tests: Vinamilk 0300588569, Viettel 0100109106, FPT
 * 0101248141, Vietcombank 0100112437). When sum mod 11 = 0 the formula gives 10, which is not a
 * digit: no valid tax code has such a prefix (the tax authority skips those sequence numbers).
 *
 * Where the sources disagree:
 *   - Thông tư 86/2024/TT-BTC Điều 5.1.b and 5.5 (in force 6/2/2025; for households from 1/7/2025):
 *     a household, household business or individual business uses the 12-digit personal
 *     identification number (số định danh cá nhân) of its representative instead of a tax code. The
 *     brief of issue 4 (and older circulars) speak only of 10 or 13 digits. We accept 12 digits as
 *     `personal_id` (shape only: no public check digit) and let the use case allow it only for the
 *     legal forms run by a person (household, farm).
 *   - python-stdnum also refuses N3…N9 = 0000000 and a branch suffix 000; the circulars agree (the
 *     sequence and suffix start at 1), so we refuse them too.
 */

export type TaxCodeKind = 'enterprise' | 'branch' | 'personal_id';

export type TaxCodeProblem = 'format' | 'check_digit' | 'zero_sequence' | 'zero_branch';

export type ParsedTaxCode =
  | {
      ok: true;
      /** The written form: 10 digits, 10 digits + "-" + 3 digits, or 12 digits. */
      value: string;
      /** The owner: the first 10 digits (a branch shares them with its parent), or the 12-digit ID. */
      root: string;
      kind: TaxCodeKind;
    }
  | { ok: false; problem: TaxCodeProblem };

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit N10 for the nine digits N1…N9, or null when no digit fits (sum mod 11 = 0). */
export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError(`taxCodeCheckDigit: nine digits expected, got ${JSON.stringify(firstNine)}`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * Number(firstNine[i]);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/**
 * Parses a tax code as people write it: spaces and dots are ignored, the branch suffix may come with
 * or without "-" ("0314409058-002", "0314409058002", "0314 409 058 - 002").
 */
export function parseTaxCode(input: string): ParsedTaxCode {
  const compact = input.replace(/[\s.]/g, '');
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  if (!match) {
    if (/^\d{12}$/.test(compact)) return { ok: true, value: compact, root: compact, kind: 'personal_id' };
    return { ok: false, problem: 'format' };
  }
  const [, main, branch] = match as unknown as [string, string, string | undefined];
  if (main.slice(2, 9) === '0000000') return { ok: false, problem: 'zero_sequence' };
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) return { ok: false, problem: 'check_digit' };
  if (branch === undefined) return { ok: true, value: main, root: main, kind: 'enterprise' };
  if (branch === '000') return { ok: false, problem: 'zero_branch' };
  return { ok: true, value: `${main}-${branch}`, root: main, kind: 'branch' };
}

export const taxCodeProblemMessages: Record<TaxCodeProblem, { vi: string; en: string }> = {
  format: {
    vi: 'Mã số thuế gồm 10 chữ số, hoặc 13 chữ số cho đơn vị phụ thuộc (10 số, dấu "-", 3 số); hộ kinh doanh có thể dùng số định danh cá nhân 12 chữ số.',
    en: 'A tax code has 10 digits, or 13 for a branch (10, "-", 3); a household may use its 12-digit personal ID.',
  },
  check_digit: {
    vi: 'Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp. Hãy kiểm tra lại từng chữ số.',
    en: 'Invalid tax code: the check digit (10th digit) does not match.',
  },
  zero_sequence: {
    vi: 'Mã số thuế không đúng: chữ số thứ 3 đến thứ 9 không thể đều bằng 0.',
    en: 'Invalid tax code: digits 3 to 9 cannot all be zero.',
  },
  zero_branch: {
    vi: 'Mã số thuế không đúng: ba chữ số của đơn vị phụ thuộc phải từ 001 đến 999.',
    en: 'Invalid tax code: the branch number must be 001 to 999.',
  },
};
