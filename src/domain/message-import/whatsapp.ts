// WhatsApp "Export chat": the .txt, or the .zip with the .txt and the media. WhatsApp documents no format; these
// rules are the ones the Android and iPhone apps write in English (UK and US settings), each covered by a fixture.
//
//   Android  01/03/2026, 18:30 - Alex: text        1/3/26, 6:30 pm - Alex: text
//   iPhone   [01/03/2026, 18:30:15] Alex: text     [1/3/26, 6:30:15 PM] Alex: text
//
// iOS writes U+202F (narrow no-break space) before AM/PM and U+200E (left-to-right mark) before system lines and
// attachments. Lines that do not start with a date and time continue the message above them.

import { daysInMonth } from '../incidents/iso-calendar.ts';
import { londonInstant, londonWallClockToMs } from './london-time.ts';
import {
  ImportCancelled,
  ImportError,
  type ImportedRecord,
  type ImportInput,
  type NamedAttachment,
  type ParsedExport,
  type ParseProgress,
} from './model.ts';
import { participantsOf, typeOfName } from './records.ts';
import { assertLineLengths, decodeText } from './text.ts';
import { fitsBudget, isZip, listZip, readEntry, ZIP_LIMITS, type ZipBudget, type ZipEntry, type ZipLimits } from './zip.ts';

const SPACE = '[ \\u202f\\u00a0]';
const TIME = `(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:${SPACE}?([AaPp])\\.?${SPACE}?[Mm]\\.?)?`;
const DATE = '(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2,4})';
// Anchored, every quantifier bounded and every branch decided by the next character: no backtracking blow-up.
const ANDROID = new RegExp(`^\\u200e?${DATE},?${SPACE}${TIME}${SPACE}[-\\u2013]${SPACE}`);
const IPHONE = new RegExp(`^\\u200e?\\[${DATE},?${SPACE}${TIME}\\]${SPACE}`);

const SYSTEM = new RegExp(
  [
    'Messages and calls are end-to-end encrypted',
    'Messages to this (?:group|chat) are now secured',
    'created (?:the )?group',
    'created this group',
    '(?:added|removed) ',
    'left$',
    'joined using this group',
    "changed (?:the subject|this group's icon|the group description|their phone number|the group name|to )",
    "deleted this group's icon",
    'security code (?:with .* )?changed',
    'You were added',
    'You joined',
    'is a contact',
    'turned (?:on|off) disappearing messages',
    'Disappearing messages',
    'This chat is with a business account',
    'blocked this contact',
    'unblocked this contact',
  ].join('|'),
);
const DELETED = /^(?:This message was deleted|You deleted this message)\.?$/;
const MEDIA_OMITTED = /^(?:<Media omitted>|(?:image|video|audio|sticker|GIF|document|Contact card) omitted)$/;
const EDITED = '<This message was edited>';
const CALL = /^(Missed voice call|Missed video call|Voice call|Video call|Silenced voice call|Silenced video call)(?:, (.*))?$/;
const ANDROID_ATTACHED = /^(.{1,200}?\.[A-Za-z0-9]{1,5}) \(file attached\)/;
const IPHONE_ATTACHED = /^<attached: ([^>]{1,200})>/;

interface Pending {
  startLine: number;
  endLine: number;
  first: number;
  second: number;
  year: number;
  hour: number;
  minute: number;
  secondOfMinute: number;
  meridiem: string | undefined;
  sender: string;
  text: string;
  system: boolean;
}

export interface WhatsAppParse {
  records: ImportedRecord[];
  warnings: string[];
}

const CHUNK = 512 * 1024;

/** Whether text starts like a WhatsApp export: one of the first lines has a WhatsApp date-and-time header. */
export function looksLikeWhatsApp(text: string): boolean {
  let from = 0;
  for (let i = 0; i < 20 && from < text.length; i++) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const line = text.slice(from, Math.min(end, from + 300)).replace(/^\ufeff/, '');
    if (ANDROID.test(line) || IPHONE.test(line)) return true;
    from = end + 1;
  }
  return false;
}

