// Calendar arithmetic on plain 'YYYY-MM-DD' dates by day number, which has no clock changes to trip over and
// is fast enough to run over thousands of incidents on a phone.
import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). Day 0, 1 January 1970, was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function mondayOf(day: number): number {
  return day - (isoWeekday(day) - 1);
}

/** The calendar date at `now` in `zone`. */
export function dateAt(now: number, zone: string): string {
  const date = DateTime.fromMillis(now, { zone }).toISODate();
  if (!date) throw new RangeError(`not a usable instant or time zone: ${now}, ${zone}`);
  return date;
}

export function formatDate(date: string, format = 'cccc d MMMM yyyy'): string {
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat(format);
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
