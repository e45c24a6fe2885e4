import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, dayOfWeek, isWeekend, localDate } from './clock.ts';
import {
  bundledHolidayData,
  createVietnamCalendar,
  parseHolidayData,
  statutoryHolidays,
  vietnamCalendar,
  yearSchedule,
  type HolidayData,
} from './public-holidays.ts';
import { describeDay, isWorkingDay } from './working-days.ts';

const daysOff = (year: number, calendar = vietnamCalendar) =>
  calendar
    .yearSchedule(year)
    .entries.filter((e) => !e.working)
    .map((e) => e.date);

const cloneData = (): HolidayData => structuredClone(bundledHolidayData);

describe('announced schedules (bundled data)', () => {
  for (const [year, entry] of Object.entries(bundledHolidayData.years)) {
    for (const period of entry.announcedBreaks) {
      it(`${year}: ${period.name} = ${period.from}…${period.to}, working days on both sides`, () => {
        for (let d = period.from; d <= period.to; d = addDays(d, 1)) assert.equal(isWorkingDay(d, vietnamCalendar), false, `${d} should be off`);
        assert.equal(isWorkingDay(addDays(period.from, -1), vietnamCalendar), true, `the day before ${period.from} should be worked`);
        assert.equal(isWorkingDay(addDays(period.to, 1), vietnamCalendar), true, `the day after ${period.to} should be worked`);
      });
    }
  }

  it('2025: 5 Tết days 27–31/1, make-up Saturday 26/4, 2/5 off, 1–2/9', () => {
    assert.deepEqual(daysOff(2025), [
      '2025-01-01',
      '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07',
      '2025-04-30', '2025-05-01', '2025-05-02',
      '2025-09-01', '2025-09-02',
    ]);
    assert.equal(isWorkingDay('2025-04-26', vietnamCalendar), true);
    assert.equal(describeDay('2025-04-26', vietnamCalendar).kind, 'make-up-workday');
    assert.equal(vietnamCalendar.yearSchedule(2025).status, 'announced');
  });

  it('2026: Hùng Kings on Sunday 26/4 is given back on Monday 27/4; make-up Saturdays 10/1 and 22/8', () => {
    assert.equal(describeDay('2026-04-27', vietnamCalendar).kind, 'compensatory');
    assert.match(describeDay('2026-04-27', vietnamCalendar).name!, /Hùng Vương/);
    assert.equal(isWorkingDay('2026-01-10', vietnamCalendar), true);
    assert.equal(isWorkingDay('2026-08-22', vietnamCalendar), true);
    assert.equal(isWorkingDay('2026-08-23', vietnamCalendar), false); // the Sunday stays a rest day
    assert.deepEqual(
      vietnamCalendar.yearSchedule(2026).entries.filter((e) => e.kind === 'holiday').map((e) => e.date),
      ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-26', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02'],
    );
  });

  it('2024: Tết on a weekend is given back on the next working days (8–14/2)', () => {
    assert.deepEqual(
      vietnamCalendar.yearSchedule(2024).entries.filter((e) => e.kind === 'compensatory').map((e) => e.date),
      ['2024-02-13', '2024-02-14'],
    );
  });
});

