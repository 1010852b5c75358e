// Reading an incident's time. Every date is a Europe/London calendar date; an exact time is an instant with
// its offset. The precision the person chose is kept: an approximate day is never turned into midnight.
import { DateTime } from 'luxon';
import type { IncidentWhen } from './schema.ts';

export const LONDON = 'Europe/London';

export interface WhenBounds {
  /** The earliest instant it can have been (ms since the epoch). */
  start: number;
  /** Just after the latest instant it can have been (exclusive). For an exact time, start + 1 ms. */
  end: number;
}

function startOfLondonDay(date: string): DateTime {
  return DateTime.fromISO(date, { zone: LONDON }).startOf('day');
}

/** A date's first instant (or, with end, the next day's), or an instant itself (with end, 1 ms after). */
export function boundOf(value: string, end: boolean): number {
  if (value.length === 10) {
    const day = startOfLondonDay(value);
    return (end ? day.plus({ days: 1 }) : day).toMillis();
  }
  const instant = DateTime.fromISO(value, { setZone: true }).toMillis();
  return end ? instant + 1 : instant;
}

export function whenBounds(when: IncidentWhen): WhenBounds {
  switch (when.precision) {
    case 'exact': {
      const start = boundOf(when.at, false);
      return { start, end: start + 1 };
    }
    case 'day':
      return { start: boundOf(when.date, false), end: boundOf(when.date, true) };
    case 'range':
      return { start: boundOf(when.from, false), end: boundOf(when.to, true) };
  }
}

/** The instant used to place an incident in order and in charts: the earliest it can have been. */
export function whenSortKey(when: IncidentWhen): number {
  return whenBounds(when).start;
}

/** The London date the incident starts on (for a range, its first possible day). */
export function whenStartDate(when: IncidentWhen, zone: string = LONDON): string {
  if (when.precision === 'day') return when.date;
  const start = when.precision === 'exact' ? when.at : when.from;
  if (start.length === 10) return start;
  return DateTime.fromISO(start, { setZone: true }).setZone(zone).toISODate() ?? '';
}

/** The one London day it happened on, or null when it could have been on more than one day. */
export function whenKnownDate(when: IncidentWhen, zone: string = LONDON): string | null {
  if (when.precision === 'day') return when.date;
  if (when.precision === 'exact') return whenStartDate(when, zone);
  const first = whenStartDate(when, zone);
  const last = when.to.length === 10 ? when.to : (DateTime.fromISO(when.to, { setZone: true }).setZone(zone).toISODate() ?? '');
  return first === last ? first : null;
}

/** The exact wall-clock time, or null when the time is not known exactly. */
export function whenExactTime(when: IncidentWhen, zone: string = LONDON): DateTime | null {
  if (when.precision !== 'exact') return null;
  return DateTime.fromISO(when.at, { setZone: true }).setZone(zone);
}

/** An exact time from what a London clock read, e.g. ('2026-03-03', '18:30'). */
export function exactWhenFromLondon(date: string, time: string): IncidentWhen {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: LONDON });
  if (!local.isValid) throw new Error(`not a London date and time: ${date} ${time}`);
  return { precision: 'exact', at: local.toISO({ suppressMilliseconds: true }) ?? '' };
}

/** An exact time at an instant, written with the London offset so the stored text reads as the clock did. */
export function exactWhenAt(instant: number): IncidentWhen {
  return { precision: 'exact', at: DateTime.fromMillis(instant, { zone: LONDON }).toISO({ suppressMilliseconds: true }) ?? '' };
}

function formatDay(date: string): string {
  return startOfLondonDay(date).toFormat('cccc d MMMM yyyy');
}

function formatEnd(value: string): string {
  if (value.length === 10) return formatDay(value);
  return DateTime.fromISO(value, { setZone: true }).setZone(LONDON).toFormat("cccc d MMMM yyyy 'at' h:mma").replace(/AM|PM/, (m) => m.toLowerCase());
}

/** How the diary and the evidence pack write the time: "Tuesday 3 March 2026 at 6:30pm", "Around Tuesday 3 March 2026". */
export function describeWhen(when: IncidentWhen): string {
  switch (when.precision) {
    case 'exact':
      return formatEnd(when.at);
    case 'day':
      return `Around ${formatDay(when.date)}`;
    case 'range':
      return `Between ${formatEnd(when.from)} and ${formatEnd(when.to)}`;
  }
}