export async function parseWhatsAppText(
  text: string,
  onProgress?: ParseProgress,
  progressShare: [number, number] = [0, 1],
): Promise<WhatsAppParse> {
  assertLineLengths(text, 'chat export');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const pending: Pending[] = [];
  let current: Pending | undefined;
  let orphanLines = 0;
  let lineNumber = 0;
  let from = 0;
  let nextProgress = CHUNK;
  while (from < text.length) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    let line = text.slice(from, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    lineNumber++;
    from = end + 1;
    if (from > nextProgress) {
      nextProgress += CHUNK;
      if (onProgress && onProgress(progressShare[0] + (progressShare[1] - progressShare[0]) * (from / text.length)) === false)
        throw new ImportCancelled();
      await pause();
    }
    const iphone = line.charCodeAt(0) === 0x5b || (line.charCodeAt(0) === 0x200e && line.charCodeAt(1) === 0x5b);
    const match = (iphone ? IPHONE : ANDROID).exec(line);
    if (!match) {
      if (current) {
        current.text += `\n${line}`;
        current.endLine = lineNumber;
      } else if (line.trim() !== '') orphanLines++;
      continue;
    }
    const rest = line.slice(match[0].length);
    // iOS writes app lines and attachments as "<chat name>: \u200e…", and a group's name may itself hold ": ".
    const marked = iphone ? rest.indexOf(': \u200e') : -1;
    const colon = marked >= 0 ? marked : rest.indexOf(': ');
    let sender = '';
    let body = rest;
    let system = false;
    if (colon < 0) {
      // Android writes system lines with no sender; iOS writes a sender but a text with nothing after the colon is still a message.
      if (iphone && rest.endsWith(':')) (sender = rest.slice(0, -1)), (body = '');
      else system = true;
    } else {
      sender = rest.slice(0, colon);
      body = rest.slice(colon + 2);
      if (sender.includes('"') || sender.length > 100) (system = true), (sender = ''), (body = rest);
      else if (iphone && body.charCodeAt(0) === 0x200e && SYSTEM.test(body.slice(1))) system = true;
      // "Alex changed the subject to: x" has a colon but is the app talking.
      else if (!iphone && / (?:changed|created|added|removed|joined) /.test(sender) && SYSTEM.test(sender))
        (system = true), (sender = ''), (body = rest);
    }
    current = {
      startLine: lineNumber,
      endLine: lineNumber,
      first: Number(match[1]),
      second: Number(match[2]),
      year: Number(match[3]),
      hour: Number(match[4]),
      minute: Number(match[5]),
      secondOfMinute: match[6] === undefined ? 0 : Number(match[6]),
      meridiem: match[7],
      sender,
      text: body,
      system,
    };
    pending.push(current);
  }
  if (pending.length === 0)
    throw new ImportError(
      'not-this-format',
      'This is not a WhatsApp chat export: no line starts with a date and time the way WhatsApp writes them.',
    );

  const warnings: string[] = [];
  if (orphanLines)
    warnings.push(
      `${orphanLines} line${orphanLines === 1 ? '' : 's'} before the first message could not be read and ${orphanLines === 1 ? 'was' : 'were'} skipped.`,
    );
  const dayFirst = dayOrder(pending, warnings);
  const records: ImportedRecord[] = [];
  let previous: number | undefined;
  let unreadable = 0;
  for (const p of pending) {
    const day = dayFirst ? p.first : p.second;
    const month = dayFirst ? p.second : p.first;
    const year = p.year < 100 ? 2000 + p.year : p.year;
    let hour = p.hour;
    if (p.meridiem) {
      const pm = p.meridiem === 'p' || p.meridiem === 'P';
      if (hour < 1 || hour > 12) hour = 99;
      else if (pm && hour < 12) hour += 12;
      else if (!pm && hour === 12) hour = 0;
    }
    if (
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > daysInMonth(year, month) ||
      hour > 23 ||
      p.minute > 59 ||
      p.secondOfMinute > 59 ||
      year < 1990 ||
      year > 2199
    ) {
      unreadable++;
      continue;
    }
    const ms = londonWallClockToMs(year, month, day, hour, p.minute, p.secondOfMinute, previous);
    previous = ms;
    records.push(toRecord(p, londonInstant(ms)));
  }
  if (unreadable)
    warnings.push(
      `${unreadable} message${unreadable === 1 ? ' has' : 's have'} a date or time that does not exist and ${unreadable === 1 ? 'was' : 'were'} skipped.`,
    );
  return { records, warnings };
}

/** UK exports write day/month; a first number over 12 proves it, a second over 12 proves month/day. */
function dayOrder(pending: Pending[], warnings: string[]): boolean {
  let firstOver12 = false;
  let secondOver12 = false;
  for (const p of pending) {
    if (p.first > 12) firstOver12 = true;
    if (p.second > 12) secondOver12 = true;
  }
  if (secondOver12 && !firstOver12) {
    warnings.push('The dates in this export are written month first (US style), so they were read that way.');
    return false;
  }
  if (!firstOver12 && !secondOver12 && pending.some((p) => p.first !== p.second)) {
    warnings.push(
      'Every date in this export could be read day first or month first. They were read day first (UK style): check a date you remember.',
    );
  }
  return true;
}

