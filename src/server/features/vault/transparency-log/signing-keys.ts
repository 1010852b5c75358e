import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64urlDecode, base64urlEncode } from '../../../../crypto/encoding.ts';
import {
  createLogSigner,
  exportPrivateKey,
  generateSigningKeyPair,
  importPrivateKey,
  importPublicKey,
  type LogSigner,
  logIdOf,
} from '../../../../crypto/signing.ts';

// The log's Ed25519 keys come from one of two places:
// - a key set (LOG_SIGNING_KEYS or LOG_SIGNING_KEYS_FILE): one JSON document shared by every app process, on
//   any number of machines (docs/deploy.md). The last key signs; every earlier one is listed with `until`,
//   usually as its public key alone, so receipts and tree heads signed before a rotation still verify.
// - the embedded default for one process: DATA_DIR/keys/log-signing-<n>.pk8 (PKCS#8, mode 0600) with
//   log-signing-<n>.json beside each ({ from, until? }), made on first start; the highest n signs.

export interface PublishedKey {
  logId: string;
  /** base64url raw 32-byte Ed25519 public key */
  publicKey: string;
  from: number;
  until?: number;
}

export interface LogKeys {
  signer: LogSigner;
  current: PublishedKey;
  /** Oldest first, the current key last. */
  published: PublishedKey[];
  /** Verification keys by logId (tests and self-checks). */
  verifiers: Map<string, CryptoKey>;
}

/** One key of a key set: the signing key has `privateKey`; a retired one may keep only `publicKey`. */
export interface KeySetEntry {
  /** base64url PKCS#8 */
  privateKey?: string;
  /** base64url raw 32 bytes; derived from privateKey when that is given */
  publicKey?: string;
  from: number;
  until?: number;
}

export interface KeySet {
  v: 1;
  keys: KeySetEntry[];
}

export class KeySetError extends Error {
  override name = 'KeySetError';
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Checks a key set's shape and rules (no cryptography): clear words for whoever made the file. */
export function parseKeySet(text: string): KeySet {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeySetError('the log key set is not JSON (make one with `npm run keys -- new`)');
  }
  const set = value as Partial<KeySet> | null;
  if (!set || typeof set !== 'object' || set.v !== 1 || !Array.isArray(set.keys) || set.keys.length === 0) {
    throw new KeySetError('the log key set must be { "v": 1, "keys": [ … ] } with at least one key');
  }
  set.keys.forEach((key, i) => {
    const where = `key ${i + 1} of the log key set`;
    if (!key || typeof key !== 'object') throw new KeySetError(`${where} is not an object`);
    if (key.privateKey !== undefined && (typeof key.privateKey !== 'string' || !B64URL.test(key.privateKey)))
      throw new KeySetError(`${where}: privateKey must be base64url PKCS#8`);
    if (key.publicKey !== undefined && (typeof key.publicKey !== 'string' || !B64URL.test(key.publicKey)))
      throw new KeySetError(`${where}: publicKey must be base64url`);
    if (key.privateKey === undefined && key.publicKey === undefined) throw new KeySetError(`${where} has neither privateKey nor publicKey`);
    if (!isTime(key.from)) throw new KeySetError(`${where}: from must be milliseconds since the epoch`);
    if (key.until !== undefined && (!isTime(key.until) || key.until < key.from))
      throw new KeySetError(`${where}: until must be a time not before from`);
    const last = i === set.keys!.length - 1;
    if (last && (key.privateKey === undefined || key.until !== undefined))
      throw new KeySetError(`${where} is the signing key: it needs privateKey and no until`);
    if (!last && key.until === undefined) throw new KeySetError(`${where} was replaced by a later key, so it needs until`);
  });
  return set as KeySet;
}

/** The keys of a (parsed) key set, ready to sign and publish. */
export async function logKeysFromSet(set: KeySet): Promise<LogKeys> {
  const published: PublishedKey[] = [];
  const verifiers = new Map<string, CryptoKey>();
  let signer: LogSigner | undefined;
  for (const [i, key] of set.keys.entries()) {
    let publicKey: string;
    try {
      publicKey = key.privateKey ? publicKeyOf(base64urlDecode(key.privateKey)) : key.publicKey!;
    } catch {
      throw new KeySetError(`key ${i + 1} of the log key set: privateKey is not an Ed25519 PKCS#8 key`);
    }
    if (key.publicKey && key.publicKey !== publicKey)
      throw new KeySetError(`key ${i + 1} of the log key set: publicKey does not belong to privateKey`);
    let verifier: CryptoKey;
    try {
      verifier = await importPublicKey(publicKey);
    } catch {
      throw new KeySetError(`key ${i + 1} of the log key set: publicKey is not a 32-byte Ed25519 key`);
    }
    const logId = await logIdOf(verifier);
    published.push({ logId, publicKey, from: key.from, ...(key.until !== undefined ? { until: key.until } : {}) });
    verifiers.set(logId, verifier);
    if (i === set.keys.length - 1)
      signer = await createLogSigner({ privateKey: await importPrivateKey(base64urlDecode(key.privateKey!)), publicKey: verifier });
  }
  return { signer: signer!, current: published[published.length - 1]!, published, verifiers };
}

