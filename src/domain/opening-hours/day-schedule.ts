// Decides which sessions apply on one London calendar day. Precedence: a dated exception beats a bank holiday,
// which beats the usual week, so a service can open specially on a bank holiday.
import { bankHolidayName } from './bank-holidays.ts';
import { weekdayOf } from './calendar-date.ts';
import type { OpeningHours, Session, Weekday } from './model.ts';

export type DaySource = 'weekly' | 'exception' | 'bank-holiday';

export interface DaySchedule {
  /** 'YYYY-MM-DD' in Europe/London. */
  date: string;
  weekday: Weekday;
  sessions: readonly Session[];
  source: DaySource;
  /** The exception's reason or the bank holiday's name, when `source` says the usual week does not apply. */
  label?: string;
}

/**
 * The sessions that apply on `date` (ignores `alwaysOpen`). Bank holidays are only looked up when they could
 * matter: the service closes on them and would otherwise be open that day.
 * @throws BankHolidayCoverageError when that look-up is needed for a year outside the bank holiday data.
 */
export function dayScheduleOn(hours: OpeningHours, date: string): DaySchedule {
  const weekday = weekdayOf(date);
  const exception = hours.exceptions?.find((candidate) => candidate.date === date);
  if (exception) {
    const schedule: DaySchedule = { date, weekday, sessions: exception.sessions, source: 'exception' };
    if (exception.reason !== undefined) schedule.label = exception.reason;
    return schedule;
  }
  const usual = hours.weekly?.[weekday] ?? [];
  if (usual.length > 0 && hours.closedOnBankHolidaysOf) {
    const holiday = bankHolidayName(date, hours.closedOnBankHolidaysOf);
    if (holiday !== undefined) return { date, weekday, sessions: [], source: 'bank-holiday', label: holiday };
  }
  return { date, weekday, sessions: usual, source: 'weekly' };
}