function toRecord(p: Pending, at: string): ImportedRecord {
  // iOS marks attachments and app-written text with a left-to-right mark: it is formatting, not words.
  let text = p.text;
  if (text.includes('\u200e')) text = text.replace(/^\u200e/, '').replace(/\n\u200e/g, '\n');
  const record: ImportedRecord = {
    locator: p.startLine === p.endLine ? `line:${p.startLine}` : `line:${p.startLine}-${p.endLine}`,
    channel: 'whatsapp',
    at,
    timeSource: 'export',
    sender: p.sender,
    direction: 'unknown',
    text,
    attachments: [],
    system: p.system,
  };
  if (p.system) return record;
  const newline = text.indexOf('\n');
  let firstLine = newline < 0 ? text : text.slice(0, newline);
  if (firstLine.includes('\u200e')) firstLine = firstLine.replace(/\u200e/g, '');
  const attached = firstLine.startsWith('<attached: ')
    ? IPHONE_ATTACHED.exec(firstLine)
    : firstLine.includes(' (file attached)')
      ? ANDROID_ATTACHED.exec(firstLine)
      : null;
  if (attached) record.attachments.push({ name: attached[1]!, type: typeOfName(attached[1]!) });
  // Cheap checks first: these run once per message of a 100,000-message export.
  if (firstLine.length < 40 && DELETED.test(firstLine)) record.marker = 'deleted';
  else if (firstLine.length < 40 && MEDIA_OMITTED.test(firstLine)) record.marker = 'media-omitted';
  else if (text.endsWith(EDITED)) record.marker = 'edited';
  const call = firstLine.length < 60 && /call/.test(firstLine) ? CALL.exec(firstLine) : null;
  if (call) {
    const kind = call[1]!.startsWith('Missed') || call[1]!.startsWith('Silenced') ? 'missed' : 'incoming';
    record.call = { kind, durationSeconds: durationOf(call[2] ?? '') };
  }
  return record;
}

/** "12 min", "1 hr 3 min", "45 sec", "No answer" as WhatsApp writes call lengths. */
function durationOf(text: string): number {
  let seconds = 0;
  for (const m of text.matchAll(/(\d+)\s*(hr|h|min|m|sec|s)\b/g)) {
    const n = Number(m[1]);
    seconds += m[2]!.startsWith('h') ? n * 3600 : m[2]!.startsWith('m') ? n * 60 : n;
  }
  return seconds;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The chat text in a WhatsApp .zip: '_chat.txt' (iPhone) or 'WhatsApp Chat with ….txt' (Android). */
export function chatEntry(entries: ZipEntry[]): ZipEntry | undefined {
  const texts = entries.filter((e) => /\.txt$/i.test(e.name) && !e.name.includes('__MACOSX'));
  return (
    texts.find((e) => /(^|\/)_chat\.txt$/.test(e.name)) ??
    texts.find((e) => /(^|\/)WhatsApp Chat/i.test(e.name)) ??
    (texts.length === 1 ? texts[0] : undefined)
  );
}

export async function parseWhatsApp(input: ImportInput, onProgress?: ParseProgress, limits: ZipLimits = ZIP_LIMITS): Promise<ParsedExport> {
  if (isZip(input.bytes)) return parseWhatsAppZip(input, onProgress, limits);
  const text = decodeText(input.bytes, 'chat export');
  const { records, warnings } = await parseWhatsAppText(text, onProgress);
  return { format: 'whatsapp', records, participants: participantsOf(records), warnings };
}

async function parseWhatsAppZip(input: ImportInput, onProgress: ParseProgress | undefined, limits: ZipLimits): Promise<ParsedExport> {
  const entries = listZip(input.bytes, limits);
  const chat = chatEntry(entries);
  if (!chat)
    throw new ImportError('not-this-format', 'This ZIP file has no WhatsApp chat in it (no "_chat.txt" or "WhatsApp Chat with ….txt").');
  const budget: ZipBudget = { used: 0 };
  const text = decodeText(readEntry(input.bytes, chat, budget, limits), 'chat export');
  const { records, warnings } = await parseWhatsAppText(text, onProgress, [0, 0.8]);
  const media = new Map<string, ZipEntry>();
  for (const entry of entries) if (entry !== chat) media.set(entry.name.slice(entry.name.lastIndexOf('/') + 1), entry);
  let missing = 0;
  let tooBig = 0;
  for (const record of records) {
    record.attachments = record.attachments.map((attachment): NamedAttachment => {
      const entry = media.get(attachment.name);
      if (!entry) {
        missing++;
        return attachment;
      }
      // Honestly large media (long videos) are left in the kept ZIP rather than refusing the chat; a lie still fails.
      if (!fitsBudget(entry, budget, limits)) {
        tooBig++;
        return attachment;
      }
      return { ...attachment, bytes: readEntry(input.bytes, entry, budget, limits) };
    });
  }
  if (missing)
    warnings.push(`${missing} attached file${missing === 1 ? ' named in the chat is' : 's named in the chat are'} not in the ZIP.`);
  if (tooBig)
    warnings.push(
      `${tooBig} attached file${tooBig === 1 ? ' is' : 's are'} too large to open here; ${tooBig === 1 ? 'it stays' : 'they stay'} in the original ZIP, which is kept.`,
    );
  return { format: 'whatsapp', records, participants: participantsOf(records), warnings };
}
