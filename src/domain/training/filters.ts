import { instantOfLondonWallClock } from '../opening-hours/london-time.ts';
import { type Audience, type Format, isAudience, isFormat, isRegion, isTopic, type Region, type Topic } from './model.ts';

/** What /training is filtered by, from its query string; anything unknown is ignored rather than refused. */
export interface EventFilter {
  audience?: Audience;
  topic?: Topic;
  format?: Format;
  region?: Region;
  /** Inclusive London dates, 'YYYY-MM-DD'. */
  from?: string;
  to?: string;
  /** Past events instead of upcoming ones. */
  past: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2100;
}

export function parseFilter(query: Record<string, unknown>): EventFilter {
  const filter: EventFilter = { past: query.when === 'past' };
  if (isAudience(query.audience)) filter.audience = query.audience;
  if (isTopic(query.topic)) filter.topic = query.topic;
  if (isFormat(query.format)) filter.format = query.format;
  if (isRegion(query.region)) filter.region = query.region;
  if (isCalendarDate(query.from)) filter.from = query.from;
  if (isCalendarDate(query.to)) filter.to = query.to;
  return filter;
}

export interface FilterableEvent {
  audiences: readonly string[];
  topic: string;
  format: string;
  region: string | null;
  startsAt: number;
  endsAt: number;
}

/**
 * Whether an event is shown under a filter at `now`. Upcoming means not yet ended (an event on today stays
 * listed until it finishes). A region filter keeps online events: anyone anywhere can join them.
 */
export function matchesFilter(event: FilterableEvent, filter: EventFilter, now: number): boolean {
  if (filter.past ? event.endsAt > now : event.endsAt <= now) return false;
  if (filter.audience && !event.audiences.includes(filter.audience)) return false;
  if (filter.topic && event.topic !== filter.topic) return false;
  if (filter.format && event.format !== filter.format) return false;
  if (filter.region && event.format !== 'online' && event.region !== filter.region) return false;
  if (filter.from && event.startsAt < instantOfLondonWallClock(filter.from, 0)) return false;
  if (filter.to && event.startsAt >= instantOfLondonWallClock(filter.to, 1440)) return false;
  return true;
}

/** The filter as a query string, for links that keep it (such as "past events"). */
export function filterQuery(filter: Partial<EventFilter>): string {
  const params = new URLSearchParams();
  for (const key of ['audience', 'topic', 'format', 'region', 'from', 'to'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (filter.past) params.set('when', 'past');
  const s = params.toString();
  return s ? `?${s}` : '';
}
