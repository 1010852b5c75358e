// The secrets every app process of one service shares (docs/deploy.md):
//   npm run keys -- new --out DIR                    makes DIR/log-signing-keys.json and DIR/server-secret (mode 0600)
//   npm run keys -- from-data-dir --data-dir ./data --out DIR
//                                                    the same from a one-process service's DATA_DIR/keys, so its
//                                                    receipts keep verifying and its sign-ins keep working
//   npm run keys -- rotate --file DIR/log-signing-keys.json
//                                                    a new log signing key from now; the old one stays published
//   npm run keys -- rotate --data-dir ./data         the same for the embedded default (DATA_DIR/keys)
// After a rotation, roll every app process so they sign with the new key.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type KeySet,
  keySetFromDirectory,
  logKeysFromSet,
  newKeySet,
  parseKeySet,
  rotateKeySet,
  rotateLogKey,
} from '../src/server/features/vault/transparency-log/signing-keys.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, file: { type: 'string' }, 'data-dir': { type: 'string' } },
});
const command = positionals[0];
const usage = () => {
  console.error(
    'Usage: npm run keys -- new --out DIR | from-data-dir --data-dir DIR --out DIR | rotate --file FILE | rotate --data-dir DIR',
  );
  process.exit(2);
};

/** Written beside and renamed into place, 0600, so a reader never sees half a file. */
function writeSecret(path: string, text: string, replace = false): void {
  if (!replace && existsSync(path)) {
    console.error(`${path} exists already; nothing was changed.`);
    process.exit(1);
  }
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
  renameSync(temp, path);
}

async function writeOut(dir: string, set: KeySet, secret: Buffer): Promise<void> {
  await logKeysFromSet(set); // refuse to write what would not load
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeSecret(join(dir, 'log-signing-keys.json'), `${JSON.stringify(set, null, 2)}\n`);
  writeSecret(join(dir, 'server-secret'), `${secret.toString('base64url')}\n`);
  const keys = await logKeysFromSet(set);
  console.log(`Wrote ${join(dir, 'log-signing-keys.json')} (signing key ${keys.current.logId}) and ${join(dir, 'server-secret')}.`);
  console.log('Give every app process LOG_SIGNING_KEYS_FILE and SERVER_SECRET_FILE pointing at them (docs/deploy.md).');
}

const now = Date.now();
if (command === 'new' && values.out) {
  await writeOut(resolve(values.out), await newKeySet(now), randomBytes(32));
} else if (command === 'from-data-dir' && values['data-dir'] && values.out) {
  const keysDir = join(resolve(values['data-dir']), 'keys');
  await writeOut(resolve(values.out), keySetFromDirectory(keysDir), readFileSync(join(keysDir, 'server-secret.key')));
} else if (command === 'rotate' && values.file) {
  const path = resolve(values.file);
  const rotated = await rotateKeySet(parseKeySet(readFileSync(path, 'utf8')), now);
  const keys = await logKeysFromSet(rotated);
  writeSecret(path, `${JSON.stringify(rotated, null, 2)}\n`, true);
  console.log(
    `New log signing key ${keys.current.logId} from ${new Date(now).toISOString()}; ${keys.published.length - 1} earlier key(s) stay published. Roll every app process to use it.`,
  );
} else if (command === 'rotate' && values['data-dir']) {
  const key = await rotateLogKey(join(resolve(values['data-dir']), 'keys'), now);
  console.log(`New log signing key ${key.logId} (public key ${key.publicKey}). Restart the app process to use it.`);
} else {
  usage();
}
