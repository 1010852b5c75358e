import type { Bytes } from './encoding.ts';
import { base64urlDecode, base64urlEncode } from './encoding.ts';

/** AES-GCM's standard 96-bit nonce; random nonces are safe for far more messages than a diary holds. */
export const NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

/** One AES-256-GCM ciphertext as stored and sent: JSON-friendly, versioned for future formats. */
export interface Envelope {
  readonly v: 1;
  /** base64url, 12 bytes */
  readonly nonce: string;
  /** base64url, ciphertext followed by the 16-byte GCM tag */
  readonly ciphertext: string;
}

export function toEnvelope(nonce: Uint8Array, ciphertext: Uint8Array): Envelope {
  return { v: 1, nonce: base64urlEncode(nonce), ciphertext: base64urlEncode(ciphertext) };
}

/** Validates the shape of untrusted input before any of it reaches WebCrypto. */
export function fromEnvelope(envelope: unknown): { nonce: Bytes; ciphertext: Bytes } {
  if (typeof envelope !== 'object' || envelope === null) throw new TypeError('Envelope must be an object');
  const { v, nonce, ciphertext } = envelope as Record<string, unknown>;
  if (v !== 1) throw new TypeError(`Unsupported envelope version: ${String(v)}`);
  if (typeof nonce !== 'string' || typeof ciphertext !== 'string') {
    throw new TypeError('Envelope nonce and ciphertext must be base64url strings');
  }
  const nonceBytes = base64urlDecode(nonce);
  const ciphertextBytes = base64urlDecode(ciphertext);
  if (nonceBytes.length !== NONCE_BYTES) throw new TypeError('Envelope nonce must be 12 bytes');
  if (ciphertextBytes.length < GCM_TAG_BYTES) throw new TypeError('Envelope ciphertext is too short');
  return { nonce: nonceBytes, ciphertext: ciphertextBytes };
}
