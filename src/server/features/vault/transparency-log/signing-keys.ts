import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createLogSigner,
  exportPrivateKey,
  generateSigningKeyPair,
  importPrivateKey,
  importPublicKey,
  logIdOf,
  type LogSigner,
} from '../../../../crypto/signing.ts';

// The log's Ed25519 keys live in DATA_DIR/keys as log-signing-<n>.pk8 (PKCS#8, mode 0600) with
// log-signing-<n>.json beside each ({ from, until? }). The highest n signs; every earlier public key stays
// published so receipts and tree heads signed before a rotation still verify.

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

const KEY_FILE = /^log-signing-(\d+)\.pk8$/;

export async function loadLogKeys(keysDir: string, now: number): Promise<LogKeys> {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  if (keyNumbers(keysDir).length === 0) await writeNewKey(keysDir, 1, now);
  const numbers = keyNumbers(keysDir);
  const published: PublishedKey[] = [];
  const verifiers = new Map<string, CryptoKey>();
  for (const n of numbers) {
    const pkcs8 = readFileSync(join(keysDir, `log-signing-${n}.pk8`));
    const jwk = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
    const publicKey = jwk.x as string;
    const verifier = await importPublicKey(publicKey);
    const logId = await logIdOf(verifier);
    const meta = readMeta(keysDir, n);
    published.push({ logId, publicKey, from: meta.from, ...(meta.until !== undefined ? { until: meta.until } : {}) });
    verifiers.set(logId, verifier);
  }
  const newest = numbers[numbers.length - 1]!;
  const privateKey = await importPrivateKey(readFileSync(join(keysDir, `log-signing-${newest}.pk8`)));
  const current = published[published.length - 1]!;
  const signer = await createLogSigner({ privateKey, publicKey: verifiers.get(current.logId)! });
  return { signer, current, published, verifiers };
}

/**
 * Makes a new signing key and marks the previous one as retired from `now`. Running app processes keep
 * signing with the key they loaded until they restart, so restart them all after rotating.
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
