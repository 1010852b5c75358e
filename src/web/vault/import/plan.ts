// What an import will add, worked out from the parsed export and the person's choices before anything is saved:
// which records count (whose, which dates), which are already in the record from an earlier import, how they
// group into incidents, and the incidents themselves. Pure: the screen previews it, save.ts stores it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Attachment, BehaviourId, ImportedMessage, Incident, IncidentWhen, MethodUse } from '../../../domain/incidents/index.ts';
import { LIMITS, SCHEMA_VERSION } from '../../../domain/incidents/index.ts';
import type { Channel, ImportedRecord, ImportFormat, ParsedExport } from '../../../domain/message-import/index.ts';
import { dateDayNumber, groupRecords, guessBehaviours, londonDate, londonDayNumber } from '../../../domain/message-import/index.ts';

export type Grouping = 'day' | 'burst';

export interface ImportChoices {
  /** Senders whose messages are brought in. */
  readonly senders: readonly string[];
  /** London dates, inclusive; empty for no bound. */
  readonly from: string;
  readonly to: string;
  readonly by: Grouping;
  readonly burstGapMinutes: number;
  /** Messages already in the record from an earlier import are left out unless this is set. */
  readonly includeDuplicates: boolean;
}

export const DEFAULT_BURST_GAP_MINUTES = 60;

/** A record of the export with its duplicate key (recordKeys numbers repeats, so it is computed once per export). */
export interface KeyedRecord {
  readonly record: ImportedRecord;
  readonly key: string;
}

export interface PlannedGroup {
  /** Stable for the same messages: the preview's key and the behaviours' place in the edits. */
  readonly key: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  /** What will be saved. */
  readonly records: readonly KeyedRecord[];
  /** Messages of this group that are already in the record, left out. */
  readonly duplicates: number;
  readonly guessed: readonly BehaviourId[];
  /** The records split into the incidents they become (more than one when the group is large). */
  readonly parts: readonly (readonly KeyedRecord[])[];
}

export interface ImportPlan {
  readonly groups: readonly PlannedGroup[];
  /** Messages chosen (by sender and date), before duplicates are taken out. */
  readonly chosen: number;
  readonly duplicates: number;
  /** Messages too long for the vault to hold in one item: named, not silently dropped. */
  readonly tooLong: number;
}

/** Whose messages count unless the person says otherwise: everyone the export names, or (a photo, a web page) whoever its records are from. */
export function defaultSenders(parsed: ParsedExport): string[] {
  if (parsed.participants.length > 0) return parsed.participants.map((p) => p.name);
  return [...new Set(parsed.records.filter((r) => !r.system).map((r) => r.sender))];
}

/** The earliest and latest London dates in the export, for the date range's defaults. */
export function dateSpan(parsed: ParsedExport): { first: string; last: string } | undefined {
  // The earliest and latest instants, then their dates: a London date never goes back as time goes on.
  let first = Infinity;
  let last = -Infinity;
  for (const record of parsed.records) {
    if (record.system) continue;
    const ms = Date.parse(record.at);
    if (ms < first) first = ms;
    if (ms > last) last = ms;
  }
  return first > last ? undefined : { first: londonDate(first), last: londonDate(last) };
}

/** Every duplicate key already in the record's imported incidents. */
export function existingKeys(incidents: Iterable<Incident>): Set<string> {
  const keys = new Set<string>();
  for (const incident of incidents) for (const message of incident.imported?.messages ?? []) keys.add(message.key);
  return keys;
}

export function planImport(keyed: readonly KeyedRecord[], choices: ImportChoices, existing: ReadonlySet<string>): ImportPlan {
  const senders = new Set(choices.senders);
  let chosen = 0;
  let tooLong = 0;
  const byRecord = new Map<ImportedRecord, KeyedRecord>();
  const duplicateRecords = new Set<ImportedRecord>();
  const kept: ImportedRecord[] = [];
  // Compared as day numbers: a date string for each of 100,000 messages was a tenth of the preview's planning.
  const from = choices.from ? dateDayNumber(choices.from) : -Infinity;
  const to = choices.to ? dateDayNumber(choices.to) : Infinity;
  for (const item of keyed) {
    const { record } = item;
    if (record.system || !senders.has(record.sender)) continue;
    const day = londonDayNumber(Date.parse(record.at));
    if (day < from || day > to) continue;
    chosen++;
    if (record.text.length > LIMITS.importText) {
      tooLong++;
      continue;
    }
    byRecord.set(record, item);
    if (!choices.includeDuplicates && existing.has(item.key)) duplicateRecords.add(record);
    kept.push(record);
  }
  const groups: PlannedGroup[] = [];
  for (const group of groupRecords(kept, { by: choices.by, burstGapMinutes: choices.burstGapMinutes })) {
    const all = group.records.map((record) => byRecord.get(record)!);
    const records = all.filter(({ record }) => !duplicateRecords.has(record));
    const guessed = new Set<BehaviourId>();
    for (const { record } of records) for (const id of guessBehaviours(record)) guessed.add(id);
    groups.push({
      key: group.key,
      date: group.date,
      start: group.start,
      end: group.end,
      records,
      duplicates: group.records.length - records.length,
      guessed: [...guessed],
      // Split before duplicates are taken out, so the parts are the same however much an earlier run saved.
      parts: splitParts(all)
        .map((part) => part.filter(({ record }) => !duplicateRecords.has(record)))
        .filter((part) => part.length > 0),
    });
  }
  return { groups, chosen, duplicates: duplicateRecords.size, tooLong };
}

