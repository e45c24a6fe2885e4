import { z } from 'zod';
import rawHolidayData from '../../../data/holidays/vn-days-off.json' with { type: 'json' };
import { addDays, dayOfWeek, isWeekend, localDate, localDateParts, localDateSchema, type LocalDate } from './clock.ts';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar.ts';
import type { CalendarEntry, WorkingCalendar } from './working-days.ts';

/**
 * Vietnamese public holidays and days off of state agencies, year by year.
 *
 * Two layers:
 * 1. The statute, computed here: Bộ luật Lao động 2019 Điều 112.1 (1/1; Tết 5 days; 10/3 lunar; 30/4; 1/5;
 *    2/9 + one adjacent day) and Điều 111.3 (a holiday on a weekly rest day is given back on the next working day).
 * 2. The Government's yearly decisions, as data in data/holidays/vn-days-off.json: which 5 days are Tết and
 *    which day sits next to 2/9 (the Prime Minister decides both, Điều 112.3), and swapped working days.
 *
 * For a year without an announcement the statute alone is used, with two documented defaults:
 * - Tết = the last day of the old lunar year + the first 4 days of the new one. The Government has chosen
 *   between 1+4 (2026), 2+3 (2024, 2025) and other splits; 1+4 is the split nearest to "Tết" itself and is
 *   what 2026 used. Swaps cannot be predicted and are not invented.
 * - The day next to 2/9 is 3/9 when 2/9 is a Monday or a Thursday, otherwise 1/9 — the choice made in every
 *   year 2021–2026 (it joins the holiday to a weekend where possible).
 * Such years have status "statute-only"; show deadlines that cross them as provisional.
 */

export const MIN_CALENDAR_YEAR = 2021; // Labour Code 2019 (two days for 2/9) in force since 2021-01-01
export const MAX_CALENDAR_YEAR = 2199; // limit of the lunar calendar computation

const sourceSchema = z.object({
  title: z.string().min(1),
  url: z.url(),
  published: localDateSchema.optional(),
});
export type HolidaySource = z.infer<typeof sourceSchema>;

const yearSchema = z.object({
  status: z.enum(['announced', 'statute-only']),
  tet: z.array(localDateSchema).length(5).optional(),
  nationalDayAdjacent: localDateSchema.optional(),
  swaps: z.array(z.object({ dayOff: localDateSchema, workday: localDateSchema, note: z.string() })).default([]),
  announcedBreaks: z.array(z.object({ from: localDateSchema, to: localDateSchema, name: z.string() })).default([]),
  notes: z.string().optional(),
  sources: z.array(sourceSchema),
});

const statuteChangeSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  status: z.enum(['proposed', 'in-force']),
  effectiveFrom: localDateSchema.nullable(),
  notes: z.string(),
  sources: z.array(sourceSchema),
});

export const holidayDataSchema = z.object({
  schemaVersion: z.literal(1),
  description: z.string(),
  updated: localDateSchema,
  statute: z.object({ law: z.string(), sources: z.array(sourceSchema) }).loose(),
  statuteChanges: z.array(statuteChangeSchema),
  years: z.record(z.string().regex(/^\d{4}$/), yearSchema),
});

export type HolidayData = z.infer<typeof holidayDataSchema>;
export type HolidayYearData = z.infer<typeof yearSchema>;

