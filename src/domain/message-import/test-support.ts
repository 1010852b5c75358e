// Makes exports for tests and benchmarks, in the exact formats the apps write (see whatsapp.ts for the rules).
// Pure: returns text or bytes, so unit tests, the bench and browser tests can all make big and small files.

export interface ChatMessage {
  /** London wall-clock time as the phone showed it: 'YYYY-MM-DDTHH:mm:ss'. */
  local: string;
  sender: string;
  /** May run over several lines. */
  text: string;
}

export interface WhatsAppStyle {
  platform: 'android' | 'iphone';
  clock: 12 | 24;
  /** 'dmy' as UK phones write; 'mdy' as US ones do. */
  order?: 'dmy' | 'mdy';
  yearDigits?: 2 | 4;
  /** iPhone writes 'PM' after a narrow no-break space; Android writes 'pm' after a space. */
  meridiem?: 'am' | 'AM';
  lineEnding?: '\n' | '\r\n';
  /** Start with the end-to-end encryption notice, as every export does. */
  encryptionNotice?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A WhatsApp "Export chat" .txt for these messages, in the given app's style. */
export function renderWhatsAppExport(messages: readonly ChatMessage[], style: WhatsAppStyle): string {
  const eol = style.lineEnding ?? '\n';
  const iphone = style.platform === 'iphone';
  const out: string[] = [];
  const header = (local: string) => {
    const [date, time] = local.split('T') as [string, string];
    const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
    const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
    const year = style.yearDigits === 2 ? pad(y % 100) : String(y);
    const dayMonth = (style.order ?? 'dmy') === 'dmy' ? [d, mo] : [mo, d];
    const dateText =
      style.clock === 12 && !iphone ? `${dayMonth[0]}/${dayMonth[1]}/${year}` : `${pad(dayMonth[0]!)}/${pad(dayMonth[1]!)}/${year}`;
    const seconds = iphone ? `:${pad(s)}` : '';
    let timeText: string;
    if (style.clock === 24) timeText = `${pad(h)}:${pad(mi)}${seconds}`;
    else {
      const upper = (style.meridiem ?? (iphone ? 'AM' : 'am')) === 'AM';
      const suffix = h < 12 ? (upper ? 'AM' : 'am') : upper ? 'PM' : 'pm';
      timeText = `${h % 12 === 0 ? 12 : h % 12}:${pad(mi)}${seconds}${iphone ? '\u202f' : ' '}${suffix}`;
    }
    if (iphone) return `[${dateText}, ${timeText}] `;
    return `${dateText}, ${timeText} - `;
  };
  if (style.encryptionNotice && messages.length) {
    const notice =
      'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';
    out.push(
      iphone
        ? `\u200e${header(messages[0]!.local)}${messages[0]!.sender}: \u200e${notice}`
        : `${header(messages[0]!.local)}${notice} Tap to learn more.`,
    );
  }
  for (const message of messages) out.push(`${header(message.local)}${message.sender}: ${message.text.split('\n').join(eol)}`);
  return out.join(eol) + eol;
}

const WORDS = [
  'why',
  'are',
  'you',
  'ignoring',
  'me',
  'I',
  'saw',
  'your',
  'car',
  'outside',
  'answer',
  'the',
  'phone',
  'please',
  'stop',
  'now',
  'tonight',
  'again',
  '😡',
  'café',
];

/**
 * `count` messages a minute or so apart from 1 March 2026, two senders, some over several lines (deterministic).
 * `maxWords` (25 unless given) sets the length: 100,000 messages make 11 MB of Android export at 25, 15 MB at 40.
 */
export function makeChat(count: number, options: { startMs?: number; senders?: readonly string[]; maxWords?: number } = {}): ChatMessage[] {
  const senders = options.senders ?? ['Alex Morgan', 'Sam'];
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  let ms = options.startMs ?? Date.UTC(2026, 2, 1, 8, 0, 0);
  const messages: ChatMessage[] = [];
  for (let i = 0; i < count; i++) {
    ms += 20_000 + (next() % 180) * 1000;
    const d = new Date(ms);
    // Wall-clock times stepped in UTC and written as local: no time falls in a clock-change hour unless the range spans one.
    const local = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const words = 3 + (next() % (options.maxWords ?? 25));
    let text = '';
    for (let w = 0; w < words; w++) text += (w ? ' ' : '') + WORDS[next() % WORDS.length];
    if (next() % 20 === 0) text += '\nand another line';
    messages.push({ local, sender: senders[next() % senders.length]!, text });
  }
  return messages;
}

export interface PhotoMetadata {
  /** EXIF DateTimeOriginal, 'YYYY:MM:DD HH:MM:SS'. */
  dateTimeOriginal?: string;
  /** EXIF OffsetTimeOriginal, '+01:00'. */
  offsetTimeOriginal?: string;
  gps?: { latitude: number; longitude: number };
}

/** A TIFF structure (big-endian) holding IFD0 with pointers to an Exif IFD and a GPS IFD, as cameras write. */
export function exifTiff(meta: PhotoMetadata): Uint8Array {
  type Entry = { tag: number; type: number; count: number; data: number[] };
  const ascii = (tag: number, text: string): Entry => ({
    tag,
    type: 2,
    count: text.length + 1,
    data: [...text].map((c) => c.charCodeAt(0)).concat(0),
  });
  const rationals = (tag: number, values: number[]): Entry => ({
    tag,
    type: 5,
    count: values.length,
    data: values.flatMap((v) => {
      const denominator = 10_000;
      return [...u32be(Math.round(v * denominator)), ...u32be(denominator)];
    }),
  });
  const dms = (value: number) => {
    const a = Math.abs(value);
    const d = Math.floor(a);
    const m = Math.floor((a - d) * 60);
    return [d, m, (a - d - m / 60) * 3600];
  };
  const exif: Entry[] = [];
  if (meta.dateTimeOriginal) exif.push(ascii(0x9003, meta.dateTimeOriginal));
  if (meta.offsetTimeOriginal) exif.push(ascii(0x9011, meta.offsetTimeOriginal));
  const gps: Entry[] = meta.gps
    ? [
        ascii(1, meta.gps.latitude >= 0 ? 'N' : 'S'),
        rationals(2, dms(meta.gps.latitude)),
        ascii(3, meta.gps.longitude >= 0 ? 'E' : 'W'),
        rationals(4, dms(meta.gps.longitude)),
      ]
    : [];
  // Layout: header, IFD0, Exif IFD, GPS IFD, then every value longer than four bytes.
  const ifdSize = (n: number) => 2 + n * 12 + 4;
  const ifd0Count = 1 + (gps.length ? 1 : 0);
  const ifd0At = 8;
  const exifAt = ifd0At + ifdSize(ifd0Count);
  const gpsAt = exifAt + ifdSize(exif.length);
  let dataAt = gpsAt + (gps.length ? ifdSize(gps.length) : 0);
  const out: number[] = [0x4d, 0x4d, 0, 42, ...u32be(ifd0At)];
  const extra: number[] = [];
  const writeIfd = (entries: Entry[]) => {
    out.push(...u16be(entries.length));
    for (const e of entries.sort((a, b) => a.tag - b.tag)) {
      out.push(...u16be(e.tag), ...u16be(e.type), ...u32be(e.count));
      if (e.data.length <= 4) out.push(...e.data, ...new Array(4 - e.data.length).fill(0));
      else {
        out.push(...u32be(dataAt + extra.length));
        extra.push(...e.data);
        if (extra.length % 2) extra.push(0);
      }
    }
    out.push(0, 0, 0, 0);
  };
  const pointers: Entry[] = [{ tag: 0x8769, type: 4, count: 1, data: u32be(exifAt) }];
  if (gps.length) pointers.push({ tag: 0x8825, type: 4, count: 1, data: u32be(gpsAt) });
  writeIfd(pointers);
  writeIfd(exif);
  if (gps.length) writeIfd(gps);
  dataAt = out.length;
  return Uint8Array.from([...out, ...extra]);
}

/** A small JPEG (SOI, APP1 Exif, a 1×1 frame header, EOI): enough for metadata readers, not a picture to show. */
export function jpegWithExif(meta: PhotoMetadata): Uint8Array {
  const body = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat([...exifTiff(meta)]);
  const app1 = [0xff, 0xe1, ...u16be(body.length + 2), ...body];
  const sof0 = [0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0];
  return Uint8Array.from([0xff, 0xd8, ...app1, ...sof0, 0xff, 0xd9]);
}

/** A 1×1 PNG with an optional tIME chunk (UTC), eXIf chunk, and XMP packet in iTXt (as iOS screenshots carry). */
export function pngWith(options: {
  time?: [number, number, number, number, number, number];
  exif?: PhotoMetadata;
  xmpDateCreated?: string;
}): Uint8Array {
  const chunk = (type: string, data: number[]) => {
    const typed = [...type].map((c) => c.charCodeAt(0)).concat(data);
    return [...u32be(data.length), ...typed, ...u32be(crc32(typed))];
  };
  const ihdr = chunk('IHDR', [...u32be(1), ...u32be(1), 8, 2, 0, 0, 0]);
  const parts = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...ihdr];
  if (options.exif) parts.push(...chunk('eXIf', [...exifTiff(options.exif)]));
  if (options.xmpDateCreated) {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ' +
      'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/">' +
      `<photoshop:DateCreated>${options.xmpDateCreated}</photoshop:DateCreated><exif:UserComment>Screenshot</exif:UserComment></rdf:Description></rdf:RDF></x:xmpmeta>`;
    parts.push(...chunk('iTXt', [...new TextEncoder().encode('XML:com.adobe.xmp'), 0, 0, 0, 0, 0, ...new TextEncoder().encode(xmp)]));
  }
  if (options.time) {
    const [y, mo, d, h, mi, s] = options.time;
    parts.push(...chunk('tIME', [y >> 8, y & 0xff, mo, d, h, mi, s]));
  }
  parts.push(...chunk('IDAT', [0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00]));
  parts.push(...chunk('IEND', []));
  return Uint8Array.from(parts);
}

