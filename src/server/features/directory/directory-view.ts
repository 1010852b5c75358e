import type { Catalogue } from '../../../domain/content-parity/index.ts';
import { COUNTY_NAMES } from '../../../domain/directory/counties.ts';
import {
  countFilterValues,
  type DirectoryFilters,
  type DirectoryPlace,
  filterEntries,
  type OpenCheck,
  QUERY_KEYS,
  type QueryError,
} from '../../../domain/directory/filters.ts';
import type { ServiceArea, ServiceEntry } from '../../../domain/directory/schema.ts';
import { CONTACT_KINDS, NEEDS, SERVES } from '../../../domain/directory/vocabulary.ts';
import { fill } from '../../../domain/messages/fill.ts';
import { describeWeeklyHours } from '../../../domain/opening-hours/index.ts';
import type { Language } from '../../setup/messages.ts';
import { pluralPhrase } from '../../shared/plural-phrase.ts';
import type { LiveStatus } from '../opening-status/index.ts';

/**
 * Everything the directory templates show, built from the domain's filters in one language; templates stay
 * logic-free. Every word is from the `directory` catalogue; what the directory data says (names, summaries,
 * descriptions, a contact's own label) stays as written, in English.
 */

export interface Words {
  language: Language;
  t: Record<string, Record<string, unknown>>;
}

const text = (words: Words, area: string, key: string): string => words.t[area]![key] as string;
const forceName = (words: Words, force: string) => (words.t.forces![force] as string | undefined) ?? force;
const countyName = (words: Words, county: string) => (words.t.counties![county] as string | undefined) ?? county;

export interface CheckboxGroup {
  name: string;
  legend: string;
  items: { value: string; text: string; checked: boolean }[];
}

function group<V extends string>(
  words: Words,
  name: string,
  labels: string,
  values: readonly V[],
  chosen: readonly V[] | undefined,
  counts: Record<V, number>,
): CheckboxGroup {
  return {
    name,
    legend: text(words, 'filters', name),
    items: values.map((value) => ({
      value,
      text: `${text(words, labels, value)} (${counts[value]})`,
      checked: chosen?.includes(value) ?? false,
    })),
  };
}

export function filterGroups(words: Words, entries: readonly ServiceEntry[], filters: DirectoryFilters, open: OpenCheck): CheckboxGroup[] {
  const counts = countFilterValues(entries, filters, open);
  return [
    group(words, 'need', 'needs', NEEDS, filters.needs, counts.needs),
    group(words, 'serves', 'serves', SERVES, filters.serves, counts.serves),
    group(words, 'contact', 'contactKinds', CONTACT_KINDS, filters.contactKinds, counts.contactKinds),
    {
      name: 'open',
      legend: text(words, 'filters', 'open'),
      items: [{ value: 'now', text: `${text(words, 'filters', 'openNow')} (${counts.openNow ?? 0})`, checked: filters.openNow ?? false }],
    },
  ];
}

export function areaLabel(words: Words, area: ServiceArea): string {
  switch (area.kind) {
    case 'uk':
      return text(words, 'area', 'uk');
    case 'nations':
      return area.nations.map((n) => text(words, 'nations', n)).join(', ');
    case 'police-force-areas':
      return pluralPhrase(words.t.area!.forces as Catalogue, words.language, area.forces.length, {
        forces: area.forces.map((f) => forceName(words, f)).join(', '),
      });
    case 'counties':
      return area.counties.map((c) => countyName(words, c)).join(', ');
  }
}

export interface ServiceCard {
  entry: ServiceEntry;
  areaLabel: string;
  needs: string[];
  serves: string[];
  /** `ownLabel`: the label is the directory's own words (English), not the catalogue's. */
  contacts: { label: string; ownLabel?: boolean; text: string; href?: string; free?: boolean }[];
  status?: LiveStatus;
  weeklyHours: string[];
}

function contactLink(kind: string, value: string): string | undefined {
  if (kind === 'phone' || kind === 'textphone') return `tel:${value.replace(/\s+/g, '')}`;
  if (kind === 'text') return `sms:${value.replace(/\s+/g, '')}`;
  if (kind === 'website' || kind === 'app' || kind === 'web-chat') return /^https:\/\//.test(value) ? value : undefined;
  return undefined;
}

export function serviceCard(words: Words, entry: ServiceEntry, status: LiveStatus | undefined): ServiceCard {
  return {
    entry,
    areaLabel: areaLabel(words, entry.area),
    needs: entry.needs.map((n) => text(words, 'needs', n)),
    serves: entry.serves.map((s) => text(words, 'serves', s)),
    contacts: entry.contact.map((c) => ({
      label: c.label ?? text(words, 'contactKinds', c.kind),
      ...(c.label ? { ownLabel: true } : {}),
      text: c.value,
      ...(contactLink(c.kind, c.value) ? { href: contactLink(c.kind, c.value) } : {}),
      ...(c.free ? { free: true } : {}),
    })),
    ...(status ? { status } : {}),
    // The weekly hours lines are English only for now (describeWeeklyHours); a Welsh page marks them lang="en".
    weeklyHours: entry.hours ? describeWeeklyHours(entry.hours) : [],
  };
}

/** What the page says about where the person is, without repeating a full postcode back (it may be seen). */
export function placeSummary(words: Words, place: DirectoryPlace | undefined): { text: string; outward?: string } | undefined {
  if (!place) return undefined;
  const { location } = place;
  const forces = location.forces.map((f) => forceName(words, f)).join(', ');
  if (place.kind === 'county')
    return { text: fill(text(words, 'place', 'county-summary'), { county: countyName(words, place.county), forces }) };
  const outward = place.postcode.split(' ')[0] ?? place.postcode;
  // Areas are matched by the postcode's leading letters, which can span several counties: say so plainly.
  const letters = /^[A-Z]+/.exec(outward)?.[0] ?? outward;
  if (place.note) return { text: words.language === 'en' ? place.note : fill(text(words, 'place', 'outside'), { area: letters }), outward };
  const names = location.counties.map((c) => countyName(words, c)).join(', ');
  const counties = location.counties.length > 1 ? fill(text(words, 'place', 'partsOf'), { counties: names }) : names;
  return { text: fill(text(words, 'place', 'postcode-summary'), { letters, counties }), outward };
}

/**
 * A query error in the page's language. English keeps the domain's own message, which names exactly what
 * was wrong; Welsh says what to do for the field (the domain's messages are English sentences with values
 * in them, so each Welsh message covers every English one for its field).
 */
export function errorText(words: Words, error: QueryError, query: Record<string, unknown>): string {
  if (words.language === 'en') return error.message;
  if (error.key === QUERY_KEYS.postcode) {
    return text(words, 'errors', query[QUERY_KEYS.county] !== undefined && query[QUERY_KEYS.county] !== '' ? 'both' : 'postcode');
  }
  return text(words, 'errors', 'choose');
}

export function results(entries: readonly ServiceEntry[], filters: DirectoryFilters, open: OpenCheck): ServiceEntry[] {
  return filterEntries(entries, filters, open);
}

export function countyOptions(words: Words, chosen: string) {
  return [
    { value: '', text: text(words, 'place', 'chooseCounty') },
    ...COUNTY_NAMES.map((county) => ({ value: county, text: countyName(words, county), selected: county === chosen })),
  ];
}
