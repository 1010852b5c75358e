// How often each behaviour was recorded, month by month: shows when a pattern changes, say from messages to
// turning up in person. An incident counts in the month of the first day it can have happened on.

import type { BehaviourId, Incident } from '../incidents/index.ts';
import { BEHAVIOURS, LONDON, whenStartDate } from '../incidents/index.ts';
import { dateAt, formatDate } from './calendar-days.ts';
import type { DataTable } from './table.ts';

export interface MonthBehaviours {
  /** 'YYYY-MM' */
  month: string;
  counts: Partial<Record<BehaviourId, number>>;
  /** Incidents in the month, with or without behaviours ticked. */
  incidents: number;
}

export interface BehavioursOverTime {
  months: MonthBehaviours[];
  /** The behaviours that appear at least once, in checklist order. */
  behaviours: BehaviourId[];
  outsideRange: number;
  table: DataTable;
}

export interface MonthlyOptions {
  now: number;
  zone?: string;
  from?: string;
  to?: string;
  maxMonths?: number;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function behavioursOverTime(incidents: readonly Incident[], options: MonthlyOptions): BehavioursOverTime {
  const zone = options.zone ?? LONDON;
  const placed = incidents.map((incident) => ({ incident, month: monthIndex(whenStartDate(incident.when, zone)) }));
  const last = monthIndex(options.to ?? dateAt(options.now, zone));
  const earliest = options.from ? monthIndex(options.from) : placed.length > 0 ? Math.min(...placed.map((p) => p.month)) : last + 1;
  const first = Math.max(earliest, last - ((options.maxMonths ?? 240) - 1));

  const months: MonthBehaviours[] = [];
  for (let index = first; index <= last; index += 1) months.push({ month: monthOfIndex(index), counts: {}, incidents: 0 });
  const seen = new Set<BehaviourId>();
  let outsideRange = 0;
  for (const { incident, month } of placed) {
    const bucket = months[month - first];
    if (month < first || !bucket) {
      outsideRange += 1;
      continue;
    }
    bucket.incidents += 1;
    for (const behaviour of incident.behaviours) {
      bucket.counts[behaviour] = (bucket.counts[behaviour] ?? 0) + 1;
      seen.add(behaviour);
    }
  }
  const behaviours = BEHAVIOURS.filter((behaviour) => seen.has(behaviour.id));
  return {
    months,
    behaviours: behaviours.map((behaviour) => behaviour.id),
    outsideRange,
    table: {
      caption: 'Behaviours recorded each month',
      columns: ['Month', ...behaviours.map((behaviour) => behaviour.label), 'Incidents'],
      rows: months.map((bucket) => [
        formatDate(`${bucket.month}-01`, 'MMMM yyyy'),
        ...behaviours.map((behaviour) => bucket.counts[behaviour.id] ?? 0),
        bucket.incidents,
      ]),
    },
  };
}
