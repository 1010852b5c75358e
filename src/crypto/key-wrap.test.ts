import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, hexDecode, hexEncode, utf8Encode } from './encoding.ts';
import { DecryptionError } from './errors.ts';
import { generateWrappableAesKey, unwrapAesKey, wrapAesKey } from './key-wrap.ts';

describe('AES-256-GCM (the primitive everything here seals with)', () => {
  // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 13, 14 and 16.
  const vectors = [
    {
      name: 'test case 13 (zero key, empty plaintext)',
      key: '0000000000000000000000000000000000000000000000000000000000000000',
      iv: '000000000000000000000000',
      plaintext: '',
      aad: '',
      ciphertext: '',
      tag: '530f8afbc74536b9a963b4f1c4cb738b',
    },
    {
      name: 'test case 14 (zero key, one zero block)',
      key: '0000000000000000000000000000000000000000000000000000000000000000',
      iv: '000000000000000000000000',
      plaintext: '00000000000000000000000000000000',
      aad: '',
      ciphertext: 'cea7403d4d606b6e074ec5d3baf39d18',
      tag: 'd0d1c8a799996bf0265b98b5d48ab919',
    },
    {
      name: 'test case 16 (with associated data)',
      key: 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
      iv: 'cafebabefacedbaddecaf888',
      plaintext: 'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
      aad: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
      ciphertext:
        '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
      tag: '76fc6ece0f4e1768cddf8853bb2d551b',
    },
  ];
  for (const v of vectors) {
    it(`matches ${v.name}`, async () => {
      const key = await crypto.subtle.importKey('raw', hexDecode(v.key), 'AES-GCM', false, ['encrypt', 'decrypt']);
      const params = { name: 'AES-GCM', iv: hexDecode(v.iv), additionalData: hexDecode(v.aad) };
      const sealed = new Uint8Array(await crypto.subtle.encrypt(params, key, hexDecode(v.plaintext)));
      expect(hexEncode(sealed)).toBe(v.ciphertext + v.tag);
      expect(hexEncode(new Uint8Array(await crypto.subtle.decrypt(params, key, sealed)))).toBe(v.plaintext);
    });
  }
});

describe('key wrapping', () => {
  const aad = utf8Encode('casebook/test/v1');

  async function wrappingKey(): Promise<CryptoKey> {
    return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
  }

  it('is plain AES-GCM over the raw key bytes, so any implementation can open it', async () => {
    const raw = hexDecode('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff');
    const kek = await crypto.subtle.importKey('raw', hexDecode('ff'.repeat(32)), 'AES-GCM', false, ['wrapKey', 'decrypt']);
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt']);
    const wrapped = await wrapAesKey(key, kek, aad);
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64urlDecode(wrapped.nonce), additionalData: aad },
      kek,
      base64urlDecode(wrapped.ciphertext),
    );
    expect(new Uint8Array(opened)).toEqual(raw);
    expect(base64urlDecode(wrapped.ciphertext).length).toBe(32 + 16);
  });

  it('unwraps to a key with exactly the requested usages and extractability', async () => {
    const kek = await wrappingKey();
    const wrapped = await wrapAesKey(await generateWrappableAesKey(), kek, aad);
    const key = await unwrapAesKey(wrapped, kek, aad, ['encrypt', 'decrypt'], false, 'nope');
    expect(key.extractable).toBe(false);
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
  });

  it('fails with a DecryptionError for another label, another key or a flipped bit', async () => {
    const kek = await wrappingKey();
    const wrapped = await wrapAesKey(await generateWrappableAesKey(), kek, aad);
    await expect(unwrapAesKey(wrapped, kek, utf8Encode('casebook/other/v1'), ['encrypt'], false, 'wrong label')).rejects.toThrow(
      DecryptionError,
    );
    await expect(unwrapAesKey(wrapped, await wrappingKey(), aad, ['encrypt'], false, 'wrong key')).rejects.toThrow('wrong key');
    const bytes = base64urlDecode(wrapped.ciphertext);
    bytes[5]! ^= 0x01;
    await expect(unwrapAesKey({ ...wrapped, ciphertext: base64urlEncode(bytes) }, kek, aad, ['encrypt'], false, 'flipped')).rejects.toThrow(
      'flipped',
    );
  });

  it('rejects malformed envelopes before decrypting', async () => {
    const kek = await wrappingKey();
    const wrapped = await wrapAesKey(await generateWrappableAesKey(), kek, aad);
    await expect(unwrapAesKey({ ...wrapped, nonce: 'AAAA' }, kek, aad, ['encrypt'], false, 'x')).rejects.toThrow(/nonce/);
    await expect(unwrapAesKey({ ...wrapped, v: 2 } as never, kek, aad, ['encrypt'], false, 'x')).rejects.toThrow(/version/);
  });
});
