// Fuzzing the forum's picture cleaner, which reads uploads from anyone: whatever the bytes, it answers
// { ok: false, message } or a picture that is no larger than the upload (plus its one orientation block), within
// the size bounds, and clean (cleaning it again takes nothing more out).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters, mutated, outcomeOf } from '../../../test/support/fuzz.ts';
import { concatBytes } from '../../crypto/encoding.ts';
import { type ImageResult, stripImageMetadata } from './image-metadata.ts';

const bounds = { maxBytes: 1024 * 1024, maxSide: 4096 };
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../test/fixtures/forums', name)));
// The fresh EXIF block that carries only the orientation.
const ORIENTATION_BLOCK = 38;

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];

/** A JPEG-shaped file: SOI, segments with honest or lying lengths (EXIF with a random IFD among them), a scan, EOI. */
const jpeg = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.record({
          marker: fc.constantFrom(0xe0, 0xe1, 0xe2, 0xed, 0xee, 0xfe, 0xdb, 0xc4, 0xc0, 0xc2, 0xdd, 0x01, 0xd0, 0x00, 0xff),
          body: fc.uint8Array({ maxLength: 40 }),
          lie: fc.option(fc.integer({ min: 0, max: 0xffff }), { freq: 5 }),
        }),
        fc
          .record({
            little: fc.boolean(),
            entries: fc.array(fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 6 }),
            count: fc.option(fc.integer({ min: 0, max: 0xffff })),
          })
          .map(({ little, entries, count }) => {
            const w16 = (n: number) => (little ? u16(n).reverse() : u16(n));
            const ifd = [
              ...w16(count ?? entries.length),
              ...entries.flatMap(([tag, value]) => [...w16(tag), ...w16(3), 0, 0, 0, 1, ...w16(value), 0, 0]),
            ];
            const tiff = [...(little ? [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0] : [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), ...ifd];
            return { marker: 0xe1, body: Uint8Array.from([...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff)), lie: null };
          }),
      ),
      { maxLength: 8 },
    ),
    fc.option(fc.uint8Array({ maxLength: 64 })),
    fc.boolean(),
  )
  .map(([segments, scan, end]) => {
    const parts: number[] = [0xff, 0xd8];
    for (const { marker, body, lie } of segments) {
      parts.push(0xff, marker);
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
      parts.push(...u16(lie ?? body.length + 2), ...body);
    }
    if (scan) parts.push(0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, ...scan);
    if (end) parts.push(0xff, 0xd9);
    return Uint8Array.from(parts);
  });

/** A PNG-shaped file: the signature, chunks with honest or lying lengths (IHDR with any size among them), maybe IEND. */
const png = fc
  .tuple(
    fc.array(
      fc.record({
        type: fc.constantFrom('IHDR', 'IDAT', 'tEXt', 'iTXt', 'eXIf', 'PLTE', 'IEND', 'zz!z'),
        body: fc.uint8Array({ maxLength: 32 }),
        lie: fc.option(fc.nat(), { freq: 5 }),
      }),
      { maxLength: 8 },
    ),
  )
  .map(([chunks]) => {
    const parts: Uint8Array[] = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)];
    for (const { type, body, lie } of chunks) {
      const length = lie ?? body.length;
      parts.push(
        Uint8Array.of(length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff),
        new TextEncoder().encode(type),
        body,
        new Uint8Array(4),
      );
    }
    return concatBytes(...parts);
  });

function checkCleaned(input: Uint8Array, result: ImageResult): void {
  if (!result.ok) {
    if (typeof result.message !== 'string' || result.message.length === 0) throw new Error('refused without a message');
    return;
  }
  const { image } = result;
  if (image.bytes.length > input.length + ORIENTATION_BLOCK)
    throw new Error(`the cleaned picture (${image.bytes.length} bytes) is larger than the upload (${input.length})`);
  if (image.width > bounds.maxSide || image.height > bounds.maxSide || image.width < 1 || image.height < 1)
    throw new Error(`size ${image.width} × ${image.height} passed the bounds`);
  const again = stripImageMetadata(image.bytes, bounds);
  if (!again.ok) throw new Error(`the cleaned picture is refused when cleaned again: ${again.message}`);
  // Only the orientation block this cleaner wrote itself may be found again.
  if (again.image.removed.some((name) => name !== 'EXIF') || again.image.removed.length > 1)
    throw new Error(`cleaning again still removed ${again.image.removed.join(', ')}`);
}

describe('image metadata stripping, fuzzed', () => {
  const property = (bytes: fc.Arbitrary<Uint8Array>) =>
    fc.asyncProperty(bytes, async (input) => {
      let result: ImageResult | undefined;
      const thrown = await outcomeOf(() => {
        result = stripImageMetadata(input, bounds);
      });
      if (thrown !== undefined) throw thrown;
      checkCleaned(input, result!);
    });

  it(
    'JPEG-shaped uploads: refused with a message or cleaned within bounds',
    async () => {
      await fc.assert(property(jpeg), fuzzParameters(2_000));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'PNG-shaped uploads: refused with a message or cleaned within bounds',
    async () => {
      await fc.assert(property(png), fuzzParameters(2_000));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'real pictures with bytes flipped, cut, repeated or spliced',
    async () => {
      const seeds = [fixture('photo-with-gps.jpg'), fixture('screenshot-with-text.png')];
      await fc.assert(property(fc.oneof(...seeds.map(mutated))), fuzzParameters(1_500));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
