import type { PersonLocation } from './area.ts';
import { locationForCounty, lookupPostcode } from './area.ts';
import type { CountyName } from './counties.ts';
import { COUNTY_NAMES } from './counties.ts';
import type { ServiceArea, ServiceEntry } from './schema.ts';
import type { ContactKind, Need, Serves } from './vocabulary.ts';
import { CONTACT_KINDS, NEEDS, SERVES } from './vocabulary.ts';

/** Supplied by the caller so this module does not depend on the opening-hours engine. */
export type IsOpen = (entry: ServiceEntry, instant: Date) => boolean;

export interface OpenCheck {
  at: Date;
  isOpen: IsOpen;
}

/** Within a list, any value matches ("stalking or harassment"); different lists must all match. */
export interface DirectoryFilters {
  needs?: readonly Need[];
  serves?: readonly Serves[];
  contactKinds?: readonly ContactKind[];
  location?: PersonLocation;
  openNow?: boolean;
}

export function servesArea(area: ServiceArea, location: PersonLocation): boolean {
  switch (area.kind) {
    case 'uk':
      return true;
    case 'nations':
      return area.nations.some((nation) => location.nations.includes(nation));
    case 'police-force-areas':
      return area.forces.some((force) => location.forces.includes(force));
    case 'counties':
      return area.counties.some((county) => location.counties.includes(county));
  }
}

// A service for everyone also serves women, men, young people and so on. It does not serve people worried
// about their own behaviour: a victims' service is the wrong place to send them, and listing it for them
// could put the people they are harming at risk. Those services must say so explicitly.
function servesAny(entry: ServiceEntry, wanted: readonly Serves[]): boolean {
  return wanted.some(
    (group) => entry.serves.includes(group) || (group !== 'people-worried-about-their-own-behaviour' && entry.serves.includes('everyone')),
  );
}

type Dimension = 'needs' | 'serves' | 'contactKinds' | 'location' | 'openNow';

function passes(entry: ServiceEntry, filters: DirectoryFilters, open: OpenCheck | undefined, skip?: Dimension): boolean {
  const { needs, serves, contactKinds, location, openNow } = filters;
  if (skip !== 'needs' && needs !== undefined && needs.length > 0 && !needs.some((need) => entry.needs.includes(need))) return false;
  if (skip !== 'serves' && serves !== undefined && serves.length > 0 && !servesAny(entry, serves)) return false;
  if (
    skip !== 'contactKinds' &&
    contactKinds !== undefined &&
    contactKinds.length > 0 &&
    !entry.contact.some((way) => contactKinds.includes(way.kind))
  ) {
    return false;
  }
  if (skip !== 'location' && location !== undefined && !servesArea(entry.area, location)) return false;
  if (skip !== 'openNow' && openNow === true) {
    const check = requireOpenCheck(open);
    if (!check.isOpen(entry, check.at)) return false;
  }
  return true;
}

function requireOpenCheck(open: OpenCheck | undefined): OpenCheck {
  if (open === undefined) throw new Error('filtering by "open now" needs an OpenCheck (the instant and an isOpen predicate)');
  return open;
}

/** The entries that pass every filter, in their original order. */
export function filterEntries<E extends ServiceEntry>(entries: readonly E[], filters: DirectoryFilters, open?: OpenCheck): E[] {
  return entries.filter((entry) => passes(entry, filters, open));
}

export interface FilterCounts {
  /** Entries passing every filter. */
  total: number;
  needs: Record<Need, number>;
  serves: Record<Serves, number>;
  contactKinds: Record<ContactKind, number>;
  /** Present when an OpenCheck was given. */
  openNow?: number;
}

/**
 * For each value, how many entries the list would show if that value were chosen and every other filter
 * stayed as it is — so "Stalking (7)" tells the person what ticking the box would give them.
 */
export function countFilterValues(entries: readonly ServiceEntry[], filters: DirectoryFilters, open?: OpenCheck): FilterCounts {
  const countWhere = (skip: Dimension, test: (entry: ServiceEntry) => boolean): number =>
    entries.filter((entry) => passes(entry, filters, open, skip) && test(entry)).length;
  const tally = <V extends string>(values: readonly V[], skip: Dimension, test: (entry: ServiceEntry, value: V) => boolean) =>
    Object.fromEntries(values.map((value) => [value, countWhere(skip, (entry) => test(entry, value))])) as Record<V, number>;

  const counts: FilterCounts = {
    total: entries.filter((entry) => passes(entry, filters, open)).length,
    needs: tally(NEEDS, 'needs', (entry, need) => entry.needs.includes(need)),
    serves: tally(SERVES, 'serves', (entry, group) => servesAny(entry, [group])),
    contactKinds: tally(CONTACT_KINDS, 'contactKinds', (entry, kind) => entry.contact.some((way) => way.kind === kind)),
  };
  if (open !== undefined) counts.openNow = countWhere('openNow', (entry) => open.isOpen(entry, open.at));
  return counts;
}

