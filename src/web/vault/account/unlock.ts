import { base64urlDecode, base64urlEncode, unwrapVaultKey } from '../../../crypto/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { Kdf, SignedInResponse } from '../api/types.ts';
import { derivePassphraseKeys } from '../kdf/derive.ts';
import type { UnlockedVault } from '../vault-session.ts';

/** The salt and cost for a username. The server answers the same way for names it does not know (T5). */
export async function prelogin(api: ApiClient, username: string): Promise<Kdf> {
  return (await api.json<{ kdf: Kdf }>('POST', '/accounts/prelogin', { json: { username } })).kdf;
}

/** Username + passphrase → signed in, with the vault key unwrapped in memory. */
export async function unlock(api: ApiClient, username: string, passphrase: string): Promise<UnlockedVault> {
  // Named marks (no content) so the benchmark can say where unlocking spends its time.
  performance.mark('unlock:start');
  const kdf = await prelogin(api, username);
  performance.mark('unlock:prelogin');
  const keys = await derivePassphraseKeys(passphrase, base64urlDecode(kdf.salt), kdf.version);
  performance.mark('unlock:derived');
  const session = await api.json<SignedInResponse>('POST', '/sessions', {
    json: { username, authKey: base64urlEncode(keys.authKey) },
  });
  performance.mark('unlock:signed-in');
  keys.authKey.fill(0);
  const vault = await openSession(api, session, keys.wrappingKey);
  performance.mark('unlock:opened');
  return vault;
}

/** Shared by unlock and recovery: the server's signed-in answer + the wrapping key → an open vault. */
export async function openSession(api: ApiClient, session: SignedInResponse, wrappingKey: CryptoKey): Promise<UnlockedVault> {
  api.setCsrfToken(session.csrfToken);
  const vaultKey = await unwrapVaultKey(session.wrappedVaultKey, wrappingKey, 'passphrase');
  return {
    username: session.username,
    api,
    vaultKey,
    wrappedVaultKey: session.wrappedVaultKey,
    kdf: session.kdf,
    lastSignIns: session.lastSignIns,
  };
}
