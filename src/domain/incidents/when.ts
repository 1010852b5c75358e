// Reading an incident's time. Every date is a Europe/London calendar date; an exact time is an instant with
// its offset. The precision the person chose is kept: an approximate day is never turned into midnight.
import { DateTime, IANAZone } from 'luxon';
import type { IncidentWhen } from './schema.ts';

export const LONDON = 'Europe/London';

export interface WhenBounds {
  /** The earliest instant it can have been (ms since the epoch). */
  start: number;
  /** Just after the latest instant it can have been (exclusive). For an exact time, start + 1 ms. */
  end: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const zones = new Map<string, IANAZone>();

function zoneNamed(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    if (!zone.isValid) throw new RangeError(`unknown time zone: ${name}`);
    zones.set(name, zone);
  }
  return zone;
}

// Luxon's DateTime does this too, but at about 60 µs a call it made 2,000 entries take a noticeable moment to
// unlock; an offset lookup is enough. Midnight always exists in London (the clocks change at 01:00 and 02:00).
const dayStarts = new Map<string, number>();

function startOfDay(date: string, zoneName: string = LONDON): number {
  const key = `${zoneName} ${date}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  // A record holds a few thousand distinct days at most; the bound only stops unbounded growth.
  if (dayStarts.size > 50_000) dayStarts.clear();
  const zone = zoneNamed(zoneName);
  const naive = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const guess = naive - zone.offset(naive) * MINUTE_MS;
  const start = naive - zone.offset(guess) * MINUTE_MS;
  dayStarts.set(key, start);
  return start;
}

function startOfLondonDay(date: string): DateTime {
  return DateTime.fromMillis(startOfDay(date), { zone: LONDON });
}

// The legal rules and charts ask for the same incidents' dates tens of thousands of times, and each zone
// offset lookup costs tens of µs (Intl underneath): remember the answers, bounded like dayStarts.
const datesOfInstants = new Map<string, string>();

/** The calendar date an instant falls on in a zone. */
function dateIn(instant: number, zoneName: string): string {
  const key = `${zoneName} ${instant}`;
  const known = datesOfInstants.get(key);
  if (known !== undefined) return known;
  if (datesOfInstants.size > 50_000) datesOfInstants.clear();
  const local = instant + zoneNamed(zoneName).offset(instant) * MINUTE_MS;
  const date = new Date(Math.floor(local / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  datesOfInstants.set(key, date);
  return date;
}

/** A date's first instant (or, with end, the next day's), or an instant itself (with end, 1 ms after). */
export function boundOf(value: string, end: boolean): number {
  if (value.length === 10) {
    const start = startOfDay(value);
    // The next day's midnight, found from a time safely inside it whatever the clocks did.
    return end ? startOfDay(new Date(start + 36 * 3_600_000).toISOString().slice(0, 10)) : start;
  }
  // Date.parse reads the offset form the schema allows (ECMAScript's date-time string format).
  const instant = Date.parse(value);
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
  return start.length === 10 ? start : dateIn(Date.parse(start), zone);
}

/** The one London day it happened on, or null when it could have been on more than one day. */
export function whenKnownDate(when: IncidentWhen, zone: string = LONDON): string | null {
  if (when.precision === 'day') return when.date;
  if (when.precision === 'exact') return whenStartDate(when, zone);
  const first = whenStartDate(when, zone);
  const last = when.to.length === 10 ? when.to : dateIn(Date.parse(when.to), zone);
  return first === last ? first : null;
}

/** The exact wall-clock time, or null when the time is not known exactly. */
export function whenExactTime(when: IncidentWhen, zone: string = LONDON): DateTime | null {
  if (when.precision !== 'exact') return null;
  return DateTime.fromMillis(Date.parse(when.at), { zone: zoneNamed(zone) });
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
  return DateTime.fromISO(value, { setZone: true })
    .setZone(LONDON)
    .toFormat("cccc d MMMM yyyy 'at' h:mma")
    .replace(/AM|PM/, (m) => m.toLowerCase());
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
