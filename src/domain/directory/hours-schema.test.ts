import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { OpeningHours } from '../opening-hours/model.ts';
import { isCalendarDate, openingHoursSchema } from './hours-schema.ts';

const messages = (raw: unknown) => {
  const result = openingHoursSchema.safeParse(raw);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('openingHoursSchema', () => {
  it('produces exactly the OpeningHours model type', () => {
    expectTypeOf<z.infer<typeof openingHoursSchema>>().toEqualTypeOf<OpeningHours>();
  });

  it('accepts weekly sessions, bank holidays, exceptions and midnight closing', () => {
    const hours: OpeningHours = {
      weekly: {
        mon: [
          { opens: '09:30', closes: '12:00' },
          { opens: '13:00', closes: '24:00' },
        ],
        sat: [],
      },
      closedOnBankHolidaysOf: 'england-and-wales',
      exceptions: [{ date: '2026-12-24', sessions: [{ opens: '09:30', closes: '12:00' }], reason: 'Christmas Eve' }],
    };
    expect(openingHoursSchema.parse(hours)).toEqual(hours);
    expect(openingHoursSchema.parse({ alwaysOpen: true })).toEqual({ alwaysOpen: true });
  });

  it('rejects malformed times, and a session that closes before it opens', () => {
    expect(messages({ weekly: { mon: [{ opens: '9:30', closes: '16:00' }] } })).toEqual([
      'weekly.mon.0.opens: must be a 24-hour time written HH:MM',
    ]);
    expect(messages({ weekly: { mon: [{ opens: '24:30', closes: '25:00' }] } })).toHaveLength(2);
    expect(messages({ weekly: { wed: [{ opens: '16:00', closes: '13:00' }] } })).toEqual([
      'weekly.wed.0.closes: opens must be before closes',
    ]);
    expect(messages({ weekly: { wed: [{ opens: '13:00', closes: '13:00' }] } })).toEqual([
      'weekly.wed.0.closes: opens must be before closes',
    ]);
  });

  it('rejects overlapping sessions and unknown day names', () => {
    expect(
      messages({
        weekly: {
          mon: [
            { opens: '09:00', closes: '13:00' },
            { opens: '12:00', closes: '16:00' },
          ],
        },
      }),
    ).toEqual(['weekly.mon.1.opens: sessions must be in time order and must not overlap']);
    expect(messages({ weekly: { monday: [] } })[0]).toMatch(/monday/);
  });

  it('rejects impossible dates, repeated exception dates and unknown nations', () => {
    expect(messages({ weekly: {}, exceptions: [{ date: '2026-02-30', sessions: [] }] })).toEqual([
      'exceptions.0.date: must be a real date written YYYY-MM-DD',
    ]);
    expect(
      messages({
        weekly: {},
        exceptions: [
          { date: '2026-12-25', sessions: [] },
          { date: '2026-12-25', sessions: [] },
        ],
      }),
    ).toEqual(['exceptions.1.date: 2026-12-25 is listed twice']);
    expect(messages({ weekly: {}, closedOnBankHolidaysOf: 'wales' })).toHaveLength(1);
  });

  it('rejects contradictions: always open with a timetable, or no timetable at all', () => {
    expect(messages({ alwaysOpen: true, weekly: {} })).toEqual(['weekly: cannot be combined with alwaysOpen: true']);
    expect(messages({})).toEqual(['weekly: is required unless alwaysOpen is true']);
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-1-01')).toBe(false);
    expect(isCalendarDate('27-01-01')).toBe(false);
  });
});
