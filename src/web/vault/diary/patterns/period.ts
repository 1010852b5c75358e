// Which stretch of the record the charts show, and whose incidents. Periods run in whole calendar months, so
// the monthly, weekly and calendar charts all start in the same place.
import { DateTime } from 'luxon';
import type { Incident, Person } from '../../../../domain/incidents/index.ts';
import { LONDON, stalkerIds, whenStartDate } from '../../../../domain/incidents/index.ts';
import { MAX_CALENDAR_DAYS } from '../../../../domain/patterns/index.ts';

export const PERIODS = [
  { id: '3-months', label: 'The last 3 months', months: 3 },
  { id: '12-months', label: 'The last 12 months', months: 12 },
  { id: 'all', label: 'All of your record', months: null },
] as const;
export type PeriodId = (typeof PERIODS)[number]['id'];
export const DEFAULT_PERIOD: PeriodId = '12-months';

export interface ChartRange {
  /** First day shown, 'YYYY-MM-DD': the first of a month. */
  from: string;
  /** Today, London date. */
  to: string;
  /** First day of the calendar heat map: the same as `from` unless that would be too many days to draw. */
  calendarFrom: string;
}

/** Today's date in London, where every incident date lives. */
export function londonDate(now: Date): string {
  return DateTime.fromJSDate(now, { zone: LONDON }).toISODate() ?? '1970-01-01';
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate() ?? date;
}

/**
 * The range for a period. A record younger than the period starts at its first incident's month, so a new
 * diary does not open on a year of empty bars. Incidents dated after today (a typing slip) are left out.
 */
export function rangeFor(period: PeriodId, incidents: readonly Incident[], today: string): ChartRange {
  const months = PERIODS.find((p) => p.id === period)?.months ?? null;
  const starts = incidents.map((incident) => whenStartDate(incident.when)).filter((date) => date <= today);
  const earliest = starts.length > 0 ? monthStart(starts.reduce((a, b) => (a < b ? a : b))) : monthStart(today);
  const periodStart = months === null ? earliest : addMonths(monthStart(today), -(months - 1));
  const from = periodStart > earliest ? periodStart : earliest;
  let calendarFrom = from;
  // Whole months only, so the calendar never starts part-way through one.
  while ((Date.parse(today) - Date.parse(calendarFrom)) / 86_400_000 >= MAX_CALENDAR_DAYS) {
    calendarFrom = addMonths(calendarFrom, 1);
  }
  return { from, to: today, calendarFrom };
}

export function inRange(incident: Incident, from: string, to: string): boolean {
  const start = whenStartDate(incident.when);
  return start >= from && start <= to;
}

/** Who the charts can be narrowed to: everyone named as doing this at least once, in the order of the people list. */
export function namedPeople(incidents: readonly Incident[], people: readonly Person[]): Person[] {
  const named = new Set(incidents.flatMap(stalkerIds));
  return people.filter((person) => named.has(person.id));
}

export const EVERYONE = '';
export const NOT_NAMED = '-';

/** The incidents for one person's choice: everyone, one person, or those that do not say who. */
export function incidentsOf(incidents: readonly Incident[], who: string): readonly Incident[] {
  if (who === EVERYONE) return incidents;
  if (who === NOT_NAMED) return incidents.filter((incident) => stalkerIds(incident).length === 0);
  return incidents.filter((incident) => stalkerIds(incident).includes(who));
}
