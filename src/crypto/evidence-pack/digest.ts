import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { hexEncode, toBytes } from '../encoding.ts';

/** Below this, hashing in JavaScript beats a WebCrypto call's fixed cost; above it, native code wins. */
const SMALL = 1024;

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length <= SMALL) return nobleSha256(bytes);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', toBytes(bytes)));
}

/** Lower-case hex, the form sha256sum prints and the manifest uses. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hexEncode(await sha256(bytes));
}
