import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  checkProductionConsistency,
  consistencyWarning,
  convertArea,
  convertMass,
  convertYield,
  formatVietnameseNumber,
  massUnits,
  outputTonnes,
  parseAreaUnit,
  parseMassUnit,
  parseVietnameseNumber,
  parseYieldUnit,
  yieldUnits,
} from './units.ts';

const ha = (value: number) => ({ value, unit: 'ha' as const });
const taPerHa = (value: number) => ({ value, unit: 'tạ/ha' as const });
const tan = (value: number) => ({ value, unit: 'tấn' as const });

describe('units of production targets', () => {
  test('1 tạ = 100 kg, 1 tấn = 10 tạ = 1000 kg', () => {
    assert.equal(convertMass(1, 'tạ', 'kg'), 100);
    assert.equal(convertMass(1, 'tấn', 'tạ'), 10);
    assert.equal(convertMass(1, 'tấn', 'kg'), 1000);
    assert.equal(convertMass(5000, 'tạ', 'tấn'), 500);
    assert.equal(convertYield(1.5, 'tấn/ha', 'tạ/ha'), 15);
    assert.equal(convertArea(25_000, 'm²', 'ha'), 2.5);
    assert.equal(outputTonnes(20, 150), 300);
  });

  test('the issue’s examples: Phì Nhừ and Na Son add up, Tìa Dình does not (500 ≠ 506 tấn)', () => {
    const phiNhu = checkProductionConsistency(ha(20), taPerHa(150), tan(300));
    assert.equal(phiNhu.consistent, true);
    assert.equal(phiNhu.expectedTonnes, 300);

    const naSon = checkProductionConsistency(ha(50), taPerHa(parseVietnameseNumber('13,2')!), tan(66));
    assert.equal(naSon.consistent, true, '50 × 13,2 tạ = 660 tạ = 66 tấn, despite binary floating point');

    const tiaDinh = checkProductionConsistency(ha(100), taPerHa(50), tan(506));
    assert.equal(tiaDinh.consistent, false);
    assert.equal(tiaDinh.expectedTonnes, 500);
    assert.equal(tiaDinh.differenceTonnes, 6);
    assert.ok(Math.abs(tiaDinh.relativeDifference - 0.012) < 1e-12);
    // A looser tolerance accepts it.
    assert.equal(checkProductionConsistency(ha(100), taPerHa(50), tan(506), 0.02).consistent, true);

    const warning = consistencyWarning('Bí xanh Tìa Dình', ha(100), taPerHa(50), tan(506), tiaDinh);
    assert.match(warning.message, /^Bí xanh Tìa Dình: 100 ha × 50 tạ\/ha = 500 tấn, nhưng kế hoạch ghi sản lượng 506 tấn; chênh lệch 6 tấn, vượt 1%/);
  });

  test('output written in tạ or kg is converted before comparing', () => {
    assert.equal(checkProductionConsistency(ha(20), taPerHa(150), { value: 3000, unit: 'tạ' }).consistent, true);
    assert.equal(checkProductionConsistency(ha(20), taPerHa(150), { value: 300_000, unit: 'kg' }).consistent, true);
    assert.equal(checkProductionConsistency(ha(20), { value: 15, unit: 'tấn/ha' }, tan(300)).consistent, true);
    assert.equal(checkProductionConsistency({ value: 200_000, unit: 'm²' }, taPerHa(150), tan(300)).consistent, true);
    // Writing tạ where tấn was meant is a tenfold error: flagged.
    assert.equal(checkProductionConsistency(ha(20), taPerHa(150), { value: 300, unit: 'tạ' }).consistent, false);
  });

  test('zero area: only zero output is consistent', () => {
    assert.equal(checkProductionConsistency(ha(0), taPerHa(50), tan(0)).consistent, true);
    assert.equal(checkProductionConsistency(ha(0), taPerHa(50), tan(1)).consistent, false);
  });

  test('unit names as officials type them', () => {
    assert.equal(parseMassUnit('Tấn'), 'tấn');
    assert.equal(parseMassUnit('tan'), 'tấn');
    assert.equal(parseMassUnit(' tạ '), 'tạ');
    assert.equal(parseMassUnit('KG'), 'kg');
    assert.equal(parseMassUnit('lít'), null);
    assert.equal(parseYieldUnit('Tạ / ha'), 'tạ/ha');
    assert.equal(parseYieldUnit('ta/ha'), 'tạ/ha');
    assert.equal(parseYieldUnit('tấn/ha'), 'tấn/ha');
    assert.equal(parseYieldUnit('tạ/sào'), null);
    assert.equal(parseAreaUnit('Ha'), 'ha');
    assert.equal(parseAreaUnit('m2'), 'm²');
  });

  test('Vietnamese numbers: comma decimals, dot or space thousands', () => {
    const cases: Array<[string, number | null]> = [
      ['13,2', 13.2],
      ['1.234,5', 1234.5],
      ['1.234', 1234],
      ['1.234.567', 1_234_567],
      ['1 234,5', 1234.5],
      ['506', 506],
      ['0,5', 0.5],
      ['-2,5', -2.5],
      ['13.2', 13.2],
      ['1,234', 1.234],
      ['', null],
      ['abc', null],
      ['1.23.4', null],
      ['1,2,3', null],
      ['12.34,5', null],
      ['1e5', null],
    ];
    for (const [text, expected] of cases) assert.equal(parseVietnameseNumber(text), expected, JSON.stringify(text));
    assert.equal(parseVietnameseNumber(42), 42);
    assert.equal(parseVietnameseNumber(Number.NaN), null);
    assert.equal(formatVietnameseNumber(1234.5), '1.234,5');
  });
});

