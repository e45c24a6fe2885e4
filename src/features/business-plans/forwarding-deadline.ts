import {
  addDays,
  addWorkingDays,
  endOfLocalDate,
  isWorkingDay,
  nextWorkingDay,
  toLocalDate,
  vietnamCalendar,
  type WorkingCalendar,
} from '../../core/clock/index.ts';
import type { PlanForwardingRule } from '../province-settings/index.ts';

/**
 * When the commune must have forwarded a plan it received at `receivedAt`, under the province's rule.
 * - The day of receipt is not counted (Bộ luật Dân sự 2015, Điều 147.3); the period ends at the end of
 *   its last day (Điều 148.1), so due_at is 23:59:59.999 (UTC+7) of that day.
 * - Calendar days: a last day that is a weekend or a holiday moves to the next working day (Điều 148.5).
 * - Working days: counted with the Vietnamese working calendar (weekends, Tết and other holidays, the
 *   government's yearly swaps) by core/clock.
 */
export function forwardingDueAt(receivedAt: Date, rule: Pick<PlanForwardingRule, 'days' | 'dayKind'>, calendar: WorkingCalendar = vietnamCalendar): Date {
  const received = toLocalDate(receivedAt);
  let lastDay: string;
  if (rule.dayKind === 'working') {
    lastDay = addWorkingDays(received, rule.days, calendar);
  } else {
    lastDay = addDays(received, rule.days);
    if (!isWorkingDay(lastDay, calendar)) lastDay = nextWorkingDay(lastDay, calendar);
  }
  return endOfLocalDate(lastDay);
}
