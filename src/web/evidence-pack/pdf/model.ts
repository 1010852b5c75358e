// Reads the input once into what the pages print: entries numbered in pack order (as pack.json numbers them),
// each latest version parsed as an incident or a note, people and places by id, attachments by id.

import type { Incident, Person, Place } from '../../../domain/incidents/index.ts';
import { parseIncident, whenSortKey } from '../../../domain/incidents/index.ts';
import type { EvidencePdfAttachment, EvidencePdfEntry, EvidencePdfInput, EvidencePdfVersion } from './types.ts';

export interface Note {
  readonly text: string;
  /** ms, or undefined when the note does not say. */
  readonly writtenAt?: number;
  readonly attachmentIds: readonly string[];
}

export type Shown =
  | { readonly kind: 'incident'; readonly incident: Incident }
  | { readonly kind: 'note'; readonly note: Note }
  | { readonly kind: 'other' };

export interface NumberedEntry {
  /** "Entry 1" is the first: the same numbers as pack.json and the verifier. */
  readonly number: number;
  readonly id: string;
  readonly versions: readonly EvidencePdfVersion[];
  readonly shown: Shown;
}

export interface Model {
  readonly entries: readonly NumberedEntry[];
  readonly incidents: readonly Incident[];
  readonly people: ReadonlyMap<string, Person>;
  readonly places: ReadonlyMap<string, Place>;
  readonly attachments: ReadonlyMap<string, EvidencePdfAttachment>;
}

export function modelOf(input: EvidencePdfInput): Model {
  const read = input.entries.map((entry) => ({ entry, shown: shownOf(entry) }));
  read.sort(
    (a, b) =>
      sortKey(a.entry, a.shown) - sortKey(b.entry, b.shown) || firstLeaf(a.entry) - firstLeaf(b.entry) || compare(a.entry.id, b.entry.id),
  );
  const entries = read.map(({ entry, shown }, index) => ({ number: index + 1, id: entry.id, versions: entry.versions, shown }));
  return {
    entries,
    incidents: entries.flatMap((entry) => (entry.shown.kind === 'incident' ? [entry.shown.incident] : [])),
    people: new Map(input.people.map((person) => [person.id, person])),
    places: new Map(input.places.map((place) => [place.id, place])),
    attachments: new Map(input.attachments.map((attachment) => [attachment.id, attachment])),
  };
}

function latest(entry: EvidencePdfEntry): EvidencePdfVersion | undefined {
  return entry.versions[entry.versions.length - 1];
}

function shownOf(entry: EvidencePdfEntry): Shown {
  const content = latest(entry)?.content;
  const incident = parseIncident(content);
  if (incident.ok) return { kind: 'incident', incident: incident.value };
  const note = noteOf(content);
  return note ? { kind: 'note', note } : { kind: 'other' };
}

/** The vault's first item type: { type: 'note', text, writtenAt, attachments }. */
function noteOf(content: unknown): Note | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  const { type, text, writtenAt, attachments } = content as { type?: unknown; text?: unknown; writtenAt?: unknown; attachments?: unknown };
  if (type !== 'note' || typeof text !== 'string') return undefined;
  const written = typeof writtenAt === 'string' ? Date.parse(writtenAt) : NaN;
  const attachmentIds = (Array.isArray(attachments) ? attachments : []).flatMap((ref: unknown) => {
    if (typeof ref === 'string') return [ref];
    const id = (ref as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
  return { text, ...(Number.isFinite(written) ? { writtenAt: written } : {}), attachmentIds };
}

// The same order as the ZIP's builder: when it happened, then first log position, then id.
function sortKey(entry: EvidencePdfEntry, shown: Shown): number {
  return shown.kind === 'incident' ? whenSortKey(shown.incident.when) : (entry.versions[0]?.receipt.timestamp ?? 0);
}

function firstLeaf(entry: EvidencePdfEntry): number {
  return entry.versions[0]?.receipt.leafIndex ?? 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The attachment ids the entry's latest version names, in its order. */
export function attachmentIdsOf(shown: Shown): readonly string[] {
  if (shown.kind === 'incident') return shown.incident.attachments.map((a) => a.id);
  if (shown.kind === 'note') return shown.note.attachmentIds;
  return [];
}
