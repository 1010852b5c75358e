import { describe, expect, it } from 'vitest';
import { instantOfLondonWallClock, londonWallClock } from './london-time.ts';
import { utc } from './test-support.ts';

const at = (date: string, hhmm: string): string => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(instantOfLondonWallClock(date, (h ?? 0) * 60 + (m ?? 0))).toISOString();
};

describe('London wall-clock times', () => {
  it('uses GMT in winter and BST in summer', () => {
    expect(at('2026-01-15', '09:30')).toBe('2026-01-15T09:30:00.000Z');
    expect(at('2026-07-15', '09:30')).toBe('2026-07-15T08:30:00.000Z');
  });

  it('treats 24:00 as the midnight that ends the day', () => {
    expect(at('2026-03-28', '24:00')).toBe('2026-03-29T00:00:00.000Z');
    expect(at('2026-10-25', '24:00')).toBe('2026-10-26T00:00:00.000Z');
  });

  it('maps times in the missing hour in March to the moment the clocks go forward', () => {
    expect(at('2026-03-29', '00:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(at('2026-03-29', '01:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-03-29', '01:30')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('maps times in the repeated hour in October to their first occurrence', () => {
    expect(at('2026-10-25', '00:30')).toBe('2026-10-24T23:30:00.000Z');
    expect(at('2026-10-25', '01:00')).toBe('2026-10-25T00:00:00.000Z');
    expect(at('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-25', '02:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('reads the wall clock at an instant', () => {
    expect(londonWallClock(utc('2026-07-15T23:30').getTime())).toEqual({ date: '2026-07-16', minutes: 30 });
    expect(londonWallClock(utc('2026-10-25T00:30').getTime())).toEqual({ date: '2026-10-25', minutes: 90 });
    expect(londonWallClock(utc('2026-10-25T01:30').getTime())).toEqual({ date: '2026-10-25', minutes: 90 });
    expect(londonWallClock(utc('2026-03-29T01:00').getTime())).toEqual({ date: '2026-03-29', minutes: 120 });
  });
});
