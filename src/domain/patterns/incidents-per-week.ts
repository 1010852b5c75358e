// Incidents per ISO week (Monday to Sunday), with the quiet weeks filled in as zeros: a gap is part of the
// pattern too. An incident counts in the week of the first day it can have happened on.

import type { Incident } from '../incidents/index.ts';
import { LONDON, whenStartDate } from '../incidents/index.ts';
import { dateAt, dateOfDayNumber, dayNumber, formatDate, mondayOf } from './calendar-days.ts';
import type { DataTable } from './table.ts';

export interface WeekCount {
  /** The Monday, 'YYYY-MM-DD'. */
  weekStart: string;
  /** e.g. '2026-W10'. */
  isoWeek: string;
  count: number;
}

export interface WeeklyCounts {
  weeks: WeekCount[];
  /** Incidents before the first week shown or after the last (for example dated in the future by mistake). */
  outsideRange: number;
  table: DataTable;
}

export interface WeeklyOptions {
  now: number;
  zone?: string;
  /** First day to show; by default the earliest incident. */
  from?: string;
  /** Last day to show; by default today. */
  to?: string;
  /** Older weeks beyond this many are left out, so a mistyped year cannot make a chart of 10,000 weeks. */
  maxWeeks?: number;
}

export function incidentsPerWeek(incidents: readonly Incident[], options: WeeklyOptions): WeeklyCounts {
  const zone = options.zone ?? LONDON;
  const days = incidents.map((incident) => dayNumber(whenStartDate(incident.when, zone)));
  const lastWeek = mondayOf(dayNumber(options.to ?? dateAt(options.now, zone)));
  const earliest = options.from ? dayNumber(options.from) : days.length > 0 ? Math.min(...days) : null;
  const maxWeeks = options.maxWeeks ?? 520;
  let firstWeek = earliest === null ? lastWeek + 7 : mondayOf(earliest);
  if (firstWeek < lastWeek - (maxWeeks - 1) * 7) firstWeek = lastWeek - (maxWeeks - 1) * 7;

  const counts = new Array<number>(Math.max(0, (lastWeek - firstWeek) / 7 + 1)).fill(0);
  let outsideRange = 0;
  for (const day of days) {
    const index = (mondayOf(day) - firstWeek) / 7;
    if (index >= 0 && index < counts.length) counts[index]! += 1;
    else outsideRange += 1;
  }
  const weeks = counts.map((count, index) => {
    const weekStart = dateOfDayNumber(firstWeek + index * 7);
    return { weekStart, isoWeek: formatDate(weekStart, "kkkk-'W'WW"), count };
  });
  return {
    weeks,
    outsideRange,
    table: {
      caption: 'Incidents each week',
      columns: ['Week starting', 'Incidents'],
      rows: weeks.map((week) => [formatDate(week.weekStart), week.count]),
    },
  };
}
