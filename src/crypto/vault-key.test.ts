import { describe, expect, it } from 'vitest';
import { DecryptionError } from './errors.ts';
import type { KdfParams } from './kdf.ts';
import { deriveKeysWithParams } from './kdf.ts';
import { deriveRecoveryKeys, generateRecoveryKey } from './recovery-key.ts';
import { createVault, rewrapVaultKey, unwrapVaultKey, vaultKeyWrapLabel } from './vault-key.ts';

const CHEAP: KdfParams = { memoryKiB: 256, iterations: 1, parallelism: 1 };
const SALT = new Uint8Array(16).fill(9);

async function roundTrips(a: CryptoKey, b: CryptoKey): Promise<boolean> {
  const iv = new Uint8Array(12);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, a, new Uint8Array([1, 2, 3]));
  try {
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, b, sealed);
    return true;
  } catch {
    return false;
  }
}

async function setUp() {
  const passphrase = await deriveKeysWithParams('first passphrase', SALT, CHEAP);
  const recovery = await deriveRecoveryKeys(generateRecoveryKey());
  const vault = await createVault(passphrase.wrappingKey, recovery.wrappingKey);
  return { passphrase, recovery, vault };
}

describe('vault key', () => {
  it('labels wraps by purpose', () => {
    expect(vaultKeyWrapLabel('passphrase')).toBe('casebook/vault-key/v1/passphrase');
    expect(vaultKeyWrapLabel('recovery')).toBe('casebook/vault-key/v1/recovery');
  });

  it('creates a non-extractable 256-bit AES-GCM vault key that opens from either wrapping', async () => {
    const { passphrase, recovery, vault } = await setUp();
    expect(vault.vaultKey.extractable).toBe(false);
    expect(vault.vaultKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', vault.vaultKey)).rejects.toThrow();
    const viaPassphrase = await unwrapVaultKey(vault.wrappedByPassphrase, passphrase.wrappingKey, 'passphrase');
    const viaRecovery = await unwrapVaultKey(vault.wrappedByRecovery, recovery.wrappingKey, 'recovery');
    expect(viaRecovery.extractable).toBe(false);
    expect(await roundTrips(vault.vaultKey, viaPassphrase)).toBe(true);
    expect(await roundTrips(vault.vaultKey, viaRecovery)).toBe(true);
  });

  it('uses a fresh random key for every vault', async () => {
    const a = await setUp();
    const b = await setUp();
    expect(await roundTrips(a.vault.vaultKey, b.vault.vaultKey)).toBe(false);
  });

  it('rejects the wrong passphrase, and a recovery blob presented as a passphrase blob', async () => {
    const { passphrase, recovery, vault } = await setUp();
    const wrong = await deriveKeysWithParams('wrong passphrase', SALT, CHEAP);
    await expect(unwrapVaultKey(vault.wrappedByPassphrase, wrong.wrappingKey, 'passphrase')).rejects.toThrow(/wrong passphrase/);
    await expect(unwrapVaultKey(vault.wrappedByRecovery, recovery.wrappingKey, 'passphrase')).rejects.toThrow(DecryptionError);
    await expect(unwrapVaultKey(vault.wrappedByPassphrase, passphrase.wrappingKey, 'recovery')).rejects.toThrow(DecryptionError);
  });

  it('changes the passphrase by re-wrapping the same vault key; the old passphrase no longer opens the new blob', async () => {
    const { passphrase, vault } = await setUp();
    const next = await deriveKeysWithParams('second passphrase', new Uint8Array(16).fill(3), CHEAP);
    const rewrapped = await rewrapVaultKey(
      vault.wrappedByPassphrase,
      { wrappingKey: passphrase.wrappingKey, purpose: 'passphrase' },
      { wrappingKey: next.wrappingKey, purpose: 'passphrase' },
    );
    const reopened = await unwrapVaultKey(rewrapped, next.wrappingKey, 'passphrase');
    expect(reopened.extractable).toBe(false);
    expect(await roundTrips(vault.vaultKey, reopened)).toBe(true);
    await expect(unwrapVaultKey(rewrapped, passphrase.wrappingKey, 'passphrase')).rejects.toThrow(DecryptionError);
  });

  it('recovers: recovery key → new passphrase, then a new recovery key, same vault key throughout', async () => {
    const { recovery, vault } = await setUp();
    const newPassphrase = await deriveKeysWithParams('after recovery', SALT, CHEAP);
    const byPassphrase = await rewrapVaultKey(
      vault.wrappedByRecovery,
      { wrappingKey: recovery.wrappingKey, purpose: 'recovery' },
      { wrappingKey: newPassphrase.wrappingKey, purpose: 'passphrase' },
    );
    const newRecovery = await deriveRecoveryKeys(generateRecoveryKey());
    const byRecovery = await rewrapVaultKey(
      vault.wrappedByRecovery,
      { wrappingKey: recovery.wrappingKey, purpose: 'recovery' },
      { wrappingKey: newRecovery.wrappingKey, purpose: 'recovery' },
    );
    expect(await roundTrips(vault.vaultKey, await unwrapVaultKey(byPassphrase, newPassphrase.wrappingKey, 'passphrase'))).toBe(true);
    expect(await roundTrips(vault.vaultKey, await unwrapVaultKey(byRecovery, newRecovery.wrappingKey, 'recovery'))).toBe(true);
    await expect(unwrapVaultKey(byRecovery, recovery.wrappingKey, 'recovery')).rejects.toThrow(/wrong recovery key/);
  });
});
