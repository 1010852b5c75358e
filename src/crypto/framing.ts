import type { Bytes } from './encoding.ts';
import { concatBytes, utf8Encode } from './encoding.ts';

// Associated data and signed messages are built from several fields. Concatenating them naively is
// ambiguous ("ab"+"c" = "a"+"bc"), so every variable-length field is length-prefixed and every
// message starts with a purpose label, keeping each context's bytes disjoint from every other's.

export function uint32be(value: number): Bytes {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
    throw new RangeError(`Not a 32-bit unsigned integer: ${value}`);
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

/** Encodes a non-negative safe integer (indices, sizes, millisecond timestamps) as 8 bytes. */
export function uint64be(value: number): Bytes {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Not a non-negative safe integer: ${value}`);
  }
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}

/** label || (uint32be(len) || field)* — unambiguous for any field contents. */
export function frame(label: string, ...fields: readonly (Uint8Array | string)[]): Bytes {
  const parts: Uint8Array[] = [utf8Encode(label)];
  for (const field of fields) {
    const bytes = typeof field === 'string' ? utf8Encode(field) : field;
    parts.push(uint32be(bytes.length), bytes);
  }
  return concatBytes(...parts);
}
