// Rotates the transparency log's signing key: `DATA_DIR=… node src/server/features/vault/transparency-log/rotate-key.ts`.
// Then restart every app process so they sign with the new key; old public keys stay published.
import { join, resolve } from 'node:path';
import { rotateLogKey } from './signing-keys.ts';

const dataDir = resolve(process.env.DATA_DIR ?? './data');
const key = await rotateLogKey(join(dataDir, 'keys'), Date.now());
console.log(`New log signing key ${key.logId} (public key ${key.publicKey}). Restart every app process to use it.`);
