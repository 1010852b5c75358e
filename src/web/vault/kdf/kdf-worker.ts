// The 'vault-worker' bundle: Argon2id takes about half a second of solid computation, which on the page's own
// thread would freeze it (no spinner, no screen reader updates). Here it runs beside the page. One worker per
// derivation, ended by the page afterwards, so the 64 MiB of Argon2 memory and the passphrase go with it.
// The wrapping key comes back as a non-extractable CryptoKey (structured-cloned), never as bytes.
import { deriveKeys } from '../../../crypto/kdf.ts';
import type { DeriveRequest, DeriveResponse } from './messages.ts';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<DeriveRequest>) => void) | null;
  postMessage(message: DeriveResponse): void;
};

scope.onmessage = (event) => {
  const { passphrase, salt, version } = event.data;
  deriveKeys(passphrase, salt, version).then(
    ({ authKey, wrappingKey }) => scope.postMessage({ ok: true, authKey, wrappingKey }),
    (error: unknown) => scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
