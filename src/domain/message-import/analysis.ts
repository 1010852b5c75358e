// What the diary does with imported records once they are read: duplicate keys, guessed behaviours, grouping into
// incidents, and the counts the pattern view and "what the law needs" show. All pure, all in Europe/London.
import type { BehaviourId } from '../incidents/behaviours.ts';
import { dayNumberDate, instantMs, londonDayNumber, londonHour } from './london-time.ts';
import type { ImportedRecord } from './model.ts';

/**
 * A key that is the same for the same message in any export of the same chat: channel, sender, instant, text and
 * call. Not the file's hash or the record's place in it, so an overlapping export marks its overlap as duplicates.
 * `occurrence` tells apart identical messages in one export ("ok" twice in the same minute): use recordKeys for a
 * whole export, which counts them.
 *
 * The key is a 128-bit hash (four 32-bit lanes, MurmurHash3's mixing) of those parts, not SHA-256: a key
 * only says "probably seen before" and the person sees every duplicate and may bring it in anyway, while SHA-256
 * in JavaScript cost 2–5 s for 100,000 messages in Chromium (its cost is per call, not per byte), most of the
 * preview's time.
 */
export function recordKey(record: ImportedRecord, occurrence = 0): string {
  const parts = [
    record.channel,
    record.sender,
    String(instantMs(record.at)),
    record.text,
    record.call ? `${record.call.kind} ${record.call.durationSeconds}` : '',
    String(occurrence),
  ];
  for (const attachment of record.attachments) parts.push(attachment.name);
  return hash128(parts);
}

const fmix = (h: number) => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
// From a table of the 256 byte values: toString(16).padStart took half a second of a 100,000-message preview.
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hex8 = (n: number) => HEX_BYTES[n >>> 24]! + HEX_BYTES[(n >>> 16) & 0xff]! + HEX_BYTES[(n >>> 8) & 0xff]! + HEX_BYTES[n & 0xff]!;

/**
 * Four lanes over the UTF-16 code units of each part, each multiplied and rotated differently, every part closed
 * by its length (so ['ab', 'c'] and ['a', 'bc'] differ), then mixed together as MurmurHash3 x86_128 finishes.
 */
export function hash128(parts: readonly string[]): string {
  let h1 = 0x9368e53c;
  let h2 = 0x2f6af274;
  let h3 = 0xc4ad0ff1;
  let h4 = 0x5bd1e995;
  let n = 0;
  for (const part of parts) {
    for (let i = 0; i <= part.length; i++) {
      // After the last code unit comes the part's length, offset past every code unit.
      const c = i < part.length ? part.charCodeAt(i) : 0x10000 + part.length;
      h1 = rotl(Math.imul(h1 ^ c, 0x239b961b), 15);
      h2 = rotl(Math.imul(h2 ^ c, 0xab0e9789), 16);
      h3 = rotl(Math.imul(h3 ^ c, 0x38b34ae5), 17);
      h4 = rotl(Math.imul(h4 ^ c, 0xa1e38b93), 18);
    }
    n += part.length + 1;
  }
  h1 ^= n;
  h2 ^= n;
  h3 ^= n;
  h4 ^= n;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return hex8(h1 >>> 0) + hex8(h2 >>> 0) + hex8(h3 >>> 0) + hex8(h4 >>> 0);
}

/** recordKey for every record of one export, numbering repeats of the same message in the order they appear. */
export function recordKeys(records: readonly ImportedRecord[]): string[] {
  const seen = new Map<string, number>();
  return records.map((record) => {
    const base = recordKey(record);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return occurrence === 0 ? base : recordKey(record, occurrence);
  });
}

// A small list, tested word by word in analysis.test.ts: a guess the person confirms or changes, never a finding.
const THREAT_OF_VIOLENCE =
  /\b(?:kill (?:you|u)|hurt (?:you|u)|(?:you|u)(?:'ll| will) (?:regret|pay|be sorry)|watch your back|(?:stab|beat|smash|batter|punch|strangle|shoot) (?:you|u|your)|you(?:'re| are) dead|end (?:you|u)\b|i know where you live|make you suffer|break your)/i;
