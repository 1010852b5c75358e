import type { Envelope } from '../../crypto/index.ts';
import type { ApiClient } from './api/client.ts';
import type { Kdf, SignIn } from './api/types.ts';

/**
 * Everything an open vault holds, in memory only. Dropping the last reference to it (locking) is what makes
 * the keys unreachable: nothing of it is ever written to storage (T1).
 */
export interface UnlockedVault {
  readonly username: string;
  readonly api: ApiClient;
  /** Non-extractable: it can encrypt and decrypt while the page is open, but never be read out. */
  readonly vaultKey: CryptoKey;
  /** The passphrase-wrapped vault key and its KDF salt, kept to re-wrap them on a passphrase change. */
  readonly wrappedVaultKey: Envelope;
  readonly kdf: Kdf;
  /** As the server reported them when this session began (empty for a new account). */
  readonly lastSignIns: readonly SignIn[];
}