// ---- Query string (the server's GET form) ----

export const QUERY_KEYS = {
  needs: 'need',
  serves: 'serves',
  contactKinds: 'contact',
  openNow: 'open',
  postcode: 'postcode',
  county: 'county',
} as const;

// Larger than any list of allowed values, so a real form never hits them; they bound the work a hostile
// URL can cause (threat model T7).
export const MAX_VALUES_PER_KEY = 20;
export const MAX_QUERY_VALUE_LENGTH = 64;

export interface QueryError {
  /** The query-string key, which is also the form field's name. */
  key: string;
  message: string;
}

export type DirectoryPlace =
  | { kind: 'postcode'; postcode: string; location: PersonLocation; postTown?: string; note?: string }
  | { kind: 'county'; county: CountyName; location: PersonLocation };

export type DirectoryQueryResult =
  | { ok: true; filters: DirectoryFilters; place?: DirectoryPlace }
  /** `filters` and `place` hold whatever was valid, to redisplay the form around the errors. */
  | { ok: false; errors: QueryError[]; filters: DirectoryFilters; place?: DirectoryPlace };

function textValues(query: Record<string, unknown>, key: string, errors: QueryError[]): string[] {
  const raw = query[key];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > MAX_VALUES_PER_KEY) {
    errors.push({ key, message: `${key}: give at most ${MAX_VALUES_PER_KEY} values` });
    return [];
  }
  const values: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') {
      errors.push({ key, message: `${key}: must be text` });
      return [];
    }
    if (item.length > MAX_QUERY_VALUE_LENGTH) {
      errors.push({ key, message: `${key}: a value is longer than ${MAX_QUERY_VALUE_LENGTH} characters` });
      return [];
    }
    const trimmed = item.trim();
    // An empty value is what an unselected <select> or blank text box sends: treat it as not given.
    if (trimmed !== '' && !values.includes(trimmed)) values.push(trimmed);
  }
  return values;
}

function allowedValues<V extends string>(
  query: Record<string, unknown>,
  key: string,
  allowed: readonly V[],
  errors: QueryError[],
  choose = `Choose from: ${allowed.join(', ')}`,
): V[] {
  const values = textValues(query, key, errors);
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0) {
    errors.push({
      key,
      message: `${key}: ${unknown.map((value) => `"${value}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not allowed. ${choose}`,
    });
  }
  return values.filter((value): value is V => (allowed as readonly string[]).includes(value));
}

function singleValue(query: Record<string, unknown>, key: string, errors: QueryError[]): string | undefined {
  const values = textValues(query, key, errors);
  if (values.length > 1) {
    errors.push({ key, message: `${key}: give only one value` });
    return undefined;
  }
  return values[0];
}

/**
 * Validates the directory's query string as a framework parses it: each key maps to a string, or to an
 * array of strings when repeated (checkboxes). Unknown keys are ignored; unknown values are errors.
 */
export function parseDirectoryQuery(query: Record<string, unknown>): DirectoryQueryResult {
  const errors: QueryError[] = [];
  const filters: DirectoryFilters = {
    needs: allowedValues(query, QUERY_KEYS.needs, NEEDS, errors),
    serves: allowedValues(query, QUERY_KEYS.serves, SERVES, errors),
    contactKinds: allowedValues(query, QUERY_KEYS.contactKinds, CONTACT_KINDS, errors),
    openNow: allowedValues(query, QUERY_KEYS.openNow, ['now'], errors).length > 0,
  };

  const postcode = singleValue(query, QUERY_KEYS.postcode, errors);
  const county = allowedValues(query, QUERY_KEYS.county, COUNTY_NAMES, errors, 'Choose a county from the list');
  let place: DirectoryPlace | undefined;
  if (postcode !== undefined && county.length > 0) {
    errors.push({ key: QUERY_KEYS.postcode, message: 'Enter a postcode or choose a county, not both' });
  } else if (county.length > 1) {
    errors.push({ key: QUERY_KEYS.county, message: `${QUERY_KEYS.county}: give only one value` });
  } else if (county[0] !== undefined) {
    place = { kind: 'county', county: county[0], location: locationForCounty(county[0]) };
  } else if (postcode !== undefined) {
    const lookup = lookupPostcode(postcode);
    if (lookup.kind === 'invalid') {
      errors.push({ key: QUERY_KEYS.postcode, message: lookup.message });
    } else if (lookup.kind === 'found') {
      place = { kind: 'postcode', postcode: lookup.postcode, location: lookup.location, postTown: lookup.postTown };
    } else {
      place = { kind: 'postcode', postcode: lookup.postcode, location: lookup.location, note: lookup.message };
    }
  }
  if (place !== undefined) filters.location = place.location;

  const base = place === undefined ? { filters } : { filters, place };
  return errors.length > 0 ? { ok: false, errors, ...base } : { ok: true, ...base };
}
