import type { Envelope } from '../../../crypto/index.ts';
import { base64urlEncode, deriveRecoveryKeys, parseRecoveryKey, rewrapVaultKey } from '../../../crypto/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { RecoveryResponse, SignedInResponse } from '../api/types.ts';
import { deriveNewPassphraseKeys } from '../kdf/derive.ts';
import type { UnlockedVault } from '../vault-session.ts';
import { makeNewRecoveryKey } from './new-recovery-key.ts';
import { openSession } from './unlock.ts';

/** Between the two recovery steps: the server accepted the recovery key and gave a 10-minute token. */
export interface RecoveryInProgress {
  readonly username: string;
  readonly recoveryToken: string;
  readonly wrappedByRecovery: Envelope;
  readonly recoveryWrappingKey: CryptoKey;
}

/** Throws RecoveryKeyError (a typo, caught before any request) or HttpError (401 / 429). */
export async function startRecovery(api: ApiClient, username: string, recoveryKeyText: string): Promise<RecoveryInProgress> {
  const recoveryBytes = await parseRecoveryKey(recoveryKeyText);
  const keys = await deriveRecoveryKeys(recoveryBytes);
  recoveryBytes.fill(0);
  const answer = await api.json<RecoveryResponse>('POST', '/recovery', {
    json: { username, recoveryAuthKey: base64urlEncode(keys.authKey) },
  });
  return {
    username,
    recoveryToken: answer.recoveryToken,
    wrappedByRecovery: answer.wrappedVaultKey,
    recoveryWrappingKey: keys.wrappingKey,
  };
}

/**
 * A new passphrase re-wraps the same vault key: nothing in the vault is re-encrypted. The recovery key just
 * used was typed somewhere, so a new one replaces it in the same request; the screen shows it once.
 */
export async function finishRecovery(
  api: ApiClient,
  recovery: RecoveryInProgress,
  newPassphrase: string,
): Promise<{ vault: UnlockedVault; recoveryKey: string }> {
  const from = { wrappingKey: recovery.recoveryWrappingKey, purpose: 'recovery' } as const;
  const [{ kdf, keys }, replacement] = await Promise.all([
    deriveNewPassphraseKeys(newPassphrase),
    makeNewRecoveryKey(recovery.wrappedByRecovery, from),
  ]);
  const wrappedVaultKey = await rewrapVaultKey(recovery.wrappedByRecovery, from, { wrappingKey: keys.wrappingKey, purpose: 'passphrase' });
  const session = await api.json<SignedInResponse>('PUT', '/recovery/passphrase', {
    json: {
      recoveryToken: recovery.recoveryToken,
      authKey: base64urlEncode(keys.authKey),
      kdf,
      wrappedVaultKey,
      newRecovery: replacement.body,
    },
  });
  return { vault: await openSession(api, session, keys.wrappingKey), recoveryKey: replacement.recoveryKey };
}
