import type { Envelope, VaultKeyWrapPurpose } from '../../../crypto/index.ts';
import { base64urlEncode, deriveRecoveryKeys, formatRecoveryKey, generateRecoveryKey, rewrapVaultKey } from '../../../crypto/index.ts';

/** A freshly made recovery key, shown once, and what the server stores for it. */
export interface NewRecoveryKey {
  /** "XXXX-XXXX-…", shown once and then dropped with this object. */
  readonly recoveryKey: string;
  readonly body: { readonly wrappedVaultKey: Envelope; readonly recoveryAuthKey: string };
}

/**
 * Wraps the vault key under a new recovery key, opening it from whichever wrap the caller holds (the one the
 * used recovery key opened, or the passphrase's). Used after a recovery, because the old key was typed
 * somewhere, and when the person asks for a new one.
 */
export async function makeNewRecoveryKey(
  wrapped: Envelope,
  from: { readonly wrappingKey: CryptoKey; readonly purpose: VaultKeyWrapPurpose },
): Promise<NewRecoveryKey> {
  const bytes = generateRecoveryKey();
  const [keys, recoveryKey] = await Promise.all([deriveRecoveryKeys(bytes), formatRecoveryKey(bytes)]);
  bytes.fill(0);
  const wrappedVaultKey = await rewrapVaultKey(wrapped, from, { wrappingKey: keys.wrappingKey, purpose: 'recovery' });
  return { recoveryKey, body: { wrappedVaultKey, recoveryAuthKey: base64urlEncode(keys.authKey) } };
}
