// Passphrase → { authKey, wrappingKey }, off the page's thread when the browser allows it.
import { base64urlEncode, CURRENT_KDF_VERSION, KDF_SALT_BYTES, randomBytes } from '../../../crypto/index.ts';
import type { PassphraseKeys } from '../../../crypto/kdf.ts';
import type { Kdf } from '../api/types.ts';
import type { DeriveRequest, DeriveResponse } from './messages.ts';

let workerUrl: string | undefined;

/** Set once at start-up from the page (the server serves the worker with the vault's policy). */
export function configureKdfWorker(url: string | undefined): void {
  workerUrl = url;
}

export async function derivePassphraseKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>, version: number): Promise<PassphraseKeys> {
  if (workerUrl !== undefined && typeof Worker === 'function') {
    try {
      return await deriveInWorker(workerUrl, { passphrase, salt, version });
    } catch (error) {
      if (!(error instanceof WorkerUnavailableError)) throw error;
    }
  }
  // Loaded only when needed: hash-wasm stays out of the page's bundle when the worker does the work.
  const { deriveKeys } = await import('../../../crypto/kdf.ts');
  return deriveKeys(passphrase, salt, version);
}

/**
 * Keys for a passphrase being set (sign-up, change, recovery): always a fresh salt and the current cost
 * version, so a new passphrase never inherits an old salt or a cheaper setting.
 */
export async function deriveNewPassphraseKeys(passphrase: string): Promise<{ kdf: Kdf; keys: PassphraseKeys }> {
  const salt = randomBytes(KDF_SALT_BYTES);
  const kdf: Kdf = { version: CURRENT_KDF_VERSION, salt: base64urlEncode(salt) };
  return { kdf, keys: await derivePassphraseKeys(passphrase, salt, kdf.version) };
}

class WorkerUnavailableError extends Error {}

function deriveInWorker(url: string, request: DeriveRequest): Promise<PassphraseKeys> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(url, { type: 'module', name: 'casebook' });
    } catch {
      reject(new WorkerUnavailableError());
      return;
    }
    worker.onmessage = (event: MessageEvent<DeriveResponse>) => {
      worker.terminate();
      const data = event.data;
      if (data.ok) resolve({ authKey: data.authKey, wrappingKey: data.wrappingKey });
      else reject(new Error(data.message));
    };
    // A worker that cannot load (blocked, offline) fails here; fall back to deriving on the page.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new WorkerUnavailableError());
    };
    worker.postMessage(request);
  });
}