/** The file the messages came from, as every incident of the import attaches it. */
export interface ImportSource {
  readonly attachment: Attachment;
  readonly format: ImportFormat;
}

/**
 * Each part keeps its item well inside the vault's envelope (1.5 MiB of base64 over a padded power of two):
 * 100 kB of JSON pads to 128 KiB. Small parts also keep the tab's memory down while a large chat is saved (every
 * item in flight holds its JSON, its ciphertext and its base64 at once): 400 kB parts took a 100,000-message
 * import to 530 MB, 100 kB parts to about 440 MB (bench/message-import.ts).
 */
const PART_BYTES = 100_000;

/**
 * The incidents a group becomes: one, or several parts when it holds more messages than one item should. Ids are
 * derived from the file and the messages, so an interrupted import chosen again writes to the same ids.
 */
export function incidentsForGroup(
  group: PlannedGroup,
  behaviours: readonly BehaviourId[],
  source: ImportSource,
  personIds: ReadonlyMap<string, string>,
): Incident[] {
  const parts = group.parts.map((part) => part.map(({ record, key }) => messageOf(record, key)));
  return parts.map((messages, index) => {
    // The id names exactly these messages from this file: an item already there under it (written by a run that
    // was cut short before its answer arrived) holds the same messages, and any other set gets another id.
    const id = stableId(source.attachment.sha256, messages.map((m) => m.key).join(','));
    const senders = [...new Set(messages.map((m) => m.sender))];
    const people = senders.flatMap((sender) => {
      const personId = personIds.get(sender);
      return personId ? [{ personId, role: 'stalker' as const }] : [];
    });
    return {
      kind: 'incident',
      schemaVersion: SCHEMA_VERSION,
      id,
      when: whenOf(messages),
      where: '',
      whatHappened: describeMessages(messages, parts.length > 1 ? { part: index + 1, of: parts.length } : undefined),
      behaviours: [...behaviours],
      methods: methodsOf(messages.map((m) => m.channel)),
      people: [...new Map(people.map((p) => [p.personId, p])).values()],
      effects: { fearOfViolence: false, alarmOrDistress: false, dailyLifeChanges: [] },
      reports: [],
      attachments: [source.attachment],
      quickNote: false,
      imported: { source: { attachmentId: source.attachment.id, sha256: source.attachment.sha256, format: source.format }, messages },
    } satisfies Incident;
  });
}

