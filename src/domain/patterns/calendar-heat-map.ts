// Incidents per day over a chosen range, for a calendar heat map. Only incidents whose day is known count on
// a day; a range over several days is counted apart, because shading one of its days would be a guess.

import type { Incident } from '../incidents/index.ts';
import { LONDON, whenKnownDate, whenStartDate } from '../incidents/index.ts';
import { dateOfDayNumber, dayNumber, formatDate, isoWeekday } from './calendar-days.ts';
import type { DataTable } from './table.ts';

export interface DayCount {
  date: string;
  /** 1 = Monday … 7 = Sunday, to lay out the calendar's rows. */
  weekday: number;
  count: number;
}

export interface CalendarHeatMap {
  days: DayCount[];
  /** The busiest day's count, to scale the shading. */
  max: number;
  /** Incidents in the range whose day is not known exactly. */
  dayNotKnown: number;
  table: DataTable;
}

export interface CalendarOptions {
  from: string;
  to: string;
  zone?: string;
}

/** Four years and a bit: more than a phone screen can show, and a bound on the work done. */
export const MAX_CALENDAR_DAYS = 1_500;

export function calendarHeatMap(incidents: readonly Incident[], options: CalendarOptions): CalendarHeatMap {
  const zone = options.zone ?? LONDON;
  const first = dayNumber(options.from);
  const last = dayNumber(options.to);
  if (!(last >= first) || last - first >= MAX_CALENDAR_DAYS) {
    throw new RangeError(`calendar range must be 1 to ${MAX_CALENDAR_DAYS} days: ${options.from} to ${options.to}`);
  }
  const days: DayCount[] = [];
  for (let day = first; day <= last; day += 1) days.push({ date: dateOfDayNumber(day), weekday: isoWeekday(day), count: 0 });
  let dayNotKnown = 0;
  for (const incident of incidents) {
    const known = whenKnownDate(incident.when, zone);
    if (known === null) {
      const start = dayNumber(whenStartDate(incident.when, zone));
      if (start >= first && start <= last) dayNotKnown += 1;
      continue;
    }
    const bucket = days[dayNumber(known) - first];
    if (bucket) bucket.count += 1;
  }
  const busy = days.filter((day) => day.count > 0);
  return {
    days,
    max: Math.max(0, ...busy.map((day) => day.count)),
    dayNotKnown,
    table: {
      caption: `Days with incidents, ${formatDate(options.from, 'd MMMM yyyy')} to ${formatDate(options.to, 'd MMMM yyyy')}`,
      columns: ['Day', 'Incidents'],
      rows: [...busy.map((day) => [formatDate(day.date), day.count]), ...(dayNotKnown > 0 ? [['Day not known exactly', dayNotKnown]] : [])],
    },
  };
}
