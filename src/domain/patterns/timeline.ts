// The timeline's filters and order. Build the index once after unlocking (and after each save); filtering then
// touches only precomputed, folded strings and sets.
//
// Bench note (this machine, Node 24, 2 cores, 2,000 incidents with ~640-character texts, 20 people): indexTimeline
// 22–31 ms once; filterTimeline with a 4-word query and a behaviour filter 0.3–1 ms per call, far inside the
// 100 ms budget. All six chart functions together over the same 2,000: 35–52 ms. The 2,000-incident test in
// timeline.test.ts runs the same case without timing asserts.

import { DateTime } from 'luxon';
import type { BehaviourId, Incident, MethodKind, Person, Place, ReportTarget } from '../incidents/index.ts';
import { isReported, LONDON, whenBounds } from '../incidents/index.ts';
import { foldForSearch, queryWords } from './search-text.ts';

export interface TimelineFilter {
  /** Incidents with any of these behaviours. */
  behaviours?: readonly BehaviourId[];
  /** Incidents involving any of these people, in any role. */
  personIds?: readonly string[];
  /** Incidents done in any of these ways. */
  methods?: readonly MethodKind[];
  /** Reported to anyone, or to nobody yet; or reported to this one. */
  reported?: 'reported' | 'not-reported' | ReportTarget;
  /** Words that must all appear in what happened, where, the place, or the names of the people involved. */
  text?: string;
  /** London dates, inclusive: incidents that may have happened on any day from `from` to `to`. */
  from?: string;
  to?: string;
}

export type TimelineOrder = 'newest' | 'oldest';

interface Entry {
  incident: Incident;
  start: number;
  end: number;
  haystack: string;
  personIds: ReadonlySet<string>;
  methods: ReadonlySet<MethodKind>;
}

export interface TimelineIndex {
  /** Oldest first; ties by id so the order is stable from one unlock to the next. */
  readonly entries: readonly Entry[];
}

export function indexTimeline(
  incidents: readonly Incident[],
  people: readonly Person[] = [],
  places: readonly Place[] = [],
): TimelineIndex {
  const names = new Map(people.map((person) => [person.id, [person.name, ...person.aliases].join(' ')]));
  const placeText = new Map(places.map((place) => [place.id, [place.name, place.address ?? ''].join(' ')]));
  const entries = incidents.map((incident) => {
    const { start, end } = whenBounds(incident.when);
    const searchable = [
      incident.whatHappened,
      incident.where,
      incident.placeId ? (placeText.get(incident.placeId) ?? '') : '',
      ...incident.people.map((link) => names.get(link.personId) ?? ''),
      ...incident.reports.map((report) => [report.name ?? '', report.officerName ?? ''].join(' ')),
    ];
    return {
      incident,
      start,
      end,
      // A separator no query can contain keeps words from running across fields.
      haystack: foldForSearch(searchable.join('\n')).replace(/\n/g, ' \u0000 '),
      personIds: new Set(incident.people.map((link) => link.personId)),
      methods: new Set(incident.methods.map((method) => method.kind)),
    };
  });
  entries.sort((a, b) => a.start - b.start || (a.incident.id < b.incident.id ? -1 : a.incident.id > b.incident.id ? 1 : 0));
  return { entries };
}

function dayStart(date: string, nextDay: boolean): number {
  const day = DateTime.fromISO(date, { zone: LONDON }).startOf('day');
  return (nextDay ? day.plus({ days: 1 }) : day).toMillis();
}

export function filterTimeline(index: TimelineIndex, filter: TimelineFilter = {}, order: TimelineOrder = 'newest'): Incident[] {
  const behaviours = filter.behaviours?.length ? new Set(filter.behaviours) : null;
  const personIds = filter.personIds?.length ? filter.personIds : null;
  const methods = filter.methods?.length ? filter.methods : null;
  const words = filter.text ? queryWords(filter.text) : [];
  const from = filter.from ? dayStart(filter.from, false) : -Infinity;
  const to = filter.to ? dayStart(filter.to, true) : Infinity;
  const reported = filter.reported;

  const matches: Incident[] = [];
  for (const entry of index.entries) {
    const { incident } = entry;
    if (entry.end <= from || entry.start >= to) continue;
    if (behaviours && !incident.behaviours.some((behaviour) => behaviours.has(behaviour))) continue;
    if (personIds && !personIds.some((id) => entry.personIds.has(id))) continue;
    if (methods && !methods.some((method) => entry.methods.has(method))) continue;
    if (reported === 'reported' && !isReported(incident)) continue;
    if (reported === 'not-reported' && isReported(incident)) continue;
    if (reported && reported !== 'reported' && reported !== 'not-reported' && !isReported(incident, reported)) continue;
    if (words.length > 0 && !words.every((word) => entry.haystack.includes(word))) continue;
    matches.push(incident);
  }
  return order === 'newest' ? matches.reverse() : matches;
}

/** Index and filter in one go, for a single use such as choosing entries for an evidence pack. */
export function searchTimeline(
  incidents: readonly Incident[],
  people: readonly Person[],
  filter: TimelineFilter = {},
  order: TimelineOrder = 'newest',
  places: readonly Place[] = [],
): Incident[] {
  return filterTimeline(indexTimeline(incidents, people, places), filter, order);
}
