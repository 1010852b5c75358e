import { describe, expect, it } from 'vitest';
import { describeWhen, exactWhenAt, exactWhenFromLondon, whenBounds, whenExactTime, whenKnownDate, whenStartDate } from './when.ts';

describe('when', () => {
  it('writes exact London times with the offset in force (GMT in winter, BST in summer)', () => {
    expect(exactWhenFromLondon('2026-01-10', '09:15')).toEqual({ precision: 'exact', at: '2026-01-10T09:15:00Z'.replace('Z', '+00:00') });
    expect(exactWhenFromLondon('2026-07-10', '09:15')).toEqual({ precision: 'exact', at: '2026-07-10T09:15:00+01:00' });
    expect(exactWhenAt(Date.UTC(2026, 6, 10, 8, 15))).toEqual({ precision: 'exact', at: '2026-07-10T09:15:00+01:00' });
  });

  it('gives an approximate day the whole London day, which is 23 or 25 hours when the clocks change', () => {
    const spring = whenBounds({ precision: 'day', date: '2026-03-29' });
    expect(spring.start).toBe(Date.UTC(2026, 2, 29, 0));
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    const autumn = whenBounds({ precision: 'day', date: '2026-10-25' });
    expect(autumn.end - autumn.start).toBe(25 * 3_600_000);
  });

  it('gives a range from the start of its first day to the end of its last', () => {
    expect(whenBounds({ precision: 'range', from: '2026-03-01', to: '2026-03-02' })).toEqual({
      start: Date.UTC(2026, 2, 1),
      end: Date.UTC(2026, 2, 3),
    });
  });

  it('knows the day only when it is one day', () => {
    expect(whenKnownDate({ precision: 'exact', at: '2026-07-10T23:30:00Z' })).toBe('2026-07-11');
    expect(whenKnownDate({ precision: 'day', date: '2026-07-10' })).toBe('2026-07-10');
    expect(whenKnownDate({ precision: 'range', from: '2026-07-10T20:00:00+01:00', to: '2026-07-10T22:00:00+01:00' })).toBe('2026-07-10');
    expect(whenKnownDate({ precision: 'range', from: '2026-07-10', to: '2026-07-12' })).toBeNull();
    expect(whenStartDate({ precision: 'range', from: '2026-07-10', to: '2026-07-12' })).toBe('2026-07-10');
  });

  it('knows the time only when it is exact', () => {
    expect(whenExactTime({ precision: 'exact', at: '2026-07-10T23:30:00Z' })?.hour).toBe(0);
    expect(whenExactTime({ precision: 'day', date: '2026-07-10' })).toBeNull();
  });

  it('describes each kind of time in words', () => {
    expect(describeWhen({ precision: 'exact', at: '2026-03-03T18:30:00Z' })).toBe('Tuesday 3 March 2026 at 6:30pm');
    expect(describeWhen({ precision: 'day', date: '2026-03-03' })).toBe('Around Tuesday 3 March 2026');
    expect(describeWhen({ precision: 'range', from: '2026-03-01', to: '2026-03-05' })).toBe(
      'Between Sunday 1 March 2026 and Thursday 5 March 2026',
    );
  });
});
