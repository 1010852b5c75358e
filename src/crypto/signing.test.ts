import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, concatBytes, hexDecode, hexEncode, utf8Encode } from './encoding.ts';
import { leafHash } from './merkle.ts';
import type { Receipt, SignedTreeHead } from './signing.ts';
import {
  createLogSigner,
  exportPrivateKey,
  exportPublicKey,
  generateSigningKeyPair,
  importPrivateKey,
  importPublicKey,
  logIdOf,
  receiptSignedBytes,
  sign,
  signReceipt,
  signTreeHead,
  treeHeadSignedBytes,
  verify,
  verifyReceipt,
  verifyTreeHead,
} from './signing.ts';

// PKCS #8 wrapping of a raw Ed25519 seed (RFC 8410 §7): a fixed 16-byte prefix, then the 32 bytes.
const pkcs8FromSeed = (seed: Uint8Array) => concatBytes(hexDecode('302e020100300506032b657004220420'), seed);

describe('Ed25519', () => {
  // RFC 8032 §7.1 TEST 1 and TEST 2.
  const vectors = [
    {
      name: 'TEST 1',
      secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
      message: '',
      signature:
        'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    },
    {
      name: 'TEST 2',
      secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
      publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
      message: '72',
      signature:
        '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    },
  ];
  for (const v of vectors) {
    it(`matches RFC 8032 ${v.name}`, async () => {
      const privateKey = await importPrivateKey(pkcs8FromSeed(hexDecode(v.secret)));
      const publicKey = await importPublicKey(hexDecode(v.publicKey));
      const signature = await sign(privateKey, hexDecode(v.message));
      expect(hexEncode(signature)).toBe(v.signature);
      expect(await verify(publicKey, hexDecode(v.message), signature)).toBe(true);
      expect(await verify(publicKey, utf8Encode('other'), signature)).toBe(false);
    });
  }

  it('exports and imports keys: public as raw base64url, private as PKCS #8', async () => {
    const pair = await generateSigningKeyPair();
    const publicText = await exportPublicKey(pair.publicKey);
    expect(base64urlDecode(publicText).length).toBe(32);
    const pkcs8 = await exportPrivateKey(pair.privateKey);
    const privateKey = await importPrivateKey(pkcs8);
    expect(privateKey.extractable).toBe(false);
    const publicKey = await importPublicKey(publicText);
    const signature = await sign(privateKey, utf8Encode('hello'));
    expect(await verify(publicKey, utf8Encode('hello'), signature)).toBe(true);
    expect(await verify(publicKey, utf8Encode('hello'), signature.subarray(0, 63))).toBe(false);
    await expect(importPublicKey(new Uint8Array(31))).rejects.toThrow(TypeError);
  });

  it('derives the log id as SHA-256 of the raw public key', async () => {
    const publicKey = await importPublicKey(hexDecode(vectors[0]!.publicKey));
    const digest = await crypto.subtle.digest('SHA-256', hexDecode(vectors[0]!.publicKey));
    expect(await logIdOf(publicKey)).toBe(base64urlEncode(new Uint8Array(digest)));
  });
});

describe('receipts and signed tree heads', async () => {
  const pair = await generateSigningKeyPair();
  const signer = await createLogSigner(pair);
  const otherPair = await generateSigningKeyPair();
  const hash = await leafHash(utf8Encode('commitment bytes'));
  const timestamp = Date.UTC(2025, 2, 14, 8, 31, 5, 123);

  it('signs a fixed, documented byte encoding', () => {
    const logId = base64urlEncode(new Uint8Array(32).fill(0xaa));
    const leaf = base64urlEncode(new Uint8Array(32).fill(0xbb));
    const bytes = receiptSignedBytes({ logId, leafIndex: 258, leafHash: leaf, timestamp: 0x0102030405 });
    expect(hexEncode(bytes)).toBe(
      hexEncode(utf8Encode('casebook-receipt-v1\n')) + 'aa'.repeat(32) + '0000000000000102' + 'bb'.repeat(32) + '0000000102030405',
    );
    const head = treeHeadSignedBytes({ logId, treeSize: 7, rootHash: leaf, timestamp: 1 });
    expect(hexEncode(head)).toBe(
      hexEncode(utf8Encode('casebook-tree-head-v1\n')) + 'aa'.repeat(32) + '0000000000000007' + 'bb'.repeat(32) + '0000000000000001',
    );
  });

  it('issues a receipt that verifies with the log key', async () => {
    const receipt = await signReceipt(signer, { leafIndex: 41, leafHash: hash, timestamp });
    expect(receipt).toMatchObject({ v: 1, logId: signer.logId, leafIndex: 41, leafHash: base64urlEncode(hash), timestamp });
    expect(await verifyReceipt(receipt, pair.publicKey)).toBe(true);
    // It survives a JSON round trip (stored, sent, put in an evidence pack).
    expect(await verifyReceipt(JSON.parse(JSON.stringify(receipt)) as Receipt, pair.publicKey)).toBe(true);
  });

  it('rejects a receipt with any field altered', async () => {
    const receipt = await signReceipt(signer, { leafIndex: 41, leafHash: hash, timestamp });
    const altered: Receipt[] = [
      { ...receipt, timestamp: timestamp - 86_400_000 },
      { ...receipt, timestamp: timestamp + 1 },
      { ...receipt, leafIndex: 40 },
      { ...receipt, leafHash: base64urlEncode(await leafHash(utf8Encode('another entry'))) },
      { ...receipt, logId: base64urlEncode(new Uint8Array(32)) },
      { ...receipt, signature: base64urlEncode(new Uint8Array(64)) },
      { ...receipt, signature: 'not base64url!' },
      { ...receipt, leafHash: 'AAAA' },
      { ...receipt, timestamp: -1 },
      { ...receipt, v: 2 } as unknown as Receipt,
    ];
    for (const forged of altered) expect(await verifyReceipt(forged, pair.publicKey), JSON.stringify(forged)).toBe(false);
  });

  it('rejects a receipt verified with another key, even one re-labelled with that key’s log id', async () => {
    const receipt = await signReceipt(signer, { leafIndex: 1, leafHash: hash, timestamp });
    expect(await verifyReceipt(receipt, otherPair.publicKey)).toBe(false);
    const relabelled = { ...receipt, logId: await logIdOf(otherPair.publicKey) };
    expect(await verifyReceipt(relabelled, otherPair.publicKey)).toBe(false);
  });

  it('issues signed tree heads and rejects altered ones', async () => {
    const root = await leafHash(utf8Encode('pretend root'));
    const head = await signTreeHead(signer, { treeSize: 1000, rootHash: root, timestamp });
    expect(await verifyTreeHead(head, pair.publicKey)).toBe(true);
    const altered: SignedTreeHead[] = [
      { ...head, treeSize: 999 },
      { ...head, timestamp: timestamp + 1 },
      { ...head, rootHash: base64urlEncode(hash) },
    ];
    for (const forged of altered) expect(await verifyTreeHead(forged, pair.publicKey)).toBe(false);
    expect(await verifyTreeHead(head, otherPair.publicKey)).toBe(false);
  });

  it('keeps receipts and tree heads apart: one signature cannot pose as the other', async () => {
    const receipt = await signReceipt(signer, { leafIndex: 5, leafHash: hash, timestamp });
    const posing: SignedTreeHead = {
      v: 1,
      logId: receipt.logId,
      treeSize: receipt.leafIndex,
      rootHash: receipt.leafHash,
      timestamp: receipt.timestamp,
      signature: receipt.signature,
    };
    expect(await verifyTreeHead(posing, pair.publicKey)).toBe(false);
  });

  it('refuses to sign out-of-range values', async () => {
    await expect(signReceipt(signer, { leafIndex: -1, leafHash: hash, timestamp })).rejects.toThrow(RangeError);
    await expect(signReceipt(signer, { leafIndex: 1, leafHash: hash.subarray(1), timestamp })).rejects.toThrow(TypeError);
    await expect(signTreeHead(signer, { treeSize: 1.5, rootHash: hash, timestamp })).rejects.toThrow(RangeError);
  });
});
