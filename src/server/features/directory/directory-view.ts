import { countFilterValues, filterEntries, type DirectoryFilters, type DirectoryPlace, type OpenCheck } from '../../../domain/directory/filters.ts';
import { COUNTY_NAMES } from '../../../domain/directory/counties.ts';
import { NATION_NAMES } from '../../../domain/directory/police-forces.ts';
import type { ServiceArea, ServiceEntry } from '../../../domain/directory/schema.ts';
import { CONTACT_KIND_LABELS, CONTACT_KINDS, NEED_LABELS, NEEDS, SERVES, SERVES_LABELS } from '../../../domain/directory/vocabulary.ts';
import { describeWeeklyHours } from '../../../domain/opening-hours/index.ts';
import type { LiveStatus } from '../opening-status/index.ts';

/** Everything the directory templates show, built from the domain's filters; templates stay logic-free. */

export interface CheckboxGroup {
  name: string;
  legend: string;
  items: { value: string; text: string; checked: boolean }[];
}

function group<V extends string>(name: string, legend: string, values: readonly V[], labels: Readonly<Record<V, string>>, chosen: readonly V[] | undefined, counts: Record<V, number>): CheckboxGroup {
  return {
    name,
    legend,
    items: values.map((value) => ({ value, text: `${labels[value]} (${counts[value]})`, checked: chosen?.includes(value) ?? false })),
  };
}

export function filterGroups(entries: readonly ServiceEntry[], filters: DirectoryFilters, open: OpenCheck): CheckboxGroup[] {
  const counts = countFilterValues(entries, filters, open);
  return [
    group('need', 'What do you need help with?', NEEDS, NEED_LABELS, filters.needs, counts.needs),
    group('serves', 'Who is it for?', SERVES, SERVES_LABELS, filters.serves, counts.serves),
    group('contact', 'How do you want to get in touch?', CONTACT_KINDS, CONTACT_KIND_LABELS, filters.contactKinds, counts.contactKinds),
    { name: 'open', legend: 'Opening times', items: [{ value: 'now', text: `Open now (${counts.openNow ?? 0})`, checked: filters.openNow ?? false }] },
  ];
}

export function areaLabel(area: ServiceArea): string {
  switch (area.kind) {
    case 'uk':
      return 'Across the UK';
    case 'nations':
      return area.nations.map((n) => NATION_NAMES[n]).join(', ');
    case 'police-force-areas':
      return `${area.forces.join(', ')} area${area.forces.length > 1 ? 's' : ''}`;
    case 'counties':
      return area.counties.join(', ');
  }
}

export interface ServiceCard {
  entry: ServiceEntry;
  areaLabel: string;
  needs: string[];
  serves: string[];
  contacts: { label: string; text: string; href?: string; free?: boolean }[];
  status?: LiveStatus;
  weeklyHours: string[];
}

function contactLink(kind: string, value: string): string | undefined {
  if (kind === 'phone' || kind === 'textphone') return `tel:${value.replace(/\s+/g, '')}`;
  if (kind === 'text') return `sms:${value.replace(/\s+/g, '')}`;
  if (kind === 'website' || kind === 'app' || kind === 'web-chat') return /^https:\/\//.test(value) ? value : undefined;
  return undefined;
}

export function serviceCard(entry: ServiceEntry, status: LiveStatus | undefined): ServiceCard {
  return {
    entry,
    areaLabel: areaLabel(entry.area),
    needs: entry.needs.map((n) => NEED_LABELS[n]),
    serves: entry.serves.map((s) => SERVES_LABELS[s]),
    contacts: entry.contact.map((c) => ({
      label: c.label ?? CONTACT_KIND_LABELS[c.kind],
      text: c.value,
      ...(contactLink(c.kind, c.value) ? { href: contactLink(c.kind, c.value) } : {}),
      ...(c.free ? { free: true } : {}),
    })),
    ...(status ? { status } : {}),
    weeklyHours: entry.hours ? describeWeeklyHours(entry.hours) : [],
  };
}

/** What the page says about where the person is, without repeating a full postcode back (it may be seen). */
export function placeSummary(place: DirectoryPlace | undefined): { text: string; outward?: string } | undefined {
  if (!place) return undefined;
  const { location } = place;
  if (place.kind === 'county') return { text: `Showing services for ${place.county} (${location.forces.join(', ')}) and services across the UK.` };
  const outward = place.postcode.split(' ')[0] ?? place.postcode;
  if (place.note) return { text: place.note, outward };
  // Areas are matched by the postcode's leading letters, which can span several counties: say so plainly.
  const letters = /^[A-Z]+/.exec(outward)?.[0] ?? outward;
  const counties = location.counties.length > 1 ? `parts of ${location.counties.join(', ')}` : location.counties.join(', ');
  return { text: `Showing services for postcodes starting ${letters} (${counties}) and services across the UK.`, outward };
}

export function results(entries: readonly ServiceEntry[], filters: DirectoryFilters, open: OpenCheck): ServiceEntry[] {
  return filterEntries(entries, filters, open);
}

export const COUNTY_OPTIONS = COUNTY_NAMES;
