// Android SMS, MMS and call logs from "SMS Backup & Restore" (SyncTech), as its XML files describe them
// (synctech.com.au/sms-backup-restore/fields-in-xml-backup-files/):
//   <smses><sms address date(ms) type body contact_name/> <mms date msg_box address contact_name><parts><part ct text data(base64)/></parts><addrs><addr address type/></addrs></mms></smses>
//   <calls><call number duration(s) date(ms) type presentation contact_name/></calls>
// Read with saxes, a streaming parser that never expands entities or fetches anything; a DOCTYPE (the only way to
// declare entities, as a "billion laughs" file does) is refused outright, since the app never writes one.
import { SaxesParser } from 'saxes';
import { londonInstant } from './london-time.ts';
import {
  type CallKind,
  ImportCancelled,
  ImportError,
  type ImportedRecord,
  type ImportInput,
  type NamedAttachment,
  type ParsedExport,
  type ParseProgress,
} from './model.ts';
import { participantsOf, typeOfName } from './records.ts';
import { decodeText } from './text.ts';

// sms type: 1 Received, 2 Sent, 3 Draft, 4 Outbox, 5 Failed, 6 Queued. mms msg_box uses 1–4 the same way.
const SMS_RECEIVED = '1';
const SMS_DRAFT = '3';
// call type: 1 Incoming, 2 Outgoing, 3 Missed, 4 Voicemail, 5 Rejected, 6 Refused list (blocked).
const CALL_KINDS: Record<string, CallKind> = {
  '1': 'incoming',
  '2': 'outgoing',
  '3': 'missed',
  '4': 'voicemail',
  '5': 'rejected',
  '6': 'blocked',
};
// presentation: 1 allowed, 2 restricted (withheld by the caller), 3 unknown, 4 payphone.
const PRESENTATION: Record<string, string> = { '2': 'Withheld number', '3': 'Unknown number', '4': 'Payphone' };
// MMS addr type 137 is PduHeaders.FROM.
const MMS_FROM = '137';

const MAX_DEPTH = 8;
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
const CHUNK = 1024 * 1024;
const YOU = 'You';

type Attributes = Record<string, string>;

export function looksLikeSmsBackup(head: string): boolean {
  return /<(?:smses|calls)[\s>]/.test(head.slice(0, 4096));
}

/**
 * Android's XML serializer (used by older SMS Backup & Restore versions and by the apps that write its format)
 * escapes an emoji as the two halves of its UTF-16 surrogate pair, '&#55357;&#56832;', which XML forbids and every
 * conforming parser refuses. The pair is put back together as the one character it stands for; a lone half,
 * which stands for nothing, becomes U+FFFD.
 */
