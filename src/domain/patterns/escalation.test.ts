import { describe, expect, it } from 'vitest';
import { sketch } from '../incidents/test-support.ts';
import { classifyTrend, escalationSignal } from './escalation.ts';

// Friday 20 March 2026, 23:30 in London: still the 20th whatever UTC says.
const NOW = Date.UTC(2026, 2, 20, 23, 30);

describe('escalationSignal', () => {
  it('compares the last 28 days (ending today) with the 28 before', () => {
    const result = escalationSignal(
      [
        sketch({ on: '2026-01-24' }), // first day of the earlier window
        sketch({ on: '2026-01-23' }), // before both windows
        sketch({ on: '2026-02-20' }), // last day of the earlier window
        sketch({ on: '2026-02-21' }), // first day of the recent window
        sketch({ on: '2026-03-10' }),
        sketch({ on: '2026-03-20', at: '23:00' }),
        sketch({ on: '2026-03-21' }), // tomorrow: not counted
      ],
      { now: NOW },
    );
    expect(result).toMatchObject({
      trend: 'rising',
      recent: 3,
      previous: 2,
      recentFrom: '2026-02-21',
      recentTo: '2026-03-20',
      previousFrom: '2026-01-24',
      previousTo: '2026-02-20',
    });
    expect(result.text).toBe('3 incidents in the last 4 weeks, up from 2 in the 4 weeks before.');
    expect(result.table.rows).toEqual([
      ['The 4 weeks before (24 January to 20 February 2026)', 2],
      ['The last 4 weeks (21 February to 20 March 2026)', 3],
    ]);
  });

  it('says when things are quieter, or too few to tell', () => {
    expect(escalationSignal([sketch({ on: '2026-02-01' }), sketch({ on: '2026-02-02' })], { now: NOW }).text).toBe(
      'No incidents in the last 4 weeks, down from 2 in the 4 weeks before.',
    );
    expect(escalationSignal([sketch({ on: '2026-03-01' })], { now: NOW }).text).toBe(
      '1 incident in the last 4 weeks, and none in the 4 weeks before.',
    );
  });

  it('classifies trends at their boundaries', () => {
    expect(classifyTrend(0, 0)).toBe('too-few');
    expect(classifyTrend(1, 0)).toBe('too-few');
    expect(classifyTrend(2, 0)).toBe('rising');
    expect(classifyTrend(2, 1)).toBe('rising');
    expect(classifyTrend(2, 2)).toBe('steady');
    expect(classifyTrend(1, 2)).toBe('falling');
  });
});
