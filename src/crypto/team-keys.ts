import { x25519 } from '@noble/curves/ed25519.js';
import type { Bytes } from './encoding.ts';
import { base64urlDecode, base64urlEncode, concatBytes, randomBytes, toBytes, utf8Encode } from './encoding.ts';
import type { Envelope } from './envelope.ts';
import { DecryptionError } from './errors.ts';
import { hkdfSha256 } from './kdf.ts';
import { unwrapAesKey, wrapAesKey } from './key-wrap.ts';

// The helpline team's keys (T4, docs/staff.md). Everything here runs in the browser; the server only stores
// public keys, sealed boxes and wrapped keys.
//
// sealTo: an anonymous sealed box. A fresh X25519 key pair per message; the shared secret goes through
// HKDF-SHA-256 (salt = ephemeral public ‖ recipient public, info = the caller's label) to an AES-256-GCM key,
// with the label as associated data too, so a box made for one purpose cannot be opened as another.
// Wire form: "s1.<ephemeral public>.<nonce>.<ciphertext+tag>", each base64url.

export const X25519_KEY_BYTES = 32;
const SEALED_PREFIX = 's1';
const MEMBER_KEY_LABEL = 'casebook/staff/member-private-key/v1';

export interface X25519KeyPair {
  readonly publicKey: Bytes;
  readonly privateKey: Bytes;
}

export function generateX25519KeyPair(): X25519KeyPair {
  const { secretKey, publicKey } = x25519.keygen();
  return { publicKey: toBytes(publicKey), privateKey: toBytes(secretKey) };
}

export function x25519PublicKeyOf(privateKey: Uint8Array): Bytes {
  return toBytes(x25519.getPublicKey(privateKey));
}

async function boxKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array, label: string): Promise<CryptoKey> {
  const raw = await hkdfSha256(shared, concatBytes(ephemeralPublic, recipientPublic), `casebook/sealed-box/v1/${label}`, 32);
  try {
    return await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  } finally {
    raw.fill(0);
  }
}

function checkKey(key: Uint8Array, what: string): void {
  if (key.length !== X25519_KEY_BYTES) throw new RangeError(`${what} must be ${X25519_KEY_BYTES} bytes`);
}

/** Encrypts plaintext so that only the holder of recipientPublicKey's private key can read it. */
export async function sealTo(recipientPublicKey: Uint8Array, plaintext: Uint8Array, label: string): Promise<string> {
  checkKey(recipientPublicKey, 'recipient public key');
  const ephemeral = generateX25519KeyPair();
  const shared = x25519.getSharedSecret(ephemeral.privateKey, recipientPublicKey);
  ephemeral.privateKey.fill(0);
  const key = await boxKey(shared, ephemeral.publicKey, recipientPublicKey, label);
  shared.fill(0);
  const nonce = randomBytes(12);
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: utf8Encode(label) }, key, toBytes(plaintext)),
  );
  return [SEALED_PREFIX, base64urlEncode(ephemeral.publicKey), base64urlEncode(nonce), base64urlEncode(ciphertext)].join('.');
}

/** Opens a sealTo box; DecryptionError for a wrong key, wrong label or any change to the box. */
export async function openSealed(privateKey: Uint8Array, sealed: string, label: string): Promise<Bytes> {
  checkKey(privateKey, 'private key');
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== SEALED_PREFIX) throw new DecryptionError('not a sealed box');
  let ephemeralPublic: Bytes, nonce: Bytes, ciphertext: Bytes;
  try {
    [ephemeralPublic, nonce, ciphertext] = [base64urlDecode(parts[1]!), base64urlDecode(parts[2]!), base64urlDecode(parts[3]!)];
  } catch {
    throw new DecryptionError('not a sealed box');
  }
  if (ephemeralPublic.length !== X25519_KEY_BYTES || nonce.length !== 12 || ciphertext.length < 16)
    throw new DecryptionError('not a sealed box');
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(privateKey, ephemeralPublic);
  } catch {
    throw new DecryptionError('not a sealed box');
  }
  const key = await boxKey(shared, ephemeralPublic, x25519PublicKeyOf(privateKey), label);
  shared.fill(0);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: utf8Encode(label) }, key, ciphertext));
  } catch {
    throw new DecryptionError('this box cannot be opened with this key');
  }
}

