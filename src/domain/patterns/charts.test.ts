import { describe, expect, it } from 'vitest';
import { sketch } from '../incidents/test-support.ts';
import { behavioursOverTime } from './behaviours-over-time.ts';
import { calendarHeatMap } from './calendar-heat-map.ts';
import { incidentsPerWeek } from './incidents-per-week.ts';
import { dayOfWeek, timeOfDay } from './time-patterns.ts';

// Friday 20 March 2026, midday in London (GMT).
const NOW = Date.UTC(2026, 2, 20, 12);

describe('incidentsPerWeek', () => {
  it('counts per ISO week from the first incident to this week, filling quiet weeks with zeros', () => {
    const result = incidentsPerWeek(
      [sketch({ on: '2026-02-23' }), sketch({ on: '2026-03-01' }), sketch({ on: '2026-03-16', at: '09:00' }), sketch({ on: '2026-03-19' })],
      { now: NOW },
    );
    expect(result.weeks).toEqual([
      { weekStart: '2026-02-23', isoWeek: '2026-W09', count: 2 },
      { weekStart: '2026-03-02', isoWeek: '2026-W10', count: 0 },
      { weekStart: '2026-03-09', isoWeek: '2026-W11', count: 0 },
      { weekStart: '2026-03-16', isoWeek: '2026-W12', count: 2 },
    ]);
    expect(result.table.columns).toEqual(['Week starting', 'Incidents']);
    expect(result.table.rows[0]).toEqual(['Monday 23 February 2026', 2]);
    expect(result.outsideRange).toBe(0);
  });

  it('places a late-evening exact time on its London day, not its UTC day', () => {
    // 23:30 BST on Sunday 5 July is 22:30 UTC the same day; 00:30 BST on Monday 6 July is still Sunday in UTC.
    const result = incidentsPerWeek([sketch({ on: '2026-07-06', at: '00:30' })], { now: Date.UTC(2026, 6, 8) });
    expect(result.weeks).toEqual([{ weekStart: '2026-07-06', isoWeek: '2026-W28', count: 1 }]);
  });

  it('puts ISO week 53 and the turn of the year in the right weeks', () => {
    const result = incidentsPerWeek([sketch({ on: '2026-12-31' }), sketch({ on: '2027-01-03' }), sketch({ on: '2027-01-04' })], {
      now: Date.UTC(2027, 0, 5),
    });
    expect(result.weeks.map((week) => [week.isoWeek, week.count])).toEqual([
      ['2026-W53', 2],
      ['2027-W01', 1],
    ]);
  });

  it('counts future-dated incidents and ones beyond the week limit as outside the range', () => {
    const result = incidentsPerWeek([sketch({ on: '1990-01-01' }), sketch({ on: '2026-03-18' }), sketch({ on: '2026-04-30' })], {
      now: NOW,
      maxWeeks: 4,
    });
    expect(result.weeks).toHaveLength(4);
    expect(result.weeks.at(-1)?.count).toBe(1);
    expect(result.outsideRange).toBe(2);
  });

  it('gives no weeks for an empty record', () => {
    expect(incidentsPerWeek([], { now: NOW }).weeks).toEqual([]);
  });
});

describe('behavioursOverTime', () => {
  it('counts each behaviour per month, with a column only for behaviours that appear', () => {
    const result = behavioursOverTime(
      [
        sketch({ on: '2026-01-05', behaviours: ['contacting'] }),
        sketch({ on: '2026-01-20', behaviours: ['contacting', 'following'] }),
        sketch({ on: '2026-03-02', behaviours: ['following'] }),
        sketch({ on: '2026-03-03' }),
      ],
      { now: NOW },
    );
    expect(result.behaviours).toEqual(['following', 'contacting']);
    expect(result.months).toEqual([
      { month: '2026-01', counts: { contacting: 2, following: 1 }, incidents: 2 },
      { month: '2026-02', counts: {}, incidents: 0 },
      { month: '2026-03', counts: { following: 1 }, incidents: 2 },
    ]);
    expect(result.table.columns).toEqual(['Month', 'Following you', 'Contacting you, or trying to', 'Incidents']);
    expect(result.table.rows).toEqual([
      ['January 2026', 1, 2, 2],
      ['February 2026', 0, 0, 0],
      ['March 2026', 1, 0, 2],
    ]);
  });
});

describe('calendarHeatMap', () => {
  it('counts incidents on each known day and keeps multi-day ranges apart', () => {
    const result = calendarHeatMap(
      [
        sketch({ on: '2026-03-02', at: '08:00' }),
        sketch({ on: '2026-03-02' }),
        sketch({ on: '2026-03-04' }),
        sketch({ when: { precision: 'range', from: '2026-03-03', to: '2026-03-05' } }),
        sketch({ when: { precision: 'range', from: '2026-03-06T20:00:00Z', to: '2026-03-06T22:00:00Z' } }),
        sketch({ on: '2026-04-01' }),
      ],
      { from: '2026-03-01', to: '2026-03-07' },
    );
    expect(result.days.map((day) => day.count)).toEqual([0, 2, 0, 1, 0, 1, 0]);
    expect(result.days[0]).toEqual({ date: '2026-03-01', weekday: 7, count: 0 });
    expect(result.max).toBe(2);
    expect(result.dayNotKnown).toBe(1);
    expect(result.table.rows).toEqual([
      ['Monday 2 March 2026', 2],
      ['Wednesday 4 March 2026', 1],
      ['Friday 6 March 2026', 1],
      ['Day not known exactly', 1],
    ]);
  });

  it('refuses a backwards or enormous range', () => {
    expect(() => calendarHeatMap([], { from: '2026-03-02', to: '2026-03-01' })).toThrow(RangeError);
    expect(() => calendarHeatMap([], { from: '2000-01-01', to: '2026-03-01' })).toThrow(RangeError);
  });
});

describe('timeOfDay and dayOfWeek', () => {
  const incidents = [
    sketch({ on: '2026-03-02', at: '08:15' }),
    sketch({ on: '2026-03-09', at: '08:45' }),
    sketch({ on: '2026-07-06', at: '23:30' }), // BST: 22:30 UTC, still 23 in London
    sketch({ on: '2026-03-04' }),
    sketch({ when: { precision: 'range', from: '2026-03-03', to: '2026-03-05' } }),
  ];

  it('puts only exact times in hour buckets, in London time, and counts the rest as time not known', () => {
    const result = timeOfDay(incidents);
    expect(result.hours[8]).toBe(2);
    expect(result.hours[23]).toBe(1);
    expect(result.hours.reduce((a, b) => a + b)).toBe(3);
    expect(result.timeNotKnown).toBe(2);
    expect(result.table.rows).toHaveLength(25);
    expect(result.table.rows[8]).toEqual(['08:00 to 08:59', 2]);
    expect(result.table.rows[24]).toEqual(['Time not known', 2]);
  });

  it('counts weekdays for every incident whose day is known', () => {
    const result = dayOfWeek(incidents);
    expect(result.days.map((day) => day.count)).toEqual([3, 0, 1, 0, 0, 0, 0]);
    expect(result.dayNotKnown).toBe(1);
    expect(result.table.rows[0]).toEqual(['Monday', 3]);
    expect(result.table.rows[7]).toEqual(['Day not known', 1]);
  });

  it('uses the time zone it is given', () => {
    const result = timeOfDay([sketch({ on: '2026-07-06', at: '23:30' })], { zone: 'UTC' });
    expect(result.hours[22]).toBe(1);
  });
});
