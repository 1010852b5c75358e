// Facebook Messenger and Instagram direct messages from "Download your information" in JSON: one
// messages/inbox/<thread>/message_1.json (message_2.json … for long threads), or the ZIP of the whole download.
//   { participants: [{ name }], title, thread_path, messages: [{ sender_name, timestamp_ms, content, photos: [{ uri }],
//     videos, audio_files, gifs, files, sticker, share: { link, share_text }, call_duration, is_unsent, type }] }
// Both write text as UTF-8 bytes escaped one by one as if Latin-1 ("caf\u00c3\u00a9" for "café"): repaired here.

import { metaThreads } from './detect.ts';
import { londonInstant } from './london-time.ts';
import {
  ImportCancelled,
  ImportError,
  type ImportedRecord,
  type ImportFormat,
  type ImportInput,
  type NamedAttachment,
  type ParsedExport,
  type ParseProgress,
} from './model.ts';
import { participantsOf, typeOfName } from './records.ts';
import { decodeText } from './text.ts';
import { fitsBudget, isZip, listZip, readEntry, type ZipBudget, type ZipEntry } from './zip.ts';

const MAX_JSON_DEPTH = 64;

/** UTF-8 written as Latin-1 code points, decoded back; text that is not such mojibake is returned unchanged. */
export function repairMojibake(text: string): string {
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return text;
    if (c >= 0x80) high = true;
  }
  if (!high) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return text;
  }
}

interface MetaMedia {
  uri?: unknown;
}
// Messenger's export of end-to-end encrypted chats (2024 on) writes the same things in camelCase:
// { participants: ['A', 'B'], threadName, messages: [{ senderName, timestamp, text, media: [{ uri }], isUnsent, type }] }.
interface MetaMessage {
  sender_name?: unknown;
  senderName?: unknown;
  timestamp_ms?: unknown;
  timestamp?: unknown;
  content?: unknown;
  text?: unknown;
  media?: unknown;
  isUnsent?: unknown;
  photos?: unknown;
  videos?: unknown;
  audio_files?: unknown;
  gifs?: unknown;
  files?: unknown;
  sticker?: unknown;
  share?: { link?: unknown; share_text?: unknown };
  call_duration?: unknown;
  is_unsent?: unknown;
  type?: unknown;
}

/**
 * Deepest nesting of arrays and objects, counted outside strings, so JSON.parse is never handed a stack-breaking
 * file; true when the text ends with brackets or a string still open (a file cut off part-way).
 */
function jsonDepth(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max)
        throw new ImportError(
          'too-deep',
          `This file nests its data more than ${max} levels deep, which no message download does. It was not read.`,
        );
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return depth > 0 || inString;
}