describe('units: properties', () => {
  const positive = fc.double({ min: 0.001, max: 1e6, noNaN: true, noDefaultInfinity: true });
  const massUnit = fc.constantFrom(...massUnits);
  const yieldUnit = fc.constantFrom(...yieldUnits);

  test('converting mass there and back gives the value back', () => {
    fc.assert(
      fc.property(positive, massUnit, massUnit, (value, from, to) => {
        const back = convertMass(convertMass(value, from, to), to, from);
        return Math.abs(back - value) <= value * 1e-12;
      }),
    );
  });

  test('output = area × yield is always consistent, whatever units it is written in', () => {
    fc.assert(
      fc.property(positive, positive, massUnit, yieldUnit, (area, yieldTa, outUnit, inYieldUnit) => {
        const expected = outputTonnes(area, yieldTa);
        const output = { value: convertMass(expected, 'tấn', outUnit), unit: outUnit };
        const yieldQ = { value: convertYield(yieldTa, 'tạ/ha', inYieldUnit), unit: inYieldUnit };
        return checkProductionConsistency(ha(area), yieldQ, output).consistent;
      }),
    );
  });

  test('an output off by more than the tolerance is flagged; within it, it is not', () => {
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 0.011, max: 10, noNaN: true }), fc.boolean(), (area, yieldTa, error, over) => {
        const expected = outputTonnes(area, yieldTa);
        const declared = expected * (over ? 1 + error : 1 - Math.min(error, 0.99));
        return !checkProductionConsistency(ha(area), taPerHa(yieldTa), tan(declared)).consistent;
      }),
    );
    fc.assert(
      fc.property(positive, positive, fc.double({ min: -0.0099, max: 0.0099, noNaN: true }), (area, yieldTa, error) => {
        const expected = outputTonnes(area, yieldTa);
        return checkProductionConsistency(ha(area), taPerHa(yieldTa), tan(expected * (1 + error))).consistent;
      }),
    );
  });

  test('a number written the Vietnamese way reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 999 }), (whole, thousandths) => {
        const value = whole + thousandths / 1000;
        return parseVietnameseNumber(formatVietnameseNumber(value)) === Number(value.toFixed(3));
      }),
    );
  });
});
