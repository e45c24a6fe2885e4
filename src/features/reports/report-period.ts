/**
 * The periods a programme report covers, as officials count them (pure rules, no database):
 * - calendar_year: 01/01 – 31/12 of the year;
 * - reporting_year: the statistical reporting year, from the cut-off day of the year before to the day
 *   before the cut-off of the year (Thông tư 37/2022/TT-BTC and the statistical reporting regime:
 *   15/12 of the year before – 14/12 of the year);
 * - half_year: the first six months of that reporting year (15/12 of the year before – 14/6);
 * - range: any two days, both included.
 * The cut-off is 15/12 for every province today (REPORTING_CUTOFF); a province setting can pass its own.
 */
import { addDays, isLocalDate, localDate, localDateParts, type LocalDate } from '../../core/clock/index.ts';
import { invalidInput, type FieldIssue } from '../../core/errors.ts';

export const periodKinds = ['calendar_year', 'reporting_year', 'half_year', 'range'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** The OCOP programme's figures start with the first recognitions (QĐ 1048/QĐ-TTg 2019; QĐ 919/QĐ-TTg 2022). */
export const FIRST_REPORT_YEAR = 2019;

/** The day (month, day) the statistical reporting year starts in the year before. */
export const REPORTING_CUTOFF = { month: 12, day: 15 } as const;
export type ReportingCutoff = { month: number; day: number };

export interface ReportPeriod {
  kind: PeriodKind;
  /** The year named by the period (for a range: the year of its last day). */
  year: number;
  from: LocalDate;
  to: LocalDate;
  /** The last day figures are counted to: the period's end, or today while the period runs. */
  asOf: LocalDate;
}

export interface PeriodQuery {
  period?: PeriodKind | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const issue = (path: string, message: string, messageEn: string): FieldIssue => ({ path: `querystring.${path}`, message, messageEn });

/** The cut-off day of `year`, clamped to the month's length (a 31 cut-off in a 30-day month). */
function cutoffIn(year: number, cutoff: ReportingCutoff): LocalDate {
  const lastDay = new Date(Date.UTC(year, cutoff.month, 0)).getUTCDate();
  return localDate(year, cutoff.month, Math.min(cutoff.day, lastDay));
}

/** Months after a day, the same day number (or the month's last day). */
function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = localDateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return localDate(targetYear, targetMonth, Math.min(day, lastDay));
}

/** The days of a named period of `year`. */
export function periodBounds(kind: Exclude<PeriodKind, 'range'>, year: number, cutoff: ReportingCutoff = REPORTING_CUTOFF): { from: LocalDate; to: LocalDate } {
  if (kind === 'calendar_year') return { from: localDate(year, 1, 1), to: localDate(year, 12, 31) };
  const from = cutoffIn(year - 1, cutoff);
  if (kind === 'reporting_year') return { from, to: addDays(cutoffIn(year, cutoff), -1) };
  return { from, to: addDays(addMonths(from, 6), -1) };
}

/**
 * The period asked for, checked: a year from 2019 to this year; a range with both days, its end not
 * before its start, its start from 2019 and not after today. Every problem is reported at once.
 */
export function resolvePeriod(query: PeriodQuery, today: LocalDate, cutoff: ReportingCutoff = REPORTING_CUTOFF): ReportPeriod {
  const kind: PeriodKind = query.period ?? (query.from || query.to ? 'range' : 'calendar_year');
  const thisYear = localDateParts(today).year;
  const issues: FieldIssue[] = [];
  let from: LocalDate;
  let to: LocalDate;
  let year: number;
  if (kind === 'range') {
    if (!query.from) issues.push(issue('from', 'Chọn ngày bắt đầu kỳ báo cáo.', 'Choose the first day of the period.'));
    else if (!isLocalDate(query.from)) issues.push(issue('from', 'Ngày bắt đầu không hợp lệ (định dạng YYYY-MM-DD).', 'Invalid "from" date.'));
    if (!query.to) issues.push(issue('to', 'Chọn ngày kết thúc kỳ báo cáo.', 'Choose the last day of the period.'));
    else if (!isLocalDate(query.to)) issues.push(issue('to', 'Ngày kết thúc không hợp lệ (định dạng YYYY-MM-DD).', 'Invalid "to" date.'));
    if (query.year !== undefined) issues.push(issue('year', 'Kỳ báo cáo theo khoảng ngày không dùng năm; bỏ năm hoặc chọn loại kỳ khác.', 'A date range takes no year.'));
    if (issues.length > 0) throw invalidInput(issues);
    from = query.from as LocalDate;
    to = query.to as LocalDate;
    if (to < from) issues.push(issue('to', 'Ngày kết thúc kỳ báo cáo không được trước ngày bắt đầu.', 'The period ends before it starts.'));
    if (localDateParts(from).year < FIRST_REPORT_YEAR) {
      issues.push(issue('from', `Số liệu Chương trình OCOP có từ năm ${FIRST_REPORT_YEAR}; chọn ngày bắt đầu từ 01/01/${FIRST_REPORT_YEAR}.`, `Figures start in ${FIRST_REPORT_YEAR}.`));
    }
    if (from > today) issues.push(issue('from', 'Kỳ báo cáo chưa bắt đầu: ngày bắt đầu sau ngày hôm nay.', 'The period starts in the future.'));
    year = localDateParts(to).year;
  } else {
    if (query.from || query.to) {
      issues.push(issue(query.from ? 'from' : 'to', 'Ngày bắt đầu, kết thúc chỉ dùng với kỳ báo cáo theo khoảng ngày (period=range).', 'from/to go with period=range.'));
    }
    year = query.year ?? thisYear;
    if (year < FIRST_REPORT_YEAR) issues.push(issue('year', `Số liệu Chương trình OCOP có từ năm ${FIRST_REPORT_YEAR}; chọn năm từ ${FIRST_REPORT_YEAR} đến ${thisYear}.`, `Choose a year from ${FIRST_REPORT_YEAR}.`));
    ({ from, to } = periodBounds(kind, year, cutoff));
    if (from > today) issues.push(issue('year', `Năm ${year} chưa đến kỳ báo cáo; chọn năm từ ${FIRST_REPORT_YEAR} đến ${thisYear}.`, 'The year is in the future.'));
  }
  if (issues.length > 0) throw invalidInput(issues);
  return { kind, year, from, to, asOf: to < today ? to : today };
}

/**
 * The period a report compares with: the same kind one year earlier; for a range, as many days just
 * before it. Its figures are counted to its own end (or to today, for a period still running).
 */
export function previousPeriod(period: ReportPeriod, today: LocalDate, cutoff: ReportingCutoff = REPORTING_CUTOFF): ReportPeriod {
  if (period.kind === 'range') {
    const length = Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
    const to = addDays(period.from, -1);
    const from = addDays(to, -(length - 1));
    return { kind: 'range', year: localDateParts(to).year, from, to, asOf: to < today ? to : today };
  }
  const year = period.year - 1;
  const { from, to } = periodBounds(period.kind, year, cutoff);
  return { kind: period.kind, year, from, to, asOf: to < today ? to : today };
}

export const periodLabels: Record<PeriodKind, string> = {
  calendar_year: 'Năm',
  reporting_year: 'Năm báo cáo thống kê',
  half_year: '6 tháng đầu năm',
  range: 'Từ ngày … đến ngày …',
};

const dmy = (date: LocalDate) => {
  const { year, month, day } = localDateParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
};

/** "Năm 2026 (01/01/2026 – 31/12/2026)", "6 tháng đầu năm 2026 (15/12/2025 – 14/06/2026)", … */
export function describePeriod(period: Pick<ReportPeriod, 'kind' | 'year' | 'from' | 'to'>): string {
  const days = `${dmy(period.from)} – ${dmy(period.to)}`;
  switch (period.kind) {
    case 'calendar_year':
      return `Năm ${period.year} (${days})`;
    case 'reporting_year':
      return `Năm báo cáo thống kê ${period.year} (${days})`;
    case 'half_year':
      return `6 tháng đầu năm ${period.year} (${days})`;
    case 'range':
      return `Từ ngày ${dmy(period.from)} đến ngày ${dmy(period.to)}`;
  }
}

export { dmy as formatDayMonthYear };
