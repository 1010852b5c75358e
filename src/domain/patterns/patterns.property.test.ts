import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BEHAVIOUR_IDS } from '../incidents/index.ts';
import { sketch } from '../incidents/test-support.ts';
import { incidentsPerWeek } from './incidents-per-week.ts';
import { dayOfWeek, timeOfDay } from './time-patterns.ts';
import { filterTimeline, indexTimeline } from './timeline.ts';

const NOW = Date.UTC(2027, 0, 1);

const incidents = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 700 }),
      minute: fc.option(fc.integer({ min: 0, max: 1439 })),
      behaviour: fc.constantFrom(...BEHAVIOUR_IDS),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((row, i) => {
      const on = new Date(Date.UTC(2025, 0, 1) + row.day * 86_400_000).toISOString().slice(0, 10);
      const at =
        row.minute === null
          ? undefined
          : `${String(Math.floor(row.minute / 60)).padStart(2, '0')}:${String(row.minute % 60).padStart(2, '0')}`;
      return sketch({ id: `x${i}`, on, at, behaviours: [row.behaviour] });
    }),
  );

describe('pattern properties', () => {
  it('counts every incident exactly once, in a week, an hour or "time not known", and a weekday', () => {
    fc.assert(
      fc.property(incidents, (list) => {
        const weekly = incidentsPerWeek(list, { now: NOW });
        expect(weekly.weeks.reduce((sum, week) => sum + week.count, 0) + weekly.outsideRange).toBe(list.length);
        const hours = timeOfDay(list);
        expect(hours.hours.reduce((a, b) => a + b, 0) + hours.timeNotKnown).toBe(list.length);
        const days = dayOfWeek(list);
        expect(days.days.reduce((sum, day) => sum + day.count, 0) + days.dayNotKnown).toBe(list.length);
        // Consecutive Mondays, no gaps.
        weekly.weeks.forEach((week, i) => {
          if (i > 0) expect(Date.parse(week.weekStart) - Date.parse(weekly.weeks[i - 1]!.weekStart)).toBe(7 * 86_400_000);
        });
      }),
    );
  });

  it('lists newest first as the exact reverse of oldest first, and no filter keeps everything', () => {
    fc.assert(
      fc.property(incidents, (list) => {
        const index = indexTimeline(list);
        const oldest = filterTimeline(index, {}, 'oldest').map((incident) => incident.id);
        expect(filterTimeline(index, {}, 'newest').map((incident) => incident.id)).toEqual([...oldest].reverse());
        expect([...oldest].sort()).toEqual(list.map((incident) => incident.id).sort());
      }),
    );
  });

  it('narrows, never widens, as filters are added', () => {
    fc.assert(
      fc.property(incidents, fc.subarray([...BEHAVIOUR_IDS], { minLength: 1 }), (list, behaviours) => {
        const index = indexTimeline(list);
        const byBehaviour = filterTimeline(index, { behaviours });
        const narrower = filterTimeline(index, { behaviours, from: '2025-06-01' });
        expect(narrower.every((incident) => byBehaviour.includes(incident))).toBe(true);
        expect(byBehaviour.every((incident) => incident.behaviours.some((b) => behaviours.includes(b)))).toBe(true);
      }),
    );
  });
});
