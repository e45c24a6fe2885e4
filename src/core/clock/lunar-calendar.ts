import { fromEpochDay, localDateParts, toEpochDay, type LocalDate } from './clock.ts';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically.
 *
 * Rules (the ones the Vietnamese calendar has used since 1967, as explained by Hồ Ngọc Đức, "Thuật toán
 * tính âm lịch"; implemented here from the description, not from his code):
 * 1. Days run midnight to midnight in local standard time. Vietnam has computed its calendar for the
 *    UTC+7 meridian since 8/8/1967 (North; the South from 1975); China uses UTC+8, which is why the two
 *    calendars sometimes differ (Tết 1985: Vietnam 21/1/1985, China 20/2/1985; Tết 2007, 2030, 2053 one day apart).
 * 2. A lunar month starts on the local day that contains the astronomical new moon.
 * 3. The month containing the winter solstice (sun at 270°) is month 11.
 * 4. If there are 13 new moons between the starts of two consecutive months 11, one month of that span is
 *    intercalary (leap): the first month after month 11 that contains no major solar term (trung khí:
 *    a multiple of 30° of solar longitude). It takes the number of the month before it.
 *
 * Astronomy: new moons from Meeus' series for the mean lunation with the main periodic terms (J. Meeus,
 * "Astronomical Formulae for Calculators"), the sun's apparent longitude from the low-precision solar
 * theory (Meeus, "Astronomical Algorithms", ch. 25), and ΔT from the Espenak–Meeus polynomials. The result
 * is accurate to minutes; it can be wrong only when a new moon or a major term falls within minutes of local
 * midnight, which the tests against published dates check for the years the application uses.
 *
 * Supported: Gregorian years 1900–2199.
 */

/** The meridian the Vietnamese calendar uses: UTC+7. Pass 8 to compute the Chinese calendar (for comparison). */
export const VIETNAMESE_CALENDAR_UTC_OFFSET_HOURS = 7;

export interface LunarDate {
  /** The lunar year, named by the Gregorian year in which its month 1 begins (Tết Bính Ngọ = 2026). */
  year: number;
  /** 1–12. */
  month: number;
  /** 1–30. */
  day: number;
  /** True for the intercalary repetition of `month` (tháng nhuận). */
  isLeapMonth: boolean;
}

export const MIN_SUPPORTED_YEAR = 1900;
export const MAX_SUPPORTED_YEAR = 2199;

const RAD = Math.PI / 180;
const SYNODIC_MONTH = 29.530588853;
/** Julian Day Number of 1970-01-01, the epoch of clock.ts day numbers. */
const JDN_OF_EPOCH_DAY_0 = 2440588;
/** JDN of 1900-01-01, near the new moon numbered k = 0 in the series below. */
const JDN_1900_01_01 = 2415021;

// ----------------------------------------------------------------------------------------------
// Astronomy
// ----------------------------------------------------------------------------------------------

/** ΔT = TT − UT in days, for a (fractional) Gregorian year. Espenak & Meeus (NASA, 2006) polynomials. */
function deltaTDays(year: number): number {
  let seconds: number;
  if (year < 1900) {
    const u = (year - 1820) / 100;
    seconds = -20 + 32 * u * u;
  } else if (year < 1920) {
    const t = year - 1900;
    seconds = -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  } else if (year < 1941) {
    const t = year - 1920;
    seconds = 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  } else if (year < 1961) {
    const t = year - 1950;
    seconds = 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  } else if (year < 1986) {
    const t = year - 1975;
    seconds = 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  } else if (year < 2005) {
    const t = year - 2000;
    seconds = 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  } else if (year < 2050) {
    const t = year - 2000;
    seconds = 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  } else if (year < 2150) {
    const u = (year - 1820) / 100;
    seconds = -20 + 32 * u * u - 0.5628 * (2150 - year);
  } else {
    const u = (year - 1820) / 100;
    seconds = -20 + 32 * u * u;
  }
  return seconds / 86400;
}

function yearOfJulianDay(jd: number): number {
  return 2000 + (jd - 2451545) / 365.25;
}

/**
 * Julian Date (UT) of the new moon number k, counted from the new moon of 1900-01-01 (k = 0).
 * Meeus' formula for the mean new moon plus the largest periodic terms (Sun's and Moon's anomalies,
 * Moon's argument of latitude).
 */
function newMoonJulianDate(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitude + sunAnomaly) -
    0.0004 * Math.sin(2 * latitude - sunAnomaly) -
    0.0006 * Math.sin(2 * latitude + moonAnomaly) +
    0.001 * Math.sin(2 * latitude - moonAnomaly) +
    0.0005 * Math.sin(sunAnomaly + 2 * moonAnomaly);
  const ephemerisTime = mean + correction;
  return ephemerisTime - deltaTDays(yearOfJulianDay(ephemerisTime));
}

