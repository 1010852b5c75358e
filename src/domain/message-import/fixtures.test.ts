// The binary fixtures (a photo with EXIF and GPS, a screenshot with XMP, a WhatsApp .zip with media) are made by
// test-support.ts, here in this repository; this test checks the committed files are exactly what it makes, so
// browser tests can hand them to a file input. UPDATE_FIXTURES=1 writes them again.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseExport } from './index.ts';
import { jpegWithExif, pngWith } from './test-support.ts';

const dir = join(import.meta.dirname, 'fixtures');
const made: Record<string, () => Uint8Array> = {
  'photo-exif-gps.jpg': () =>
    jpegWithExif({
      dateTimeOriginal: '2026:07:01 22:05:30',
      offsetTimeOriginal: '+01:00',
      gps: { latitude: 51.501364, longitude: -0.14189 },
    }),
  'screenshot-xmp.png': () => pngWith({ xmpDateCreated: '2026-03-01T18:30:15' }),
  'screenshot-no-metadata.png': () => pngWith({}),
  'whatsapp-iphone-with-media.zip': () =>
    zipSync(
      {
        '_chat.txt': readFileSync(join(dir, 'whatsapp-iphone-12h-uk.txt')),
        '00000012-PHOTO-2026-03-01-18-40-00.jpg': jpegWithExif({ dateTimeOriginal: '2026:03:01 18:40:00' }),
      },
      { level: 6, mtime: new Date(Date.UTC(2026, 2, 2, 9, 0, 0)) },
    ),
};

describe('binary fixtures', () => {
  it.each(Object.keys(made))('%s is what test-support makes', (name) => {
    const bytes = made[name]!();
    if (process.env.UPDATE_FIXTURES) writeFileSync(join(dir, name), bytes);
    expect(new Uint8Array(readFileSync(join(dir, name)))).toEqual(bytes);
  });

  it('reads as their formats', async () => {
    const read = (name: string) => parseExport({ name, bytes: readFileSync(join(dir, name)), lastModified: Date.UTC(2026, 0, 1) });
    expect((await read('photo-exif-gps.jpg')).location).toBeDefined();
    expect((await read('screenshot-xmp.png')).records[0]!.timeSource).toBe('metadata');
    expect((await read('screenshot-no-metadata.png')).records[0]!.timeSource).toBe('file-modified');
    expect((await read('whatsapp-iphone-with-media.zip')).records.some((r) => r.attachments[0]?.bytes)).toBe(true);
  });
});

describe('every fixture reads the same in any time zone', () => {
  // The evidence pack verifier re-reads the original file wherever it runs: a parse must not depend on the
  // machine's own time zone (Date.parse of a zoneless date, new Date(y, m, d)). Node honours TZ changed at run time.
  it('gives identical records with TZ set to London, New York and Tokyo', async () => {
    const names = readdirSync(dir).filter((name) => !name.startsWith('.') && !name.includes('billion-laughs'));
    const readAll = async () => {
      const out: string[] = [];
      for (const name of names)
        out.push(
          JSON.stringify((await parseExport({ name, bytes: readFileSync(join(dir, name)), lastModified: Date.UTC(2026, 0, 1) })).records),
        );
      return out;
    };
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Europe/London';
      const london = await readAll();
      for (const zone of ['America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = zone;
        expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
        expect(await readAll()).toEqual(london);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
