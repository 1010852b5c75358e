import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, ImportError, type ImportInput, parseExport, rereadRecord } from './index.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const input = (name: string, bytes: Uint8Array = fixture(name)): ImportInput => ({ name, bytes, lastModified: Date.UTC(2026, 5, 1) });
const failure = async (bytes: Uint8Array) => {
  const error = await parseExport(input('mail.eml', bytes), { format: 'email' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
};

describe('email: .eml', () => {
  it('reads headers, the plain body, encoded words and attachments from a multipart message', async () => {
    const parsed = await parseExport(input('email-multipart.eml'));
    expect(parsed.format).toBe('email');
    const [mail] = parsed.records;
    expect(mail).toMatchObject({
      locator: 'eml',
      channel: 'email',
      at: '2026-07-01T22:05:00+01:00',
      timeSource: 'export',
      sender: 'Alex Morgan <alex.morgan@example.com>',
      subject: 'You can’t ignore me',
      recipients: ['Sam <sam@example.net>', 'Jo O’Neil <jo@example.org>'],
      system: false,
    });
    expect(mail!.text.trim()).toBe('I saw you at the café today.\nYou can’t hide from me.');
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]).toMatchObject({ name: 'you.png', type: 'image/png' });
    expect([...mail!.attachments[0]!.bytes!.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(parsed.participants).toEqual([{ name: 'Alex Morgan <alex.morgan@example.com>', count: 1 }]);
  });

  it('turns an HTML-only body into plain text: no tags, scripts, styles or remote images survive', async () => {
    const [mail] = (await parseExport(input('email-html-only.eml'))).records;
    expect(mail!.text).toContain('Everyone will see your photos & know.');
    expect(mail!.text).toContain('the post');
    for (const bad of ['<', 'alert', 'color: red', 'tracker.example', 'onerror']) expect(mail!.text).not.toContain(bad);
  });
});

describe('email: .mbox', () => {
  it('splits on From lines, unescapes >From, falls back to the envelope time, and re-reads each message', async () => {
    const bytes = fixture('email.mbox');
    expect(detectFormat({ name: 'Inbox', bytes, lastModified: 0 })).toBe('email');
    const parsed = await parseExport(input('Inbox.mbox', bytes));
    expect(parsed.records.map((r) => [r.locator, r.subject, r.at])).toEqual([
      ['mbox:0', 'First', '2026-03-01T18:30:00+00:00'],
      ['mbox:1', 'Second', '2026-03-02T09:00:00+00:00'],
      ['mbox:2', 'Third', '2026-07-01T22:05:00+01:00'],
    ]);
    expect(parsed.records[0]!.text.trim()).toBe('Why are you ignoring me?\nFrom now on I will write every day.\n>From the start, I knew.');
    expect(parsed.records[1]!.text.trim()).toBe('No Date header here, so the envelope time is used. 😡');
    expect(parsed.records[2]!.sender).toBe('Alex Morgan <alex.morgan@example.com>');
    expect(parsed.participants).toEqual([{ name: 'Alex Morgan <alex.morgan@example.com>', count: 3 }]);
    expect(await rereadRecord(input('Inbox.mbox', bytes), 'email', 'mbox:1')).toEqual(parsed.records[1]);
  });

  it('uses the file time, labelled weaker, when a message has no date at all', async () => {
    const parsed = await parseExport(input('x.eml', Buffer.from('From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n')), {
      format: 'email',
    });
    expect(parsed.records[0]).toMatchObject({ timeSource: 'file-modified', at: '2026-06-01T01:00:00+01:00' });
    expect(parsed.warnings.join(' ')).toMatch(/weaker/);
  });
});

describe('email dates', () => {
  it('reads the Date header the same on every machine: offsets, old zone names, and no zone as UK time', async () => {
    const { parseMailDate } = await import('./mail-date.ts');
    expect(parseMailDate('Sun, 01 Mar 2026 18:30:00 +0000')).toEqual({ ms: Date.UTC(2026, 2, 1, 18, 30), zoned: true });
    expect(parseMailDate('1 Jul 2026 17:05 -0500')).toEqual({ ms: Date.UTC(2026, 6, 1, 22, 5), zoned: true });
    expect(parseMailDate('Wed, 1 Jul 2026 18:05:00 EDT')).toEqual({ ms: Date.UTC(2026, 6, 1, 22, 5), zoned: true });
    expect(parseMailDate('Wed, 1 Jul 2026 18:05:00 GMT (no comment)')).toEqual({ ms: Date.UTC(2026, 6, 1, 18, 5), zoned: true });
    expect(parseMailDate('Wed, 1 Jul 2026 23:05:00')).toEqual({ ms: Date.UTC(2026, 6, 1, 22, 5), zoned: false });
    expect(parseMailDate('Wed, 01 Jul 26 23:05:00 +0100')).toEqual({ ms: Date.UTC(2026, 6, 1, 22, 5), zoned: true });
    expect(parseMailDate('yesterday')).toBeUndefined();
    const parsed = await parseExport(
      input('x.eml', Buffer.from('From: a@example.com\r\nSubject: hi\r\nDate: Wed, 1 Jul 2026 23:05:00\r\n\r\nbody\r\n')),
      { format: 'email' },
    );
    expect(parsed.records[0]!.at).toBe('2026-07-01T23:05:00+01:00');
    expect(parsed.warnings.join(' ')).toMatch(/read as UK time/);
  });
});

describe('email: hostile and damaged files', () => {
  it('refuses deeply nested MIME with too-deep', async () => {
    let body = 'deep\r\n';
    for (let i = 0; i < 60; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--\r\n`;
    const error = await failure(
      Buffer.from(`From: a@example.com\r\nSubject: deep\r\nDate: Sun, 01 Mar 2026 18:30:00 +0000\r\nMIME-Version: 1.0\r\n${body}`),
    );
    expect(error.problem).toBe('too-deep');
    expect(error.message).toMatch(/nested more than 30 deep/);
  });

  it('refuses random binary and a file without email headers', async () => {
    let seed = 3;
    const random = Uint8Array.from({ length: 2048 }, () => ((seed = (seed * 16807) % 2147483647), seed & 0xff));
    expect(detectFormat(input('x.eml', random))).toBeUndefined();
    expect((await failure(random)).problem).toBe('not-this-format');
    expect((await failure(Buffer.from('hello there\nnot an email\n'))).problem).toBe('not-this-format');
  });
});

describe('mbox round trip', () => {
  it('gives back every body, with "From " lines escaped and unescaped, whatever they hold', async () => {
    const { default: fc } = await import('fast-check');
    const { renderMbox } = await import('./test-support.ts');
    const line = fc.oneof(
      fc.constantFrom('From here on', '>From the start', '>>From 10:30 on', 'From a@b.c Sun Mar  1 18:30:00 2026', 'hello', 'café 😀', ''),
      fc.stringMatching(/^[a-z >]{0,12}$/),
    );
    const body = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => ['x', ...lines, 'y'].join('\n'));
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 5 }), async (bodies) => {
        const items = bodies.map((b, i) => ({
          from: 'Alex <a@example.com>',
          subject: `s${i}`,
          date: `Sun, 0${(i % 9) + 1} Mar 2026 18:30:00 +0000`,
          body: b,
        }));
        const parsed = await parseExport({ name: 'x.mbox', bytes: new TextEncoder().encode(renderMbox(items)), lastModified: 0 });
        expect(parsed.records.map((r) => [r.subject, r.text.replace(/\n+$/, '')])).toEqual(items.map((m) => [m.subject, m.body]));
      }),
      { numRuns: 60 },
    );
  });
});
