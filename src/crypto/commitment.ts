import { canonicalize } from './canonical-json.ts';
import type { Bytes } from './encoding.ts';
import { concatBytes, constantTimeEqual, randomBytes, toBytes, utf8Encode } from './encoding.ts';

// A salted commitment lets the server timestamp an entry version (T6) without learning it (T4):
// commitment = SHA-256(salt || canonical JSON in UTF-8). The salt stays inside the vault and goes into
// the evidence pack, so a verifier can recompute the hash; without it, guessing a short entry from its
// commitment is hopeless. Canonical JSON makes the hash independent of key order and spacing.

export const COMMITMENT_SALT_BYTES = 32;

export interface Commitment {
  readonly salt: Bytes;
  readonly commitment: Bytes;
}

export async function commit(value: unknown, salt: Uint8Array = randomBytes(COMMITMENT_SALT_BYTES)): Promise<Commitment> {
  if (salt.length !== COMMITMENT_SALT_BYTES) throw new RangeError(`Commitment salt must be ${COMMITMENT_SALT_BYTES} bytes`);
  const saltBytes = toBytes(salt);
  const digest = await crypto.subtle.digest('SHA-256', concatBytes(saltBytes, utf8Encode(canonicalize(value))));
  return { salt: saltBytes, commitment: new Uint8Array(digest) };
}

export async function verifyCommitment(value: unknown, salt: Uint8Array, commitment: Uint8Array): Promise<boolean> {
  if (salt.length !== COMMITMENT_SALT_BYTES) return false;
  const recomputed = await commit(value, salt);
  return constantTimeEqual(recomputed.commitment, commitment);
}
