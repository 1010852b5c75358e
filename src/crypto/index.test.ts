import { describe, expect, it } from 'vitest';
import * as vault from './index.ts';

describe('public API end to end', () => {
  it('sign-up, write an entry, get it receipted, prove it is in the log, sign in elsewhere and read it', async () => {
    const cheap = { memoryKiB: 256, iterations: 1, parallelism: 1 };
    const salt = vault.randomBytes(vault.KDF_SALT_BYTES);
    const passphrase = await vault.deriveKeysWithParams('a long passphrase', salt, cheap);
    const recoveryKey = vault.generateRecoveryKey();
    const recovery = await vault.deriveRecoveryKeys(await vault.parseRecoveryKey(await vault.formatRecoveryKey(recoveryKey)));
    const created = await vault.createVault(passphrase.wrappingKey, recovery.wrappingKey);

    const entry = { what: 'Parked outside my flat for an hour', at: '2025-03-14T21:00:00Z' };
    const envelope = await vault.encryptItem(created.vaultKey, 'entry-1', 1, entry);
    const { salt: commitmentSalt, commitment } = await vault.commit(entry);

    const log = await vault.generateSigningKeyPair();
    const signer = await vault.createLogSigner(log);
    const tree = new vault.MerkleTree();
    for (let i = 0; i < 10; i++) await tree.append(await vault.leafHash(vault.randomBytes(32)));
    const leaf = await vault.leafHash(commitment);
    const index = await tree.append(leaf);
    const receipt = await vault.signReceipt(signer, { leafIndex: index, leafHash: leaf, timestamp: Date.now() });
    const head = await vault.signTreeHead(signer, { treeSize: tree.size, rootHash: await tree.root(), timestamp: Date.now() });

    // Another device: only the passphrase and what the server stores.
    const again = await vault.deriveKeysWithParams('a long passphrase', salt, cheap);
    expect(again.authKey).toEqual(passphrase.authKey);
    const vaultKey = await vault.unwrapVaultKey(created.wrappedByPassphrase, again.wrappingKey, 'passphrase');
    const read = await vault.decryptItem(vaultKey, 'entry-1', 1, envelope);
    expect(read).toEqual(entry);

    // A verifier with the pack: entry, salt, receipt, tree head, proof and the log's public key.
    const publicKey = await vault.importPublicKey(await vault.exportPublicKey(log.publicKey));
    expect(await vault.verifyCommitment(read, commitmentSalt, commitment)).toBe(true);
    expect(await vault.verifyReceipt(receipt, publicKey)).toBe(true);
    expect(await vault.verifyTreeHead(head, publicKey)).toBe(true);
    const proof = await tree.inclusionProof(receipt.leafIndex, head.treeSize);
    expect(
      await vault.verifyInclusion(
        vault.base64urlDecode(receipt.leafHash),
        receipt.leafIndex,
        head.treeSize,
        proof,
        vault.base64urlDecode(head.rootHash),
      ),
    ).toBe(true);
  });
});
