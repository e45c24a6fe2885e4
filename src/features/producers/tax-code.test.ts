import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseTaxCode, taxCodeCheckDigit } from './tax-code.ts';

const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''));
/** Nine digits whose sequence part is not all zeros and that have a check digit. */
const issuablePrefix = nineDigits.filter((p) => p.slice(2) !== '0000000' && taxCodeCheckDigit(p) !== null);
const validTaxCode = issuablePrefix.map((p) => `${p}${taxCodeCheckDigit(p)}`);

describe('tax code (mã số thuế)', () => {
  test('published codes of well-known enterprises are accepted', () => {
    // Vinamilk, Viettel, FPT, Vietcombank, and the examples of python-stdnum.
    for (const code of ['0300588569', '0100109106', '0101248141', '0100112437', '0100233488', '0314409058']) {
      const parsed = parseTaxCode(code);
      assert.deepEqual(parsed, { ok: true, value: code, root: code, kind: 'enterprise' }, code);
    }
  });

  test('a branch is written with or without the hyphen and stored with it; its root is the parent', () => {
    for (const input of ['0314409058-002', '0314409058002', ' 0314 409 058 - 002 ', '0314.409.058-002']) {
      assert.deepEqual(parseTaxCode(input), { ok: true, value: '0314409058-002', root: '0314409058', kind: 'branch' }, input);
    }
  });

  test('shape, check digit, zero sequence and zero branch are told apart', () => {
    assert.deepEqual(parseTaxCode('0100233480'), { ok: false, problem: 'check_digit' });
    assert.deepEqual(parseTaxCode('12345'), { ok: false, problem: 'format' });
    assert.deepEqual(parseTaxCode('03144090580021'), { ok: false, problem: 'format' });
    assert.deepEqual(parseTaxCode('031440905A'), { ok: false, problem: 'format' });
    assert.deepEqual(parseTaxCode('0314409058--002'), { ok: false, problem: 'format' });
    assert.deepEqual(parseTaxCode('0314409058-000'), { ok: false, problem: 'zero_branch' });
    // 01 0000000 x: the sequence N3…N9 starts at 0000001.
    assert.deepEqual(parseTaxCode('0100000000'), { ok: false, problem: 'zero_sequence' });
  });

  test('sources disagree: a 12-digit personal ID stands in for a household’s tax code (TT 86/2024 Điều 5.5)', () => {
    // Issue 4's brief says "10 or 13 digits"; Thông tư 86/2024/TT-BTC lets households, household
    // businesses and individual businesses use the representative's 12-digit personal ID from 1/7/2025.
    assert.deepEqual(parseTaxCode('001203012345'), { ok: true, value: '001203012345', root: '001203012345', kind: 'personal_id' });
    assert.deepEqual(parseTaxCode('00120301234'), { ok: false, problem: 'format' }, '11 digits is nothing');
  });

  test('a prefix whose weighted sum is a multiple of 11 has no check digit, so no tax code starts with it', () => {
    // Any such prefix (found by search) refuses all ten last digits.
    const prefix = fc.sample(nineDigits.filter((p) => p.slice(2) !== '0000000' && taxCodeCheckDigit(p) === null), { numRuns: 1, seed: 7 })[0]!;
    for (let last = 0; last <= 9; last++) assert.deepEqual(parseTaxCode(`${prefix}${last}`), { ok: false, problem: 'check_digit' });
  });

  test('property: exactly one last digit completes an issuable prefix', () => {
    fc.assert(
      fc.property(issuablePrefix, (prefix) => {
        const accepted = [...Array(10).keys()].filter((last) => parseTaxCode(`${prefix}${last}`).ok);
        return accepted.length === 1 && accepted[0] === taxCodeCheckDigit(prefix);
      }),
    );
  });

  test('property: any single mistyped digit is caught', () => {
    fc.assert(
      fc.property(validTaxCode, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (code, position, delta) => {
        const digits = code.split('').map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        return !parseTaxCode(digits.join('')).ok;
      }),
    );
  });

  test('property: swapping two different neighbouring digits among the first nine is caught', () => {
    fc.assert(
      fc.property(validTaxCode, fc.integer({ min: 0, max: 7 }), (code, position) => {
        fc.pre(code[position] !== code[position + 1]);
        const swapped = code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        return !parseTaxCode(swapped).ok;
      }),
    );
  });

  test('property: a valid code with any branch 001–999 parses to the written form with its root', () => {
    fc.assert(
      fc.property(validTaxCode, fc.integer({ min: 1, max: 999 }), fc.boolean(), (code, branch, hyphen) => {
        const suffix = String(branch).padStart(3, '0');
        const parsed = parseTaxCode(`${code}${hyphen ? '-' : ''}${suffix}`);
        return parsed.ok && parsed.value === `${code}-${suffix}` && parsed.root === code && parsed.kind === 'branch';
      }),
    );
  });
});
