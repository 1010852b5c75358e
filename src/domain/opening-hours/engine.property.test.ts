import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBankHoliday, NATIONS } from './bank-holidays.ts';
import { isOpenAt, openingStatus } from './engine.ts';
import type { DateException, OpeningHours, Session, Weekday } from './model.ts';

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const FIRST = Date.UTC(2025, 0, 1);
const LAST = Date.UTC(2030, 11, 31, 23, 59, 59, 999);
const QUARTER_HOUR = 15 * 60_000;
const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const time = (quarterHours: number): string =>
  `${String(Math.floor(quarterHours / 4)).padStart(2, '0')}:${String((quarterHours % 4) * 15).padStart(2, '0')}`;

/** Sessions on a quarter-hour grid that do not overlap; sometimes around the clock. */
const sessionsArbitrary: fc.Arbitrary<Session[]> = fc
  .oneof(
    { weight: 9, arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constant([0, 96]) },
  )
  .map((boundaries) => {
    const sorted = [...boundaries].sort((a, b) => a - b);
    const sessions: Session[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      sessions.push({ opens: time(sorted[i] ?? 0), closes: time(sorted[i + 1] ?? 0) });
    }
    return sessions;
  });

const dateArbitrary = fc
  .integer({ min: FIRST / 86_400_000, max: Math.floor(LAST / 86_400_000) })
  .map((days) => new Date(days * 86_400_000).toISOString().slice(0, 10));

const hoursArbitrary: fc.Arbitrary<OpeningHours> = fc.record(
  {
    weekly: fc.record(Object.fromEntries(DAYS.map((day) => [day, sessionsArbitrary])) as Record<Weekday, fc.Arbitrary<Session[]>>, {
      requiredKeys: [],
    }),
    closedOnBankHolidaysOf: fc.constantFrom(...NATIONS),
    exceptions: fc.uniqueArray(fc.record({ date: dateArbitrary, sessions: sessionsArbitrary }) as fc.Arbitrary<DateException>, {
      maxLength: 6,
      selector: (exception) => exception.date,
    }),
  },
  { requiredKeys: ['weekly'] },
);

/** Midnight UTC on the last Sundays of March and October, when the clocks change. */
const CLOCK_CHANGE_SUNDAYS = [2025, 2026, 2027, 2028, 2029, 2030].flatMap((year) =>
  [3, 10].map((month) => {
    const lastDay = new Date(Date.UTC(year, month, 0));
    return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
  }),
);

/** Random instants, instants on the quarter hours where sessions start and end, and the clock-change weekends. */
const instantArbitrary = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }),
  fc.integer({ min: FIRST / QUARTER_HOUR, max: Math.floor(LAST / QUARTER_HOUR) }).map((n) => n * QUARTER_HOUR),
  fc
    .tuple(fc.constantFrom(...CLOCK_CHANGE_SUNDAYS), fc.integer({ min: -36 * 4, max: 36 * 4 }))
    .map(([sunday, quarterHours]) => sunday + quarterHours * QUARTER_HOUR),
);

// An oracle that reads the London wall clock with Intl (not the engine's conversion) and checks the day's
// sessions directly.
const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});

function wallClock(instant: number): { date: string; weekday: Weekday; msOfDay: number; wallMs: number } {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((part) => [part.type, part.value]));
  const msOfDay = (Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second)) * 1000 + (instant % 1000);
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = String(parts.weekday).toLowerCase().slice(0, 3) as Weekday;
  return { date, weekday, msOfDay, wallMs: Date.parse(`${date}T00:00:00Z`) + msOfDay };
}

function oracleIsOpen(hours: OpeningHours, instant: number): boolean {
  const { date, weekday, msOfDay } = wallClock(instant);
  const exception = hours.exceptions?.find((candidate) => candidate.date === date);
  let sessions = exception ? exception.sessions : (hours.weekly?.[weekday] ?? []);
  if (!exception && hours.closedOnBankHolidaysOf && isBankHoliday(date, hours.closedOnBankHolidaysOf)) sessions = [];
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return sessions.some((s) => minutes(s.opens) * 60_000 <= msOfDay && msOfDay < minutes(s.closes) * 60_000);
}

/** The second 01:00–01:59 on the night the clocks go back, when a wall-clock reading means two instants. */
const isRepeatedHour = (instant: number): boolean => wallClock(instant - 3_600_000).wallMs === wallClock(instant).wallMs;

describe('openingStatus properties', () => {
  it('agrees with a direct reading of the wall clock', () => {
    fc.assert(
      fc.property(hoursArbitrary, instantArbitrary, (hours, instant) => {
        fc.pre(!isRepeatedHour(instant));
        expect(openingStatus(hours, instant).open).toBe(oracleIsOpen(hours, instant));
      }),
      { numRuns: 1000 },
    );
  });

  it('when closed, opens strictly later, is open then and closed just before', () => {
    fc.assert(
      fc.property(hoursArbitrary, instantArbitrary, fraction, (hours, instant, share) => {
        const status = openingStatus(hours, instant);
        fc.pre(!status.open);
        expect(status.reason).toBeDefined();
        if (!status.opensAt) {
          expect(status.nextChangeUnknown).toBeDefined();
          return;
        }
        const opensAt = status.opensAt.getTime();
        expect(opensAt).toBeGreaterThan(instant);
        expect(isOpenAt(hours, opensAt)).toBe(true);
        expect(isOpenAt(hours, opensAt - 1)).toBe(false);
        expect(isOpenAt(hours, instant + Math.floor(share * (opensAt - instant)))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('when open, closes strictly later, is open just before and closed then', () => {
    fc.assert(
      fc.property(hoursArbitrary, instantArbitrary, fraction, (hours, instant, share) => {
        const status = openingStatus(hours, instant);
        fc.pre(status.open);
        if (!status.closesAt) {
          expect(status.nextChangeUnknown).toBeDefined();
          return;
        }
        const closesAt = status.closesAt.getTime();
        expect(closesAt).toBeGreaterThan(instant);
        expect(isOpenAt(hours, closesAt - 1)).toBe(true);
        expect(isOpenAt(hours, closesAt)).toBe(false);
        expect(isOpenAt(hours, instant + Math.floor(share * (closesAt - instant)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is always open, with nothing to find, when alwaysOpen is set', () => {
    fc.assert(
      fc.property(hoursArbitrary, instantArbitrary, (hours, instant) => {
        expect(openingStatus({ ...hours, alwaysOpen: true }, instant)).toEqual({ open: true, alwaysOpen: true });
      }),
    );
  });
});
