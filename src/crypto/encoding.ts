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

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// By char code: the decoder runs tens of thousands of times when a pack's proofs are checked, where a Map of
// strings and a string iterator cost more than the decoding.
const BASE64URL_CODES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE64URL_ALPHABET.length; i++) table[BASE64URL_ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** RFC 4648 §5 base64url without padding. */
export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += BASE64URL_ALPHABET[(n >>> 18) & 63]! + BASE64URL_ALPHABET[(n >>> 12) & 63]! +
      BASE64URL_ALPHABET[(n >>> 6) & 63]! + BASE64URL_ALPHABET[n & 63]!;
  }
  const remaining = bytes.length - i;
  if (remaining === 1) {
    const n = (bytes[i] as number) << 16;
    out += BASE64URL_ALPHABET[(n >>> 18) & 63]! + BASE64URL_ALPHABET[(n >>> 12) & 63]!;
  } else if (remaining === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += BASE64URL_ALPHABET[(n >>> 18) & 63]! + BASE64URL_ALPHABET[(n >>> 12) & 63]! +
      BASE64URL_ALPHABET[(n >>> 6) & 63]!;
  }
  return out;
}

/**
 * Strict decoder: no padding, no whitespace, no standard-base64 characters, and unused trailing bits
 * must be zero, so every byte string has exactly one accepted encoding (signed and committed values
 * cannot be re-encoded into a second spelling).
 */
export function base64urlDecode(text: string): Bytes {
  if (text.length % 4 === 1) throw new TypeError('Invalid base64url: impossible length');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let offset = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (BASE64URL_CODES[code] as number) : -1;
    if (value < 0) throw new TypeError(`Invalid base64url: unexpected character ${JSON.stringify(String.fromCodePoint(text.codePointAt(i)!))}`);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[offset++] = (buffer >>> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) throw new TypeError('Invalid base64url: non-zero trailing bits');
  return out;
}
