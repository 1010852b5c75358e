import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, guessBehaviours, ImportError, type ImportInput, parseExport, rereadRecord } from './index.ts';
import { repairMojibake } from './meta-messages.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const input = (name: string, bytes: Uint8Array = fixture(name)): ImportInput => ({ name, bytes, lastModified: 0 });
const failure = async (bytes: Uint8Array, format: 'facebook' | 'instagram' = 'facebook') => {
  const error = await parseExport(input('message_1.json', bytes), { format }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
};

describe('Facebook and Instagram text encoding', () => {
  it('repairs UTF-8 written as Latin-1 and leaves real text alone', () => {
    const asLatin1 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));
    expect(asLatin1('Café 😡')).toBe('Caf\u00c3\u00a9 \u00f0\u009f\u0098\u00a1');
    expect(repairMojibake(asLatin1('Café 😡'))).toBe('Café 😡');
    expect(repairMojibake('Café')).toBe('Café');
    expect(repairMojibake('plain')).toBe('plain');
    expect(repairMojibake('😡 already fine')).toBe('😡 already fine');
  });
});

describe('Facebook Messenger JSON', () => {
  it('reads senders, times, text with its encoding repaired, photos, shared links, calls, oldest first', async () => {
    const bytes = fixture('facebook-message_1.json');
    expect(detectFormat(input('anything.txt', bytes))).toBe('facebook');
    const parsed = await parseExport(input('message_1.json', bytes));
    expect(parsed.format).toBe('facebook');
    expect(parsed.records.map((r) => [r.locator, r.sender, r.text, r.at])).toEqual([
      ['json:messages[5]', 'Alex Morgan', 'Café tonight? Réponds-moi', '2026-03-01T18:30:00+00:00'],
      ['json:messages[4]', 'Zoë Sam', 'Please stop – I’ve asked you before', '2026-03-01T18:31:00+00:00'],
      ['json:messages[3]', 'Alex Morgan', 'Alex missed your call.', '2026-07-01T22:00:00+01:00'],
      ['json:messages[2]', 'Alex Morgan', '', '2026-07-01T22:01:40+01:00'],
      ['json:messages[1]', 'Alex Morgan', 'https://www.facebook.com/groups/123/posts/456/', '2026-07-01T22:03:20+01:00'],
      ['json:messages[0]', 'Alex Morgan', "I'm going to post your photos everywhere 😡", '2026-07-01T22:05:00+01:00'],
    ]);
    expect(parsed.records[2]!.call).toEqual({ kind: 'missed', durationSeconds: 0 });
    expect(parsed.records[3]!.attachments).toEqual([{ name: '4412_10158.jpg', type: 'image/jpeg' }]);
    expect(parsed.records[4]!.url).toBe('https://www.facebook.com/groups/123/posts/456/');
    expect(guessBehaviours(parsed.records[4]!)).toContain('publishing');
    expect(parsed.records.every((r) => r.channel === 'facebook')).toBe(true);
    expect(parsed.participants).toEqual([
      { name: 'Alex Morgan', count: 5 },
      { name: 'Zoë Sam', count: 1 },
    ]);
    expect(parsed.warnings.join(' ')).toMatch(/full download ZIP/);
    expect(await rereadRecord(input('message_1.json', bytes), 'facebook', 'json:messages[0]')).toEqual(parsed.records[5]);
  });
});

describe('Instagram JSON and the download ZIP', () => {
  it('reads an Instagram thread: shared posts, unsent messages', async () => {
    const bytes = fixture('instagram-message_1.json');
    expect(detectFormat(input('message_1.json', bytes))).toBe('instagram');
    const parsed = await parseExport(input('message_1.json', bytes));
    expect(parsed.format).toBe('instagram');
    const [unsent, photo, share, reaction] = parsed.records;
    expect(unsent!.marker).toBe('deleted');
    expect(photo!.attachments[0]!.name).toBe('17845_1.jpg');
    expect(share).toMatchObject({ url: 'https://www.instagram.com/p/C0ffee123/', text: 'everyone will see this 👀' });
    expect(reaction!.text).toBe('Reacted ❤️ to your message ');
    expect(parsed.records.every((r) => r.channel === 'instagram')).toBe(true);
  });

  it('reads every thread in the whole download ZIP and attaches the photos it holds', async () => {
    const photo = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
    const zip = zipSync({
      'your_instagram_activity/messages/inbox/alexm1990_17845/message_1.json': fixture('instagram-message_1.json'),
      'your_instagram_activity/messages/inbox/alexm1990_17845/photos/17845_1.jpg': photo,
      'your_instagram_activity/messages/message_requests/other_1/message_1.json': Buffer.from(
        JSON.stringify({
          participants: [{ name: 'x' }],
          messages: [{ sender_name: 'new.account', timestamp_ms: 1772389800000, content: 'hi' }],
        }),
      ),
      'personal_information/personal_information.json': Buffer.from('{}'),
    });
    expect(detectFormat(input('instagram-sam-2026.zip', zip))).toBe('instagram');
    const parsed = await parseExport(input('download.zip', zip));
    expect(parsed.records.map((r) => r.sender)).toEqual(['new.account', 'alex.m_1990', 'alex.m_1990', 'alex.m_1990', 'alex.m_1990']);
    const withPhoto = parsed.records.find((r) => r.attachments.length)!;
    expect(withPhoto.attachments[0]).toEqual({ name: '17845_1.jpg', type: 'image/jpeg', bytes: photo });
    expect(withPhoto.locator).toBe('json:your_instagram_activity/messages/inbox/alexm1990_17845/message_1.json#messages[2]');
    expect(await rereadRecord(input('download.zip', zip), 'instagram', withPhoto.locator)).toEqual(withPhoto);
  });
});

describe('Messenger end-to-end encrypted chats export', () => {
  it('reads the camelCase shape (senderName, timestamp, text, media, isUnsent)', async () => {
    const json = {
      participants: ['Alex Morgan', 'Sam'],
      threadName: 'Alex Morgan',
      messages: [
        {
          isUnsent: false,
          media: [{ uri: './media/1234.jpg' }],
          reactions: [],
          senderName: 'Alex Morgan',
          text: '',
          timestamp: 1782939900000,
          type: 'media',
        },
        { isUnsent: true, media: [], reactions: [], senderName: 'Alex Morgan', text: '', timestamp: 1782939800000, type: 'text' },
        { isUnsent: false, media: [], reactions: [], senderName: 'Alex Morgan', text: 'answer me', timestamp: 1782939700000, type: 'text' },
      ],
    };
    const parsed = await parseExport(input('alex.json', Buffer.from(JSON.stringify(json))));
    expect(parsed.format).toBe('facebook');
    expect(parsed.records.map((r) => [r.sender, r.text, r.at, r.marker, r.attachments.map((a) => a.name)])).toEqual([
      ['Alex Morgan', 'answer me', '2026-07-01T22:01:40+01:00', undefined, []],
      ['Alex Morgan', '', '2026-07-01T22:03:20+01:00', 'deleted', []],
      ['Alex Morgan', '', '2026-07-01T22:05:00+01:00', undefined, ['1234.jpg']],
    ]);
  });
});

describe('Facebook and Instagram: damaged and hostile files', () => {
  it('says a cut-off file is incomplete, refuses other JSON and deep nesting', async () => {
    const bytes = fixture('facebook-message_1.json');
    expect((await failure(bytes.subarray(0, 300))).problem).toBe('truncated');
    expect((await failure(Buffer.from('{"hello": 1}'))).problem).toBe('not-this-format');
    expect((await failure(Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).problem).toBe('too-deep');
  });
});
