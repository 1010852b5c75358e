// exifr allocates an array as long as a TIFF tag's declared value count before it reads a single value, so a
// 250-byte JPEG whose GPS tag claims 16 million rationals took one to one and a half seconds and 300 MB each
// time it was read (found by message-import.fuzz.test.ts). Before exifr sees a picture, every EXIF block in it (JPEG APP1 and HEIC
// "Exif\0\0", PNG eXIf) is walked here, and a numeric tag whose values could not fit in the file refuses the
// metadata as damaged. Byte, text and "undefined" tags are read by exifr as views, not copies, so they are let be.

/** Bytes per value of each TIFF type (TIFF 6.0 §2; 13 is IFD). */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
const VIEWED_TYPES = new Set([1, 2, 7]);
// Sub-IFD pointers: Exif, GPS, Interoperability.
const SUB_IFDS = new Set([0x8769, 0x8825, 0xa005]);
const MAX_IFDS = 16;

/** Whether every numeric tag in every EXIF block of the picture declares no more values than the file could hold. */
export function exifCountsFit(bytes: Uint8Array): boolean {
  for (const start of tiffStarts(bytes)) if (!tiffCountsFit(bytes, start)) return false;
  return true;
}

function* tiffStarts(bytes: Uint8Array): Generator<number> {
  for (let at = bytes.indexOf(0x45); at !== -1 && at + 10 <= bytes.length; at = bytes.indexOf(0x45, at + 1)) {
    // "Exif\0\0" then a TIFF header (JPEG APP1, HEIC Exif item) …
    if (
      bytes[at + 1] === 0x78 &&
      bytes[at + 2] === 0x69 &&
      bytes[at + 3] === 0x66 &&
      bytes[at + 4] === 0 &&
      bytes[at + 5] === 0 &&
      isTiffHeader(bytes, at + 6)
    )
      yield at + 6;
  }
  // … or a PNG eXIf chunk, whose data is the TIFF header itself.
  for (let at = bytes.indexOf(0x65); at !== -1 && at + 8 <= bytes.length; at = bytes.indexOf(0x65, at + 1)) {
    if (bytes[at + 1] === 0x58 && bytes[at + 2] === 0x49 && bytes[at + 3] === 0x66 && isTiffHeader(bytes, at + 4)) yield at + 4;
  }
}

function isTiffHeader(bytes: Uint8Array, at: number): boolean {
  const [a, b, c, d] = [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
  return (a === 0x4d && b === 0x4d && c === 0 && d === 0x2a) || (a === 0x49 && b === 0x49 && c === 0x2a && d === 0);
}

function tiffCountsFit(bytes: Uint8Array, start: number): boolean {
  const little = bytes[start] === 0x49;
  const length = bytes.length - start;
  const u16 = (at: number) =>
    at + 2 > length
      ? undefined
      : little
        ? bytes[start + at]! | (bytes[start + at + 1]! << 8)
        : (bytes[start + at]! << 8) | bytes[start + at + 1]!;
  const u32 = (at: number) => {
    if (at + 4 > length) return undefined;
    const [a, b, c, d] = [bytes[start + at]!, bytes[start + at + 1]!, bytes[start + at + 2]!, bytes[start + at + 3]!];
    return little ? a + b * 2 ** 8 + c * 2 ** 16 + d * 2 ** 24 : d + c * 2 ** 8 + b * 2 ** 16 + a * 2 ** 24;
  };
  const pending = [u32(4)];
  const seen = new Set<number>();
  while (pending.length > 0 && seen.size < MAX_IFDS) {
    const ifd = pending.pop();
    if (ifd === undefined || ifd === 0 || seen.has(ifd)) continue;
    seen.add(ifd);
    const entries = u16(ifd);
    if (entries === undefined) continue; // exifr fails on it by itself, quickly.
    for (let i = 0; i < entries; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const count = u32(entry + 4);
      if (tag === undefined || type === undefined || count === undefined) break;
      const size = TYPE_SIZES[type];
      if (size !== undefined && !VIEWED_TYPES.has(type) && count * size > length) return false;
      if (SUB_IFDS.has(tag)) pending.push(u32(entry + 8));
    }
    pending.push(u32(ifd + 2 + entries * 12));
  }
  return true;
}
