import { hexEncode, toBytes } from '../encoding.ts';

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', toBytes(bytes)));
}

/** Lower-case hex, the form sha256sum prints and the manifest uses. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hexEncode(await sha256(bytes));
}
