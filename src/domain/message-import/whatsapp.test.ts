import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { instantSchema } from '../incidents/schema.ts';
import { detectFormat, ImportCancelled, ImportError, type ImportInput, type ParsedExport, parseExport, rereadRecord } from './index.ts';
import { makeChat, renderWhatsAppExport, type WhatsAppStyle, withDeclaredSize } from './test-support.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const input = (name: string, bytes: Uint8Array = fixture(name)): ImportInput => ({ name, bytes, lastModified: 0 });
const parse = (name: string, bytes?: Uint8Array) => parseExport(input(name, bytes));
const problemOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return { problem: (error as ImportError).problem, message: (error as ImportError).message };
};
const people = (parsed: ParsedExport) => parsed.records.filter((r) => !r.system);

describe('WhatsApp, Android, 24-hour, UK dates', () => {
  it('reads senders, times, system lines, multi-line messages, attachments and markers', async () => {
    const parsed = await parse('whatsapp-android-24h-uk.txt');
    expect(parsed.format).toBe('whatsapp');
    const [notice, first, multi, reply, photo, omitted, deleted, night, call, number, edited] = parsed.records;
    expect(notice).toMatchObject({ system: true, sender: '', locator: 'line:1', at: '2026-03-01T18:29:00+00:00' });
    expect(first).toMatchObject({
      sender: 'Alex Morgan',
      text: "Why aren't you answering me",
      at: '2026-03-01T18:30:00+00:00',
      timeSource: 'export',
      channel: 'whatsapp',
      system: false,
      locator: 'line:2',
    });
    expect(multi).toMatchObject({ text: "I know you're home.\nI can see the light on\nand your car is outside", locator: 'line:3-5' });
    expect(reply!.sender).toBe('Sam');
    expect(photo!.attachments).toEqual([{ name: 'IMG-20260301-WA0001.jpg', type: 'image/jpeg' }]);
    expect(photo!.text).toBe('IMG-20260301-WA0001.jpg (file attached)\nlook who I saw today');
    expect(omitted!.marker).toBe('media-omitted');
    expect(deleted!.marker).toBe('deleted');
    expect(night!.at).toBe('2026-03-02T02:14:00+00:00');
    expect(call!.call).toEqual({ kind: 'missed', durationSeconds: 0 });
    expect(number).toMatchObject({ system: true, sender: '' });
    expect(edited!.marker).toBe('edited');
    expect(parsed.participants).toEqual([
      { name: 'Alex Morgan', count: 11 },
      { name: 'Sam', count: 1 },
    ]);
    expect(parsed.warnings).toEqual([]);
    for (const record of parsed.records) expect(instantSchema.safeParse(record.at).success).toBe(true);
  });

  it('reads the clock changes deterministically: the spring gap as GMT, the autumn overlap in order', async () => {
    const parsed = await parse('whatsapp-android-24h-uk.txt');
    const [gap, firstOverlap, secondOverlap] = parsed.records.slice(-3);
    // 29 March 2026 01:30 does not exist in London: read with the offset from before the change (01:30 GMT),
    // which is the instant London calls 02:30 BST.
    expect(gap!.at).toBe('2026-03-29T02:30:00+01:00');
    // 25 October 2026 01:30 happens twice: the first is BST, the next message (not before it) GMT.
    expect(firstOverlap!.at).toBe('2026-10-25T01:30:00+01:00');
    expect(secondOverlap!.at).toBe('2026-10-25T01:30:00+01:00');
  });
});

describe('WhatsApp, Android, 12-hour, US dates, CRLF', () => {
  it('reads month-first dates when a day over 12 proves it, and says so', async () => {
    const parsed = await parse('whatsapp-android-12h-us.txt');
    const texts = people(parsed).map((r) => [r.sender, r.text, r.at]);
    expect(texts).toEqual([
      ['+44 7700 900123', "Why aren't you answering me", '2026-03-01T18:30:00+00:00'],
      ['+44 7700 900123', 'midnight five', '2026-03-01T00:05:00+00:00'],
      ['+44 7700 900123', 'noon ten', '2026-03-01T12:10:00+00:00'],
      ['Sam', 'Stop', '2026-03-13T09:00:00+00:00'],
    ]);
    expect(parsed.warnings.join(' ')).toMatch(/month first/);
  });
});

