import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instantSchema } from '../incidents/schema.ts';
import { detectFormat, ImportError, type ImportInput, parseExport, rereadRecord } from './index.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const input = (name: string, bytes: Uint8Array = fixture(name)): ImportInput => ({ name, bytes, lastModified: 0 });
const failure = async (bytes: Uint8Array) => {
  const error = await parseExport(input('backup.xml', bytes)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
};

describe('SMS Backup & Restore: messages', () => {
  it('reads SMS (received and sent, entities and line breaks), leaves drafts out, and reads MMS with its picture', async () => {
    const parsed = await parseExport(input('sms-backup.xml'));
    expect(parsed.format).toBe('sms-backup');
    const [received, sent, threat, unknown, mms] = parsed.records;
    expect(received).toEqual({
      locator: 'sms:0',
      channel: 'sms',
      at: '2026-03-01T18:30:00+00:00',
      timeSource: 'export',
      sender: 'Alex Morgan',
      direction: 'incoming',
      text: "Why won't you answer me",
      attachments: [],
      system: false,
    });
    expect(sent).toMatchObject({ sender: 'You', direction: 'outgoing', recipients: ['Alex Morgan'] });
    expect(threat).toMatchObject({ at: '2026-07-01T22:05:00+01:00', text: "I know where you live & I'll be waiting\noutside" });
    expect(unknown).toMatchObject({ locator: 'sms:4', sender: '07700 900456', text: 'new number, same me 😈' });
    expect(mms).toMatchObject({ locator: 'mms:0', channel: 'mms', sender: 'Alex Morgan', text: 'Look at this', direction: 'incoming' });
    expect(mms!.attachments).toHaveLength(1);
    expect(mms!.attachments[0]).toMatchObject({ name: 'IMG_0001.png', type: 'image/png' });
    expect([...mms!.attachments[0]!.bytes!.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(parsed.records).toHaveLength(5);
    expect(parsed.warnings).toEqual(['1 draft was left out: they were never sent.']);
    expect(parsed.participants).toEqual([
      { name: 'Alex Morgan', count: 3 },
      { name: '07700 900456', count: 1 },
    ]);
    for (const record of parsed.records) expect(instantSchema.safeParse(record.at).success).toBe(true);
  });

  it('re-reads a record by its locator', async () => {
    const parsed = await parseExport(input('sms-backup.xml'));
    expect(await rereadRecord(input('sms-backup.xml'), 'sms-backup', 'mms:0')).toEqual(parsed.records[4]);
    expect(await rereadRecord(input('sms-backup.xml'), 'sms-backup', 'sms:3')).toBeUndefined();
  });
});

describe('SMS Backup & Restore: emoji written as surrogate halves', () => {
  it('puts the halves back together, as the app itself reads them', async () => {
    const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="2">\n  <sms protocol="0" address="+447700900123" date="1772389800000" type="1" body="hey &#55357;&#56841; &#xD83C;&#xDF89;&#10;bye &#55357; &amp; &#233;" contact_name="Alex" />\n</smses>\n`;
    const parsed = await parseExport(input('sms.xml', Buffer.from(xml)));
    expect(parsed.records[0]!.text).toBe('hey 😉 🎉\nbye \ufffd & é');
  });
});

describe('SMS Backup & Restore: calls', () => {
  it('reads every call type with its duration, and withheld numbers', async () => {
    const parsed = await parseExport(input('sms-backup-calls.xml'));
    expect(parsed.records.map((r) => [r.locator, r.channel, r.sender, r.direction, r.call?.kind, r.call?.durationSeconds, r.at])).toEqual([
      ['call:0', 'call', 'Alex Morgan', 'incoming', 'missed', 0, '2026-03-01T22:00:00+00:00'],
      ['call:1', 'call', 'Alex Morgan', 'incoming', 'incoming', 95, '2026-03-02T00:00:00+00:00'],
      ['call:2', 'call', 'You', 'outgoing', 'outgoing', 12, '2026-03-02T01:00:00+00:00'],
      ['call:3', 'call', 'Withheld number', 'incoming', 'rejected', 0, '2026-03-02T02:00:00+00:00'],
      ['call:4', 'call', 'Alex Morgan', 'incoming', 'voicemail', 30, '2026-03-02T03:00:00+00:00'],
      ['call:5', 'call', 'Alex Morgan', 'incoming', 'blocked', 0, '2026-03-02T04:00:00+00:00'],
    ]);
  });
});

describe('SMS Backup & Restore: hostile and damaged files', () => {
  it('refuses a billion-laughs file without expanding anything', async () => {
    const error = await failure(fixture('sms-backup-billion-laughs.xml'));
    expect(error.problem).toBe('hostile');
    expect(error.message).toMatch(/entities/);
  });

  it('refuses an external entity (XXE) the same way', async () => {
    const xxe = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE smses SYSTEM "file:///etc/passwd"><smses><sms date="1772389800000" type="1" body="x"/></smses>',
    );
    expect((await failure(xxe)).problem).toBe('hostile');
    const undeclared = Buffer.from('<?xml version="1.0"?><smses><sms date="1772389800000" type="1" body="&xxe;"/></smses>');
    expect((await failure(undeclared)).problem).toBe('hostile');
  });

  it('says a cut-off backup is incomplete', async () => {
    const text = fixture('sms-backup.xml');
    const error = await failure(text.subarray(0, text.indexOf('<mms')));
    expect(error.problem).toBe('truncated');
  });

  it('bounds nesting depth', async () => {
    const deep = Buffer.from(`<smses>${'<a>'.repeat(50)}${'</a>'.repeat(50)}</smses>`);
    expect((await failure(deep)).problem).toBe('too-deep');
  });

  it('is detected by content, not by name', () => {
    expect(detectFormat({ name: 'chat.txt', type: 'text/plain', bytes: fixture('sms-backup-calls.xml'), lastModified: 0 })).toBe(
      'sms-backup',
    );
  });

  it('refuses other XML as not this format', async () => {
    const error = await parseExport(input('x.xml', Buffer.from('<?xml version="1.0"?><rss><channel/></rss>')), {
      format: 'sms-backup',
    }).catch((e: unknown) => e);
    expect((error as ImportError).problem).toBe('not-this-format');
  });
});

describe('SMS Backup & Restore round trip', () => {
  it('parses what it renders back to the same texts, senders and instants, whatever the characters', async () => {
    const { default: fc } = await import('fast-check');
    const { renderSmsBackup } = await import('./test-support.ts');
    const body = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", '\n', '\t', 'é', '😀', ';', '#', 'amp'),
      maxLength: 40,
    });
    const item = fc.record({
      date: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
      type: fc.constantFrom(1 as const, 2 as const),
      address: fc.constantFrom('+447700900123', '07700 900456', 'BANK'),
      contactName: fc.option(fc.constantFrom('Alex Morgan', 'Jo & Sam'), { nil: undefined }),
      body,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 20 }), async (items) => {
        const parsed = await parseExport({ name: 'sms.xml', bytes: new TextEncoder().encode(renderSmsBackup(items)), lastModified: 0 });
        expect(parsed.records.map((r) => [r.text, r.direction, Date.parse(r.at)])).toEqual(
          items.map((m) => [m.body, m.type === 1 ? 'incoming' : 'outgoing', m.date]),
        );
        expect(parsed.records.map((r) => r.sender)).toEqual(items.map((m) => (m.type === 2 ? 'You' : (m.contactName ?? m.address))));
      }),
      { numRuns: 100 },
    );
  });
});
