// When in the day and the week things happen, which can show a routine being watched. Only exact times go in
// the hour buckets; an approximate time is counted as "time not known" rather than guessed.

import type { Incident } from '../incidents/index.ts';
import { LONDON, whenExactTime, whenKnownDate } from '../incidents/index.ts';
import { dayNumber, isoWeekday, WEEKDAY_NAMES } from './calendar-days.ts';
import type { DataTable } from './table.ts';

export interface TimeOfDay {
  /** hours[h] counts incidents at h:00 to h:59. */
  hours: number[];
  timeNotKnown: number;
  table: DataTable;
}

export interface DayOfWeekCount {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  label: string;
  count: number;
}

export interface DayOfWeek {
  days: DayOfWeekCount[];
  dayNotKnown: number;
  table: DataTable;
}

export interface ZoneOptions {
  zone?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function timeOfDay(incidents: readonly Incident[], options: ZoneOptions = {}): TimeOfDay {
  const zone = options.zone ?? LONDON;
  const hours = new Array<number>(24).fill(0);
  let timeNotKnown = 0;
  for (const incident of incidents) {
    const time = whenExactTime(incident.when, zone);
    if (time) hours[time.hour]! += 1;
    else timeNotKnown += 1;
  }
  return {
    hours,
    timeNotKnown,
    table: {
      caption: 'Time of day',
      columns: ['Time', 'Incidents'],
      rows: [...hours.map((count, hour) => [`${pad(hour)}:00 to ${pad(hour)}:59`, count]), ['Time not known', timeNotKnown]],
    },
  };
}

export function dayOfWeek(incidents: readonly Incident[], options: ZoneOptions = {}): DayOfWeek {
  const zone = options.zone ?? LONDON;
  const counts = new Array<number>(7).fill(0);
  let dayNotKnown = 0;
  for (const incident of incidents) {
    const date = whenKnownDate(incident.when, zone);
    if (date === null) dayNotKnown += 1;
    else counts[isoWeekday(dayNumber(date)) - 1]! += 1;
  }
  const days = counts.map((count, index) => ({ weekday: index + 1, label: WEEKDAY_NAMES[index]!, count }));
  return {
    days,
    dayNotKnown,
    table: {
      caption: 'Day of the week',
      columns: ['Day', 'Incidents'],
      rows: [...days.map((day) => [day.label, day.count]), ['Day not known', dayNotKnown]],
    },
  };
}
