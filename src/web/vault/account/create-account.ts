import type { Envelope } from '../../../crypto/index.ts';
import { base64urlEncode, createVault, deriveRecoveryKeys, formatRecoveryKey, generateRecoveryKey } from '../../../crypto/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { CreatedAccountResponse, Kdf } from '../api/types.ts';
import { deriveNewPassphraseKeys } from '../kdf/derive.ts';
import type { UnlockedVault } from '../vault-session.ts';

/**
 * An account made in memory but not yet sent: the server hears of it only after the person has written down
 * and typed back the recovery key, so no account exists whose recovery key was never seen.
 */
export interface PreparedAccount {
  readonly username: string;
  /** "XXXX-XXXX-…", shown once and then dropped with this object. */
  readonly recoveryKey: string;
  readonly vaultKey: CryptoKey;
  readonly body: {
    readonly username: string;
    readonly authKey: string;
    readonly kdf: Kdf;
    readonly wrappedVaultKey: { readonly passphrase: Envelope; readonly recovery: Envelope };
    readonly recoveryAuthKey: string;
  };
}

export async function prepareAccount(username: string, passphrase: string): Promise<PreparedAccount> {
  const recoveryBytes = generateRecoveryKey();
  const [{ kdf, keys: passphraseKeys }, recoveryKeys, recoveryKey] = await Promise.all([
    deriveNewPassphraseKeys(passphrase),
    deriveRecoveryKeys(recoveryBytes),
    formatRecoveryKey(recoveryBytes),
  ]);
  recoveryBytes.fill(0);
  const vault = await createVault(passphraseKeys.wrappingKey, recoveryKeys.wrappingKey);
  return {
    username,
    recoveryKey,
    vaultKey: vault.vaultKey,
    body: {
      username,
      authKey: base64urlEncode(passphraseKeys.authKey),
      kdf,
      wrappedVaultKey: { passphrase: vault.wrappedByPassphrase, recovery: vault.wrappedByRecovery },
      recoveryAuthKey: base64urlEncode(recoveryKeys.authKey),
    },
  };
}

/** POST /api/v1/accounts: the account exists, and this browser is signed in to it. */
export async function createAccount(api: ApiClient, prepared: PreparedAccount): Promise<UnlockedVault> {
  const created = await api.json<CreatedAccountResponse>('POST', '/accounts', { json: prepared.body });
  api.setCsrfToken(created.csrfToken);
  return {
    username: created.username,
    api,
    vaultKey: prepared.vaultKey,
    wrappedVaultKey: prepared.body.wrappedVaultKey.passphrase,
    kdf: prepared.body.kdf,
    lastSignIns: [],
  };
}

export async function suggestUsername(api: ApiClient): Promise<string> {
  return (await api.json<{ username: string }>('GET', '/usernames/suggestion')).username;
}
