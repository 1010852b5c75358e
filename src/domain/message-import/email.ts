// Email as .eml (one message) or .mbox (many, as Thunderbird, Apple Mail and Google Takeout write them). MIME is
// postal-mime's job (headers, encodings, multipart, attachments, and the HTML body turned into plain text, never
// kept as HTML); this file only splits an mbox and bounds what postal-mime may be asked to do.
import PostalMime, { type Address, type Email } from 'postal-mime';
import { htmlToText } from './html-text.ts';
import { londonInstant } from './london-time.ts';
import { parseMailDate } from './mail-date.ts';
import { ImportCancelled, ImportError, type ImportedRecord, type ImportInput, type ParsedExport, type ParseProgress } from './model.ts';
import { participantsOf } from './records.ts';
import { looksBinary } from './text.ts';

/** MIME parts inside parts: real mail nests four or five deep; hundreds is an attack on the parser. */
export const MAX_MIME_DEPTH = 30;
const MAX_PARTS = 2000;
const MAX_HEADERS_BYTES = 1024 * 1024;
const MAX_MESSAGES = 50_000;

const F = 0x46;
const NEWLINE = 0x0a;

/** Offsets where each message of an mbox starts: a "From " line at the start of the file or of a line, shaped like an envelope. */
export function mboxStarts(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  const isEnvelope = (at: number) => {
    if (bytes[at] !== F || bytes[at + 1] !== 0x72 || bytes[at + 2] !== 0x6f || bytes[at + 3] !== 0x6d || bytes[at + 4] !== 0x20)
      return false;
    let end = at;
    while (end < bytes.length && bytes[end] !== NEWLINE && end - at < 1000) end++;
    // "From sender@example.com Sun Mar  1 18:30:00 2026": an envelope always carries a time, a body line seldom does.
    return /^From \S+ .*\d\d:\d\d/.test(String.fromCharCode(...bytes.subarray(at, end)));
  };
  if (isEnvelope(0)) starts.push(0);
  for (let at = bytes.indexOf(NEWLINE); at >= 0 && at + 1 < bytes.length; at = bytes.indexOf(NEWLINE, at + 1)) {
    if (bytes[at + 1] === F && isEnvelope(at + 1)) starts.push(at + 1);
  }
  return starts;
}

export function isMbox(bytes: Uint8Array): boolean {
  return mboxStarts(bytes.subarray(0, 2000)).includes(0);
}

export async function parseEmail(input: ImportInput, onProgress?: ParseProgress): Promise<ParsedExport> {
  const bytes = input.bytes;
  const warnings: string[] = [];
  const records: ImportedRecord[] = [];
  if (isMbox(bytes)) {
    const starts = mboxStarts(bytes);
    if (starts.length > MAX_MESSAGES)
      throw new ImportError(
        'too-large',
        `This mailbox holds more than ${MAX_MESSAGES.toLocaleString('en-GB')} emails. Export a smaller folder or date range.`,
      );
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const end = starts[i + 1] ?? bytes.length;
      const lineEnd = bytes.indexOf(NEWLINE, start);
      const envelope = String.fromCharCode(...bytes.subarray(start, lineEnd < 0 ? end : lineEnd));
      const message = unescapeFrom(bytes.subarray(lineEnd < 0 ? end : lineEnd + 1, end));
      records.push(await readMessage(message, `mbox:${i}`, input, envelopeTime(envelope), warnings));
      if (onProgress && onProgress((i + 1) / starts.length) === false) throw new ImportCancelled();
    }
  } else {
    if (!/^[\x21-\x39\x3b-\x7e]+:/.test(String.fromCharCode(...bytes.subarray(0, 80)))) {
      throw new ImportError('not-this-format', 'This is not an email file: it does not start with email headers (From:, Date:, Subject:).');
    }
    records.push(await readMessage(bytes, 'eml', input, undefined, warnings));
  }
  if (records.length === 0) throw new ImportError('empty', 'This mailbox has no emails in it.');
  return { format: 'email', records, participants: participantsOf(records), warnings: [...new Set(warnings)] };
}