/** Records in parts of at most LIMITS.importMessages and about PART_BYTES of JSON each, in order. */
export function splitParts(records: readonly KeyedRecord[]): KeyedRecord[][] {
  const parts: KeyedRecord[][] = [];
  let current: KeyedRecord[] = [];
  let bytes = 0;
  for (const keyed of records) {
    const size = sizeOf(keyed.record);
    if (current.length > 0 && (current.length >= LIMITS.importMessages || bytes + size > PART_BYTES)) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(keyed);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** An upper bound on a message's JSON in an item: its text and fields (escaped quotes and controls counted twice over), and the rest. */
function sizeOf(record: ImportedRecord): number {
  return (
    2 * utf8Length(record.text) +
    utf8Length(record.sender) +
    record.locator.length +
    (record.subject?.length ?? 0) * 3 +
    (record.url?.length ?? 0) +
    record.attachments.length * 260 +
    300
  );
}

const LINE_BREAKS = /[\r\n\u0000-\u001f\u007f]+/g;

/** A record as an incident keeps it: the text exactly; the fields shown on one line, bounded. */
export function messageOf(record: ImportedRecord, key: string): ImportedMessage {
  const names = record.attachments
    .slice(0, LIMITS.importAttachmentNames)
    .map((a) => oneLine(a.name, LIMITS.fileName))
    .filter((name) => name !== '');
  const subject = record.subject?.slice(0, LIMITS.mediumText * 2);
  const url = record.url === undefined ? undefined : oneLine(record.url, LIMITS.importUrl);
  return {
    locator: oneLine(record.locator, LIMITS.importLocator),
    channel: record.channel,
    sender: record.sender === '' ? '' : oneLine(record.sender, LIMITS.importSender),
    at: record.at,
    timeSource: record.timeSource,
    direction: record.direction,
    text: record.text,
    ...(record.call
      ? { call: { kind: record.call.kind, durationSeconds: Math.max(0, Math.min(10_000_000, Math.round(record.call.durationSeconds))) } }
      : {}),
    ...(record.marker ? { marker: record.marker } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(url ? { url } : {}),
    ...(names.length > 0 ? { attachments: names } : {}),
    key,
  };
}

function oneLine(value: string, max: number): string {
  const line = value.replace(LINE_BREAKS, ' ').trim();
  return (line === '' ? '?' : line).slice(0, max);
}

function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n += 2;
  return n;
}

function whenOf(messages: readonly ImportedMessage[]): IncidentWhen {
  const first = messages[0]!.at;
  const last = messages[messages.length - 1]!.at;
  return Date.parse(last) > Date.parse(first) ? { precision: 'range', from: first, to: last } : { precision: 'exact', at: first };
}

/** A UUID (the vault's item id form) from the file's hash and the messages' keys: the same every time. */
export function stableId(fileSha256: string, key: string): string {
  const hex = bytesToHex(sha256(utf8ToBytes(`casebook-import\n${fileSha256}\n${key}`)));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const PLATFORMS: Partial<Record<Channel, string>> = { whatsapp: 'WhatsApp', instagram: 'Instagram', facebook: 'Facebook' };

function methodsOf(channels: readonly Channel[]): MethodUse[] {
  const methods = new Map<string, MethodUse>();
  for (const channel of new Set(channels)) {
    const platform = PLATFORMS[channel];
    if (platform) methods.set(`social:${platform}`, { kind: 'social-media', platform });
    else if (channel === 'sms' || channel === 'mms') methods.set('text', { kind: 'text-message' });
    else if (channel === 'call') methods.set('call', { kind: 'phone-call' });
    else if (channel === 'email') methods.set('email', { kind: 'email' });
    else methods.set('other', { kind: 'other', detail: channel === 'screenshot' ? 'A screenshot or photo' : 'A web page' });
  }
  return [...methods.values()];
}

const CALL_WORDS: Record<string, [string, string]> = {
  missed: ['missed call', 'missed calls'],
  rejected: ['rejected call', 'rejected calls'],
  blocked: ['blocked call', 'blocked calls'],
  voicemail: ['voicemail', 'voicemails'],
  incoming: ['call', 'calls'],
  outgoing: ['call you made', 'calls you made'],
};

const THING_WORDS: Partial<Record<Channel, [string, string]>> = {
  email: ['email', 'emails'],
  screenshot: ['screenshot or photo', 'screenshots or photos'],
  'web-page': ['saved web page', 'saved web pages'],
};

const CHANNEL_NAMES: Record<Channel, string> = {
  whatsapp: 'WhatsApp',
  sms: 'text message',
  mms: 'text message',
  call: 'phone',
  email: 'email',
  instagram: 'Instagram',
  facebook: 'Facebook',
  screenshot: 'screenshot',
  'web-page': 'web page',
};

const counted = (n: number, [one, many]: [string, string]) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function listOf(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const QUOTE_LENGTH = 120;

/** "14 messages and 2 missed calls from Sam (WhatsApp), starting “Answer me”." */
export function describeMessages(messages: readonly ImportedMessage[], part?: { part: number; of: number }): string {
  const counts = new Map<string, { n: number; words: [string, string] }>();
  const add = (id: string, words: [string, string]) => {
    const entry = counts.get(id) ?? { n: 0, words };
    entry.n++;
    counts.set(id, entry);
  };
  for (const m of messages) {
    if (m.call) add(`call:${m.call.kind}`, CALL_WORDS[m.call.kind]!);
    else add(`thing:${m.channel}`, THING_WORDS[m.channel] ?? ['message', 'messages']);
  }
  const merged = new Map<string, { n: number; words: [string, string] }>();
  for (const entry of counts.values()) {
    const id = entry.words[0];
    const before = merged.get(id);
    merged.set(id, before ? { n: before.n + entry.n, words: entry.words } : entry);
  }
  const senders = [...new Set(messages.map((m) => m.sender).filter((sender) => sender !== ''))];
  const from =
    senders.length === 0 ? '' : senders.length > 3 ? `${senders.slice(0, 2).join(', ')} and ${senders.length - 2} others` : listOf(senders);
  const channels = [...new Set(messages.map((m) => CHANNEL_NAMES[m.channel]))];
  const quoted = messages
    .find((m) => !m.call && m.text.trim() !== '')
    ?.text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  const quote = quoted ? `, starting “${quoted.length > QUOTE_LENGTH ? `${quoted.slice(0, QUOTE_LENGTH).trimEnd()}…` : quoted}”` : '';
  const partText = part ? ` Part ${part.part} of ${part.of}.` : '';
  return `${listOf([...merged.values()].map((e) => counted(e.n, e.words)))}${from ? ` from ${from}` : ''} (${channels.join(', ')})${quote}.${partText}`;
}
