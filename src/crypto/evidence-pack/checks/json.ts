// Reading untrusted JSON from a pack: never throws, and says what shape a value has without trusting it.
import { canonicalize } from '../../canonical-json.ts';
import { base64urlDecode, utf8Decode } from '../../encoding.ts';
import type { Receipt, SignedTreeHead } from '../../signing.ts';

export function parseJson(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(utf8Decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

export function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalize(a) === canonicalize(b);
  } catch {
    return false;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSignedStatement<K1 extends string, K2 extends string>(
  value: unknown,
  numberKey: K1,
  hashKey: K2,
): value is Receipt & SignedTreeHead & Record<K1, number> & Record<K2, string> {
  if (!isObject(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.logId === 'string' &&
    Number.isSafeInteger(v[numberKey]) &&
    (v[numberKey] as number) >= 0 &&
    typeof v[hashKey] === 'string' &&
    Number.isSafeInteger(v.timestamp) &&
    typeof v.signature === 'string'
  );
}

/** Hashes given as base64url or bytes, or undefined if any is neither. */
export function decodeAll(hashes: readonly unknown[]): Uint8Array[] | undefined {
  try {
    return hashes.map((h) => {
      if (h instanceof Uint8Array) return h;
      if (typeof h === 'string') return base64urlDecode(h);
      throw new TypeError('not a hash');
    });
  } catch {
    return undefined;
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
