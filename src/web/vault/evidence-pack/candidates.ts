// What a pack can hold, read from the vault's decrypted items: diary incidents and notes are the entries the
// person chooses from; the people and places incidents name are looked up for the PDF (witnesses, places).
// Pure: no fetching, no DOM.

import { attachmentRefsOf } from '../../../crypto/evidence-pack/index.ts';
import type { Incident, Person, Place } from '../../../domain/incidents/index.ts';
import {
  describeWhen,
  diaryKindOf,
  exactWhenAt,
  parseIncident,
  parsePerson,
  parsePlace,
  whenBounds,
} from '../../../domain/incidents/index.ts';
import type { StoredItem } from '../items/item-store.ts';

export interface CandidateFile {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** Lower-case hex, when the entry names the file's hash (incidents do; older notes do not). */
  readonly sha256?: string;
}

export interface PackCandidate {
  readonly id: string;
  readonly kind: 'incident' | 'note';
  /** When it happened (an incident as recorded, a note when written): [start, end) in ms. */
  readonly start: number;
  readonly end: number;
  /** "Tuesday 3 March 2026 at 6:30pm", as the diary writes it. */
  readonly when: string;
  /** The first words of what happened, on one line. */
  readonly title: string;
  /** Files named by the latest version. */
  readonly files: readonly CandidateFile[];
  /** Ids of the people and place this entry names. */
  readonly linked: readonly string[];
}

export interface LinkedRecord {
  readonly id: string;
  readonly kind: 'person' | 'place';
  readonly record: Person | Place;
}

export interface Candidates {
  /** Oldest first, by when it happened. */
  readonly entries: readonly PackCandidate[];
  /** People and places, by id. */
  readonly linked: ReadonlyMap<string, LinkedRecord>;
  /** Items that claim to be incidents but this version cannot read (made by a newer version, or damaged). */
  readonly unreadable: number;
}

const TITLE_LENGTH = 90;

export function candidatesFrom(items: readonly StoredItem[]): Candidates {
  const entries: PackCandidate[] = [];
  const linked = new Map<string, LinkedRecord>();
  let unreadable = 0;
  for (const item of items) {
    const kind = diaryKindOf(item.content);
    if (kind === 'incident') {
      const parsed = parseIncident(item.content);
      if (parsed.ok) entries.push(incidentCandidate(item.id, parsed.value));
      else unreadable++;
    } else if (kind === 'person') {
      const parsed = parsePerson(item.content);
      if (parsed.ok) linked.set(item.id, { id: item.id, kind, record: parsed.value });
    } else if (kind === 'place') {
      const parsed = parsePlace(item.content);
      if (parsed.ok) linked.set(item.id, { id: item.id, kind, record: parsed.value });
    } else {
      const note = noteCandidate(item);
      if (note) entries.push(note);
    }
  }
  entries.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, linked, unreadable };
}

function incidentCandidate(id: string, incident: Incident): PackCandidate {
  const { start, end } = whenBounds(incident.when);
  return {
    id,
    kind: 'incident',
    start,
    end,
    when: describeWhen(incident.when),
    title: firstWords(incident.whatHappened),
    files: incident.attachments.map(({ id: fileId, name, type, size, sha256 }) => ({ id: fileId, name, type, size, sha256 })),
    linked: [...new Set([...incident.people.map((link) => link.personId), ...(incident.placeId ? [incident.placeId] : [])])],
  };
}

/** The vault's first item type: { type: 'note', text, writtenAt, attachments: [{ id, name, type, size }] }. */
function noteCandidate(item: StoredItem): PackCandidate | undefined {
  const content = item.content as { type?: unknown; text?: unknown; writtenAt?: unknown } | null;
  if (typeof content !== 'object' || content === null || content.type !== 'note' || typeof content.text !== 'string') return undefined;
  const written = typeof content.writtenAt === 'string' ? Date.parse(content.writtenAt) : NaN;
  const start = Number.isFinite(written) ? written : item.receipt.timestamp;
  const files: CandidateFile[] = [];
  const types = new Map<string, string>();
  const list = (content as { attachments?: unknown }).attachments;
  for (const raw of Array.isArray(list) ? list : []) {
    const { id, type } = (raw ?? {}) as { id?: unknown; type?: unknown };
    if (typeof id === 'string' && typeof type === 'string') types.set(id, type);
  }
  for (const ref of attachmentRefsOf(content)) {
    files.push({
      id: ref.id,
      name: ref.name ?? 'file',
      type: types.get(ref.id) ?? 'application/octet-stream',
      size: ref.size ?? 0,
      ...(ref.sha256 ? { sha256: ref.sha256 } : {}),
    });
  }
  return {
    id: item.id,
    kind: 'note',
    start,
    end: start + 1,
    when: `Note written ${describeWhen(exactWhenAt(start))}`,
    title: firstWords(content.text) || 'A file, without text',
    files,
    linked: [],
  };
}

function firstWords(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= TITLE_LENGTH) return line;
  const cut = line.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The entries that overlap a London date range; either end may be left open. */
export function inDateRange(entries: readonly PackCandidate[], from: string | undefined, to: string | undefined): PackCandidate[] {
  const start = from ? whenBounds({ precision: 'day', date: from }).start : -Infinity;
  const end = to ? whenBounds({ precision: 'day', date: to }).end : Infinity;
  return entries.filter((entry) => entry.end > start && entry.start < end);
}

export function isImage(file: Pick<CandidateFile, 'type'>): boolean {
  return /^image\//i.test(file.type);
}
