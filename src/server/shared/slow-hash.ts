import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// The server's slow hash of an authentication key (T4, T5). The browser already stretched the passphrase
// with Argon2id, so this guards a stolen database against replaying auth keys cheaply, not against
// passphrase guessing. scrypt N=2^15, r=8, p=1 uses 32 MiB and took ≈105 ms on these 2-core machines
// (libuv's thread pool, so the event loop stays free). Parameters are stored with each hash so they can
// be raised later without breaking old accounts.

export interface SlowHash {
  hash: Buffer;
  salt: Buffer;
  params: string;
}

const CURRENT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;

function scryptAsync(secret: Uint8Array, salt: Uint8Array, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const format = (o: { N: number; r: number; p: number }) => `scrypt:N=${o.N},r=${o.r},p=${o.p}`;

function parse(params: string): { N: number; r: number; p: number } {
  const match = /^scrypt:N=(\d+),r=(\d+),p=(\d+)$/.exec(params);
  if (!match) throw new Error(`unknown slow-hash parameters: ${params}`);
  return { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
}

const options = (o: { N: number; r: number; p: number }): ScryptOptions => ({ ...o, maxmem: 256 * o.N * o.r + 1024 * 1024 });

export async function slowHash(secret: Uint8Array): Promise<SlowHash> {
  const salt = randomBytes(16);
  return { hash: await scryptAsync(secret, salt, options(CURRENT)), salt, params: format(CURRENT) };
}

export async function verifySlowHash(secret: Uint8Array, stored: SlowHash): Promise<boolean> {
  const candidate = await scryptAsync(secret, stored.salt, options(parse(stored.params)));
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}

/** A hash nothing matches, so an unknown username costs the same scrypt as a real one. */
export function dummySlowHash(): Promise<SlowHash> {
  return slowHash(randomBytes(32));
}
