import { createHash } from 'node:crypto';
import { base64urlDecode, base64urlEncode } from '../../crypto/encoding.ts';
import type { Envelope } from '../../crypto/envelope.ts';
import { VaultError } from './errors.ts';

// The wire carries base64url (src/crypto's strict decoder: one spelling per byte string); the database
// holds raw bytes. These helpers are the only crossing point.

export function decodeB64(value: string, field: string, length?: number): Buffer {
  let bytes: Uint8Array;
  try {
    bytes = base64urlDecode(value);
  } catch {
    throw new VaultError(400, 'invalid_request', `${field} is not valid base64url.`);
  }
  if (length !== undefined && bytes.length !== length) {
    throw new VaultError(400, 'invalid_request', `${field} must be ${length} bytes.`);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

export function encodeB64(bytes: Uint8Array): string {
  return base64urlEncode(bytes);
}

export function sha256Hex(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}

/** An envelope as stored: nonce (12 bytes) followed by ciphertext. v is always 1 today. */
export function envelopeToBytes(envelope: Envelope, field = 'envelope'): Buffer {
  const nonce = decodeB64(envelope.nonce, `${field}.nonce`, 12);
  const ciphertext = decodeB64(envelope.ciphertext, `${field}.ciphertext`);
  if (ciphertext.length < 16) throw new VaultError(400, 'invalid_request', `${field}.ciphertext is too short.`);
  return Buffer.concat([nonce, ciphertext]);
}

export function envelopeFromBytes(bytes: Uint8Array): Envelope {
  return { v: 1, nonce: encodeB64(bytes.subarray(0, 12)), ciphertext: encodeB64(bytes.subarray(12)) };
}
