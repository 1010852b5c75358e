import { describe, expect, it } from 'vitest';
import { describeOpeningNow, describeWeeklyHours } from './describe.ts';
import { isOpenAt, openingStatus } from './engine.ts';
import { NATIONAL_STALKING_HELPLINE_HOURS as helpline } from './helpline.ts';
import { london, utc } from './test-support.ts';
import { openingHoursProblems } from './validate.ts';

const statusAt = (local: string) => openingStatus(helpline, london(local));
const sentenceAt = (local: string) => describeOpeningNow(helpline, london(local));

describe('National Stalking Helpline hours', () => {
  it('are valid opening hours', () => {
    expect(openingHoursProblems(helpline)).toEqual([]);
  });

  it('are described week by week', () => {
    expect(describeWeeklyHours(helpline)).toEqual([
      'Monday, Tuesday, Thursday, Friday: 9:30am to 4pm',
      'Wednesday: 1pm to 4pm',
      'Closed at weekends and on bank holidays',
    ]);
  });

  it('is closed on Wednesday morning and opens at 1pm', () => {
    expect(statusAt('2026-11-18T10:00')).toEqual({
      open: false,
      reason: 'outside-hours',
      opensAt: london('2026-11-18T13:00'),
    });
    expect(sentenceAt('2026-11-18T10:00')).toBe('Closed — opens today at 1pm');
  });

  it('is open on Wednesday afternoon until 4pm', () => {
    expect(statusAt('2026-11-18T13:30')).toEqual({ open: true, closesAt: london('2026-11-18T16:00') });
    expect(sentenceAt('2026-11-18T13:30')).toBe('Open now until 4pm');
  });

  it('is closed at exactly 4pm and open at exactly 9:30am', () => {
    expect(statusAt('2026-11-16T16:00')).toMatchObject({ open: false, opensAt: london('2026-11-17T09:30') });
    expect(sentenceAt('2026-11-16T16:00')).toBe('Closed — opens tomorrow at 9:30am');
    expect(statusAt('2026-11-16T09:30')).toEqual({ open: true, closesAt: london('2026-11-16T16:00') });
    expect(isOpenAt(helpline, london('2026-11-16T09:30').getTime() - 1)).toBe(false);
    expect(isOpenAt(helpline, london('2026-11-16T16:00').getTime() - 1)).toBe(true);
  });

  it('is closed on Saturday and opens on Monday', () => {
    expect(statusAt('2026-11-21T12:00')).toEqual({
      open: false,
      reason: 'weekend',
      opensAt: london('2026-11-23T09:30'),
    });
    expect(sentenceAt('2026-11-21T12:00')).toBe('Closed — opens Monday at 9:30am');
  });

  it('opens on Monday after closing on Friday', () => {
    expect(statusAt('2026-11-20T16:30')).toMatchObject({ open: false, opensAt: london('2026-11-23T09:30') });
    expect(sentenceAt('2026-11-20T16:30')).toBe('Closed — opens Monday at 9:30am');
  });

  it('is closed over Easter 2026 and opens on Tuesday 7 April', () => {
    expect(statusAt('2026-04-03T11:00')).toEqual({
      open: false,
      reason: 'bank-holiday',
      reasonLabel: 'Good Friday',
      opensAt: london('2026-04-07T09:30'),
    });
    expect(sentenceAt('2026-04-03T11:00')).toBe('Closed for the bank holiday — opens Tuesday at 9:30am');
    expect(statusAt('2026-04-06T11:00')).toEqual({
      open: false,
      reason: 'bank-holiday',
      reasonLabel: 'Easter Monday',
      opensAt: london('2026-04-07T09:30'),
    });
    expect(sentenceAt('2026-04-06T11:00')).toBe('Closed for the bank holiday — opens tomorrow at 9:30am');
  });

  it('is closed on Christmas Day 2026 and the Boxing Day substitute, opening on Tuesday 29 December', () => {
    expect(statusAt('2026-12-24T16:00')).toMatchObject({ open: false, opensAt: london('2026-12-29T09:30') });
    expect(statusAt('2026-12-25T10:00')).toMatchObject({
      open: false,
      reason: 'bank-holiday',
      reasonLabel: 'Christmas Day',
      opensAt: london('2026-12-29T09:30'),
    });
    expect(statusAt('2026-12-28T10:00')).toEqual({
      open: false,
      reason: 'bank-holiday',
      reasonLabel: 'Boxing Day (substitute day)',
      opensAt: london('2026-12-29T09:30'),
    });
    expect(sentenceAt('2026-12-28T10:00')).toBe('Closed for the bank holiday — opens tomorrow at 9:30am');
  });

  it('is closed on the substitute days 27 and 28 December 2027, opening on Wednesday 29th at 1pm', () => {
    expect(statusAt('2027-12-24T15:00')).toEqual({ open: true, closesAt: london('2027-12-24T16:00') });
    expect(statusAt('2027-12-24T16:00')).toMatchObject({ open: false, opensAt: london('2027-12-29T13:00') });
    expect(statusAt('2027-12-27T10:00')).toMatchObject({ open: false, reason: 'bank-holiday' });
    expect(statusAt('2027-12-28T10:00')).toEqual({
      open: false,
      reason: 'bank-holiday',
      reasonLabel: 'Boxing Day (substitute day)',
      opensAt: london('2027-12-29T13:00'),
    });
    expect(sentenceAt('2027-12-27T10:00')).toBe('Closed for the bank holiday — opens Wednesday at 1pm');
  });

  it('opens at 9:30am local time on the Monday after the clocks go forward', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST.
    for (const instant of [utc('2026-03-29T00:30'), utc('2026-03-29T01:00'), utc('2026-03-29T09:00')]) {
      expect(openingStatus(helpline, instant).opensAt).toEqual(utc('2026-03-30T08:30'));
    }
    expect(openingStatus(helpline, london('2026-03-27T12:00')).closesAt).toEqual(utc('2026-03-27T16:00'));
  });

  it('opens at 9:30am local time on the Monday after the clocks go back', () => {
    // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 happens twice.
    for (const instant of [utc('2026-10-25T00:30'), utc('2026-10-25T01:30'), utc('2026-10-25T09:00')]) {
      expect(openingStatus(helpline, instant).opensAt).toEqual(utc('2026-10-26T09:30'));
    }
    expect(openingStatus(helpline, london('2026-10-23T12:00')).closesAt).toEqual(utc('2026-10-23T15:00'));
  });

  it('takes a Date or epoch milliseconds', () => {
    const instant = london('2026-11-18T13:30');
    expect(openingStatus(helpline, instant.getTime())).toEqual(openingStatus(helpline, instant));
  });
});