/** The Sun's apparent geocentric longitude, in degrees [0, 360), at a Julian Date in UT. */
function sunApparentLongitude(jdUt: number): number {
  const jde = jdUt + deltaTDays(yearOfJulianDay(jdUt));
  const t = (jde - 2451545) / 36525;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const meanAnomaly = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * RAD;
  const center =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.000289 * Math.sin(3 * meanAnomaly);
  const ascendingNode = (125.04 - 1934.136 * t) * RAD;
  const apparent = meanLongitude + center - 0.00569 - 0.00478 * Math.sin(ascendingNode);
  return ((apparent % 360) + 360) % 360;
}

// ----------------------------------------------------------------------------------------------
// Calendar structure, in Julian Day Numbers (integer, one per civil day)
// ----------------------------------------------------------------------------------------------

/** JDN of the local day on which new moon k falls, for a UTC offset in hours. */
function newMoonDay(k: number, offsetHours: number): number {
  // A JDN counts from noon UT; the local civil day containing instant jd is floor(jd + 0.5 + offset/24).
  return Math.floor(newMoonJulianDate(k) + 0.5 + offsetHours / 24);
}

/** Which 30° sector of longitude the Sun is in at the local midnight that begins day `jdn` (0–11). */
function solarSectorAtStartOf(jdn: number, offsetHours: number): number {
  return Math.floor(sunApparentLongitude(jdn - 0.5 - offsetHours / 24) / 30);
}

interface MonthStart {
  /** New moon number (lunation). */
  k: number;
  /** JDN of the first day of the month. */
  day: number;
}

const month11Cache = new Map<string, MonthStart>();

/** The lunar month 11 (the one containing the December solstice) of Gregorian year `year`. */
function month11Of(year: number, offsetHours: number): MonthStart {
  const key = `${year}@${offsetHours}`;
  const cached = month11Cache.get(key);
  if (cached) return cached;
  const december31 = toEpochDay(`${String(year).padStart(4, '0')}-12-31`) + JDN_OF_EPOCH_DAY_0;
  // The lunation that started on or shortly before 31 December…
  let k = Math.floor((december31 - JDN_1900_01_01) / SYNODIC_MONTH);
  // …is month 11 unless the Sun had already passed 270° when it began; then month 11 is the one before.
  if (solarSectorAtStartOf(newMoonDay(k, offsetHours), offsetHours) >= 9) k -= 1;
  const result = { k, day: newMoonDay(k, offsetHours) };
  month11Cache.set(key, result);
  return result;
}

/**
 * The span from month 11 of Gregorian year `year` to (excluding) the next month 11, and the index (from
 * month 11 = 0) of its leap month, or null when the span has 12 months.
 */
interface Span {
  start: MonthStart;
  monthCount: number;
  leapIndex: number | null;
  offsetHours: number;
  /** Gregorian year of `start` = the lunar year that months 11 and 12 of this span belong to. */
  year: number;
}

const spanCache = new Map<string, Span>();

function spanFrom(year: number, offsetHours: number): Span {
  const key = `${year}@${offsetHours}`;
  const cached = spanCache.get(key);
  if (cached) return cached;
  const start = month11Of(year, offsetHours);
  const next = month11Of(year + 1, offsetHours);
  const monthCount = next.k - start.k;
  let leapIndex: number | null = null;
  if (monthCount === 13) {
    // Month j has no major term when the Sun is in the same 30° sector at its start and at the next month's start.
    for (let j = 1; j < monthCount; j++) {
      const atStart = solarSectorAtStartOf(newMoonDay(start.k + j, offsetHours), offsetHours);
      const atEnd = solarSectorAtStartOf(newMoonDay(start.k + j + 1, offsetHours), offsetHours);
      if (atStart === atEnd) {
        leapIndex = j;
        break;
      }
    }
    if (leapIndex === null) throw new Error(`lunar-calendar: no month without a major term in the 13-month span from ${year}`);
  } else if (monthCount !== 12) {
    throw new Error(`lunar-calendar: ${monthCount} months between months 11 of ${year} and ${year + 1}`);
  }
  const span = { start, monthCount, leapIndex, offsetHours, year };
  spanCache.set(key, span);
  return span;
}

function monthNumberAt(span: Span, index: number): { month: number; isLeapMonth: boolean } {
  const leap = span.leapIndex;
  const ordinal = leap !== null && index >= leap ? index - 1 : index;
  return { month: ((ordinal + 10) % 12) + 1, isLeapMonth: leap !== null && index === leap };
}

function checkOffset(offsetHours: number): void {
  if (!Number.isFinite(offsetHours) || offsetHours < -12 || offsetHours > 14) throw new RangeError(`Bad UTC offset: ${offsetHours}`);
}

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) {
    throw new RangeError(`${what} ${year} is outside the supported years ${MIN_SUPPORTED_YEAR}–${MAX_SUPPORTED_YEAR}`);
  }
}