/** mboxrd escapes body lines starting "From " as ">From ", and ">From " as ">>From ": take one ">" back off. */
function unescapeFrom(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  let lineStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (lineStart && b === 0x3e) {
      let j = i;
      while (bytes[j] === 0x3e) j++;
      if (bytes[j] === F && bytes[j + 1] === 0x72 && bytes[j + 2] === 0x6f && bytes[j + 3] === 0x6d && bytes[j + 4] === 0x20) {
        lineStart = false;
        continue;
      }
    }
    out[length++] = b;
    lineStart = b === NEWLINE;
  }
  return out.subarray(0, length);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The time on an mbox "From " line (asctime, UTC), used only when the message has no readable Date header. */
function envelopeTime(line: string): number | undefined {
  const m = /([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?: [+-]\d{4})? (\d{4})/.exec(line);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!);
  return month < 0 ? undefined : Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
}

async function readMessage(
  bytes: Uint8Array,
  locator: string,
  input: ImportInput,
  envelope: number | undefined,
  warnings: string[],
): Promise<ImportedRecord> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, {
      maxNestingDepth: MAX_MIME_DEPTH,
      maxPartCount: MAX_PARTS,
      maxHeadersSize: MAX_HEADERS_BYTES,
      maxRfc822NestingDepth: 3,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EMAXNESTINGDEPTH')
      throw new ImportError(
        'too-deep',
        `An email in this file has parts nested more than ${MAX_MIME_DEPTH} deep, which real email never has. It was not read.`,
      );
    if (code === 'EMAXPARTCOUNT')
      throw new ImportError(
        'hostile',
        `An email in this file has more than ${MAX_PARTS.toLocaleString('en-GB')} parts, which real email never has. It was not read.`,
      );
    if (code === 'EMAXHEADERSIZE')
      throw new ImportError(
        'too-large',
        'An email in this file has headers larger than 1 MB, which real email never has. It was not read.',
      );
    throw new ImportError('not-this-format', 'An email in this file could not be read: it is damaged or not an email.');
  }
  if (!email.from && !email.date && !email.subject)
    throw new ImportError('not-this-format', 'This is not an email: it has no From, Date or Subject.');
  // postal-mime keeps the HTML body as it came; only its words are kept here.
  const text = email.text ?? (email.html === undefined ? '' : htmlToText(email.html));
  if (looksBinary(text))
    throw new ImportError('wrong-encoding', 'An email in this file holds binary data where its text should be. It may be damaged.');
  const dated = parseMailDate(email.headers.find((h) => h.key === 'date')?.value);
  let ms: number;
  let timeSource: ImportedRecord['timeSource'] = 'export';
  if (dated) {
    ms = dated.ms;
    if (!dated.zoned) warnings.push('An email’s date has no time zone, so it was read as UK time.');
  } else if (envelope !== undefined) ms = envelope;
  else {
    ms = input.lastModified;
    timeSource = 'file-modified';
    warnings.push('An email has no readable date, so the date the file was saved is used instead, which is weaker evidence.');
  }
  const recipients = [...(email.to ?? []), ...(email.cc ?? [])].flatMap(addresses);
  const record: ImportedRecord = {
    locator,
    channel: 'email',
    at: londonInstant(ms),
    timeSource,
    sender: email.from ? (addresses(email.from)[0] ?? '') : '',
    direction: 'unknown',
    text,
    attachments: email.attachments.map((a) => ({
      name: a.filename ?? (a.mimeType === 'message/rfc822' ? 'forwarded-email.eml' : 'attachment'),
      bytes: typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content),
      type: a.mimeType,
    })),
    system: false,
  };
  if (email.subject !== undefined) record.subject = email.subject;
  if (recipients.length) record.recipients = recipients;
  return record;
}

function addresses(address: Address): string[] {
  if (address.group) return address.group.flatMap(addresses);
  return [address.name ? `${address.name} <${address.address}>` : (address.address ?? '')];
}
