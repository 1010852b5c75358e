import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads a secret from DATA_DIR/keys, creating it (mode 0600) on first start. Written to a temporary
 * file and hard-linked into place, so two processes starting together agree on one secret and neither
 * can read a half-written file. Every app process must share the keys directory.
 */
export function loadOrCreateSecret(keysDir: string, name: string, bytes = 32): Buffer {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const path = join(keysDir, name);
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, randomBytes(bytes), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  return readFileSync(path);
}

/** Keyed hashes of things we must recognise but never store: addresses, usernames that may not exist. */
export interface Pseudonymizer {
  /** Hex HMAC-SHA-256 of `purpose` and `value` under the server secret. */
  tag(purpose: string, value: string): string;
  bytes(purpose: string, value: string, length: number): Buffer;
}

export function createPseudonymizer(secret: Buffer): Pseudonymizer {
  const mac = (purpose: string, value: string) => createHmac('sha256', secret).update(purpose).update('\0').update(value).digest();
  return {
    tag: (purpose, value) => mac(purpose, value).toString('hex'),
    bytes: (purpose, value, length) => mac(purpose, value).subarray(0, length),
  };
}
