import type { Bytes } from './encoding.ts';
import { concatBytes, randomBytes, toBytes, utf8Encode } from './encoding.ts';
import type { PassphraseKeys } from './kdf.ts';
import { deriveWrappingKey, importHkdfKey } from './kdf.ts';

// A recovery key is 160 random bits written as 32 Crockford base32 characters plus a 4-character
// check group, in nine groups of four: "7K3M-Q0RT-...". Crockford's alphabet has no I, L, O or U, so
// nothing written by hand is ambiguous, and the check group (20 bits of a SHA-256) catches a
// mistyped character with probability 1 − 2⁻²⁰ before any server round-trip. 160 bits is far beyond
// guessing, so no Argon2 is needed: HKDF alone turns it into keys.

export const RECOVERY_KEY_BYTES = 20;
const DATA_CHARS = 32; // 160 bits / 5 bits per character
const CHECK_CHARS = 4; // 20 bits
const GROUP_SIZE = 4;
const TOTAL_CHARS = DATA_CHARS + CHECK_CHARS;

const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_LABEL = 'casebook/recovery-key/v1/check';
const AUTH_KEY_INFO = 'casebook/recovery-key/v1/auth-key';
const WRAPPING_KEY_INFO = 'casebook/recovery-key/v1/wrapping-key';

export type RecoveryKeyProblem = 'character' | 'length' | 'checksum';

export class RecoveryKeyError extends Error {
  override readonly name = 'RecoveryKeyError';
  readonly problem: RecoveryKeyProblem;

  constructor(problem: RecoveryKeyProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

export function generateRecoveryKey(): Bytes {
  return randomBytes(RECOVERY_KEY_BYTES);
}

/** "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-CCCC", the last group being the check. */
export async function formatRecoveryKey(key: Uint8Array): Promise<string> {
  if (key.length !== RECOVERY_KEY_BYTES) throw new RangeError(`A recovery key is ${RECOVERY_KEY_BYTES} bytes`);
  const text = encodeBase32(key) + (await checkGroup(key));
  const groups: string[] = [];
  for (let i = 0; i < text.length; i += GROUP_SIZE) groups.push(text.slice(i, i + GROUP_SIZE));
  return groups.join('-');
}

/**
 * Accepts what a person types back: any case, spaces, line breaks, hyphens or dashes between (or
 * inside) groups, and the letters people write for digits (O for 0, I or L for 1).
 */
export async function parseRecoveryKey(text: string): Promise<Bytes> {
  const cleaned = text
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  for (const char of cleaned) {
    if (!CROCKFORD_ALPHABET.includes(char)) {
      throw new RecoveryKeyError(
        'character',
        `The recovery key cannot contain ${JSON.stringify(char)}. It uses only digits and the letters A–Z except I, L, O and U.`,
      );
    }
  }
  if (cleaned.length !== TOTAL_CHARS) {
    throw new RecoveryKeyError(
      'length',
      `A recovery key has ${TOTAL_CHARS} characters in ${TOTAL_CHARS / GROUP_SIZE} groups of ${GROUP_SIZE}; this one has ${cleaned.length}.`,
    );
  }
  const key = decodeBase32(cleaned.slice(0, DATA_CHARS));
  if ((await checkGroup(key)) !== cleaned.slice(DATA_CHARS)) {
    throw new RecoveryKeyError(
      'checksum',
      'The recovery key has a typo: its last group does not match the others. Compare each group with the one you wrote down.',
    );
  }
  return key;
}

/** Recovery key → { authKey (proves possession to the server), wrappingKey (for the recovery-wrapped vault key) }. */
export async function deriveRecoveryKeys(key: Uint8Array): Promise<PassphraseKeys> {
  if (key.length !== RECOVERY_KEY_BYTES) throw new RangeError(`A recovery key is ${RECOVERY_KEY_BYTES} bytes`);
  const base = await importHkdfKey(key);
  const authBits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8Encode(AUTH_KEY_INFO) },
    base,
    256,
  );
  return { authKey: new Uint8Array(authBits), wrappingKey: await deriveWrappingKey(base, WRAPPING_KEY_INFO) };
}

async function checkGroup(key: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', concatBytes(utf8Encode(CHECK_LABEL), toBytes(key))));
  // 20 bits = the first 2.5 bytes, which base32-encode the 3 leading bytes' first 4 characters.
  return encodeBase32(digest.subarray(0, 3)).slice(0, CHECK_CHARS);
}

function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD_ALPHABET[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Input is exactly 32 validated characters, so it decodes to exactly 20 bytes with no leftover bits. */
function decodeBase32(text: string): Bytes {
  const out = new Uint8Array(RECOVERY_KEY_BYTES);
  let buffer = 0;
  let bits = 0;
  let offset = 0;
  for (const char of text) {
    buffer = ((buffer << 5) | CROCKFORD_ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[offset++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}
