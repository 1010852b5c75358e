import { describe, expect, it } from 'vitest';
import { sketch } from '../../../../domain/incidents/test-support.ts';
import { behavioursOverTime, calendarHeatMap, dayOfWeek, incidentsPerWeek, timeOfDay } from '../../../../domain/patterns/index.ts';
import { shadeKey } from './calendar-chart.tsx';
import { niceMax, shadeLevel, ticks } from './chart-scale.ts';
import { EVERYONE, incidentsOf, NOT_NAMED, rangeFor } from './period.ts';
import { behavioursSummary, calendarSummary, dayOfWeekSummary, hourName, timeOfDaySummary, weeklySummary } from './summaries.ts';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('chart scales', () => {
  it('rounds the top of an axis up to a number people read easily', () => {
    expect([0, 1, 3, 6, 7, 11, 14, 26, 99, 140].map(niceMax)).toEqual([1, 1, 3, 6, 8, 15, 15, 30, 100, 150]);
  });

  it('puts ticks at even whole steps', () => {
    expect(ticks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(15)).toEqual([0, 5, 10, 15]);
    expect(ticks(25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(ticks(1)).toEqual([0, 1]);
    expect(ticks(3)).toEqual([0, 1, 2, 3]);
    expect(ticks(60)).toEqual([0, 20, 40, 60]);
    expect(ticks(6)).toEqual([0, 2, 4, 6]);
  });

  it('shades a day by its count, darkest for the busiest, and explains each shade', () => {
    expect([0, 1, 2, 3].map((n) => shadeLevel(n, 3))).toEqual([0, 1, 2, 3]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => shadeLevel(n, 8))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(shadeKey(2).map((entry) => entry.text)).toEqual(['None', '1', '2']);
    expect(shadeKey(8).map((entry) => entry.text)).toEqual(['None', '1 to 2', '3 to 4', '5 to 6', '7 to 8']);
  });
});

describe('summaries in words', () => {
  it('names the busiest week and the average', () => {
    const list = [sketch({ on: '2026-11-02' }), sketch({ on: '2026-11-03' }), sketch({ on: '2026-11-18' })];
    expect(weeklySummary(incidentsPerWeek(list, { now: NOW }))).toBe(
      '3 incidents in 4 weeks. The busiest week began on Monday 2 November 2026, with 2.',
    );
    const busy = [...list, sketch({ on: '2026-11-18' }), sketch({ on: '2026-11-19' })];
    expect(weeklySummary(incidentsPerWeek(busy, { now: NOW }))).toBe(
      '5 incidents in 4 weeks, about 1.3 a week. The busiest week began on Monday 16 November 2026, with 3.',
    );
  });

  it('names the behaviours recorded most and any that are new', () => {
    const list = [
      ...['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'].map((on) => sketch({ on, behaviours: ['contacting'] })),
      sketch({ on: '2026-08-10', behaviours: ['contacting', 'following'] }),
      sketch({ on: '2026-11-10', behaviours: ['turning-up'] }),
    ];
    expect(behavioursSummary(behavioursOverTime(list, { now: NOW }))).toBe(
      'Recorded most often: contacting you, or trying to (5 times), then following you (1 time). New in the last 2 months: turning up at your home or work.',
    );
  });

  it('counts the days with incidents and those not on the calendar', () => {
    const list = [
      sketch({ on: '2026-11-02' }),
      sketch({ on: '2026-11-02' }),
      sketch({ on: '2026-11-05' }),
      sketch({ when: { precision: 'range', from: '2026-11-06', to: '2026-11-08' } }),
    ];
    expect(calendarSummary(calendarHeatMap(list, { from: '2026-11-01', to: '2026-11-23' }))).toBe(
      'Something happened on 2 of the 23 days shown. The busiest day was Monday 2 November 2026, with 2 incidents. 1 incident is not on the calendar because the day is not known exactly.',
    );
  });

  it('names the busiest and quietest days of the week, ties included', () => {
    const list = [
      sketch({ on: '2026-11-06' }),
      sketch({ on: '2026-11-13' }),
      sketch({ on: '2026-11-07' }),
      sketch({ on: '2026-11-14' }),
      sketch({ on: '2026-11-02' }),
    ];
    expect(dayOfWeekSummary(dayOfWeek(list))).toBe(
      'Most on Fridays and Saturdays (2 each). Fewest on Tuesdays, Wednesdays, Thursdays and Sundays (0 each).',
    );
  });

  it('names the part of the day and the busiest hour, and what has no exact time', () => {
    const list = [
      sketch({ on: '2026-11-02', at: '18:10' }),
      sketch({ on: '2026-11-03', at: '18:50' }),
      sketch({ on: '2026-11-04', at: '08:00' }),
      sketch({ on: '2026-11-05' }),
    ];
    expect(timeOfDaySummary(timeOfDay(list))).toBe(
      'Most were in the evening (6pm to midnight): 2 of 3. The busiest hour was 6pm to 7pm (2). 1 incident without an exact time is not shown.',
    );
    expect([0, 9, 12, 23, 24].map(hourName)).toEqual(['midnight', '9am', 'midday', '11pm', 'midnight']);
  });
});

describe('periods and people', () => {
  const list = [sketch({ on: '2024-02-10', by: 'sam' }), sketch({ on: '2026-10-01' }), sketch({ on: '2026-11-20', by: 'alex' })];

  it('starts a period on the first of a month, no earlier than the record', () => {
    expect(rangeFor('3-months', list, '2026-11-23')).toEqual({ from: '2026-09-01', to: '2026-11-23', calendarFrom: '2026-09-01' });
    expect(rangeFor('12-months', list, '2026-11-23')).toEqual({ from: '2025-12-01', to: '2026-11-23', calendarFrom: '2025-12-01' });
    expect(rangeFor('12-months', list.slice(1), '2026-11-23').from).toBe('2026-10-01');
  });

  it('keeps the calendar within the days it can draw', () => {
    const old = [sketch({ on: '2019-05-17' }), ...list];
    const range = rangeFor('all', old, '2026-11-23');
    expect(range.from).toBe('2019-05-01');
    expect(range.calendarFrom).toBe('2022-11-01');
  });

  it('narrows to one person, or to incidents that name no one', () => {
    expect(incidentsOf(list, EVERYONE)).toHaveLength(3);
    expect(incidentsOf(list, 'alex').map((i) => i.when)).toEqual([list[2]!.when]);
    expect(incidentsOf(list, NOT_NAMED)).toEqual([list[1]]);
  });
});