/** Parses and checks a holiday data file; throws with every problem listed. */
export function parseHolidayData(input: unknown): HolidayData {
  const data = holidayDataSchema.parse(input);
  const problems: string[] = [];
  for (const [yearText, entry] of Object.entries(data.years)) {
    const year = Number(yearText);
    const inYear = (d: LocalDate) => d.startsWith(`${yearText}-`);
    if (entry.status === 'announced' && entry.sources.length === 0) problems.push(`${year}: an announced year needs sources`);
    const tet = entry.tet;
    if (tet) {
      if (tet.some((d, i) => i > 0 && d !== addDays(tet[i - 1] ?? d, 1))) problems.push(`${year}: Tết days must be 5 consecutive days`);
      const newYear = year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR ? lunarNewYear(year) : null;
      if (newYear && !tet.includes(newYear)) problems.push(`${year}: Tết days must include mùng 1 (${newYear})`);
    }
    if (entry.nationalDayAdjacent && ![`${yearText}-09-01`, `${yearText}-09-03`].includes(entry.nationalDayAdjacent)) {
      problems.push(`${year}: nationalDayAdjacent must be 1/9 or 3/9`);
    }
    for (const swap of entry.swaps) {
      if (!inYear(swap.dayOff) || !inYear(swap.workday)) problems.push(`${year}: swap ${swap.dayOff}/${swap.workday} outside the year`);
      if (isWeekend(swap.dayOff)) problems.push(`${year}: swapped day off ${swap.dayOff} is already a weekend day`);
      if (!isWeekend(swap.workday)) problems.push(`${year}: make-up workday ${swap.workday} is not a Saturday or Sunday`);
    }
    for (const period of entry.announcedBreaks) {
      if (period.to < period.from) problems.push(`${year}: break ${period.from}–${period.to} ends before it starts`);
    }
  }
  for (const change of data.statuteChanges) {
    if (change.status === 'in-force' && !change.effectiveFrom) problems.push(`statute change ${change.id}: in force without effectiveFrom`);
  }
  if (problems.length > 0) throw new Error(`Invalid holiday data:\n- ${problems.join('\n- ')}`);
  return data;
}

/** The data shipped with the application (data/holidays/vn-days-off.json). */
export const bundledHolidayData: HolidayData = parseHolidayData(rawHolidayData);

export interface YearSchedule {
  year: number;
  /** "announced": the Government's schedule is in the data; "statute-only": computed from the Labour Code alone. */
  status: 'announced' | 'statute-only';
  /** Every day that differs from the ordinary week, sorted by date: days off and make-up workdays. */
  entries: CalendarEntry[];
  notes?: string;
  sources: HolidaySource[];
}

interface Holiday {
  date: LocalDate;
  name: string;
  nameEn: string;
  basis: string;
}

const ART_112 = 'Bộ luật Lao động 2019, Điều 112.1';

