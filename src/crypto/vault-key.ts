import { utf8Encode } from './encoding.ts';
import type { Envelope } from './envelope.ts';
import { generateWrappableAesKey, unwrapAesKey, wrapAesKey } from './key-wrap.ts';

// The vault key is a random AES-256-GCM key that encrypts every item and wraps every attachment's
// file key. It is stored only wrapped: once by the passphrase's wrapping key, once by the recovery
// key's. Changing the passphrase or recovering re-wraps the same vault key, so no item is re-encrypted.
//
// Where the raw key exists: never as JS bytes. At sign-up it is generated inside WebCrypto as an
// extractable key, wrapped twice with subtle.wrapKey and dropped; the session's copy is unwrapped
// non-extractable. To re-wrap (passphrase change, recovery) it is unwrapped once more as extractable,
// wrapped with the new key, and dropped. So an extractable copy lives only inside those two flows and
// only inside WebCrypto; the key a signed-in session holds can never be exported, even by injected
// script, which can at most use it while the page is open.

export type VaultKeyWrapPurpose = 'passphrase' | 'recovery';

/** Associated data naming what a wrapped blob is for, so a recovery blob cannot pose as a passphrase one. */
export function vaultKeyWrapLabel(purpose: VaultKeyWrapPurpose): string {
  return `casebook/vault-key/v1/${purpose}`;
}

/** Items are encrypted with it; file keys are wrapped with it. */
const VAULT_KEY_USAGES = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'] as const satisfies readonly KeyUsage[];

export interface NewVault {
  /** Non-extractable; use for this session. */
  readonly vaultKey: CryptoKey;
  /** Store on the server beside the account. */
  readonly wrappedByPassphrase: Envelope;
  /** Store on the server; opened only with the recovery key shown once at sign-up. */
  readonly wrappedByRecovery: Envelope;
}

/** Sign-up: a new random vault key, wrapped by both wrapping keys. */
export async function createVault(passphraseWrappingKey: CryptoKey, recoveryWrappingKey: CryptoKey): Promise<NewVault> {
  const transient = await generateWrappableAesKey();
  const wrappedByPassphrase = await wrapVaultKey(transient, passphraseWrappingKey, 'passphrase');
  const wrappedByRecovery = await wrapVaultKey(transient, recoveryWrappingKey, 'recovery');
  // Unwrapping rather than re-importing proves the stored blob opens before the account depends on it.
  const vaultKey = await unwrapVaultKey(wrappedByPassphrase, passphraseWrappingKey, 'passphrase');
  return { vaultKey, wrappedByPassphrase, wrappedByRecovery };
}

/** Wraps an extractable vault key; only createVault and rewrapVaultKey have one to pass. */
export function wrapVaultKey(extractableVaultKey: CryptoKey, wrappingKey: CryptoKey, purpose: VaultKeyWrapPurpose): Promise<Envelope> {
  return wrapAesKey(extractableVaultKey, wrappingKey, utf8Encode(vaultKeyWrapLabel(purpose)));
}

/** Sign-in or recovery: the session's non-extractable vault key. */
export function unwrapVaultKey(wrapped: Envelope, wrappingKey: CryptoKey, purpose: VaultKeyWrapPurpose): Promise<CryptoKey> {
  return unwrapVaultKeyInternal(wrapped, wrappingKey, purpose, false);
}

/**
 * Passphrase change (passphrase → passphrase) or recovery (recovery → passphrase, and then
 * recovery → recovery with a freshly issued recovery key, because the used one was typed somewhere).
 */
export async function rewrapVaultKey(
  wrapped: Envelope,
  from: { readonly wrappingKey: CryptoKey; readonly purpose: VaultKeyWrapPurpose },
  to: { readonly wrappingKey: CryptoKey; readonly purpose: VaultKeyWrapPurpose },
): Promise<Envelope> {
  const transient = await unwrapVaultKeyInternal(wrapped, from.wrappingKey, from.purpose, true);
  return wrapVaultKey(transient, to.wrappingKey, to.purpose);
}

function unwrapVaultKeyInternal(
  wrapped: Envelope,
  wrappingKey: CryptoKey,
  purpose: VaultKeyWrapPurpose,
  extractable: boolean,
): Promise<CryptoKey> {
  const secret = purpose === 'passphrase' ? 'passphrase' : 'recovery key';
  return unwrapAesKey(
    wrapped,
    wrappingKey,
    utf8Encode(vaultKeyWrapLabel(purpose)),
    VAULT_KEY_USAGES,
    extractable,
    `Could not open the vault key: wrong ${secret}, or the stored key was altered`,
  );
}
