import { base64urlDecode, base64urlEncode, rewrapVaultKey } from '../../../crypto/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { SignIn } from '../api/types.ts';
import { deriveNewPassphraseKeys, derivePassphraseKeys } from '../kdf/derive.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { NewRecoveryKey } from './new-recovery-key.ts';
import { makeNewRecoveryKey } from './new-recovery-key.ts';

/**
 * The current passphrase proves it is the person (not someone at an unlocked screen); the vault key is
 * re-wrapped under the new one with a fresh salt. The server ends every other session.
 */
export async function changePassphrase(vault: UnlockedVault, currentPassphrase: string, newPassphrase: string): Promise<UnlockedVault> {
  const current = await derivePassphraseKeys(currentPassphrase, base64urlDecode(vault.kdf.salt), vault.kdf.version);
  const { kdf, keys: next } = await deriveNewPassphraseKeys(newPassphrase);
  // Unwrapping with the typed passphrase also checks it before anything is sent.
  const wrappedVaultKey = await rewrapVaultKey(
    vault.wrappedVaultKey,
    { wrappingKey: current.wrappingKey, purpose: 'passphrase' },
    { wrappingKey: next.wrappingKey, purpose: 'passphrase' },
  );
  await vault.api.json('PUT', '/account/passphrase', {
    json: { currentAuthKey: base64urlEncode(current.authKey), authKey: base64urlEncode(next.authKey), kdf, wrappedVaultKey },
  });
  return { ...vault, wrappedVaultKey, kdf };
}

/** A new recovery key made in memory; the server hears of it only once the person has written it down. */
export interface PendingRecoveryKey extends NewRecoveryKey {
  readonly currentAuthKey: string;
}

/** The passphrase is asked again so an unlocked screen alone cannot swap the key; unwrapping checks it first. */
export async function prepareNewRecoveryKey(vault: UnlockedVault, passphrase: string): Promise<PendingRecoveryKey> {
  const current = await derivePassphraseKeys(passphrase, base64urlDecode(vault.kdf.salt), vault.kdf.version);
  const made = await makeNewRecoveryKey(vault.wrappedVaultKey, { wrappingKey: current.wrappingKey, purpose: 'passphrase' });
  return { ...made, currentAuthKey: base64urlEncode(current.authKey) };
}

/** From now on only the new key opens the record; the old one stops working. */
export async function saveNewRecoveryKey(vault: UnlockedVault, pending: PendingRecoveryKey): Promise<void> {
  await vault.api.json('PUT', '/account/recovery-key', { json: { currentAuthKey: pending.currentAuthKey, newRecovery: pending.body } });
}

export async function fetchSignIns(vault: UnlockedVault): Promise<readonly SignIn[]> {
  return (await vault.api.json<{ signIns: SignIn[] }>('GET', '/account/sign-ins')).signIns;
}

/**
 * Ends this browser's session. `leaving` sends it with keepalive, so it still goes out while the page is being
 * replaced (Exit this page) and the page does not wait for it.
 */
export function signOut(api: ApiClient, leaving = false): Promise<void> {
  const request = api.json<void>('DELETE', '/session', leaving ? { keepalive: true } : {});
  api.setCsrfToken(undefined);
  return request.catch(() => undefined);
}

export async function signOutEverywhere(vault: UnlockedVault): Promise<void> {
  await vault.api.json('DELETE', '/sessions');
  vault.api.setCsrfToken(undefined);
}

/** Deletes the account for real. The passphrase is asked again so an unlocked screen alone cannot do it. */
export async function deleteAccount(vault: UnlockedVault, passphrase: string): Promise<void> {
  const keys = await derivePassphraseKeys(passphrase, base64urlDecode(vault.kdf.salt), vault.kdf.version);
  await vault.api.json('DELETE', '/account', { json: { authKey: base64urlEncode(keys.authKey) } });
  vault.api.setCsrfToken(undefined);
}
