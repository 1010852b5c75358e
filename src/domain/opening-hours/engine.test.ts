import { describe, expect, it } from 'vitest';
import { BankHolidayCoverageError } from './bank-holidays.ts';
import { describeOpeningNow } from './describe.ts';
import { isOpenAt, openingStatus } from './engine.ts';
import { NATIONAL_STALKING_HELPLINE_HOURS as helpline } from './helpline.ts';
import type { OpeningHours, Session } from './model.ts';
import { london, utc } from './test-support.ts';

const weekdays = (sessions: Session[]): OpeningHours['weekly'] => ({
  mon: sessions,
  tue: sessions,
  wed: sessions,
  thu: sessions,
  fri: sessions,
});

describe('openingStatus', () => {
  it('says a 24/7 service is always open, with no closing time', () => {
    const hours: OpeningHours = { alwaysOpen: true, closedOnBankHolidaysOf: 'england-and-wales' };
    expect(openingStatus(hours, london('2026-12-25T03:00'))).toEqual({ open: true, alwaysOpen: true });
    expect(openingStatus(hours, utc('2040-01-01T00:00'))).toEqual({ open: true, alwaysOpen: true });
    expect(describeOpeningNow(hours, london('2026-12-25T03:00'))).toBe('Open 24 hours, every day');
  });

  it('handles two sessions a day', () => {
    const hours: OpeningHours = {
      weekly: weekdays([
        { opens: '13:30', closes: '17:00' },
        { opens: '09:00', closes: '12:30' },
      ]),
    };
    expect(openingStatus(hours, london('2026-11-17T10:00'))).toEqual({
      open: true,
      closesAt: london('2026-11-17T12:30'),
    });
    expect(openingStatus(hours, london('2026-11-17T12:45'))).toEqual({
      open: false,
      reason: 'outside-hours',
      opensAt: london('2026-11-17T13:30'),
    });
    expect(describeOpeningNow(hours, london('2026-11-17T12:45'))).toBe('Closed — opens today at 1:30pm');
    expect(openingStatus(hours, london('2026-11-17T17:00')).opensAt).toEqual(london('2026-11-18T09:00'));
    expect(openingStatus(hours, london('2026-11-17T08:00')).opensAt).toEqual(london('2026-11-17T09:00'));
  });

  it('treats sessions that touch as one opening', () => {
    const hours: OpeningHours = {
      weekly: {
        mon: [
          { opens: '09:00', closes: '12:00' },
          { opens: '12:00', closes: '24:00' },
        ],
        tue: [{ opens: '00:00', closes: '02:00' }],
      },
    };
    expect(openingStatus(hours, london('2026-11-16T10:00')).closesAt).toEqual(london('2026-11-17T02:00'));
    expect(describeOpeningNow(hours, london('2026-11-16T10:00'))).toBe('Open now until 2am tomorrow');
  });

  it('finds no closing time for a weekly schedule open around the clock, and says so', () => {
    const allDay = [{ opens: '00:00', closes: '24:00' }];
    const hours: OpeningHours = {
      weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    };
    expect(openingStatus(hours, london('2026-11-16T10:00'))).toEqual({
      open: true,
      nextChangeUnknown: 'search-limit',
    });
    expect(describeOpeningNow(hours, london('2026-11-16T10:00'))).toBe('Open now');
  });

  it('finds the closing time of a service open around the clock on weekdays only', () => {
    const allDay = [{ opens: '00:00', closes: '24:00' }];
    const hours: OpeningHours = { weekly: weekdays(allDay) };
    expect(openingStatus(hours, london('2026-11-16T10:00')).closesAt).toEqual(london('2026-11-21T00:00'));
    expect(describeOpeningNow(hours, london('2026-11-16T10:00'))).toBe('Open now until midnight on Friday');
    expect(describeOpeningNow(hours, london('2026-11-19T10:00'))).toBe('Open now until midnight tomorrow');
    expect(describeOpeningNow(hours, london('2026-11-20T10:00'))).toBe('Open now until midnight');
  });

  it('stops looking after the search limit', () => {
    const hours: OpeningHours = { weekly: {} };
    expect(openingStatus(hours, london('2026-11-16T10:00'))).toEqual({
      open: false,
      reason: 'closed-today',
      nextChangeUnknown: 'search-limit',
    });
    const monthly: OpeningHours = {
      weekly: {},
      exceptions: [{ date: '2026-12-01', sessions: [{ opens: '10:00', closes: '11:00' }] }],
    };
    expect(openingStatus(monthly, london('2026-11-16T10:00')).opensAt).toEqual(london('2026-12-01T10:00'));
    expect(openingStatus(monthly, london('2026-11-16T10:00'), { searchDays: 10 })).toMatchObject({
      nextChangeUnknown: 'search-limit',
    });
    expect(describeOpeningNow(hours, london('2026-11-16T10:00'))).toBe('Closed');
  });

  it('applies an exception that closes on Christmas Eve afternoon', () => {
    const hours: OpeningHours = {
      ...helpline,
      exceptions: [{ date: '2026-12-24', sessions: [{ opens: '09:30', closes: '12:00' }], reason: 'Christmas Eve' }],
    };
    expect(openingStatus(hours, london('2026-12-24T09:00'))).toMatchObject({
      open: false,
      reason: 'exception',
      opensAt: london('2026-12-24T09:30'),
    });
    expect(describeOpeningNow(hours, london('2026-12-24T09:00'))).toBe('Closed — opens today at 9:30am');
    expect(openingStatus(hours, london('2026-12-24T11:00'))).toEqual({
      open: true,
      closesAt: london('2026-12-24T12:00'),
    });
    expect(describeOpeningNow(hours, london('2026-12-24T11:00'))).toBe('Open now until midday');
    expect(openingStatus(hours, london('2026-12-24T12:00'))).toEqual({
      open: false,
      reason: 'exception',
      reasonLabel: 'Christmas Eve',
      opensAt: london('2026-12-29T09:30'),
    });
    expect(describeOpeningNow(hours, london('2026-12-24T12:00'))).toBe('Closed for Christmas Eve — opens Tuesday at 9:30am');
    // The day before is unaffected.
    expect(openingStatus(hours, london('2026-12-23T15:00')).closesAt).toEqual(london('2026-12-23T16:00'));
  });

  it('lets an exception close a whole day, or open on a bank holiday', () => {
    const hours: OpeningHours = {
      ...helpline,
      exceptions: [
        { date: '2026-11-19', sessions: [], reason: 'staff training' },
        { date: '2026-12-28', sessions: [{ opens: '10:00', closes: '14:00' }] },
      ],
    };
    expect(openingStatus(hours, london('2026-11-18T15:00')).closesAt).toEqual(london('2026-11-18T16:00'));
    expect(openingStatus(hours, london('2026-11-18T16:00')).opensAt).toEqual(london('2026-11-20T09:30'));
    expect(describeOpeningNow(hours, london('2026-11-19T10:00'))).toBe('Closed for staff training — opens tomorrow at 9:30am');
    expect(openingStatus(hours, london('2026-12-25T10:00')).opensAt).toEqual(london('2026-12-28T10:00'));
    expect(isOpenAt(hours, london('2026-12-28T11:00'))).toBe(true);
  });

  it('only calls it a bank holiday closure when the service would otherwise have opened', () => {
    const weekendsOnly: OpeningHours = {
      weekly: { sat: [{ opens: '10:00', closes: '16:00' }] },
      closedOnBankHolidaysOf: 'england-and-wales',
    };
    expect(openingStatus(weekendsOnly, london('2026-12-28T10:00'))).toEqual({
      open: false,
      reason: 'closed-today',
      opensAt: london('2027-01-02T10:00'),
    });
  });

  it('uses the bank holidays of the nation given', () => {
    const scottish: OpeningHours = { ...helpline, closedOnBankHolidaysOf: 'scotland' };
    expect(isOpenAt(scottish, london('2026-04-06T10:00'))).toBe(true); // Easter Monday
    expect(openingStatus(scottish, london('2026-11-30T10:00'))).toMatchObject({
      open: false,
      reasonLabel: 'St Andrew’s Day',
    });
    const northernIrish: OpeningHours = { ...helpline, closedOnBankHolidaysOf: 'northern-ireland' };
    expect(isOpenAt(northernIrish, london('2026-07-13T10:00'))).toBe(false);
    expect(isOpenAt(helpline, london('2026-07-13T10:00'))).toBe(true);
  });

  it('copes with sessions in the hours the clocks change', () => {
    const sundayNight = (opens: string, closes: string): OpeningHours => ({ weekly: { sun: [{ opens, closes }] } });
    // The missing hour: a session wholly inside it never happens.
    expect(openingStatus(sundayNight('01:00', '02:00'), utc('2026-03-29T00:30')).opensAt).toEqual(utc('2026-04-05T00:00'));
    // Opening inside the missing hour: opens when the clocks jump.
    expect(openingStatus(sundayNight('01:30', '03:00'), utc('2026-03-29T00:30'))).toMatchObject({
      opensAt: utc('2026-03-29T01:00'),
    });
    expect(openingStatus(sundayNight('01:30', '03:00'), utc('2026-03-29T01:00'))).toEqual({
      open: true,
      closesAt: utc('2026-03-29T02:00'),
    });
    // The repeated hour: open for both of them.
    const repeated = sundayNight('01:00', '02:00');
    expect(openingStatus(repeated, utc('2026-10-24T23:30')).opensAt).toEqual(utc('2026-10-25T00:00'));
    expect(openingStatus(repeated, utc('2026-10-25T01:30'))).toEqual({
      open: true,
      closesAt: utc('2026-10-25T02:00'),
    });
  });

  it('refuses to guess about a day beyond the bank holiday data', () => {
    expect(() => openingStatus(helpline, london('2031-01-06T10:00'))).toThrow(BankHolidayCoverageError);
    expect(() => isOpenAt(helpline, london('2031-01-06T10:00'))).toThrow(BankHolidayCoverageError);
    expect(describeOpeningNow(helpline, london('2031-01-06T10:00'))).toBe(
      'We cannot say whether it is open today: check the opening hours',
    );
    // A Saturday needs no bank holiday data, but the following Monday does.
    expect(openingStatus(helpline, london('2031-01-04T10:00'))).toEqual({
      open: false,
      reason: 'weekend',
      nextChangeUnknown: 'bank-holidays-not-covered',
    });
    expect(openingStatus(helpline, london('2030-12-31T17:00'))).toMatchObject({
      nextChangeUnknown: 'bank-holidays-not-covered',
    });
    expect(describeOpeningNow(helpline, london('2030-12-31T17:00'))).toBe('Closed — check the opening hours');
    const allDay = [{ opens: '00:00', closes: '24:00' }];
    const openDays: OpeningHours = { weekly: weekdays(allDay), closedOnBankHolidaysOf: 'england-and-wales' };
    // Open until midnight, but whether it stays open depends on New Year's Day 2031.
    expect(openingStatus(openDays, london('2030-12-31T10:00'))).toEqual({
      open: true,
      nextChangeUnknown: 'bank-holidays-not-covered',
    });
    expect(describeOpeningNow(openDays, london('2030-12-31T10:00'))).toBe('Open now');
    expect(openingStatus({ weekly: weekdays(allDay) }, london('2030-12-31T10:00')).closesAt).toEqual(london('2031-01-04T00:00'));
  });

  it('needs no bank holiday data for a service that opens on bank holidays', () => {
    const hours: OpeningHours = { weekly: weekdays([{ opens: '09:00', closes: '17:00' }]) };
    expect(openingStatus(hours, london('2035-06-04T10:00'))).toEqual({
      open: true,
      closesAt: london('2035-06-04T17:00'),
    });
  });

  it('rejects an invalid instant or session time', () => {
    expect(() => openingStatus(helpline, new Date(Number.NaN))).toThrow(RangeError);
    const typo: OpeningHours = { weekly: { mon: [{ opens: '9:30', closes: '16:00' }] } };
    expect(() => openingStatus(typo, london('2026-11-16T10:00'))).toThrow(RangeError);
    expect(() => openingStatus(helpline, london('2026-11-16T10:00'), { searchDays: Number.NaN })).toThrow(RangeError);
  });
});
