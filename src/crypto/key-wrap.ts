import type { Bytes } from './encoding.ts';
import { randomBytes } from './encoding.ts';
import type { Envelope } from './envelope.ts';
import { fromEnvelope, NONCE_BYTES, toEnvelope } from './envelope.ts';
import { DecryptionError } from './errors.ts';

// Key wrapping is AES-256-GCM over the raw key bytes with a random nonce and a purpose label as
// associated data, done through subtle.wrapKey/unwrapKey so the raw bytes stay inside WebCrypto and
// never become a JS Uint8Array. The wire format is exactly encrypt(raw), so any AES-GCM
// implementation (an evidence-pack verifier, a future native app) can unwrap it.

export type KeyUsages = readonly KeyUsage[];

/** A fresh random AES-256-GCM key, extractable only so it can be wrapped; callers keep it briefly. */
export function generateWrappableAesKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function wrapAesKey(key: CryptoKey, wrappingKey: CryptoKey, associatedData: Bytes): Promise<Envelope> {
  const nonce = randomBytes(NONCE_BYTES);
  const wrapped = await crypto.subtle.wrapKey('raw', key, wrappingKey, {
    name: 'AES-GCM',
    iv: nonce,
    additionalData: associatedData,
  });
  return toEnvelope(nonce, new Uint8Array(wrapped));
}

export async function unwrapAesKey(
  wrapped: Envelope,
  wrappingKey: CryptoKey,
  associatedData: Bytes,
  usages: KeyUsages,
  extractable: boolean,
  failure: string,
): Promise<CryptoKey> {
  const { nonce, ciphertext } = fromEnvelope(wrapped);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      ciphertext,
      wrappingKey,
      { name: 'AES-GCM', iv: nonce, additionalData: associatedData },
      { name: 'AES-GCM', length: 256 },
      extractable,
      [...usages],
    );
  } catch {
    throw new DecryptionError(failure);
  }
}
