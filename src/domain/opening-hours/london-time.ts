// Converts between instants and Europe/London wall-clock readings. Opening hours are written as wall-clock
// times, but the clocks go forward an hour at 01:00 GMT on the last Sunday of March (01:00–01:59 never
// happens) and back at 02:00 BST on the last Sunday of October (01:00–01:59 happens twice).
import { IANAZone } from 'luxon';
import { dateFromDayNumber, parseCalendarDate } from './calendar-date.ts';

export const LONDON_TIME_ZONE = 'Europe/London';

const london = IANAZone.create(LONDON_TIME_ZONE);
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function offsetMs(instant: number): number {
  return london.offset(instant) * MINUTE_MS;
}

export interface LondonWallClock {
  /** 'YYYY-MM-DD' */
  date: string;
  /** Minutes since midnight on `date`, 0–1439. */
  minutes: number;
}

export function londonWallClock(instant: number): LondonWallClock {
  const wall = instant + offsetMs(instant);
  const days = Math.floor(wall / DAY_MS);
  return { date: dateFromDayNumber(days), minutes: Math.floor((wall - days * DAY_MS) / MINUTE_MS) };
}

export function londonDateOf(instant: number): string {
  return londonWallClock(instant).date;
}

/**
 * The first instant at which London clocks read `minutes` past midnight on `date`, or later. This gives one
 * answer for every wall-clock time: in the repeated hour in October it is the first occurrence (so a session
 * 01:00–02:00 that night lasts two real hours); in the missing hour in March it is the moment the clocks jump
 * (so a session opening at 01:30 opens at 02:00 BST). `minutes` may be 1440 for midnight at the end of the day.
 */
export function instantOfLondonWallClock(date: string, minutes: number): number {
  const { year, month, day } = parseCalendarDate(date);
  const naive = Date.UTC(year, month - 1, day) + minutes * MINUTE_MS;
  // The offsets in force a day either side cover both readings when the clocks change on this day.
  const offsets = new Set([offsetMs(naive - DAY_MS), offsetMs(naive + DAY_MS), offsetMs(naive)]);
  const readings = [...offsets].map((offset) => naive - offset).filter((instant) => offsetMs(instant) === naive - instant);
  if (readings.length > 0) return Math.min(...readings);
  return firstInstantReading(naive);
}

/** In a gap no instant reads `naive`; find the clock change itself by bisection (changes fall on whole seconds). */
function firstInstantReading(naive: number): number {
  let before = naive - 3 * 3_600_000; // reads less than naive
  let after = naive + 3 * 3_600_000; // reads more than naive
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (middle + offsetMs(middle) >= naive) after = middle;
    else before = middle;
  }
  return after;
}
