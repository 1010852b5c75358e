// Whether an ISO date or instant names a real day or moment, without building a luxon DateTime. The schema checks
// every date of every entry each time a diary opens (2,000 entries, thousands of dates), and luxon's parser was
// most of the time spent checking them. These agree with luxon's fromISO on every string the schema's patterns
// admit, including its leniencies (24:00:00 as the next midnight, offsets up to ±99:99): iso-calendar.test.ts
// compares the two, so a stored entry that parsed before still parses.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const MINUTE_MS = 60_000;

/** Days in a month (1–12) of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYY-MM-DD' naming a day of the Gregorian calendar. */
export function isRealIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * The year, in UTC, of an instant such as '2026-03-03T18:30:00+01:00', or undefined when it names no real moment.
 * Years run from 0 (no two-digit-year shortcut, unlike Date.UTC).
 */
export function utcYearOfInstant(value: string): number | undefined {
  const match = INSTANT.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = match[7] === undefined ? 0 : Number(match[7]);
  if (!isRealDay(year, month, day) || minute > 59 || second > 59) return undefined;
  // ISO 8601's end-of-day midnight, which luxon takes as the start of the next day.
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || fraction !== 0))) return undefined;
  const offsetMinutes = match[8] === undefined ? 0 : (match[8] === '-' ? -1 : 1) * (Number(match[9]) * 60 + Number(match[10]));
  const moment = new Date(0);
  moment.setUTCFullYear(year, month - 1, day);
  moment.setUTCHours(hour, minute, second);
  return new Date(moment.getTime() - offsetMinutes * MINUTE_MS).getUTCFullYear();
}