// --- A member's own private key, wrapped by the key their password derives (Argon2id, as the vault does).

/** Wraps a member's X25519 private key with their password's wrapping key (subtle.wrapKey; the key is 32 bytes). */
export async function wrapMemberPrivateKey(privateKey: Uint8Array, wrappingKey: CryptoKey): Promise<Envelope> {
  checkKey(privateKey, 'private key');
  const asAes = await crypto.subtle.importKey('raw', toBytes(privateKey), 'AES-GCM', true, ['encrypt']);
  return wrapAesKey(asAes, wrappingKey, utf8Encode(MEMBER_KEY_LABEL));
}

export async function unwrapMemberPrivateKey(wrapped: Envelope, wrappingKey: CryptoKey): Promise<Bytes> {
  const asAes = await unwrapAesKey(
    wrapped,
    wrappingKey,
    utf8Encode(MEMBER_KEY_LABEL),
    ['encrypt'],
    true,
    'That password does not open your key.',
  );
  return new Uint8Array(await crypto.subtle.exportKey('raw', asAes));
}

// --- The team key chain.

export const TEAM_KEY_GRANT_LABEL = 'casebook/staff/team-key-grant/v1';
export const TEAM_KEY_PREVIOUS_LABEL = 'casebook/staff/team-key-previous/v1';

export interface TeamKeyRecord {
  readonly version: number;
  readonly publicKey: string;
  /** The previous version's private key sealed to this version's public key (null for the first). */
  readonly sealedPrevious: string | null;
}

export interface TeamKeys {
  /** The current version: new messages are sealed to its public key. */
  readonly version: number;
  readonly publicKey: Bytes;
  /** Every version's private key, so older conversations stay readable after a rotation. */
  readonly privateKeys: ReadonlyMap<number, Bytes>;
}

/** Seals a team private key to one member (a grant). */
export function grantTeamKey(teamPrivateKey: Uint8Array, memberPublicKey: Uint8Array, version: number): Promise<string> {
  return sealTo(memberPublicKey, teamPrivateKey, `${TEAM_KEY_GRANT_LABEL}/${version}`);
}

/** A new team key for a rotation: it carries the old private key, sealed to itself. */
export async function rotateTeamKey(current: {
  version: number;
  privateKey: Uint8Array;
}): Promise<{ version: number; keyPair: X25519KeyPair; sealedPrevious: string }> {
  const keyPair = generateX25519KeyPair();
  const version = current.version + 1;
  const sealedPrevious = await sealTo(keyPair.publicKey, current.privateKey, `${TEAM_KEY_PREVIOUS_LABEL}/${version}`);
  return { version, keyPair, sealedPrevious };
}

/**
 * From a member's private key and their grant of the current version, every team private key: each version's
 * sealedPrevious opens the one before. Checks each private key against its recorded public key.
 */
export async function openTeamKeys(
  memberPrivateKey: Uint8Array,
  grant: { version: number; sealedKey: string },
  versions: readonly TeamKeyRecord[],
): Promise<TeamKeys> {
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  const current = byVersion.get(grant.version);
  if (!current) throw new DecryptionError('the granted team key version is unknown');
  const privateKeys = new Map<number, Bytes>();
  let privateKey = await openSealed(memberPrivateKey, grant.sealedKey, `${TEAM_KEY_GRANT_LABEL}/${grant.version}`);
  let record: TeamKeyRecord | undefined = current;
  while (record) {
    if (base64urlEncode(x25519PublicKeyOf(privateKey)) !== record.publicKey)
      throw new DecryptionError(`team key ${record.version} does not match its public key`);
    privateKeys.set(record.version, privateKey);
    if (!record.sealedPrevious) break;
    const previous = byVersion.get(record.version - 1);
    if (!previous) throw new DecryptionError(`team key ${record.version - 1} is missing`);
    privateKey = await openSealed(privateKey, record.sealedPrevious, `${TEAM_KEY_PREVIOUS_LABEL}/${record.version}`);
    record = previous;
  }
  return { version: current.version, publicKey: base64urlDecode(current.publicKey), privateKeys };
}