/** The statutory holidays (Điều 112.1, plus statute changes in force) of a Gregorian year, without compensation. */
export function statutoryHolidays(year: number, data: HolidayData = bundledHolidayData): Holiday[] {
  checkYear(year);
  const entry = data.years[String(year)];
  const at = (month: number, day: number) => localDate(year, month, day);
  const holidays: Holiday[] = [{ date: at(1, 1), name: 'Tết Dương lịch', nameEn: "New Year's Day", basis: `${ART_112}.a` }];

  const tetDays = entry?.tet ?? defaultTetDays(year);
  const tetBasis = entry?.tet ? `${ART_112}.b; ngày nghỉ cụ thể theo thông báo năm ${year}` : `${ART_112}.b; tính theo luật (ngày cuối năm âm lịch + mùng 1–4)`;
  for (const date of tetDays) {
    const lunar = solarToLunar(date);
    const label = lunar.month === 1 ? `mùng ${lunar.day}` : `${lunar.day} tháng Chạp`;
    const labelEn = lunar.month === 1 ? `day ${lunar.day} of month 1` : `day ${lunar.day} of month 12`;
    holidays.push({ date, name: `Tết Nguyên đán (${label})`, nameEn: `Lunar New Year (${labelEn})`, basis: tetBasis });
  }

  holidays.push({
    date: lunarToSolar({ year, month: 3, day: 10, isLeapMonth: false }),
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    nameEn: "Hung Kings' Commemoration Day",
    basis: `${ART_112}.e`,
  });
  holidays.push({ date: at(4, 30), name: 'Ngày Chiến thắng', nameEn: 'Reunification Day', basis: `${ART_112}.c` });
  holidays.push({ date: at(5, 1), name: 'Ngày Quốc tế lao động', nameEn: "International Workers' Day", basis: `${ART_112}.d` });
  holidays.push({ date: at(9, 2), name: 'Quốc khánh', nameEn: 'National Day', basis: `${ART_112}.đ` });
  const adjacent = entry?.nationalDayAdjacent ?? defaultNationalDayAdjacent(year);
  holidays.push({
    date: adjacent,
    name: 'Quốc khánh (ngày liền kề)',
    nameEn: 'National Day (adjacent day)',
    basis: entry?.nationalDayAdjacent ? `${ART_112}.đ; ngày liền kề theo thông báo năm ${year}` : `${ART_112}.đ; ngày liền kề tính theo quy ước`,
  });

  for (const change of data.statuteChanges) {
    if (change.status !== 'in-force' || !change.effectiveFrom) continue;
    const date = localDate(year, change.month, change.day);
    if (date >= change.effectiveFrom) holidays.push({ date, name: change.name, nameEn: change.nameEn, basis: `Sửa đổi Điều 112.1 (${change.id})` });
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Statute-only Tết: the last day of the old lunar year and mùng 1–4 of the new one. */
function defaultTetDays(year: number): LocalDate[] {
  const firstDay = lunarNewYear(year);
  return [-1, 0, 1, 2, 3].map((offset) => addDays(firstDay, offset));
}

/** 3/9 when 2/9 is a Monday or a Thursday (as in 2021 and 2024), otherwise 1/9 (2022, 2023, 2025, 2026). */
function defaultNationalDayAdjacent(year: number): LocalDate {
  const weekday = dayOfWeek(localDate(year, 9, 2));
  return weekday === 1 || weekday === 4 ? localDate(year, 9, 3) : localDate(year, 9, 1);
}

/** The full schedule of a year: holidays, compensatory days (Điều 111.3), swaps. */
export function yearSchedule(year: number, data: HolidayData = bundledHolidayData): YearSchedule {
  checkYear(year);
  const entry = data.years[String(year)];
  const holidays = statutoryHolidays(year, data);
  const entries = new Map<LocalDate, CalendarEntry>();

  for (const holiday of holidays) {
    const existing = entries.get(holiday.date);
    // Two holidays on one day do not happen for 2021–2199 (10/3 lunar is at latest 29/4); keep both names if they ever do.
    if (existing) existing.name += `; ${holiday.name}`;
    else entries.set(holiday.date, { ...holiday, working: false, kind: 'holiday' });
  }
  for (const swap of entry?.swaps ?? []) {
    entries.set(swap.dayOff, {
      date: swap.dayOff,
      working: false,
      kind: 'swapped-day-off',
      name: 'Nghỉ hoán đổi ngày làm việc',
      nameEn: 'Day off (swapped working day)',
      basis: swap.note,
    });
    entries.set(swap.workday, {
      date: swap.workday,
      working: true,
      kind: 'make-up-workday',
      name: 'Làm bù',
      nameEn: 'Make-up working day',
      basis: swap.note,
    });
  }
  // Điều 111.3: a holiday on Saturday or Sunday is given back on the next day that is neither a weekend day nor
  // already a day off, in date order (Tết 2027: Sat 6/2 and Sun 7/2 → Wed 10/2 and Thu 11/2).
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || entries.has(day)) day = addDays(day, 1);
    entries.set(day, {
      date: day,
      working: false,
      kind: 'compensatory',
      name: `Nghỉ bù ${holiday.name}`,
      nameEn: `Compensatory day off for ${holiday.nameEn}`,
      basis: `Bộ luật Lao động 2019, Điều 111.3 (${holiday.name} ${holiday.date} trùng ngày nghỉ hằng tuần)`,
    });
  }

  return {
    year,
    status: entry?.status ?? 'statute-only',
    entries: [...entries.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    ...(entry?.notes ? { notes: entry.notes } : {}),
    sources: entry?.sources ?? [],
  };
}

export interface VietnamCalendar extends WorkingCalendar {
  yearSchedule(year: number): YearSchedule;
}

/** A working calendar for Vietnamese state agencies, from holiday data (the bundled file by default). */
export function createVietnamCalendar(options: { data?: HolidayData } = {}): VietnamCalendar {
  const data = options.data ?? bundledHolidayData;
  const schedules = new Map<number, { schedule: YearSchedule; byDate: Map<LocalDate, CalendarEntry> }>();
  const load = (year: number) => {
    let cached = schedules.get(year);
    if (!cached) {
      const schedule = yearSchedule(year, data);
      cached = { schedule, byDate: new Map(schedule.entries.map((e) => [e.date, e])) };
      schedules.set(year, cached);
    }
    return cached;
  };
  return {
    entryOn: (date) => load(localDateParts(date).year).byDate.get(date),
    yearSchedule: (year) => load(year).schedule,
  };
}

/** The default calendar, from the bundled data. */
export const vietnamCalendar: VietnamCalendar = createVietnamCalendar();

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    throw new RangeError(
      `Vietnamese working calendar covers ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} (Labour Code 2019); year ${year} is outside it`,
    );
  }
}
