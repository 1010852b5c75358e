import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isRealIsoDate, utcYearOfInstant } from './iso-calendar.ts';

const digits = (n: number, width: number) => String(n).padStart(width, '0');

describe('ISO dates and instants, checked without luxon', () => {
  it('agrees with luxon on which dates are real', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const value = `${digits(year, 4)}-${digits(month, 2)}-${digits(day, 2)}`;
          expect(isRealIsoDate(value), value).toBe(DateTime.fromISO(value).isValid);
        },
      ),
      { numRuns: 5_000 },
    );
    for (const [value, real] of [
      ['2024-02-29', true],
      ['2026-02-29', false],
      ['1900-02-29', false],
      ['2000-02-29', true],
      ['2026-04-31', false],
      ['2026-4-3', false],
    ] as const) {
      expect(isRealIsoDate(value), value).toBe(real);
    }
  });

  it('agrees with luxon on which instants are real and on their year in UTC', () => {
    const instant = fc.record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
      fraction: fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: undefined }),
      offset: fc.option(fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(instant, (i) => {
        const value =
          `${digits(i.year, 4)}-${digits(i.month, 2)}-${digits(i.day, 2)}T${digits(i.hour, 2)}:${digits(i.minute, 2)}:${digits(i.second, 2)}` +
          (i.fraction === undefined ? '' : `.${i.fraction}`) +
          (i.offset === undefined ? 'Z' : `${i.offset[0]}${digits(i.offset[1], 2)}:${digits(i.offset[2], 2)}`);
        const luxon = DateTime.fromISO(value, { setZone: true });
        expect(utcYearOfInstant(value) !== undefined, value).toBe(luxon.isValid);
        if (luxon.isValid) expect(utcYearOfInstant(value), value).toBe(DateTime.fromISO(value, { zone: 'utc' }).year);
      }),
      { numRuns: 20_000 },
    );
    // The edges that matter: the next midnight, a year turned by the offset, leap days.
    expect(utcYearOfInstant('2026-12-31T24:00:00Z')).toBe(2027);
    expect(utcYearOfInstant('2026-01-01T24:00:01Z')).toBeUndefined();
    expect(utcYearOfInstant('2199-12-31T23:00:00-05:00')).toBe(2200);
    expect(utcYearOfInstant('1900-01-01T00:30:00+01:00')).toBe(1899);
    expect(utcYearOfInstant('2026-02-29T12:00:00Z')).toBeUndefined();
    expect(utcYearOfInstant('2026-03-03T18:30:00')).toBeUndefined();
  });
});
