// Answers "is it open now, and when does that change?" for a service's OpeningHours.
//
// Sessions are turned into real intervals of time day by day, so the clock changes are handled once, in
// london-time.ts: a session that spans the missing hour in March is an hour shorter, one that spans the
// repeated hour in October an hour longer. Touching intervals (09:00–12:00 then 12:00–17:00, or Monday
// 00:00–24:00 then Tuesday 00:00–…) count as one opening, so `closesAt` is when it really closes.
//
// Bank holiday data covers BANK_HOLIDAY_YEARS only:
// - if the service closes on bank holidays and today is outside those years (and would otherwise be an open
//   day), openingStatus throws BankHolidayCoverageError: we cannot say whether it is open now;
// - if the search for the next opening or closing reaches such a day, it stops there and leaves
//   `opensAt`/`closesAt` out, with `nextChangeUnknown: 'bank-holidays-not-covered'`.
import { BankHolidayCoverageError } from './bank-holidays.ts';
import { addDays } from './calendar-date.ts';
import { parseClockTime } from './clock-time.ts';
import type { DaySchedule } from './day-schedule.ts';
import { dayScheduleOn } from './day-schedule.ts';
import { instantOfLondonWallClock, londonDateOf } from './london-time.ts';
import type { OpeningHours } from './model.ts';

/** How many days ahead openingStatus looks for the next change, unless told otherwise. */
export const DEFAULT_SEARCH_DAYS = 400;

/** Why a service is closed at the moment asked about. */
export type ClosedReason =
  /** Today is a bank holiday of the nation the service follows, and it would otherwise have opened today. */
  | 'bank-holiday'
  /** A dated exception replaces today's usual hours. */
  | 'exception'
  /** Saturday or Sunday, with no sessions. */
  | 'weekend'
  /** A weekday with no sessions. */
  | 'closed-today'
  /** Open today, but not at this time. */
  | 'outside-hours';

/** Why `opensAt` or `closesAt` is missing. */
export type NextChangeUnknown =
  /** Nothing changes within the search window (DEFAULT_SEARCH_DAYS unless set). */
  | 'search-limit'
  /** The search reached a year with no bank holiday data before finding a change. */
  | 'bank-holidays-not-covered';

export interface OpeningStatus {
  open: boolean;
  /** When open: the first instant it is closed again. */
  closesAt?: Date;
  /** When closed: the first instant it is open again (strictly after the moment asked about). */
  opensAt?: Date;
  /** When closed: why. */
  reason?: ClosedReason;
  /** With reason 'bank-holiday' or 'exception': the holiday's name or the exception's reason, if known. */
  reasonLabel?: string;
  /** Set for services that are always open; they have no `closesAt`. */
  alwaysOpen?: true;
  /** Set when the next opening (if closed) or closing (if open) could not be found. */
  nextChangeUnknown?: NextChangeUnknown;
}

export interface OpeningStatusOptions {
  /** Days to look ahead for the next change, counting today; defaults to DEFAULT_SEARCH_DAYS. */
  searchDays?: number;
}

interface Interval {
  start: number;
  end: number;
}

export type Instant = Date | number;

function toEpochMs(at: Instant): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('The instant must be a valid Date or finite epoch milliseconds.');
  return ms;
}

/** The day's sessions as instants, in order, with empty ones dropped and touching or overlapping ones joined. */
function intervalsOf(day: DaySchedule): Interval[] {
  const intervals = day.sessions
    .map((session) => ({
      start: instantOfLondonWallClock(day.date, parseClockTime(session.opens)),
      end: instantOfLondonWallClock(day.date, parseClockTime(session.closes)),
    }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  const joined: Interval[] = [];
  for (const interval of intervals) {
    const last = joined.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else joined.push({ ...interval });
  }
  return joined;
}

/** Reads later days for the search; a day it cannot read (no bank holiday data) ends the search. */
function laterDay(hours: OpeningHours, date: string): DaySchedule | 'bank-holidays-not-covered' {
  try {
    return dayScheduleOn(hours, date);
  } catch (error) {
    if (error instanceof BankHolidayCoverageError) return 'bank-holidays-not-covered';
    throw error;
  }
}

function closedReason(today: DaySchedule): ClosedReason {
  if (today.source === 'bank-holiday') return 'bank-holiday';
  if (today.source === 'exception') return 'exception';
  if (today.sessions.length > 0) return 'outside-hours';
  return today.weekday === 'sat' || today.weekday === 'sun' ? 'weekend' : 'closed-today';
}

/**
 * Whether the service is open at `at`, and when that next changes.
 * @throws BankHolidayCoverageError when whether it is open at `at` depends on a bank holiday outside the data.
 */
export function openingStatus(hours: OpeningHours, at: Instant, options: OpeningStatusOptions = {}): OpeningStatus {
  const now = toEpochMs(at);
  if (hours.alwaysOpen) return { open: true, alwaysOpen: true };

  const searchDays = options.searchDays ?? DEFAULT_SEARCH_DAYS;
  if (!Number.isInteger(searchDays) || searchDays < 1) throw new RangeError('searchDays must be a whole number from 1');
  const today = dayScheduleOn(hours, londonDateOf(now));
  const todaysIntervals = intervalsOf(today);
  const current = todaysIntervals.find((interval) => interval.start <= now && now < interval.end);

  if (current) {
    let closesAt = current.end;
    let date = today.date;
    for (let day = 1; ; day += 1) {
      date = addDays(date, 1);
      // Only an interval starting exactly at midnight can carry the opening over into the next day.
      if (closesAt < instantOfLondonWallClock(date, 0)) return { open: true, closesAt: new Date(closesAt) };
      if (day >= searchDays) return { open: true, nextChangeUnknown: 'search-limit' };
      const next = laterDay(hours, date);
      if (next === 'bank-holidays-not-covered') return { open: true, nextChangeUnknown: next };
      for (const interval of intervalsOf(next)) {
        if (interval.start <= closesAt) closesAt = Math.max(closesAt, interval.end);
      }
    }
  }

  const status: OpeningStatus = { open: false, reason: closedReason(today) };
  if (today.label !== undefined) status.reasonLabel = today.label;
  const laterToday = todaysIntervals.find((interval) => interval.start > now);
  if (laterToday) return { ...status, opensAt: new Date(laterToday.start) };
  let date = today.date;
  for (let day = 1; day < searchDays; day += 1) {
    date = addDays(date, 1);
    const next = laterDay(hours, date);
    if (next === 'bank-holidays-not-covered') return { ...status, nextChangeUnknown: next };
    const first = intervalsOf(next)[0];
    if (first) return { ...status, opensAt: new Date(first.start) };
  }
  return { ...status, nextChangeUnknown: 'search-limit' };
}

/**
 * Whether the service is open at `at`, without looking ahead.
 * @throws BankHolidayCoverageError as openingStatus does.
 */
export function isOpenAt(hours: OpeningHours, at: Instant): boolean {
  const now = toEpochMs(at);
  if (hours.alwaysOpen) return true;
  const today = dayScheduleOn(hours, londonDateOf(now));
  return intervalsOf(today).some((interval) => interval.start <= now && now < interval.end);
}
