// The diary's decrypted records, sorted by kind. Pure: it takes items the vault has opened and gives back
// maps the screens read, and each save gives a new value (the screens re-render from it).

import type { Incident, Person, Place } from '../../../domain/incidents/index.ts';
import { diaryKindOf, parseIncident, parsePerson, parsePlace } from '../../../domain/incidents/index.ts';
import type { ImportJob } from '../import/job.ts';
import { isImportJob } from '../import/job.ts';
import type { StoredItem } from '../items/item-store.ts';
import type { NoteContent } from '../items/notes.ts';
import { isNote } from '../items/notes.ts';

export interface DiaryRecords {
  readonly incidents: ReadonlyMap<string, StoredItem<Incident>>;
  readonly people: ReadonlyMap<string, StoredItem<Person>>;
  readonly places: ReadonlyMap<string, StoredItem<Place>>;
  readonly notes: ReadonlyMap<string, StoredItem<NoteContent>>;
  /** Where each import of a message export stands (src/web/vault/import/job.ts). */
  readonly imports: ReadonlyMap<string, StoredItem<ImportJob>>;
  /** Items this device could not decrypt, or that a newer version of Casebook wrote: counted, never hidden silently. */
  readonly unreadable: number;
}

export const EMPTY_RECORDS: DiaryRecords = {
  incidents: new Map(),
  people: new Map(),
  places: new Map(),
  notes: new Map(),
  imports: new Map(),
  unreadable: 0,
};

export type Sorted =
  | { kind: 'incident'; item: StoredItem<Incident> }
  | { kind: 'person'; item: StoredItem<Person> }
  | { kind: 'place'; item: StoredItem<Place> }
  | { kind: 'note'; item: StoredItem<NoteContent> }
  | { kind: 'import'; item: StoredItem<ImportJob> }
  | { kind: 'unknown' };

/** Which kind of record an item holds, parsed by its schema; 'unknown' when it does not parse. */
export function sortItem(item: StoredItem): Sorted {
  const kind = diaryKindOf(item.content);
  // The schema, not the claim, decides: an item whose content does not parse is counted as unreadable.
  if (kind === 'incident') {
    const parsed = parseIncident(item.content);
    return parsed.ok ? { kind, item: { ...item, content: parsed.value } } : { kind: 'unknown' };
  }
  if (kind === 'person') {
    const parsed = parsePerson(item.content);
    return parsed.ok ? { kind, item: { ...item, content: parsed.value } } : { kind: 'unknown' };
  }
  if (kind === 'place') {
    const parsed = parsePlace(item.content);
    return parsed.ok ? { kind, item: { ...item, content: parsed.value } } : { kind: 'unknown' };
  }
  if (isNote(item)) return { kind: 'note', item };
  if (isImportJob(item)) return { kind: 'import', item };
  return { kind: 'unknown' };
}

export function recordsFrom(items: readonly StoredItem[], undecryptable = 0): DiaryRecords {
  return recordsFromSorted(items.map(sortItem), undecryptable);
}

export function recordsFromSorted(items: readonly Sorted[], undecryptable = 0): DiaryRecords {
  const incidents = new Map<string, StoredItem<Incident>>();
  const people = new Map<string, StoredItem<Person>>();
  const places = new Map<string, StoredItem<Place>>();
  const notes = new Map<string, StoredItem<NoteContent>>();
  const imports = new Map<string, StoredItem<ImportJob>>();
  let unreadable = undecryptable;
  for (const sorted of items) {
    if (sorted.kind === 'incident') incidents.set(sorted.item.id, sorted.item);
    else if (sorted.kind === 'person') people.set(sorted.item.id, sorted.item);
    else if (sorted.kind === 'place') places.set(sorted.item.id, sorted.item);
    else if (sorted.kind === 'note') notes.set(sorted.item.id, sorted.item);
    else if (sorted.kind === 'import') imports.set(sorted.item.id, sorted.item);
    else unreadable += 1;
  }
  return { incidents, people, places, notes, imports, unreadable };
}

function replaced<T>(map: ReadonlyMap<string, T>, id: string, value: T): Map<string, T> {
  const next = new Map(map);
  next.set(id, value);
  return next;
}

/** The records with one item added or replaced by a newer version (an older version never replaces a newer one). */
export function withItem(records: DiaryRecords, item: StoredItem): DiaryRecords {
  const sorted = sortItem(item);
  const newer = <T>(map: ReadonlyMap<string, StoredItem<T>>) => (map.get(item.id)?.version ?? 0) < item.version;
  switch (sorted.kind) {
    case 'incident':
      return newer(records.incidents) ? { ...records, incidents: replaced(records.incidents, item.id, sorted.item) } : records;
    case 'person':
      return newer(records.people) ? { ...records, people: replaced(records.people, item.id, sorted.item) } : records;
    case 'place':
      return newer(records.places) ? { ...records, places: replaced(records.places, item.id, sorted.item) } : records;
    case 'note':
      return newer(records.notes) ? { ...records, notes: replaced(records.notes, item.id, sorted.item) } : records;
    case 'import':
      return newer(records.imports) ? { ...records, imports: replaced(records.imports, item.id, sorted.item) } : records;
    case 'unknown':
      return records;
  }
}

/**
 * The records with many items added at once (an import's hundreds of incidents): one copy of each map, where
 * adding them one by one would copy the maps once per item.
 */
export function withItems(records: DiaryRecords, items: readonly StoredItem[]): DiaryRecords {
  const incidents = new Map(records.incidents);
  const people = new Map(records.people);
  const imports = new Map(records.imports);
  let rest = records;
  for (const item of items) {
    const sorted = sortItem(item);
    const put = <T>(map: Map<string, StoredItem<T>>, value: StoredItem<T>) => {
      if ((map.get(item.id)?.version ?? 0) < item.version) map.set(item.id, value);
    };
    if (sorted.kind === 'incident') put(incidents, sorted.item);
    else if (sorted.kind === 'person') put(people, sorted.item);
    else if (sorted.kind === 'import') put(imports, sorted.item);
    else rest = withItem(rest, item);
  }
  return { ...rest, incidents, people, imports };
}

/** People sorted by name, for lists and choices. */
export function peopleByName(records: DiaryRecords): Person[] {
  return [...records.people.values()].map((item) => item.content).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function placesByName(records: DiaryRecords): Place[] {
  return [...records.places.values()].map((item) => item.content).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
