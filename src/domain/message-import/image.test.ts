import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, type ImportError, type ImportInput, parseExport } from './index.ts';
import { jpegWithExif, pngWith } from './test-support.ts';

const lastModified = Date.UTC(2026, 5, 1, 12, 0, 0);
const input = (name: string, bytes: Uint8Array): ImportInput => ({ name, bytes, lastModified });
const first = async (name: string, bytes: Uint8Array) => {
  const parsed = await parseExport(input(name, bytes));
  return { parsed, record: parsed.records[0]! };
};

describe('photos: EXIF', () => {
  it('takes the capture time from DateTimeOriginal with OffsetTimeOriginal, and shows the GPS position', async () => {
    const bytes = jpegWithExif({
      dateTimeOriginal: '2026:07:01 22:05:30',
      offsetTimeOriginal: '+02:00',
      gps: { latitude: 51.501364, longitude: -0.14189 },
    });
    expect(detectFormat(input('IMG_0001.txt', bytes))).toBe('image');
    const { parsed, record } = await first('IMG_0001.jpg', bytes);
    expect(parsed.format).toBe('image');
    expect(record).toMatchObject({ channel: 'screenshot', timeSource: 'metadata', at: '2026-07-01T21:05:30+01:00', locator: 'image' });
    expect(parsed.location!.latitude).toBeCloseTo(51.501364, 4);
    expect(parsed.location!.longitude).toBeCloseTo(-0.14189, 4);
    expect(parsed.warnings.join(' ')).toMatch(/place it was taken/);
  });

  it('reads a time without an offset as UK time (the forums fixture photo, made by another part of this repository)', async () => {
    const bytes = readFileSync(join(import.meta.dirname, '../../../test/fixtures/forums/photo-with-gps.jpg'));
    const { parsed, record } = await first('photo.jpg', bytes);
    expect(record).toMatchObject({ timeSource: 'metadata', at: '2026-01-02T03:04:05+00:00' });
    expect(parsed.location).toBeDefined();
  });

  it('refuses, quickly, EXIF whose GPS latitude claims 16 million values (exifr would allocate them all: 300 MB, a second)', async () => {
    // Found by message-import.fuzz.test.ts: a 255-byte JPEG, its GPSLatitude count 0x00fd0003.
    const bytes = Uint8Array.from(
      Buffer.from(
        'ffd8ffe100ce4578696600004d4d002a00000008000287690004000000010000002688250004000000010000004400000000000290030002000000140000007a90110002000000070000008e00000000000400010002000000024e0000000002000500fd0003000000960003000200000002570000000004000500000003000000ae00000000323032363a30373a30312032323a30353a3330002b30313a303000000007c83000002710000493e0000027100000bfd000002710000000000000271000013880000027100004b34800002710ffc0000b080001000101011100ffd9',
        'hex',
      ),
    );
    const { parsed, record } = await first('shot.jpg', bytes);
    expect(record.timeSource).toBe('file-modified');
    expect(parsed.warnings.join(' ')).toMatch(/could not be read/);
    // The same picture with an honest count (3) is read as before.
    bytes.set([0, 0, 0, 3], 98);
    expect((await first('shot.jpg', bytes)).record).toMatchObject({ timeSource: 'metadata', at: '2026-07-01T22:05:30+01:00' });
  });

  it('falls back to the file date, labelled weaker, when the photo has no time of its own', async () => {
    const { parsed, record } = await first('shot.jpg', jpegWithExif({}));
    expect(record).toMatchObject({ timeSource: 'file-modified', at: '2026-06-01T13:00:00+01:00' });
    expect(parsed.location).toBeUndefined();
    expect(parsed.warnings.join(' ')).toMatch(/weaker evidence/);
  });
});

describe('screenshots: PNG', () => {
  it('reads eXIf, then XMP, then tIME (UTC), then the file date', async () => {
    expect((await first('x.png', pngWith({ xmpDateCreated: '2026-07-01T22:05:00', time: [2020, 1, 1, 0, 0, 0] }))).record).toMatchObject({
      timeSource: 'metadata',
      at: '2026-07-01T22:05:00+01:00',
    });
    expect((await first('a.png', pngWith({ exif: { dateTimeOriginal: '2026:03:01 18:30:15' } }))).record).toMatchObject({
      timeSource: 'metadata',
      at: '2026-03-01T18:30:15+00:00',
    });
    expect((await first('b.png', pngWith({ time: [2026, 7, 1, 21, 5, 0] }))).record).toMatchObject({
      timeSource: 'metadata',
      at: '2026-07-01T22:05:00+01:00',
    });
    expect((await first('c.png', pngWith({}))).record.timeSource).toBe('file-modified');
  });

  it('refuses what is not a picture when the person said it was one', async () => {
    const error = await parseExport(input('x.png', Buffer.from('not a picture')), { format: 'image' }).catch((e: unknown) => e);
    expect((error as ImportError).problem).toBe('not-this-format');
  });
});
