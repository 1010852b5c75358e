import { describe, expect, it } from 'vitest';
import type { OpeningHours } from './model.ts';
import { openingHoursProblems } from './validate.ts';

describe('openingHoursProblems', () => {
  it('accepts sensible hours', () => {
    expect(
      openingHoursProblems({
        weekly: {
          mon: [
            { opens: '09:00', closes: '12:00' },
            { opens: '12:00', closes: '24:00' },
          ],
        },
        exceptions: [{ date: '2026-12-24', sessions: [] }],
        closedOnBankHolidaysOf: 'scotland',
      }),
    ).toEqual([]);
    expect(openingHoursProblems({ alwaysOpen: true })).toEqual([]);
  });

  it('finds mistakes a person might type', () => {
    const hours = {
      weekly: {
        monday: [{ opens: '09:00', closes: '17:00' }],
        tue: [{ opens: '9:30', closes: '16:00' }],
        wed: [{ opens: '17:00', closes: '09:00' }],
        thu: [
          { opens: '09:00', closes: '13:00' },
          { opens: '12:00', closes: '17:00' },
        ],
      },
      exceptions: [
        { date: '2026-02-30', sessions: [] },
        { date: '2026-12-24', sessions: [] },
        { date: '2026-12-24', sessions: [{ opens: '10:00', closes: '25:00' }] },
      ],
    } as OpeningHours;
    expect(openingHoursProblems(hours)).toEqual([
      'weekly: "monday" is not a weekday (use mon, tue, wed, thu, fri, sat, sun)',
      'weekly.tue session 1 opens: "9:30" is not a time from 00:00 to 24:00 in the form HH:MM',
      'weekly.wed session 1: closes (09:00) must be after opens (17:00)',
      'weekly.thu: sessions overlap',
      'exceptions: "2026-02-30" is not a date in the form YYYY-MM-DD',
      'exceptions: 2026-12-24 is listed more than once',
      'exceptions 2026-12-24 session 1 closes: "25:00" is not a time from 00:00 to 24:00 in the form HH:MM',
    ]);
  });

  it('flags hours that can never be open, or settings alwaysOpen ignores', () => {
    expect(openingHoursProblems({ weekly: {} })).toHaveLength(1);
    expect(openingHoursProblems({ alwaysOpen: true, closedOnBankHolidaysOf: 'england-and-wales' })).toHaveLength(1);
  });
});
