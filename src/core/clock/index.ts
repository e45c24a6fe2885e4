/**
 * Time and Vietnamese working days. The only place that reads the system time is `systemClock`;
 * everything else takes a Clock or explicit dates (DESIGN.md, "Deadlines").
 */
export {
  type Clock,
  type FixedClock,
  type IsoWeekday,
  type LocalDate,
  VIETNAM_TIME_ZONE,
  VIETNAM_UTC_OFFSET_MINUTES,
  addDays,
  assertLocalDate,
  compareLocalDates,
  createFixedClock,
  dayOfWeek,
  daysBetween,
  endOfLocalDate,
  isLocalDate,
  isWeekend,
  localDate,
  localDateParts,
  localDateSchema,
  startOfLocalDate,
  systemClock,
  toLocalDate,
  today,
} from './clock.ts';

export {
  type LunarDate,
  VIETNAMESE_CALENDAR_UTC_OFFSET_HOURS,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar-calendar.ts';

export {
  type HolidayData,
  type HolidaySource,
  type VietnamCalendar,
  type YearSchedule,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  bundledHolidayData,
  createVietnamCalendar,
  parseHolidayData,
  statutoryHolidays,
  vietnamCalendar,
  yearSchedule,
} from './public-holidays.ts';

export {
  type CalendarEntry,
  type CalendarEntryKind,
  type Deadline,
  type DeadlineSpec,
  type Suspension,
  type WorkingCalendar,
  addWorkingDays,
  computeDueDate,
  countWorkingDaysBetween,
  deadlineSpecSchema,
  describeDay,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  suspensionSchema,
  weekdaysOnlyCalendar,
  workingDaysUsed,
} from './working-days.ts';
