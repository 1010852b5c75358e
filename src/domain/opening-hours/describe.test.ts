import { describe, expect, it } from 'vitest';
import { describeOpeningStatus, describeWeeklyHours, formatClockMinutes } from './describe.ts';
import type { OpeningHours, Session } from './model.ts';
import { london } from './test-support.ts';

describe('formatClockMinutes', () => {
  it('writes times the GOV.UK way', () => {
    expect(formatClockMinutes(9 * 60 + 30)).toBe('9:30am');
    expect(formatClockMinutes(16 * 60)).toBe('4pm');
    expect(formatClockMinutes(13 * 60)).toBe('1pm');
    expect(formatClockMinutes(12 * 60)).toBe('midday');
    expect(formatClockMinutes(12 * 60 + 30)).toBe('12:30pm');
    expect(formatClockMinutes(0)).toBe('midnight');
    expect(formatClockMinutes(30)).toBe('12:30am');
    expect(formatClockMinutes(24 * 60)).toBe('midnight');
    expect(formatClockMinutes(23 * 60 + 5)).toBe('11:05pm');
  });
});

describe('describeOpeningStatus', () => {
  const now = london('2026-11-16T10:00'); // a Monday

  it('names the day the service opens', () => {
    const closed = (opensAt: string) => describeOpeningStatus({ open: false, reason: 'outside-hours', opensAt: london(opensAt) }, now);
    expect(closed('2026-11-16T13:00')).toBe('Closed — opens today at 1pm');
    expect(closed('2026-11-17T09:30')).toBe('Closed — opens tomorrow at 9:30am');
    expect(closed('2026-11-18T13:00')).toBe('Closed — opens Wednesday at 1pm');
    expect(closed('2026-11-22T13:00')).toBe('Closed — opens Sunday at 1pm');
    expect(closed('2026-11-23T09:00')).toBe('Closed — opens Monday 23 November at 9am');
    expect(closed('2027-01-04T09:00')).toBe('Closed — opens Monday 4 January 2027 at 9am');
  });

  it('names the day the service closes', () => {
    const open = (closesAt: string) => describeOpeningStatus({ open: true, closesAt: london(closesAt) }, now);
    expect(open('2026-11-16T16:00')).toBe('Open now until 4pm');
    expect(open('2026-11-17T02:00')).toBe('Open now until 2am tomorrow');
    expect(open('2026-11-17T00:00')).toBe('Open now until midnight');
    expect(open('2026-11-19T18:00')).toBe('Open now until Thursday at 6pm');
  });

  it('gives the reason for a closure that lasts the rest of the day', () => {
    expect(
      describeOpeningStatus({ open: false, reason: 'bank-holiday', reasonLabel: 'Good Friday', opensAt: london('2026-11-17T09:30') }, now),
    ).toBe('Closed for the bank holiday — opens tomorrow at 9:30am');
    expect(describeOpeningStatus({ open: false, reason: 'exception', opensAt: london('2026-11-17T09:30') }, now)).toBe(
      'Closed — opens tomorrow at 9:30am',
    );
  });

  it('says when it cannot tell', () => {
    expect(describeOpeningStatus({ open: true, nextChangeUnknown: 'search-limit' }, now)).toBe('Open now');
    expect(describeOpeningStatus({ open: false, reason: 'weekend', nextChangeUnknown: 'bank-holidays-not-covered' }, now)).toBe(
      'Closed — check the opening hours',
    );
  });

  it('returns plain text', () => {
    const text = describeOpeningStatus({ open: false, reason: 'weekend', opensAt: london('2026-11-17T09:30') }, now);
    expect(text).not.toMatch(/[<>&]/);
  });
});

describe('describeWeeklyHours', () => {
  const nineToFive: Session[] = [{ opens: '09:00', closes: '17:00' }];

  it('says "Open 24 hours, every day" for a service that never closes', () => {
    expect(describeWeeklyHours({ alwaysOpen: true })).toEqual(['Open 24 hours, every day']);
  });

  it('writes runs of three or more days as a range', () => {
    const hours: OpeningHours = {
      weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    };
    expect(describeWeeklyHours(hours)).toEqual(['Monday to Friday: 9am to 5pm', 'Closed at weekends']);
  });

  it('groups days with the same sessions and lists several sessions', () => {
    const split: Session[] = [
      { opens: '13:30', closes: '17:00' },
      { opens: '09:00', closes: '12:30' },
    ];
    const hours: OpeningHours = {
      weekly: { mon: split, tue: split, wed: split, thu: nineToFive, sat: [{ opens: '00:00', closes: '24:00' }] },
      closedOnBankHolidaysOf: 'scotland',
    };
    expect(describeWeeklyHours(hours)).toEqual([
      'Monday to Wednesday: 9am to 12:30pm and 1:30pm to 5pm',
      'Thursday: 9am to 5pm',
      'Saturday: 24 hours',
      'Closed on Fridays, Sundays and bank holidays',
    ]);
  });

  it('says "Every day" when all seven days match', () => {
    const evenings: Session[] = [{ opens: '18:00', closes: '24:00' }];
    const hours: OpeningHours = {
      weekly: Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [day, evenings])),
      closedOnBankHolidaysOf: 'england-and-wales',
    };
    expect(describeWeeklyHours(hours)).toEqual(['Every day: 6pm to midnight', 'Closed on bank holidays']);
  });

  it('puts other closed days before weekends', () => {
    const hours: OpeningHours = {
      weekly: { tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
      closedOnBankHolidaysOf: 'england-and-wales',
    };
    expect(describeWeeklyHours(hours)).toEqual(['Tuesday to Friday: 9am to 5pm', 'Closed on Mondays, at weekends and on bank holidays']);
    expect(describeWeeklyHours({ weekly: { mon: nineToFive, sun: nineToFive } })).toEqual([
      'Monday, Sunday: 9am to 5pm',
      'Closed on Tuesdays, Wednesdays, Thursdays, Fridays and Saturdays',
    ]);
  });

  it('says when there are no regular hours', () => {
    expect(describeWeeklyHours({})).toEqual(['No regular opening hours']);
  });
});