// ----------------------------------------------------------------------------------------------
// Public conversions
// ----------------------------------------------------------------------------------------------

/** The lunar date of a Gregorian (solar) date. */
export function solarToLunar(date: LocalDate, offsetHours = VIETNAMESE_CALENDAR_UTC_OFFSET_HOURS): LunarDate {
  checkOffset(offsetHours);
  const { year } = localDateParts(date);
  checkYear(year, 'Year');
  const jdn = toEpochDay(date) + JDN_OF_EPOCH_DAY_0;
  const span = jdn >= month11Of(year, offsetHours).day ? spanFrom(year, offsetHours) : spanFrom(year - 1, offsetHours);
  // Estimate the month index, then step to the month that contains the day.
  let index = Math.max(0, Math.min(span.monthCount - 1, Math.floor((jdn - span.start.day) / SYNODIC_MONTH)));
  while (index > 0 && newMoonDay(span.start.k + index, offsetHours) > jdn) index--;
  while (index < span.monthCount - 1 && newMoonDay(span.start.k + index + 1, offsetHours) <= jdn) index++;
  const monthStart = newMoonDay(span.start.k + index, offsetHours);
  const { month, isLeapMonth } = monthNumberAt(span, index);
  return { year: month >= 11 ? span.year : span.year + 1, month, day: jdn - monthStart + 1, isLeapMonth };
}

/**
 * The Gregorian date of a lunar date. Throws a RangeError when the lunar date does not exist
 * (a leap flag on a month that is not repeated that year, or day 30 of a 29-day month).
 */
export function lunarToSolar(lunar: LunarDate, offsetHours = VIETNAMESE_CALENDAR_UTC_OFFSET_HOURS): LocalDate {
  const { span, index } = locateMonth(lunar.year, lunar.month, lunar.isLeapMonth, offsetHours);
  const first = newMoonDay(span.start.k + index, offsetHours);
  const length = newMoonDay(span.start.k + index + 1, offsetHours) - first;
  if (!Number.isInteger(lunar.day) || lunar.day < 1 || lunar.day > length) {
    throw new RangeError(`Lunar month ${lunar.month}${lunar.isLeapMonth ? ' (leap)' : ''}/${lunar.year} has ${length} days; day ${lunar.day} does not exist`);
  }
  return fromEpochDay(first + lunar.day - 1 - JDN_OF_EPOCH_DAY_0);
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(
  year: number,
  month: number,
  isLeapMonth = false,
  offsetHours = VIETNAMESE_CALENDAR_UTC_OFFSET_HOURS,
): 29 | 30 {
  const { span, index } = locateMonth(year, month, isLeapMonth, offsetHours);
  return (newMoonDay(span.start.k + index + 1, offsetHours) - newMoonDay(span.start.k + index, offsetHours)) as 29 | 30;
}

/** The leap month (1–12) of a lunar year, or null when the year has twelve months. */
export function leapMonthOf(year: number, offsetHours = VIETNAMESE_CALENDAR_UTC_OFFSET_HOURS): number | null {
  checkOffset(offsetHours);
  checkYear(year, 'Lunar year');
  // Months 1–10 of `year` (and a leap 10) lie in the span from month 11 of year−1; months 11–12 in the next.
  const early = spanFrom(year - 1, offsetHours);
  if (early.leapIndex !== null && early.leapIndex >= 3) return monthNumberAt(early, early.leapIndex).month;
  const late = spanFrom(year, offsetHours);
  if (late.leapIndex !== null && late.leapIndex <= 2) return monthNumberAt(late, late.leapIndex).month;
  return null;
}

/** Tết Nguyên Đán: the first day of the first month of a lunar year. */
export function lunarNewYear(year: number, offsetHours = VIETNAMESE_CALENDAR_UTC_OFFSET_HOURS): LocalDate {
  return lunarToSolar({ year, month: 1, day: 1, isLeapMonth: false }, offsetHours);
}

function locateMonth(year: number, month: number, isLeapMonth: boolean, offsetHours: number): { span: Span; index: number } {
  checkOffset(offsetHours);
  checkYear(year, 'Lunar year');
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Lunar month must be 1–12, got ${month}`);
  const span = spanFrom(month >= 11 ? year : year - 1, offsetHours);
  const ordinal = (month + 1) % 12; // month 11 → 0, 12 → 1, 1 → 2, …, 10 → 11
  const leap = span.leapIndex;
  if (isLeapMonth) {
    if (leap === null || leap - 1 !== ordinal) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    return { span, index: leap };
  }
  return { span, index: leap !== null && ordinal >= leap ? ordinal + 1 : ordinal };
}