describe('WhatsApp, iPhone', () => {
  it('reads 12-hour times with narrow no-break spaces, left-to-right marks, attachments, calls and system lines', async () => {
    const parsed = await parse('whatsapp-iphone-12h-uk.txt');
    const [notice, first, multi, , photo, omitted, deleted, hurt, missed, voice, number] = parsed.records;
    expect(notice).toMatchObject({ system: true, sender: 'Alex Morgan', at: '2026-03-01T18:29:58+00:00' });
    expect(notice!.text.startsWith('Messages and calls')).toBe(true);
    expect(first).toMatchObject({ text: "Why aren't you answering me", at: '2026-03-01T18:30:15+00:00', system: false });
    expect(multi!.text).toBe("I know you're home.\nI can see the light on");
    expect(photo!.attachments).toEqual([{ name: '00000012-PHOTO-2026-03-01-18-40-00.jpg', type: 'image/jpeg' }]);
    expect(photo!.text).toBe('<attached: 00000012-PHOTO-2026-03-01-18-40-00.jpg>');
    expect(omitted!.marker).toBe('media-omitted');
    expect(deleted!.marker).toBe('deleted');
    expect(hurt!.at).toBe('2026-03-02T00:14:09+00:00');
    expect(missed!.call).toEqual({ kind: 'missed', durationSeconds: 0 });
    expect(voice!.call).toEqual({ kind: 'incoming', durationSeconds: 720 });
    expect(number!.system).toBe(true);
    expect(parsed.participants.map((p) => p.name)).toEqual(['Alex Morgan', 'Sam']);
  });

  it('warns when every date could be either way round, and reads them UK style', async () => {
    const parsed = await parse('whatsapp-iphone-24h-ambiguous.txt');
    expect(parsed.records.map((r) => r.at)).toEqual([
      '2026-03-01T18:30:15+00:00',
      '2026-03-01T18:31:02+00:00',
      '2026-03-02T07:00:00+00:00',
    ]);
    expect(parsed.warnings.join(' ')).toMatch(/day first \(UK style\)/);
  });
});

describe('WhatsApp text encodings and hostile text', () => {
  const text = fixture('whatsapp-android-24h-uk.txt').toString('utf8');

  it('reads a UTF-16 export with its byte order mark, little- and big-endian, the same as UTF-8', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      expect(detectFormat(input('chat.txt', bytes))).toBe('whatsapp');
      expect((await parse('chat.txt', bytes)).records).toEqual((await parse('whatsapp-android-24h-uk.txt')).records);
    }
  }, 10_000);

  it('reads UTF-16 saved without its mark, told by the zero bytes of the digits', async () => {
    const le = Buffer.from(text, 'utf16le');
    expect(detectFormat(input('chat.txt', le))).toBe('whatsapp');
    expect((await parse('chat.txt', le)).records).toEqual((await parse('whatsapp-android-24h-uk.txt')).records);
  });

  it('refuses random binary and invalid UTF-8 with a plain message', async () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 16807) % 2147483647), seed & 0xff));
    expect(detectFormat(input('chat.txt', random))).toBeUndefined();
    expect(await problemOf(parse('chat.txt', random))).toMatchObject({ problem: 'unknown-format' });
    const broken = Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28])]);
    expect(await problemOf(parseExport({ ...input('chat.txt', broken) }, { format: 'whatsapp' }))).toMatchObject({
      problem: 'wrong-encoding',
    });
  });

  it('refuses a line past the bound before reading it, and says why', async () => {
    const long = Buffer.from(`01/03/2026, 18:30 - Alex: ${'x'.repeat(100_001)}\n`);
    const { problem, message } = await problemOf(parse('chat.txt', long));
    expect(problem).toBe('too-large');
    expect(message).toMatch(/line longer than 100,000 characters/);
  });

  it('detects a WhatsApp export by its content whatever it is called', async () => {
    expect(detectFormat({ name: 'photo.jpg', type: 'image/jpeg', bytes: fixture('whatsapp-iphone-12h-uk.txt'), lastModified: 0 })).toBe(
      'whatsapp',
    );
    expect(await problemOf(parseExport(input('x.txt', Buffer.from('hello\nworld\n')), { format: 'whatsapp' }))).toMatchObject({
      problem: 'not-this-format',
    });
    expect(await problemOf(parse('empty.txt', new Uint8Array()))).toMatchObject({ problem: 'empty' });
  });

  it('reads a truncated export up to where it stops', async () => {
    const cut = Buffer.from(text).subarray(0, text.indexOf('I can see') + 5);
    const parsed = await parse('chat.txt', cut);
    expect(parsed.records.at(-1)!.text).toBe("I know you're home.\nI can");
  });

  it('is cancelled when progress returns false', async () => {
    const big = renderWhatsAppExport(makeChat(20_000), { platform: 'android', clock: 24 });
    const seen: number[] = [];
    const error = await parseExport(input('chat.txt', Buffer.from(big)), { onProgress: (f) => (seen.push(f), seen.length < 2) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportCancelled);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(1);
  });
});