export function joinSurrogateReferences(text: string): string {
  if (!/&#(?:5[5-7]\d{3}|[xX][dD][89a-fA-F])/.test(text)) return text;
  const code = (ref: string) => (ref[0] === 'x' || ref[0] === 'X' ? parseInt(ref.slice(1), 16) : parseInt(ref, 10));
  const high = (n: number) => n >= 0xd800 && n <= 0xdbff;
  const low = (n: number) => n >= 0xdc00 && n <= 0xdfff;
  return text
    .replace(/&#(\d{5}|[xX][dD][89abAB][0-9a-fA-F]{2});&#(\d{5}|[xX][dD][c-fC-F][0-9a-fA-F]{2});/g, (whole, a: string, b: string) => {
      const h = code(a);
      const l = code(b);
      return high(h) && low(l) ? String.fromCharCode(h, l) : whole;
    })
    .replace(/&#(\d{5}|[xX][dD][89a-fA-F][0-9a-fA-F]{2});/g, (whole, a: string) => (high(code(a)) || low(code(a)) ? '\ufffd' : whole));
}

export async function parseSmsBackup(input: ImportInput, onProgress?: ParseProgress): Promise<ParsedExport> {
  const text = joinSurrogateReferences(decodeText(input.bytes, 'backup file'));
  if (!looksLikeSmsBackup(text))
    throw new ImportError('not-this-format', 'This is not an SMS Backup & Restore file: it has no <smses> or <calls> list.');
  const parser = new SaxesParser({ xmlns: false, position: true });
  const records: ImportedRecord[] = [];
  const warnings: string[] = [];
  let drafts = 0;
  let undated = 0;
  let depth = 0;
  let root = '';
  const counters = { sms: 0, mms: 0, call: 0 };
  let mms:
    | { attributes: Attributes; index: number; texts: string[]; attachments: NamedAttachment[]; from: string[]; to: string[] }
    | undefined;

  parser.on('doctype', () => {
    throw new ImportError(
      'hostile',
      'This file declares its own XML entities (a DOCTYPE), which SMS Backup & Restore never writes and which can be used to freeze a computer. It was not read.',
    );
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_DEPTH)
      throw new ImportError(
        'too-deep',
        `This file nests its XML more than ${MAX_DEPTH} levels deep, which SMS Backup & Restore never does. It was not read.`,
      );
    const a = tag.attributes as Attributes;
    if (depth === 1) {
      root = tag.name;
      if (root !== 'smses' && root !== 'calls')
        throw new ImportError('not-this-format', 'This is not an SMS Backup & Restore file: it has no <smses> or <calls> list.');
      return;
    }
    if (depth === 2 && tag.name === 'sms') {
      const index = counters.sms++;
      if (a.type === SMS_DRAFT) return void drafts++;
      const ms = dateOf(a.date);
      if (ms === undefined) return void undated++;
      const incoming = a.type === SMS_RECEIVED;
      const other = nameOf(a.contact_name, a.address);
      records.push({
        locator: `sms:${index}`,
        channel: 'sms',
        at: londonInstant(ms),
        timeSource: 'export',
        sender: incoming ? other : YOU,
        direction: incoming ? 'incoming' : 'outgoing',
        text: a.body ?? '',
        attachments: [],
        system: false,
        ...(incoming ? {} : { recipients: [other] }),
      });
    } else if (depth === 2 && tag.name === 'mms') {
      mms = { attributes: a, index: counters.mms++, texts: [], attachments: [], from: [], to: [] };
    } else if (depth === 2 && tag.name === 'call') {
      const index = counters.call++;
      const ms = dateOf(a.date);
      if (ms === undefined) return void undated++;
      const kind = CALL_KINDS[a.type ?? ''] ?? 'incoming';
      const other = PRESENTATION[a.presentation ?? ''] ?? nameOf(a.contact_name, a.number);
      records.push({
        locator: `call:${index}`,
        channel: 'call',
        at: londonInstant(ms),
        timeSource: 'export',
        sender: kind === 'outgoing' ? YOU : other,
        direction: kind === 'outgoing' ? 'outgoing' : 'incoming',
        text: '',
        call: { kind, durationSeconds: Math.max(0, Math.floor(Number(a.duration) || 0)) },
        attachments: [],
        system: false,
        ...(kind === 'outgoing' ? { recipients: [other] } : {}),
      });
    } else if (mms && tag.name === 'part') {
      const type = (a.ct ?? '').toLowerCase();
      if (type === 'application/smil') return;
      if (type === 'text/plain' && a.text !== undefined && a.text !== 'null') mms.texts.push(a.text);
      else if (a.data !== undefined && a.data !== 'null') {
        const name = [a.cl, a.name, a.fn].find((n) => n && n !== 'null') ?? `part-${mms.attachments.length + 1}`;
        if (a.data.length > (MAX_ATTACHMENT_BYTES * 4) / 3)
          throw new ImportError(
            'too-large',
            `A picture or file in message ${mms.index + 1} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. It was not read.`,
          );
        mms.attachments.push({ name, bytes: base64(a.data), type: type || typeOfName(name) });
      }
    } else if (mms && tag.name === 'addr') {
      if (a.type === MMS_FROM) mms.from.push(a.address ?? '');
      else if (a.address) mms.to.push(a.address);
    }
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (depth === 1 && tag.name === 'mms' && mms) {
      const a = mms.attributes;
      const box = a.msg_box ?? '';
      if (box === SMS_DRAFT) drafts++;
      else {
        const ms = dateOf(a.date);
        if (ms === undefined) undated++;
        else {
          const incoming = box === SMS_RECEIVED;
          const from = mms.from.find((f) => f && f !== 'insert-address-token');
          const contact =
            a.contact_name && a.contact_name !== '(Unknown)' && a.contact_name !== 'null' && !a.contact_name.includes(',')
              ? a.contact_name
              : undefined;
          const recipients = mms.to.filter((t) => t !== from && t !== 'insert-address-token');
          records.push({
            locator: `mms:${mms.index}`,
            channel: 'mms',
            at: londonInstant(ms),
            timeSource: 'export',
            sender: incoming ? (contact ?? from ?? nameOf(undefined, a.address)) : YOU,
            direction: incoming ? 'incoming' : 'outgoing',
            text: mms.texts.join('\n'),
            attachments: mms.attachments,
            system: false,
            ...(recipients.length ? { recipients } : {}),
            ...(a.sub && a.sub !== 'null' ? { subject: a.sub } : {}),
          });
        }
      }
      mms = undefined;
    }
  });
  parser.on('error', (error) => {
    throw error;
  });

  try {
    for (let at = 0; at < text.length; at += CHUNK) {
      parser.write(text.slice(at, at + CHUNK));
      if (onProgress && onProgress(Math.min(1, (at + CHUNK) / text.length)) === false) throw new ImportCancelled();
      if (text.length > CHUNK) await pause();
    }
    parser.close();
  } catch (error) {
    if (error instanceof ImportError || error instanceof ImportCancelled) throw error;
    throw xmlProblem(error, parser);
  }
  if (!root) throw new ImportError('truncated', 'This backup file ends before it begins: it may not have finished copying.');
  if (drafts) warnings.push(`${drafts} draft${drafts === 1 ? ' was' : 's were'} left out: they were never sent.`);
  if (undated)
    warnings.push(`${undated} item${undated === 1 ? ' has' : 's have'} no readable date and ${undated === 1 ? 'was' : 'were'} skipped.`);
  return { format: 'sms-backup', records, participants: participantsOf(records.filter((r) => r.sender !== YOU)), warnings };
}

