// Byte helpers shared by the vault. Hand-written rather than Uint8Array.toBase64 and friends because
// those are newer than the browsers and Node versions we support, and because atob/btoa accept
// whitespace and loose padding that a strict decoder must reject.

/** Bytes whose buffer is a plain ArrayBuffer: what WebCrypto's BufferSource accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Returns the same bytes backed by a plain ArrayBuffer, copying only when they are not already. */
export function toBytes(data: Uint8Array): Bytes {
  if (data.buffer instanceof ArrayBuffer) return data as Bytes;
  return new Uint8Array(data);
}

export function randomBytes(length: number): Bytes {
  const out = new Uint8Array(length);
  // getRandomValues refuses more than 65,536 bytes per call.
  for (let offset = 0; offset < length; offset += 65_536) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65_536)));
  }
  return out;
}

export function concatBytes(...parts: readonly Uint8Array[]): Bytes {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Compares two byte arrays in time that depends only on their lengths, which are public in every
 * use here (MACs, hashes, keys), so an attacker timing a comparison learns nothing about the bytes.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

const utf8Encoder = new TextEncoder();
// fatal: a stored string that is not valid UTF-8 is corruption, never something to paper over.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8Encode(text: string): Bytes {
  return utf8Encoder.encode(text) as Bytes;
}

export function utf8Decode(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

export function hexEncode(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

export function hexDecode(hex: string): Bytes {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new TypeError('Invalid hex: expected an even number of hex digits');
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

// Base64url is on every hot path: each item's ciphertext, both ways, 2,000 at a time when a diary opens. Browsers
// have Uint8Array.prototype.toBase64 and Uint8Array.fromBase64 (TC39, 2025); Node 24 does not yet, and there
// btoa/atob are native too. Either way the result is one flat string: a character-by-character loop builds a
// rope of thousands of pieces that a 2 MB response must then flatten, and it was a third of the server's time.
interface NativeBase64 {
  toBase64?: (this: Uint8Array, options: { alphabet: 'base64url'; omitPadding: boolean }) => string;
}
interface NativeBase64Constructor {
  fromBase64?: (text: string, options: { alphabet: 'base64url' }) => Uint8Array<ArrayBuffer>;
}
const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as NativeBase64Constructor).fromBase64;

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;
/** String.fromCharCode takes its bytes as arguments, so long inputs go a slice at a time. */
const ARGUMENT_CHUNK = 0x8000;

/** RFC 4648 §5 base64url without padding. */
export function base64urlEncode(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes, { alphabet: 'base64url', omitPadding: true });
  let binary = '';
  for (let i = 0; i < bytes.length; i += ARGUMENT_CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + ARGUMENT_CHUNK) as unknown as number[]);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Strict RFC 4648 §5: no padding, no whitespace, no standard-alphabet characters, and no non-zero bits after
 * the last byte (so one byte string has exactly one spelling, and a signed or hashed value
 * cannot be re-encoded into a second spelling).
 */
export function base64urlDecode(text: string): Bytes {
  if (text.length % 4 === 1) throw new TypeError('Invalid base64url: impossible length');
  if (!BASE64URL_TEXT.test(text)) {
    const bad = [...text].find((char) => !BASE64URL_ALPHABET.includes(char))!;
    throw new TypeError(`Invalid base64url: unexpected character ${JSON.stringify(bad)}`);
  }
  // The platform decoders accept (and drop) bits after the last byte; refuse them here.
  const last = BASE64URL_ALPHABET.indexOf(text.charAt(text.length - 1));
  const spareBits = text.length % 4 === 2 ? 0b1111 : text.length % 4 === 3 ? 0b11 : 0;
  if ((last & spareBits) !== 0) throw new TypeError('Invalid base64url: non-zero trailing bits');
  if (nativeFromBase64) return nativeFromBase64(text, { alphabet: 'base64url' });
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
