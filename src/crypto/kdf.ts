import { argon2id } from 'hash-wasm';
import type { Bytes } from './encoding.ts';
import { toBytes, utf8Encode } from './encoding.ts';

export interface KdfParams {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/**
 * Argon2id cost by version. The version is stored beside each account's salt, so raising the cost
 * later means adding a version, never changing one (old accounts must still open).
 *
 * Version 1 (64 MiB, 3 passes) unlocked in about 0.33 s in headless Chromium on our 2-core machines —
 * below the 0.5–1.5 s we aim for, so guessing a passphrase cost an attacker less than it should.
 * Version 2 (128 MiB, 3 passes) measured about 0.9 s (bench/vault-browser.ts, docs/performance.md):
 * slow for an attacker's every guess, still quick enough for a person unlocking in a hurry.
 */
export const KDF_PARAMS: Readonly<Record<number, KdfParams>> = {
  1: { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 },
  2: { memoryKiB: 128 * 1024, iterations: 3, parallelism: 1 },
};

export const CURRENT_KDF_VERSION = 2;

/** RFC 9106 recommends 128 bits of salt; shorter would let precomputation pay off across users. */
export const KDF_SALT_BYTES = 16;

const MASTER_KEY_BYTES = 32;
const AUTH_KEY_INFO = 'casebook/kdf/v1/auth-key';
const WRAPPING_KEY_INFO = 'casebook/kdf/v1/wrapping-key';

export interface PassphraseKeys {
  /** Proves knowledge of the passphrase to the server, which keeps only a slow hash of it. */
  readonly authKey: Bytes;
  /** Wraps and unwraps the vault key; non-extractable, never leaves this device's memory. */
  readonly wrappingKey: CryptoKey;
}

export function kdfParamsFor(version: number): KdfParams {
  const params = KDF_PARAMS[version];
  if (params === undefined) throw new RangeError(`Unknown KDF version: ${version}`);
  return params;
}

/**
 * NFC so that the same passphrase typed on different keyboards or OSes (precomposed "é" versus
 * "e" + combining accent) derives the same keys.
 */
export function normalizePassphrase(passphrase: string): Bytes {
  return utf8Encode(passphrase.normalize('NFC'));
}

/** The Argon2id step alone: password bytes → 32-byte master key. */
export async function argon2idHash(
  password: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
  hashLength = MASTER_KEY_BYTES,
): Promise<Bytes> {
  const output = await argon2id({
    password,
    salt,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    parallelism: params.parallelism,
    hashLength,
    outputType: 'binary',
  });
  return toBytes(output);
}

/** The HKDF-SHA-256 step alone (RFC 5869), as raw bytes. */
export async function hkdfSha256(
  inputKeyMaterial: Uint8Array,
  salt: Uint8Array,
  info: Uint8Array | string,
  length: number,
): Promise<Bytes> {
  const base = await crypto.subtle.importKey('raw', toBytes(inputKeyMaterial), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: toBytes(salt), info: typeof info === 'string' ? utf8Encode(info) : toBytes(info) },
    base,
    length * 8,
  );
  return new Uint8Array(bits);
}

/** Imports high-entropy key material as an HKDF base key that can only derive, never be read back. */
export function importHkdfKey(keyMaterial: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', toBytes(keyMaterial), 'HKDF', false, ['deriveBits', 'deriveKey']);
}

/**
 * Derives a non-extractable AES-256-GCM key usable only to wrap and unwrap other keys. The HKDF salt
 * is empty because the input is already uniformly random (an Argon2id output or a recovery key).
 */
export function deriveWrappingKey(base: CryptoKey, info: string): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8Encode(info) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** Splits an Argon2id master key into the two independent keys. Separate for testing with cheap params. */
export async function splitMasterKey(masterKey: Uint8Array): Promise<PassphraseKeys> {
  const base = await importHkdfKey(masterKey);
  const authBits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8Encode(AUTH_KEY_INFO) },
    base,
    256,
  );
  const wrappingKey = await deriveWrappingKey(base, WRAPPING_KEY_INFO);
  return { authKey: new Uint8Array(authBits), wrappingKey };
}

/** Passphrase → NFC → Argon2id(version's params) → HKDF → { authKey, wrappingKey }. */
export async function deriveKeys(passphrase: string, salt: Uint8Array, version: number = CURRENT_KDF_VERSION): Promise<PassphraseKeys> {
  return deriveKeysWithParams(passphrase, salt, kdfParamsFor(version));
}

/** deriveKeys with explicit cost, for tests and benchmarks; production code passes a version. */
export async function deriveKeysWithParams(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<PassphraseKeys> {
  if (salt.length < KDF_SALT_BYTES) throw new RangeError(`KDF salt must be at least ${KDF_SALT_BYTES} bytes`);
  const password = normalizePassphrase(passphrase);
  const masterKey = await argon2idHash(password, salt, params);
  try {
    return await splitMasterKey(masterKey);
  } finally {
    // Best effort only: JS gives no guarantee that no other copy exists, but this one need not linger.
    masterKey.fill(0);
    password.fill(0);
  }
}