const THREAT_TO_OTHERS =
  /\b(?:kill|hurt|harm|get|take|touch) (?:your|ur) (?:kids?|children|son|daughter|mum|mom|dad|family|sister|brother|partner|boyfriend|girlfriend|husband|wife|dog|cat|friends?)\b/i;
const THREAT_OF_SELF_HARM =
  /\b(?:kill myself|hurt myself|end it all|end my life|top myself|won'?t be alive|not be here tomorrow|take my (?:own )?life)\b/i;
const SEXUAL_THREAT = /\b(?:rape|sexually assault|force myself on)\b/i;
const PUBLISHING =
  /\b(?:(?:post|posted|posting|share|shared|sharing|upload|uploaded|send|sent|show|showed) (?:your|ur|these|those|the) (?:photos?|pics?|pictures?|videos?|nudes|messages|address|number|secrets?)|everyone (?:will|is going to|gonna) (?:see|know)|(?:posted|put) (?:it|this|you) (?:online|on (?:facebook|instagram|twitter|x|tiktok|snapchat))|tell everyone)\b/i;

/** Any of the five: most messages match none, and one pass over the text says so in half the time of trying all five. */
const ANY_WORDS = new RegExp(
  [THREAT_OF_VIOLENCE, THREAT_TO_OTHERS, THREAT_OF_SELF_HARM, SEXUAL_THREAT, PUBLISHING].map((pattern) => pattern.source).join('|'),
  'i',
);

/** The behaviours an imported record suggests, for the person to confirm: contact always, threats and publishing from the words. */
export function guessBehaviours(record: ImportedRecord): BehaviourId[] {
  if (record.system) return [];
  const found: BehaviourId[] = [];
  if (record.channel === 'web-page') return ['publishing'];
  if (record.channel !== 'screenshot') found.push('contacting');
  const text = record.text;
  const worded = ANY_WORDS.test(text);
  if (worded && THREAT_OF_VIOLENCE.test(text)) found.push('threat-of-violence');
  if (worded && SEXUAL_THREAT.test(text)) found.push('sexual-threat');
  if (worded && THREAT_TO_OTHERS.test(text)) found.push('threat-to-others');
  if (worded && THREAT_OF_SELF_HARM.test(text)) found.push('threat-of-self-harm');
  if ((worded && PUBLISHING.test(text)) || ((record.channel === 'facebook' || record.channel === 'instagram') && record.url !== undefined))
    found.push('publishing');
  return found;
}

export interface RecordGroup {
  /** Stable within one grouping: the London date for days, the first record's instant for bursts. */
  key: string;
  /** The London date of the first record. */
  date: string;
  start: string;
  end: string;
  records: ImportedRecord[];
}

export interface GroupOptions {
  by: 'day' | 'burst';
  /** Bursts: a gap longer than this starts a new group. 60 unless given. */
  burstGapMinutes?: number;
}

/** Records in time order, grouped into would-be incidents: one per London day, or one per burst of messages split by a gap. */
export function groupRecords(records: readonly ImportedRecord[], options: GroupOptions): RecordGroup[] {
  const sorted = records
    .map((record, index) => ({ record, index, ms: instantMs(record.at) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index);
  const gap = (options.burstGapMinutes ?? 60) * 60_000;
  const groups: RecordGroup[] = [];
  let last: { group: RecordGroup; ms: number; day: number } | undefined;
  for (const { record, ms } of sorted) {
    const day = londonDayNumber(ms);
    const same = last !== undefined && (options.by === 'day' ? last.day === day : ms - last.ms <= gap);
    if (same && last) {
      last.group.records.push(record);
      last.group.end = record.at;
      last.ms = ms;
      last.day = day;
    } else {
      const date = dayNumberDate(day);
      const group: RecordGroup = {
        key: options.by === 'day' ? date : record.at,
        date,
        start: record.at,
        end: record.at,
        records: [record],
      };
      groups.push(group);
      last = { group, ms, day };
    }
  }
  return groups;
}

/** Night for the counts: 22:00 to 05:59 London time. */
export const NIGHT = { fromHour: 22, toHour: 6 } as const;

export function isAtNight(record: ImportedRecord): boolean {
  return isNightAt(instantMs(record.at));
}

function isNightAt(ms: number): boolean {
  const hour = londonHour(ms);
  return hour >= NIGHT.fromHour || hour < NIGHT.toHour;
}

/** Records that are contact from someone: not app-written lines. Pass `senders` to count only the people that matter. */
function contacts(records: readonly ImportedRecord[], senders?: readonly string[]): ImportedRecord[] {
  const wanted = senders ? new Set(senders) : undefined;
  return records.filter((r) => !r.system && (!wanted || wanted.has(r.sender)));
}

export interface DayCount {
  date: string;
  count: number;
}

/** Messages (and calls) per London day, in date order; days with none are left out. */
export function messagesPerDay(records: readonly ImportedRecord[], senders?: readonly string[]): DayCount[] {
  const counts = new Map<number, number>();
  for (const record of contacts(records, senders)) countDay(counts, instantMs(record.at));
  return perDay(counts);
}

function countDay(counts: Map<number, number>, ms: number): void {
  const day = londonDayNumber(ms);
  counts.set(day, (counts.get(day) ?? 0) + 1);
}

function perDay(counts: Map<number, number>): DayCount[] {
  return [...counts].sort((a, b) => a[0] - b[0]).map(([day, count]) => ({ date: dayNumberDate(day), count }));
}

export interface ContactCounts {
  messages: number;
  calls: number;
  /** Calls (phone or app) between 22:00 and 06:00 London time. */
  callsAtNight: number;
  messagesAtNight: number;
  busiestDay: DayCount | undefined;
  first: string | undefined;
  latest: string | undefined;
  /** Contacts after the "told to stop" instant, when one was given. */
  afterToldToStop: number | undefined;
  firstAfterToldToStop: string | undefined;
}

/** The counts the pattern view and "what the law needs" show for imported contact. */
export function contactCounts(
  records: readonly ImportedRecord[],
  options: { senders?: readonly string[]; toldToStopAt?: string } = {},
): ContactCounts {
  const list = contacts(records, options.senders);
  const stop = options.toldToStopAt === undefined ? undefined : instantMs(options.toldToStopAt);
  let messages = 0;
  let calls = 0;
  let callsAtNight = 0;
  let messagesAtNight = 0;
  let first: { ms: number; at: string } | undefined;
  let latest: { ms: number; at: string } | undefined;
  let after = 0;
  let firstAfter: { ms: number; at: string } | undefined;
  const days = new Map<number, number>();
  for (const record of list) {
    const ms = instantMs(record.at);
    const night = isNightAt(ms);
    countDay(days, ms);
    if (record.call) {
      calls++;
      if (night) callsAtNight++;
    } else {
      messages++;
      if (night) messagesAtNight++;
    }
    if (!first || ms < first.ms) first = { ms, at: record.at };
    if (!latest || ms > latest.ms) latest = { ms, at: record.at };
    if (stop !== undefined && ms > stop) {
      after++;
      if (!firstAfter || ms < firstAfter.ms) firstAfter = { ms, at: record.at };
    }
  }
  const busiestDay = perDay(days).reduce<DayCount | undefined>((best, day) => (!best || day.count > best.count ? day : best), undefined);
  return {
    messages,
    calls,
    callsAtNight,
    messagesAtNight,
    busiestDay,
    first: first?.at,
    latest: latest?.at,
    afterToldToStop: stop === undefined ? undefined : after,
    firstAfterToldToStop: firstAfter?.at,
  };
}