const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function crc32(bytes: number[]): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A ZIP whose central directory says `name` unpacks to `size` bytes, whatever it really holds: a zip bomb's lie. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Uint8Array.from(zip);
  const view = new DataView(bytes.buffer);
  const encoded = new TextEncoder().encode(name);
  for (let at = bytes.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== encoded.length) continue;
    if (encoded.every((b, i) => bytes[at + 46 + i] === b)) view.setUint32(at + 24, size, true);
  }
  return bytes;
}

export interface SmsItem {
  /** Milliseconds since the epoch, as the app writes. */
  date: number;
  /** 1 received, 2 sent (SMS Backup & Restore's type codes). */
  type: 1 | 2;
  address: string;
  contactName?: string;
  body: string;
}

const xmlAttribute = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');

/** An SMS Backup & Restore XML file holding these text messages, escaped as the app escapes them. */
export function renderSmsBackup(items: readonly SmsItem[]): string {
  const lines = items.map(
    (m) =>
      `  <sms protocol="0" address="${xmlAttribute(m.address)}" date="${m.date}" type="${m.type}" subject="null" body="${xmlAttribute(m.body)}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="1" readable_date="" contact_name="${xmlAttribute(m.contactName ?? '(Unknown)')}" />`,
  );
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore v10.20.002-->\n<smses count="${items.length}" backup_set="0" backup_date="0" type="full">\n${lines.join('\n')}\n</smses>\n`;
}

export interface MailItem {
  from: string;
  subject: string;
  /** RFC 5322 date, e.g. 'Sun, 01 Mar 2026 18:30:00 +0000'. */
  date: string;
  body: string;
}

/** An mbox (mboxrd: body lines starting '>*From ' get one more '>') of plain-text UTF-8 emails. */
export function renderMbox(items: readonly MailItem[]): string {
  return items
    .map((m) => {
      const body = m.body
        .split('\n')
        .map((line) => (/^>*From /.test(line) ? `>${line}` : line))
        .join('\n');
      return `From sender@example.com Sun Mar  1 18:30:00 2026\nFrom: ${m.from}\nSubject: ${m.subject}\nDate: ${m.date}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${body}\n`;
    })
    .join('\n');
}