/** A new key set with one fresh signing key. */
export async function newKeySet(now: number): Promise<KeySet> {
  return { v: 1, keys: [{ privateKey: await newPrivateKey(), from: now }] };
}

/**
 * Rotation: a new signing key from `now`; the one it replaces gets `until: now` and keeps only its public key
 * (nothing needs to sign with it again, and a private key that is not kept cannot leak).
 */
export async function rotateKeySet(set: KeySet, now: number): Promise<KeySet> {
  const previous = set.keys.map((key, i) => {
    if (i !== set.keys.length - 1) return key;
    return { publicKey: key.publicKey ?? publicKeyOf(base64urlDecode(key.privateKey!)), from: key.from, until: now };
  });
  return { v: 1, keys: [...previous, { privateKey: await newPrivateKey(), from: now }] };
}

/** The embedded default's keys as a key set, for moving a one-process service onto several (docs/deploy.md). */
export function keySetFromDirectory(keysDir: string): KeySet {
  const numbers = keyNumbers(keysDir);
  if (numbers.length === 0) throw new KeySetError(`there are no log keys in ${keysDir}`);
  return {
    v: 1,
    keys: numbers.map((n) => {
      const meta = readMeta(keysDir, n);
      return {
        privateKey: base64urlEncode(readFileSync(join(keysDir, `log-signing-${n}.pk8`))),
        from: meta.from,
        ...(meta.until !== undefined ? { until: meta.until } : {}),
      };
    }),
  };
}

const KEY_FILE = /^log-signing-(\d+)\.pk8$/;

/** The embedded default: keys in DATA_DIR/keys, the first made on first start. */
export async function loadLogKeys(keysDir: string, now: number): Promise<LogKeys> {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  if (keyNumbers(keysDir).length === 0) await writeNewKey(keysDir, 1, now);
  return logKeysFromSet(keySetFromDirectory(keysDir));
}

/**
 * Makes a new signing key in DATA_DIR/keys and marks the previous one as retired from `now`. Running app
 * processes keep signing with the key they loaded until they restart, so restart them all after rotating.
 */
export async function rotateLogKey(keysDir: string, now: number): Promise<PublishedKey> {
  const numbers = keyNumbers(keysDir);
  const previous = numbers[numbers.length - 1];
  const next = (previous ?? 0) + 1;
  await writeNewKey(keysDir, next, now);
  if (previous !== undefined) writeMeta(keysDir, previous, { ...readMeta(keysDir, previous), until: now });
  const keys = await loadLogKeys(keysDir, now);
  return keys.current;
}

function publicKeyOf(pkcs8: Uint8Array): string {
  const jwk = createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new KeySetError('not an Ed25519 key');
  return jwk.x;
}

async function newPrivateKey(): Promise<string> {
  return base64urlEncode(await exportPrivateKey((await generateSigningKeyPair()).privateKey));
}

function keyNumbers(keysDir: string): number[] {
  return readdirSync(keysDir)
    .flatMap((name) => {
      const match = KEY_FILE.exec(name);
      return match ? [Number(match[1])] : [];
    })
    .sort((a, b) => a - b);
}

async function writeNewKey(keysDir: string, n: number, now: number): Promise<void> {
  const pair = await generateSigningKeyPair();
  const pkcs8 = await exportPrivateKey(pair.privateKey);
  const path = join(keysDir, `log-signing-${n}.pk8`);
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, pkcs8, { mode: 0o600, flag: 'wx' });
  try {
    // link() refuses to replace: when two processes race on first start, the first key wins for both.
    linkSync(temp, path);
    writeMeta(keysDir, n, { from: now });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
}

function readMeta(keysDir: string, n: number): { from: number; until?: number } {
  try {
    return JSON.parse(readFileSync(join(keysDir, `log-signing-${n}.json`), 'utf8')) as { from: number; until?: number };
  } catch {
    return { from: 0 };
  }
}

function writeMeta(keysDir: string, n: number, meta: { from: number; until?: number }): void {
  const path = join(keysDir, `log-signing-${n}.json`);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(meta), { mode: 0o600 });
  renameSync(temp, path);
}