function parseJson(text: string): unknown {
  if (jsonDepth(text, MAX_JSON_DEPTH)) {
    throw new ImportError(
      'truncated',
      'This message file stops part-way through (perhaps it did not finish downloading). Download it again.',
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportError('not-this-format', 'This is not a Facebook or Instagram message file: it is not valid JSON.');
  }
}

const str = (value: unknown) => (typeof value === 'string' ? repairMojibake(value) : undefined);

function threadRecords(
  json: unknown,
  path: string,
  channel: 'facebook' | 'instagram',
  media: (uri: string) => Uint8Array | undefined,
  warnings: Set<string>,
): ImportedRecord[] {
  const thread = json as { messages?: unknown; participants?: unknown };
  if (!thread || typeof thread !== 'object' || !Array.isArray(thread.messages) || !Array.isArray(thread.participants)) {
    throw new ImportError('not-this-format', 'This is not a Facebook or Instagram message file: it has no "participants" and "messages".');
  }
  const records: ImportedRecord[] = [];
  const messages = thread.messages as MetaMessage[];
  messages.forEach((message, index) => {
    const stamp = message.timestamp_ms ?? message.timestamp;
    const ms = typeof stamp === 'number' ? stamp : Number.NaN;
    if (!Number.isFinite(ms) || ms < Date.UTC(1990, 0, 1) || ms > Date.UTC(2199, 0, 1)) {
      warnings.add('Some messages have no readable time and were skipped.');
      return;
    }
    const attachments: NamedAttachment[] = [];
    for (const list of [
      message.photos,
      message.videos,
      message.audio_files,
      message.gifs,
      message.files,
      message.media,
      message.sticker ? [message.sticker] : undefined,
    ]) {
      if (!Array.isArray(list)) continue;
      for (const item of list as MetaMedia[]) {
        const uri = str(item?.uri);
        if (!uri) continue;
        const name = uri.slice(uri.lastIndexOf('/') + 1);
        const bytes = media(uri);
        attachments.push({ name, type: typeOfName(name), ...(bytes ? { bytes } : {}) });
      }
    }
    const record: ImportedRecord = {
      locator: path ? `json:${path}#messages[${index}]` : `json:messages[${index}]`,
      channel,
      at: londonInstant(ms),
      timeSource: 'export',
      sender: str(message.sender_name ?? message.senderName) ?? '',
      direction: 'unknown',
      // A shared post has no content of its own, only the words shared with it.
      text: str(message.content ?? message.text) ?? str(message.share?.share_text) ?? '',
      attachments,
      system: message.type === 'Subscribe' || message.type === 'Unsubscribe',
    };
    const link = str(message.share?.link);
    if (link) record.url = link;
    if (message.is_unsent === true || message.isUnsent === true) record.marker = 'deleted';
    if (typeof message.call_duration === 'number')
      record.call = { kind: message.call_duration > 0 ? 'incoming' : 'missed', durationSeconds: message.call_duration };
    records.push(record);
  });
  // The download lists the newest first; the diary reads oldest first.
  return records.reverse();
}

function channelFor(format: ImportFormat | undefined, hint: string): 'facebook' | 'instagram' {
  if (format === 'instagram' || format === 'facebook') return format;
  return /instagram/i.test(hint) ? 'instagram' : 'facebook';
}

export async function parseMetaMessages(
  input: ImportInput,
  format: 'facebook' | 'instagram',
  onProgress?: ParseProgress,
): Promise<ParsedExport> {
  const warnings = new Set<string>();
  let records: ImportedRecord[] = [];
  let channel = format;
  if (isZip(input.bytes)) {
    const entries = listZip(input.bytes);
    const threads = metaThreads(entries).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (!threads.length)
      throw new ImportError(
        'not-this-format',
        'This ZIP file has no Facebook or Instagram messages in it (no messages/inbox/…/message_1.json).',
      );
    channel = channelFor(format, threads[0]!.name);
    const budget: ZipBudget = { used: 0 };
    // A uri is relative to the download's root, which a re-zipped download may have moved into a folder.
    const byBase = new Map<string, ZipEntry[]>();
    for (const e of entries) {
      const base = e.name.slice(e.name.lastIndexOf('/') + 1);
      byBase.set(base, [...(byBase.get(base) ?? []), e]);
    }
    const media = (uri: string): Uint8Array | undefined => {
      const candidates = byBase.get(uri.slice(uri.lastIndexOf('/') + 1)) ?? [];
      const entry =
        candidates.find((e) => e.name === uri) ?? candidates.find((e) => e.name.endsWith(`/${uri}`) || uri.endsWith(`/${e.name}`));
      if (!entry) return undefined;
      if (!fitsBudget(entry, budget)) {
        warnings.add('Some photos or videos are too large to open here; they stay in the original ZIP, which is kept.');
        return undefined;
      }
      return readEntry(input.bytes, entry, budget);
    };
    for (let i = 0; i < threads.length; i++) {
      const entry = threads[i]!;
      const json = parseJson(decodeText(readEntry(input.bytes, entry, budget), 'message file'));
      records.push(...threadRecords(json, entry.name, channel, media, warnings));
      if (onProgress && onProgress((i + 1) / threads.length) === false) throw new ImportCancelled();
    }
    records = stableByTime(records);
  } else {
    const text = decodeText(input.bytes, 'message file');
    const json = parseJson(text);
    channel = format;
    // The locator names no file: the file's name may change (the evidence pack renames it), its place in it does not.
    records = threadRecords(json, '', channel, () => undefined, warnings);
    if (records.some((r) => r.attachments.length))
      warnings.add('Photos and other files in these messages are in the full download ZIP, not in this file: import the ZIP to keep them.');
  }
  return { format: channel, records, participants: participantsOf(records), warnings: [...warnings] };
}

function stableByTime(records: ImportedRecord[]): ImportedRecord[] {
  return records
    .map((r, i) => ({ r, i, ms: Date.parse(r.at) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map((x) => x.r);
}
