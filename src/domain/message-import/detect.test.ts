import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, IMPORT_FORMATS, ImportError, type ImportFormat, parseExport } from './index.ts';
import { jpegWithExif, pngWith } from './test-support.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

// Every fixture under a name and type that say something else: detection reads the bytes only.
const cases: [string, () => Uint8Array, ImportFormat][] = [
  ['whatsapp-android-24h-uk.txt', () => fixture('whatsapp-android-24h-uk.txt'), 'whatsapp'],
  ['whatsapp-iphone-12h-uk.txt', () => fixture('whatsapp-iphone-12h-uk.txt'), 'whatsapp'],
  ['WhatsApp .zip', () => zipSync({ '_chat.txt': fixture('whatsapp-iphone-12h-uk.txt') }), 'whatsapp'],
  ['sms-backup.xml', () => fixture('sms-backup.xml'), 'sms-backup'],
  ['sms-backup-calls.xml', () => fixture('sms-backup-calls.xml'), 'sms-backup'],
  ['email-multipart.eml', () => fixture('email-multipart.eml'), 'email'],
  ['email-html-only.eml', () => fixture('email-html-only.eml'), 'email'],
  ['email.mbox', () => fixture('email.mbox'), 'email'],
  ['facebook-message_1.json', () => fixture('facebook-message_1.json'), 'facebook'],
  ['instagram-message_1.json', () => fixture('instagram-message_1.json'), 'instagram'],
  [
    'Facebook download .zip',
    () => zipSync({ 'your_facebook_activity/messages/inbox/alexmorgan_10158/message_1.json': fixture('facebook-message_1.json') }),
    'facebook',
  ],
  ['photo', () => jpegWithExif({ dateTimeOriginal: '2026:03:01 18:30:00' }), 'image'],
  ['screenshot', () => pngWith({}), 'image'],
  ['web-page.mhtml', () => fixture('web-page.mhtml'), 'web-page'],
  ['web-page.html', () => fixture('web-page.html'), 'web-page'],
];

describe('format detection by content', () => {
  it.each(cases)('%s is detected whatever it is called', async (_, bytes, format) => {
    const misleading = { name: 'holiday.pdf', type: 'application/pdf', bytes: bytes(), lastModified: 0 };
    expect(detectFormat(misleading)).toBe(format);
    expect((await parseExport(misleading)).format).toBe(format);
  });

  it('tells an HTML email with pictures (multipart/related) from a saved page', () => {
    const mail = Buffer.from(
      'From: Alex <a@example.com>\r\nTo: sam@example.net\r\nSubject: look\r\nDate: Sun, 01 Mar 2026 18:30:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n--b--\r\n',
    );
    expect(detectFormat({ name: 'page.mhtml', bytes: mail, lastModified: 0 })).toBe('email');
  });

  it('covers every format the contract lists', () => {
    expect(new Set(cases.map(([, , format]) => format))).toEqual(new Set(IMPORT_FORMATS));
  });

  it('names a file that is none of them, and a ZIP that holds none of them', async () => {
    for (const bytes of [
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
      Buffer.from('just some notes\nabout a day\n'),
      zipSync({ 'notes.docx': new Uint8Array(10), 'b.txt': new Uint8Array(3), 'c.txt': new Uint8Array(3) }),
    ]) {
      const input = { name: 'chat.txt', bytes, lastModified: 0 };
      expect(detectFormat(input)).toBeUndefined();
      const error = await parseExport(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problem).toBe('unknown-format');
      expect((error as ImportError).message).toMatch(/WhatsApp chat exports, SMS Backup & Restore files/);
    }
  });

  it('refuses a file read as the wrong format the person chose, naming the format', async () => {
    const error = await parseExport({ name: 'x', bytes: fixture('sms-backup.xml'), lastModified: 0 }, { format: 'whatsapp' }).catch(
      (e: unknown) => e,
    );
    expect((error as ImportError).problem).toBe('not-this-format');
    expect((error as ImportError).message).toMatch(/not a WhatsApp chat export/);
  });
});