describe('years computed from the statute only', () => {
  it('2027: Tết = 29 tháng Chạp + mùng 1–4 (5–9/2), Sat/Sun given back on 10–11/2', () => {
    const schedule = vietnamCalendar.yearSchedule(2027);
    assert.equal(schedule.status, 'statute-only');
    for (let d = '2027-02-05'; d <= '2027-02-11'; d = addDays(d, 1)) assert.equal(isWorkingDay(d, vietnamCalendar), false, d);
    assert.equal(isWorkingDay('2027-02-04', vietnamCalendar), true);
    assert.equal(isWorkingDay('2027-02-12', vietnamCalendar), true);
    assert.deepEqual(
      schedule.entries.filter((e) => e.kind === 'compensatory').map((e) => e.date),
      ['2027-02-10', '2027-02-11', '2027-05-03'], // 1/5/2027 is a Saturday
    );
  });

  it('picks the day next to 2/9: 3/9 when 2/9 is Monday or Thursday, else 1/9', () => {
    const adjacent = (year: number) => statutoryHolidays(year).find((h) => h.name.includes('liền kề'))!.date;
    assert.equal(dayOfWeek('2027-09-02'), 4);
    assert.equal(adjacent(2027), '2027-09-03');
    assert.equal(dayOfWeek('2030-09-02'), 1);
    assert.equal(adjacent(2030), '2030-09-03');
    assert.equal(dayOfWeek('2029-09-02'), 7);
    assert.equal(adjacent(2029), '2029-09-01');
    // 2/9/2028 is a Saturday: holidays Fri 1/9 and Sat 2/9, the Saturday given back on Monday 4/9.
    assert.deepEqual(daysOff(2028).filter((d) => d.startsWith('2028-09')), ['2028-09-01', '2028-09-02', '2028-09-04']);
  });

  it('every year 2021–2199 has 11 statutory days and one compensatory weekday per holiday on a weekend', () => {
    for (let year = 2021; year <= 2199; year++) {
      const holidays = statutoryHolidays(year);
      assert.equal(holidays.length, 11, `${year}`);
      assert.equal(new Set(holidays.map((h) => h.date)).size, 11, `${year}: two holidays on one day`);
      const schedule = yearSchedule(year);
      const compensatory = schedule.entries.filter((e) => e.kind === 'compensatory');
      assert.equal(compensatory.length, holidays.filter((h) => isWeekend(h.date)).length, `${year}`);
      for (const day of compensatory) assert.equal(isWeekend(day.date), false, `${year}: ${day.date}`);
      assert.ok(schedule.entries.every((e) => e.date.startsWith(`${year}-`)), `${year}: entry outside the year`);
    }
  });

  it('refuses years outside 2021–2199', () => {
    assert.throws(() => vietnamCalendar.entryOn('2020-12-31'), RangeError);
    assert.throws(() => yearSchedule(2200), RangeError);
  });
});

describe('Vietnamese Culture Day (24/11)', () => {
  it('is not a day off while it is only proposed', () => {
    const change = bundledHolidayData.statuteChanges.find((c) => c.id === 'vietnamese-culture-day');
    assert.equal(change?.status, 'proposed');
    assert.equal(isWorkingDay('2026-11-24', vietnamCalendar), true);
  });

  it('becomes a holiday, with compensation, once the amendment is marked in force', () => {
    const data = cloneData();
    const change = data.statuteChanges.find((c) => c.id === 'vietnamese-culture-day')!;
    change.status = 'in-force';
    change.effectiveFrom = '2027-01-01';
    const calendar = createVietnamCalendar({ data });
    assert.equal(isWorkingDay('2026-11-24', calendar), true);
    assert.equal(isWorkingDay('2027-11-24', calendar), false);
    assert.equal(statutoryHolidays(2027, data).length, 12);
    // 24/11/2029 is a Saturday: given back on Monday 26/11.
    assert.equal(dayOfWeek(localDate(2029, 11, 24)), 6);
    assert.equal(describeDay('2029-11-26', calendar).kind, 'compensatory');
  });
});

describe('holiday data validation', () => {
  it('accepts the bundled file', () => {
    assert.doesNotThrow(() => parseHolidayData(structuredClone(bundledHolidayData)));
  });
  it('rejects Tết days that miss mùng 1 or are not consecutive', () => {
    const data = cloneData();
    data.years['2026']!.tet = ['2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12', '2026-02-13'];
    assert.throws(() => parseHolidayData(data), /mùng 1/);
    data.years['2026']!.tet = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-21'];
    assert.throws(() => parseHolidayData(data), /consecutive/);
  });
  it('rejects a make-up workday that is not a weekend day, a bad adjacent day, an announced year without sources', () => {
    const data = cloneData();
    data.years['2026']!.swaps[0]!.workday = '2026-01-12';
    data.years['2026']!.nationalDayAdjacent = '2026-09-04';
    data.years['2025']!.sources = [];
    assert.throws(() => parseHolidayData(data), (error: Error) => {
      assert.match(error.message, /not a Saturday or Sunday/);
      assert.match(error.message, /1\/9 or 3\/9/);
      assert.match(error.message, /needs sources/);
      return true;
    });
  });
  it('rejects malformed dates', () => {
    const data = cloneData() as unknown as { years: Record<string, { tet: string[] }> };
    data.years['2026']!.tet[0] = '16/02/2026';
    assert.throws(() => parseHolidayData(data));
  });
});
