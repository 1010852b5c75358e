/**
 * Removes every metadata block from a JPEG or PNG without decoding the picture: EXIF (with GPS position,
 * camera serial numbers, time taken), XMP, IPTC, ICC profiles, comments and PNG text chunks. A photo taken
 * at home carries the home's coordinates (T3). The pixels are copied byte for byte, so nothing is
 * re-compressed; a JPEG keeps only its orientation, written into a fresh EXIF block of one tag, so phone
 * photos are not shown on their side.
 */
export interface CleanImage {
  type: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  bytes: Uint8Array;
  /** Names of the blocks taken out, for tests and the moderators' view ("EXIF", "XMP", "tEXt" …). */
  removed: string[];
}

export type ImageResult = { ok: true; image: CleanImage } | { ok: false; message: string };

export interface ImageBounds {
  maxBytes: number;
  /** Longest side, in pixels. */
  maxSide: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// Chunks that change how the picture looks; everything else ancillary (text, time, EXIF, ICC …) goes.
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs']);

const bad = (message: string): ImageResult => ({ ok: false, message });
const NOT_AN_IMAGE = 'That file is not a picture we can take. Use a JPEG or PNG photo or screenshot.';

export function stripImageMetadata(input: Uint8Array, bounds: ImageBounds): ImageResult {
  if (input.length > bounds.maxBytes) return bad(`Pictures must be ${Math.floor(bounds.maxBytes / 1024 / 1024)} MB or smaller.`);
  const result = isPng(input) ? stripPng(input) : input[0] === 0xff && input[1] === 0xd8 ? stripJpeg(input) : bad(NOT_AN_IMAGE);
  if (!result.ok) return result;
  const { width, height } = result.image;
  if (width < 1 || height < 1) return bad(NOT_AN_IMAGE);
  if (width > bounds.maxSide || height > bounds.maxSide)
    return bad(`Pictures can be up to ${bounds.maxSide} pixels on each side. This one is ${width} × ${height}.`);
  return result;
}

function isPng(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

function stripPng(input: Uint8Array): ImageResult {
  const parts: Uint8Array[] = [input.subarray(0, 8)];
  const removed: string[] = [];
  let at = 8;
  let width = 0;
  let height = 0;
  let ended = false;
  while (at + 12 <= input.length) {
    const length = u32(input, at);
    const type = String.fromCharCode(...input.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > input.length || !/^[A-Za-z]{4}$/.test(type)) return bad(NOT_AN_IMAGE);
    if (type === 'IHDR') {
      width = u32(input, at + 8);
      height = u32(input, at + 12);
    }
    if (PNG_KEEP.has(type)) parts.push(input.subarray(at, end));
    else removed.push(type);
    at = end;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ended || !width) return bad(NOT_AN_IMAGE);
  return { ok: true, image: { type: 'image/png', width, height, bytes: concat(parts), removed } };
}

// Markers with no length field after them.
const STANDALONE = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function stripJpeg(input: Uint8Array): ImageResult {
  const parts: Uint8Array[] = [input.subarray(0, 2)];
  const removed: string[] = [];
  let orientation = 1;
  let width = 0;
  let height = 0;
  let at = 2;
  let wroteOrientation = false;
  while (at < input.length) {
    if (input[at] !== 0xff) return bad(NOT_AN_IMAGE);
    while (input[at] === 0xff) at++; // fill bytes
    const marker = input[at++]!;
    if (marker === 0xd9) {
      parts.push(Uint8Array.of(0xff, 0xd9));
      return width ? { ok: true, image: { type: 'image/jpeg', width, height, bytes: concat(parts), removed } } : bad(NOT_AN_IMAGE);
    }
    if (STANDALONE(marker)) {
      parts.push(Uint8Array.of(0xff, marker));
      continue;
    }
    if (at + 2 > input.length) return bad(NOT_AN_IMAGE);
    const length = u16(input, at);
    const end = at + length;
    if (length < 2 || end > input.length) return bad(NOT_AN_IMAGE);
    const segment = input.subarray(at - 2, end);
    const body = input.subarray(at + 2, end);
    if (isStartOfFrame(marker)) {
      height = u16(body, 1);
      width = u16(body, 3);
    }
    const keep =
      marker === 0xe0
        ? startsWith(body, 'JFIF')
        : marker === 0xee
          ? startsWith(body, 'Adobe')
          : marker < 0xe0 || (marker > 0xef && marker !== 0xfe);
    if (keep) {
      // The orientation block goes right after JFIF (or first), where readers look for it.
      if (!wroteOrientation && marker !== 0xe0 && orientation !== 1) {
        parts.push(orientationSegment(orientation));
        wroteOrientation = true;
      }
      parts.push(segment);
    } else {
      if (marker === 0xe1 && startsWith(body, 'Exif\0')) orientation = exifOrientation(body.subarray(6)) ?? orientation;
      removed.push(segmentName(marker, body));
    }
    at = end;
    if (marker === 0xda) {
      // Entropy-coded data runs until a marker that is not a stuffed 0xFF00 or a restart marker.
      const scanStart = at;
      while (
        at + 1 < input.length &&
        !(input[at] === 0xff && input[at + 1] !== 0x00 && !(input[at + 1]! >= 0xd0 && input[at + 1]! <= 0xd7))
      )
        at++;
      parts.push(input.subarray(scanStart, at));
    }
  }
  return bad(NOT_AN_IMAGE);
}

function segmentName(marker: number, body: Uint8Array): string {
  if (marker === 0xfe) return 'COM';
  if (marker === 0xe1) return startsWith(body, 'Exif\0') ? 'EXIF' : startsWith(body, 'http://ns.adobe.com/xap') ? 'XMP' : 'APP1';
  if (marker === 0xed) return 'IPTC';
  if (marker === 0xe2 && startsWith(body, 'ICC_PROFILE')) return 'ICC';
  return `APP${marker - 0xe0}`;
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF structure, or undefined. */
function exifOrientation(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined;
  const little = tiff[0] === 0x49;
  const r16 = (at: number) => (little ? tiff[at]! | (tiff[at + 1]! << 8) : u16(tiff, at));
  const r32 = (at: number) =>
    little ? (tiff[at]! | (tiff[at + 1]! << 8) | (tiff[at + 2]! << 16)) + tiff[at + 3]! * 2 ** 24 : u32(tiff, at);
  const ifd = r32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = r16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (r16(entry) === 0x0112) {
      const value = r16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** APP1 "Exif" with a big-endian TIFF header and one IFD holding only Orientation. */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0, 0, 0];
  const body = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff);
  const length = body.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...body]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
