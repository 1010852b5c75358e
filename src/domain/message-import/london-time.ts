// Times in exports are UK wall-clock (WhatsApp, readable dates) or milliseconds since the epoch (SMS Backup,
// Facebook). Both become an instant written as London local time with its offset ('2026-07-01T18:30:00+01:00'),
// which instantSchema accepts and a person reads as the time on their phone.
//
// luxon is asked only once per UTC hour: every UK clock change since 1972 happens on the hour (01:00 UTC), so an
// hour's offset holds for the whole hour, and a 100,000-message export asks luxon a few thousand times at most.
import { IANAZone } from 'luxon';
import { LONDON } from '../incidents/when.ts';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const offsetByHour = new Map<number, number>();
const zone = IANAZone.create(LONDON);

/** The UTC offset of Europe/London, in minutes, at an instant. */
export function londonOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    if (offsetByHour.size > 200_000) offsetByHour.clear();
    offset = zone.offset(hour * HOUR_MS);
    offsetByHour.set(hour, offset);
  }
  return offset;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** An instant as London wall-clock with its offset; milliseconds only when there are some. */
export function londonInstant(ms: number): string {
  const offset = londonOffsetMinutes(ms);
  const local = new Date(ms + offset * MINUTE_MS);
  const fraction = local.getUTCMilliseconds();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}` +
    `T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}` +
    (fraction ? `.${String(fraction).padStart(3, '0')}` : '') +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}

/** The London calendar date ('YYYY-MM-DD') of an instant. */
export function londonDate(ms: number): string {
  const local = new Date(ms + londonOffsetMinutes(ms) * MINUTE_MS);
  return `${String(local.getUTCFullYear()).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
}

/** Days since 1970-01-01 of the London calendar date of an instant: cheap to compare and count by. */
export function londonDayNumber(ms: number): number {
  return Math.floor((ms + londonOffsetMinutes(ms) * MINUTE_MS) / 86_400_000);
}

/** The day number (as londonDayNumber counts them) of a 'YYYY-MM-DD' date; NaN for anything else. */
export function dateDayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** 'YYYY-MM-DD' of a day number from londonDayNumber. */
export function dayNumberDate(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** The London hour of the day (0–23) of an instant. */
export function londonHour(ms: number): number {
  return new Date(ms + londonOffsetMinutes(ms) * MINUTE_MS).getUTCHours();
}

/**
 * The instant a London wall-clock time names. Deterministic at the clock changes, so re-reading a file gives the
 * same instants: in the autumn overlap (01:00–01:59 happens twice) the earlier reading, BST, is taken unless it
 * would put the message before `notBefore` (the message above it in the export) and the later one would not; in
 * the spring gap (01:00–01:59 does not exist) the time is read with the offset from before the change, GMT, as a
 * phone whose clock had not yet moved would have written it.
 */
export function londonWallClockToMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  notBefore?: number,
): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = londonOffsetMinutes(naive - 12 * HOUR_MS);
  const after = londonOffsetMinutes(naive + 12 * HOUR_MS);
  if (before === after) return naive - before * MINUTE_MS;
  const readings = [naive - before * MINUTE_MS, naive - after * MINUTE_MS]
    .filter((ms, i) => londonOffsetMinutes(ms) === (i === 0 ? before : after))
    .sort((a, b) => a - b);
  if (readings.length === 0) return naive - before * MINUTE_MS;
  if (readings.length === 1) return readings[0]!;
  const [earlier, later] = readings as [number, number];
  return notBefore !== undefined && earlier < notBefore && later >= notBefore ? later : earlier;
}

/** Milliseconds of an instant string with its offset (as instantSchema writes them). */
export function instantMs(instant: string): number {
  return Date.parse(instant);
}
