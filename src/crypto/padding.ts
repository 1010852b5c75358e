import type { Bytes } from './encoding.ts';

// ISO/IEC 7816-4 padding (one 0x80 byte, then zeros) up to a size bucket. Unambiguous whatever the
// content, because the marker is the last non-zero byte.
//
// Buckets: at least 256 bytes, then the next power of two. A ciphertext's length then reveals only
// which of a handful of size classes an entry is in (256 B, 512 B, … 1 MiB for items), never its
// exact length, which for short notes ("he was outside work again") could narrow down the words.
// Powers of two waste up to half the space, which is cheap at diary sizes and items are capped.

export const MIN_PADDED_BYTES = 256;

export function paddedLength(contentLength: number, minimum = MIN_PADDED_BYTES): number {
  const needed = contentLength + 1;
  let size = minimum;
  while (size < needed) size *= 2;
  return size;
}

export function pad(content: Uint8Array, minimum = MIN_PADDED_BYTES): Bytes {
  const out = new Uint8Array(paddedLength(content.length, minimum));
  out.set(content);
  out[content.length] = 0x80;
  return out;
}

export function unpad(padded: Uint8Array): Uint8Array {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 0x80) throw new TypeError('Invalid padding');
  return padded.subarray(0, end);
}
