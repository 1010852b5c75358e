// Is it happening more often? The last four weeks (28 days ending today, London dates) against the four weeks
// before. Stalking that escalates is a known sign of risk, so the diary says so plainly; it never predicts.

import type { Incident } from '../incidents/index.ts';
import { LONDON, whenStartDate } from '../incidents/index.ts';
import { dateAt, dateOfDayNumber, dayNumber, formatDate } from './calendar-days.ts';
import type { DataTable } from './table.ts';

export type Trend = 'rising' | 'falling' | 'steady' | 'too-few';

export interface Escalation {
  trend: Trend;
  recent: number;
  previous: number;
  recentFrom: string;
  recentTo: string;
  previousFrom: string;
  previousTo: string;
  /** One plain sentence, e.g. "6 incidents in the last 4 weeks, up from 2 in the 4 weeks before." */
  text: string;
  table: DataTable;
}

export interface EscalationOptions {
  now: number;
  zone?: string;
  weeks?: number;
}

const incidentsWord = (n: number) => (n === 0 ? 'No incidents' : n === 1 ? '1 incident' : `${n} incidents`);

/**
 * Rising when the recent window has more and at least two; falling when it has fewer; too few when the two
 * windows hold fewer than two incidents between them, because one incident is not a trend.
 */
export function classifyTrend(recent: number, previous: number): Trend {
  if (recent + previous < 2) return 'too-few';
  if (recent > previous && recent >= 2) return 'rising';
  if (recent < previous) return 'falling';
  return 'steady';
}

export function escalationSignal(incidents: readonly Incident[], options: EscalationOptions): Escalation {
  const zone = options.zone ?? LONDON;
  const weeks = options.weeks ?? 4;
  const today = dayNumber(dateAt(options.now, zone));
  const recentFirst = today - weeks * 7 + 1;
  const previousFirst = recentFirst - weeks * 7;
  let recent = 0;
  let previous = 0;
  for (const incident of incidents) {
    const day = dayNumber(whenStartDate(incident.when, zone));
    if (day >= recentFirst && day <= today) recent += 1;
    else if (day >= previousFirst && day < recentFirst) previous += 1;
  }
  const trend = classifyTrend(recent, previous);
  const span = weeks === 1 ? 'week' : `${weeks} weeks`;
  const before = previous === 0 ? 'none' : String(previous);
  const text =
    trend === 'rising'
      ? `${incidentsWord(recent)} in the last ${span}, up from ${before} in the ${span} before.`
      : trend === 'falling'
        ? `${incidentsWord(recent)} in the last ${span}, down from ${previous} in the ${span} before.`
        : `${incidentsWord(recent)} in the last ${span}, and ${before} in the ${span} before.`;
  const range = (from: number, to: number) =>
    `${formatDate(dateOfDayNumber(from), 'd MMMM')} to ${formatDate(dateOfDayNumber(to), 'd MMMM yyyy')}`;
  return {
    trend,
    recent,
    previous,
    recentFrom: dateOfDayNumber(recentFirst),
    recentTo: dateOfDayNumber(today),
    previousFrom: dateOfDayNumber(previousFirst),
    previousTo: dateOfDayNumber(recentFirst - 1),
    text,
    table: {
      caption: 'Recent weeks compared',
      columns: ['Period', 'Incidents'],
      rows: [
        [`The ${span} before (${range(previousFirst, recentFirst - 1)})`, previous],
        [`The last ${span} (${range(recentFirst, today)})`, recent],
      ],
    },
  };
}
