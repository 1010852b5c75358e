import type { Bytes } from './encoding.ts';
import { randomBytes, toBytes, utf8Decode, utf8Encode } from './encoding.ts';
import type { Envelope } from './envelope.ts';
import { fromEnvelope, NONCE_BYTES, toEnvelope } from './envelope.ts';
import { DecryptionError } from './errors.ts';
import { frame, uint64be } from './framing.ts';
import { pad, paddedLength, unpad } from './padding.ts';

// An item (a diary entry, a contact, a note) is JSON, padded to a size bucket (see padding.ts) and
// sealed with AES-256-GCM under the vault key. The associated data binds the item's id and version,
// so the server cannot answer a request for entry A with entry B's ciphertext, nor serve an old
// version as the current one: either fails to decrypt.

/** Items are text and small structured data; attachments go through chunks.ts. */
export const MAX_ITEM_PADDED_BYTES = 1024 * 1024;

export function itemAssociatedData(itemId: string, version: number): Bytes {
  if (itemId.length === 0) throw new TypeError('Item id must not be empty');
  return frame('casebook/item/v1', itemId, uint64be(version));
}

export function encryptItem(vaultKey: CryptoKey, itemId: string, version: number, value: unknown): Promise<Envelope> {
  return sealJson(vaultKey, itemAssociatedData(itemId, version), value);
}

export function decryptItem<T = unknown>(vaultKey: CryptoKey, itemId: string, version: number, envelope: Envelope): Promise<T> {
  return openJson<T>(vaultKey, itemAssociatedData(itemId, version), envelope, `item ${itemId} version ${version}`);
}

/** JSON → padded → AES-256-GCM with the given associated data. Shared with file metadata. */
export async function sealJson(key: CryptoKey, associatedData: Bytes, value: unknown): Promise<Envelope> {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('Value is not JSON-serialisable');
  const plaintext = utf8Encode(json);
  if (paddedLength(plaintext.length) > MAX_ITEM_PADDED_BYTES) {
    throw new RangeError(`Item is too large: ${plaintext.length} bytes of JSON (limit just under ${MAX_ITEM_PADDED_BYTES})`);
  }
  const padded = pad(plaintext);
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: associatedData }, key, padded);
  padded.fill(0);
  return toEnvelope(nonce, new Uint8Array(ciphertext));
}

export async function openJson<T = unknown>(key: CryptoKey, associatedData: Bytes, envelope: Envelope, what: string): Promise<T> {
  const { nonce, ciphertext } = fromEnvelope(envelope);
  let padded: Bytes;
  try {
    padded = new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: toBytes(associatedData) }, key, ciphertext),
    );
  } catch {
    throw new DecryptionError(`Could not decrypt ${what}: wrong key, altered ciphertext, or a ciphertext from another item or version`);
  }
  // Authentic bytes with bad padding or JSON mean our own writer is broken, not an attacker.
  return JSON.parse(utf8Decode(unpad(padded))) as T;
}