describe('WhatsApp .zip with media', () => {
  const chat = fixture('whatsapp-iphone-12h-uk.txt');
  const photo = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

  it('reads _chat.txt and attaches the files it names', async () => {
    const zip = zipSync({ '_chat.txt': chat, '00000012-PHOTO-2026-03-01-18-40-00.jpg': photo });
    expect(detectFormat(input('export.zip', zip))).toBe('whatsapp');
    const parsed = await parse('WhatsApp Chat - Alex.zip', zip);
    const withPhoto = parsed.records.find((r) => r.attachments.length)!;
    expect(withPhoto.attachments[0]).toEqual({ name: '00000012-PHOTO-2026-03-01-18-40-00.jpg', type: 'image/jpeg', bytes: photo });
    expect(parsed.records.map((r) => r.text)).toEqual((await parse('whatsapp-iphone-12h-uk.txt')).records.map((r) => r.text));
  });

  it('reads the Android layout and warns about files the chat names but the ZIP lacks', async () => {
    const zip = zipSync({ 'WhatsApp Chat with Alex Morgan.txt': fixture('whatsapp-android-24h-uk.txt') });
    const parsed = await parse('Alex.zip', zip);
    expect(parsed.records.length).toBe(14);
    expect(parsed.warnings.join(' ')).toMatch(/1 attached file named in the chat is not in the ZIP/);
  });

  it('refuses a zip bomb: an entry that inflates past the size it declares, and too many files', async () => {
    const lying = Buffer.from(chat.toString('utf8').replace('<attached: 00000012-PHOTO-2026-03-01-18-40-00.jpg>', '<attached: big.jpg>'));
    const bomb = withDeclaredSize(zipSync({ '_chat.txt': lying, 'big.jpg': new Uint8Array(5_000_000) }, { level: 9 }), 'big.jpg', 1024);
    const { problem, message } = await problemOf(parse('bomb.zip', bomb));
    expect(problem).toBe('hostile');
    expect(message).toMatch(/"big.jpg" in this ZIP file unpacks to more than the size it declares/);
    const many: Record<string, Uint8Array> = { '_chat.txt': chat };
    for (let i = 0; i < 20_001; i++) many[`f${i}`] = new Uint8Array();
    const tooMany = await problemOf(parse('many.zip', zipSync(many, { level: 0 })));
    expect(tooMany.problem).toBe('hostile');
    expect(tooMany.message).toMatch(/20,002 files/);
  });

  it('leaves honestly large media in the kept ZIP with a warning instead of refusing the chat', async () => {
    const { parseWhatsApp } = await import('./whatsapp.ts');
    const zip = zipSync({ '_chat.txt': chat, '00000012-PHOTO-2026-03-01-18-40-00.jpg': new Uint8Array(300_000) });
    const parsed = await parseWhatsApp(input('chat.zip', zip), undefined, {
      maxEntries: 10,
      maxEntryBytes: 100_000,
      maxTotalBytes: 1_000_000,
    });
    expect(parsed.records.find((r) => r.attachments.length)!.attachments[0]!.bytes).toBeUndefined();
    expect(parsed.warnings.join(' ')).toMatch(/1 attached file is too large to open here; it stays in the original ZIP/);
  });

  it('says a cut-off ZIP is incomplete', async () => {
    const zip = zipSync({ '_chat.txt': chat });
    expect(await problemOf(parseExport(input('cut.zip', zip.subarray(0, zip.length - 30)), { format: 'whatsapp' }))).toMatchObject({
      problem: 'truncated',
    });
  });
});

