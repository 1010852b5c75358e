import { describe, expect, it } from 'vitest';
import { formatDateTime } from './messages.ts';

describe('formatDateTime', () => {
  it('writes a 12-hour clock with 12 (not 0) for the hour after noon and midnight, seconds when asked', () => {
    const noon = new Date(2026, 2, 3, 12, 5, 9).getTime();
    expect(formatDateTime(noon)).toBe('3 March 2026 at 12:05pm');
    expect(formatDateTime(noon, { seconds: true })).toBe('3 March 2026 at 12:05:09pm');
    expect(formatDateTime(new Date(2026, 2, 3, 0, 30).getTime())).toBe('3 March 2026 at 12:30am');
  });
});
