import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, fromEpochDay, toEpochDay } from './clock.ts';
import { leapMonthOf, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar.ts';

// Published Tết Nguyên Đán dates (Vietnam, UTC+7).
const PUBLISHED_TET: Record<number, string> = {
  1985: '1985-01-21', // a month before China (1985-02-20): the 1984 solstice fell on 21/12 in Hanoi, 22/12 in Beijing
  2000: '2000-02-05',
  2007: '2007-02-17', // China: 2007-02-18
  2010: '2010-02-14',
  2015: '2015-02-19',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2030: '2030-02-02', // China: 2030-02-03
};

describe('Tết (lunar new year) at UTC+7', () => {
  for (const [year, date] of Object.entries(PUBLISHED_TET)) {
    it(`${year}: ${date}`, () => {
      assert.equal(lunarNewYear(Number(year)), date);
      assert.deepEqual(solarToLunar(date), { year: Number(year), month: 1, day: 1, isLeapMonth: false });
    });
  }
  it('differs from the Chinese calendar (UTC+8) where the meridian matters', () => {
    assert.equal(lunarNewYear(1985, 8), '1985-02-20');
    assert.equal(lunarNewYear(2007, 8), '2007-02-18');
    assert.equal(lunarNewYear(2030, 8), '2030-02-03');
    assert.equal(lunarNewYear(2053), '2053-02-18');
    assert.equal(lunarNewYear(2053, 8), '2053-02-19');
    assert.equal(lunarNewYear(2026, 8), '2026-02-17');
  });
  it('the day before Tết 2026 is 29 tháng Chạp (the month has no 30th)', () => {
    assert.deepEqual(solarToLunar('2026-02-16'), { year: 2025, month: 12, day: 29, isLeapMonth: false });
    assert.equal(lunarMonthLength(2025, 12), 29);
    assert.deepEqual(solarToLunar('2024-02-09'), { year: 2023, month: 12, day: 30, isLeapMonth: false });
  });
});

describe('lunar to solar', () => {
  it('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
    const hung = (year: number) => lunarToSolar({ year, month: 3, day: 10, isLeapMonth: false });
    assert.equal(hung(2023), '2023-04-29'); // after leap month 2
    assert.equal(hung(2024), '2024-04-18');
    assert.equal(hung(2025), '2025-04-07');
    assert.equal(hung(2026), '2026-04-26');
  });
  it('Trung Thu 2025 (15/8 lunar) is 6/10/2025', () => {
    assert.equal(lunarToSolar({ year: 2025, month: 8, day: 15, isLeapMonth: false }), '2025-10-06');
  });
  it('rejects dates that do not exist', () => {
    assert.throws(() => lunarToSolar({ year: 2025, month: 12, day: 30, isLeapMonth: false }), RangeError);
    assert.throws(() => lunarToSolar({ year: 2026, month: 6, day: 1, isLeapMonth: true }), RangeError);
    assert.throws(() => lunarToSolar({ year: 2025, month: 13, day: 1, isLeapMonth: false }), RangeError);
    assert.throws(() => lunarToSolar({ year: 2025, month: 1, day: 0, isLeapMonth: false }), RangeError);
    assert.throws(() => lunarToSolar({ year: 1899, month: 1, day: 1, isLeapMonth: false }), RangeError);
  });
});

describe('leap months (tháng nhuận)', () => {
  it('match the published ones', () => {
    assert.equal(leapMonthOf(2020), 4);
    assert.equal(leapMonthOf(2023), 2);
    assert.equal(leapMonthOf(2025), 6);
    assert.equal(leapMonthOf(2028), 5);
    assert.equal(leapMonthOf(2033), 11);
    assert.equal(leapMonthOf(2024), null);
    assert.equal(leapMonthOf(2026), null);
    assert.equal(leapMonthOf(2027), null);
  });
  it('a leap month repeats the number of the month before it', () => {
    const first = lunarToSolar({ year: 2025, month: 6, day: 1, isLeapMonth: false });
    const leap = lunarToSolar({ year: 2025, month: 6, day: 1, isLeapMonth: true });
    assert.equal(first, '2025-06-25');
    assert.equal(leap, '2025-07-25');
    assert.deepEqual(solarToLunar('2025-08-22'), { year: 2025, month: 6, day: 29, isLeapMonth: true });
    assert.deepEqual(solarToLunar('2025-08-23'), { year: 2025, month: 7, day: 1, isLeapMonth: false });
  });
  it('leap month 11 of 2033 belongs to lunar year 2033', () => {
    const leap11 = lunarToSolar({ year: 2033, month: 11, day: 1, isLeapMonth: true });
    assert.deepEqual(solarToLunar(leap11), { year: 2033, month: 11, day: 1, isLeapMonth: true });
    assert.ok(leap11 > '2033-12-01' && leap11 < '2034-01-31');
  });
});

describe('properties over 1900–2199', () => {
  const anyDate = fc.integer({ min: toEpochDay('1900-02-01'), max: toEpochDay('2199-12-30') }).map(fromEpochDay);

  it('solar → lunar → solar is the identity', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        assert.equal(lunarToSolar(solarToLunar(date)), date);
      }),
      { numRuns: 2000 },
    );
  });

  it('the next day is the next lunar day, or day 1 of the next month after a 29th or 30th', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const today = solarToLunar(date);
        const tomorrow = solarToLunar(addDays(date, 1));
        if (tomorrow.day === 1) {
          assert.ok(today.day === 29 || today.day === 30, `${date}: month ended on day ${today.day}`);
          assert.equal(today.day, lunarMonthLength(today.year, today.month, today.isLeapMonth));
        } else {
          assert.deepEqual(tomorrow, { ...today, day: today.day + 1 });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every lunar year has 12 or 13 months and Tết falls between 21/1 and 20/2', () => {
    for (let year = 1901; year <= 2199; year++) {
      const tet = lunarNewYear(year);
      assert.ok(tet >= `${year}-01-21` && tet <= `${year}-02-20`, `Tết ${year} = ${tet}`);
      if (year === 2199) continue;
      const length = toEpochDay(lunarNewYear(year + 1)) - toEpochDay(tet);
      const expected = leapMonthOf(year) === null ? [353, 354, 355] : [383, 384, 385];
      assert.ok(expected.includes(length), `${year}: ${length} days, leap month ${leapMonthOf(year)}`);
    }
  });
});