describe('WhatsApp round trip', () => {
  const styles: WhatsAppStyle[] = [
    { platform: 'android', clock: 24 },
    { platform: 'android', clock: 12, order: 'mdy', yearDigits: 2, lineEnding: '\r\n' },
    { platform: 'iphone', clock: 24, encryptionNotice: true },
    { platform: 'iphone', clock: 12, meridiem: 'AM' },
    { platform: 'android', clock: 12, meridiem: 'am', encryptionNotice: true },
  ];
  const word = fc.stringMatching(/^[a-zA-Z0-9éü😀!?,.' ]{1,12}$/u);
  const text = fc
    .array(
      fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ').trim() || 'x'),
      { minLength: 1, maxLength: 3 },
    )
    .map((lines) => lines.join('\n'));
  const message = fc.record({
    // Hours 3–23 keep clear of the clock-change hours, whose readings the fixture test pins down.
    local: fc.tuple(
      fc.integer({ min: 2015, max: 2030 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 3, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
    ),
    sender: fc.constantFrom('Alex Morgan', 'Sam', '+44 7700 900123', 'Jo-Ann O’Neil'),
    text,
  });

  it('parses what it renders back to the same senders, texts and wall-clock times', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 30 }), fc.constantFrom(...styles), async (drawn, style) => {
        const pad = (n: number) => String(n).padStart(2, '0');
        const messages = drawn.map((m) => {
          const [y, mo, d, h, mi, s] = m.local;
          return { ...m, local: `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${style.platform === 'iphone' ? pad(s) : '00'}` };
        });
        // A month-first export of only ambiguous dates would be read day first (with a warning), as a real one would.
        const mdyProven = style.order !== 'mdy' || messages.some((m) => Number(m.local.slice(8, 10)) > 12);
        fc.pre(mdyProven);
        const rendered = renderWhatsAppExport(messages, style);
        const parsed = await parseExport({ name: 'chat.txt', bytes: new TextEncoder().encode(rendered), lastModified: 0 });
        const records = parsed.records.filter((r) => !r.system);
        expect(records.map((r) => [r.sender, r.text, r.at.slice(0, 19)])).toEqual(messages.map((m) => [m.sender, m.text, m.local]));
      }),
      { numRuns: 150 },
    );
  });

  it('re-reads any record from the original bytes by its locator, identically', async () => {
    const bytes = fixture('whatsapp-iphone-12h-uk.txt');
    const parsed = await parse('chat.txt', bytes);
    for (const record of parsed.records) expect(await rereadRecord(input('chat.txt', bytes), 'whatsapp', record.locator)).toEqual(record);
    expect(await rereadRecord(input('chat.txt', bytes), 'whatsapp', 'line:999')).toBeUndefined();
  });
});

describe('WhatsApp clock and date spellings', () => {
  it('reads a.m./p.m., no-break spaces, dotted dates and two-digit years', async () => {
    const text = [
      '01/03/2026, 6:30 p.m. - Alex: one',
      '01/03/2026, 12:15\u00a0a.m. - Alex: two',
      '1.3.26, 7:05\u202fPM - Alex: three',
      '\u200e[1.3.26, 7:06:09\u202fpm] Alex: four',
    ].join('\n');
    const parsed = await parse('chat.txt', Buffer.from(text));
    expect(parsed.records.map((r) => [r.text, r.at])).toEqual([
      ['one', '2026-03-01T18:30:00+00:00'],
      ['two', '2026-03-01T00:15:00+00:00'],
      ['three', '2026-03-01T19:05:00+00:00'],
      ['four', '2026-03-01T19:06:09+00:00'],
    ]);
  });
});

describe('WhatsApp group chats', () => {
  it('marks joins, leaves, adds, name and icon changes and security notices as app lines (Android)', async () => {
    const parsed = await parse('whatsapp-android-group.txt');
    expect(parsed.records.map((r) => [r.system, r.sender, r.text])).toEqual([
      [true, '', expect.stringMatching(/^Messages and calls are end-to-end encrypted/)],
      [true, '', 'Alex Morgan created group "Friends of Sam"'],
      [true, '', 'Alex Morgan added you'],
      [true, '', 'Alex Morgan added Jo'],
      [true, '', 'Alex Morgan changed the subject from "Friends of Sam" to "Sam: the truth"'],
      [true, '', "Alex Morgan changed this group's icon"],
      [false, 'Alex Morgan', 'Everyone should know what she did'],
      [true, '', "Chris joined using this group's invite link"],
      [true, '', 'Jo left'],
      [true, '', 'Alex Morgan changed the group description'],
      [true, '', 'Your security code with Chris changed. Tap to learn more.'],
      [false, 'Chris', 'who is this: really?'],
    ]);
    expect(parsed.participants).toEqual([
      { name: 'Alex Morgan', count: 1 },
      { name: 'Chris', count: 1 },
    ]);
  });

  it('marks app lines on iPhone even when the group name holds a colon', async () => {
    const parsed = await parse('whatsapp-iphone-group.txt');
    expect(parsed.records.map((r) => [r.system, r.sender, r.text])).toEqual([
      [true, 'Sam: the truth', expect.stringMatching(/^Messages and calls are end-to-end encrypted/)],
      [true, 'Alex Morgan', 'Alex Morgan created group “Sam: the truth”'],
      [true, 'Sam: the truth', 'Alex Morgan added you'],
      [true, 'Sam: the truth', 'Alex Morgan changed the group name to “Sam: the truth”'],
      [false, 'Alex Morgan', 'Everyone should know what she did'],
      [true, 'Sam: the truth', "Chris joined using this group's invite link"],
      [true, 'Sam: the truth', 'Jo left'],
      [false, 'Chris', 'who is this: really?'],
    ]);
  });
});