function xmlProblem(error: unknown, parser: SaxesParser): ImportError {
  const message = error instanceof Error ? error.message : String(error);
  if (/unclosed|unexpected end|end of|incomplete/i.test(message)) {
    return new ImportError(
      'truncated',
      'This backup file stops part-way through (perhaps it did not finish copying). Make the backup again or copy it again.',
    );
  }
  if (/entity/i.test(message))
    return new ImportError(
      'hostile',
      `This file uses an XML entity that SMS Backup & Restore never writes (line ${parser.line}). It was not read.`,
    );
  return new ImportError('not-this-format', `This backup file is damaged: it is not well-formed XML at line ${parser.line}.`);
}

/** The app writes Java milliseconds; some converters write seconds. */
function dateOf(value: string | undefined): number | undefined {
  const n = Number(value);
  if (!value || !Number.isFinite(n) || n <= 0) return undefined;
  const ms = n < 1e11 ? n * 1000 : n;
  return ms < Date.UTC(1990, 0, 1) || ms > Date.UTC(2199, 0, 1) ? undefined : ms;
}

function nameOf(contact: string | undefined, address: string | undefined): string {
  if (contact && contact !== '(Unknown)' && contact !== 'null') return contact;
  return address && address !== 'null' ? address : 'Unknown number';
}

function base64(data: string): Uint8Array {
  const binary = atob(data.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
