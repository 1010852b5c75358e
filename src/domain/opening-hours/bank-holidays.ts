// Looks up UK bank holidays. Only the years in BANK_HOLIDAY_YEARS are known: a date outside them throws
// BankHolidayCoverageError rather than answering "not a holiday", because a wrong "open" is worse than no
// answer for someone deciding whether to ring a helpline.

import type { BankHoliday } from './bank-holidays-data.ts';
import { BANK_HOLIDAY_YEARS, BANK_HOLIDAYS } from './bank-holidays-data.ts';
import { parseCalendarDate } from './calendar-date.ts';
import type { Nation } from './model.ts';

export type { BankHoliday };
export { BANK_HOLIDAY_YEARS };

export const NATIONS: readonly Nation[] = ['england-and-wales', 'scotland', 'northern-ireland'];

export class BankHolidayCoverageError extends Error {
  readonly date: string;
  readonly nation: Nation;

  constructor(date: string, nation: Nation) {
    super(
      `No bank holiday data for ${date} (${nation}): only ${BANK_HOLIDAY_YEARS.first}–${BANK_HOLIDAY_YEARS.last} ` +
        'are covered. Add the years to bank-holidays-data.ts.',
    );
    this.name = 'BankHolidayCoverageError';
    this.date = date;
    this.nation = nation;
  }
}

export function isYearCovered(year: number): boolean {
  return Number.isInteger(year) && year >= BANK_HOLIDAY_YEARS.first && year <= BANK_HOLIDAY_YEARS.last;
}

/** Whether bank holidays are known for this 'YYYY-MM-DD' date. */
export function isBankHolidayDataAvailable(date: string): boolean {
  return isYearCovered(parseCalendarDate(date).year);
}

/** @throws BankHolidayCoverageError for a year that is not covered. */
export function bankHolidaysIn(year: number, nation: Nation): readonly BankHoliday[] {
  const holidays = isYearCovered(year) ? BANK_HOLIDAYS[nation][year] : undefined;
  if (!holidays) throw new BankHolidayCoverageError(String(year), nation);
  return holidays;
}

/**
 * The bank holiday on this 'YYYY-MM-DD' date, if any.
 * @throws BankHolidayCoverageError outside BANK_HOLIDAY_YEARS; RangeError for a malformed date.
 */
export function bankHolidayOn(date: string, nation: Nation): BankHoliday | undefined {
  const { year } = parseCalendarDate(date);
  if (!isYearCovered(year)) throw new BankHolidayCoverageError(date, nation);
  return bankHolidaysIn(year, nation).find((holiday) => holiday.date === date);
}

/** @throws BankHolidayCoverageError outside BANK_HOLIDAY_YEARS; RangeError for a malformed date. */
export function isBankHoliday(date: string, nation: Nation): boolean {
  return bankHolidayOn(date, nation) !== undefined;
}

/**
 * The holiday's name as people would say it, e.g. "Boxing Day (substitute day)", or undefined on an ordinary day.
 * @throws BankHolidayCoverageError outside BANK_HOLIDAY_YEARS; RangeError for a malformed date.
 */
export function bankHolidayName(date: string, nation: Nation): string | undefined {
  const holiday = bankHolidayOn(date, nation);
  if (!holiday) return undefined;
  return holiday.substitute ? `${holiday.name} (substitute day)` : holiday.name;
}
