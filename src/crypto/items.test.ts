import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode } from './encoding.ts';
import type { Envelope } from './envelope.ts';
import { DecryptionError } from './errors.ts';
import { decryptItem, encryptItem, itemAssociatedData, MAX_ITEM_PADDED_BYTES } from './items.ts';

async function vaultKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const entry = {
  occurredAt: '2025-03-14T08:30:00Z',
  place: 'outside work, Church Street',
  what: 'He was waiting by my car again and followed me to the station.',
  behaviours: ['following', 'loitering'],
  witnesses: [{ name: 'Priya', contact: null }],
  reported: { to: 'police', reference: 'CR/12345/25' },
};

function flipBit(envelope: Envelope, byteIndex: number): Envelope {
  const bytes = base64urlDecode(envelope.ciphertext);
  bytes[byteIndex]! ^= 0x01;
  return { ...envelope, ciphertext: base64urlEncode(bytes) };
}

describe('items', () => {
  it('round-trips a JSON value', async () => {
    const key = await vaultKey();
    const envelope = await encryptItem(key, 'item-1', 3, entry);
    expect(envelope.v).toBe(1);
    expect(base64urlDecode(envelope.nonce).length).toBe(12);
    expect(await decryptItem(key, 'item-1', 3, envelope)).toEqual(entry);
    expect(await decryptItem(key, 'x', 0, await encryptItem(key, 'x', 0, 'é 😀'))).toBe('é 😀');
  });

  it('uses a fresh nonce every time', async () => {
    const key = await vaultKey();
    const a = await encryptItem(key, 'item-1', 1, entry);
    const b = await encryptItem(key, 'item-1', 1, entry);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('hides the exact length: ciphertexts are padded to 256 bytes or the next power of two, plus the tag', async () => {
    const key = await vaultKey();
    const size = async (value: unknown) => base64urlDecode((await encryptItem(key, 'i', 1, value)).ciphertext).length;
    expect(await size('a')).toBe(256 + 16);
    expect(await size('a'.repeat(200))).toBe(256 + 16);
    expect(await size('a'.repeat(300))).toBe(512 + 16);
    expect(await size('a'.repeat(5000))).toBe(8192 + 16);
  });

  it('fails with a DecryptionError on a flipped bit anywhere: body, tag, or nonce', async () => {
    const key = await vaultKey();
    const envelope = await encryptItem(key, 'item-1', 1, entry);
    const length = base64urlDecode(envelope.ciphertext).length;
    for (const index of [0, 100, length - 17, length - 1]) {
      await expect(decryptItem(key, 'item-1', 1, flipBit(envelope, index))).rejects.toThrow(DecryptionError);
    }
    const nonce = base64urlDecode(envelope.nonce);
    nonce[0]! ^= 0x80;
    await expect(decryptItem(key, 'item-1', 1, { ...envelope, nonce: base64urlEncode(nonce) })).rejects.toThrow(DecryptionError);
  });

  it('fails with the wrong key', async () => {
    const envelope = await encryptItem(await vaultKey(), 'item-1', 1, entry);
    await expect(decryptItem(await vaultKey(), 'item-1', 1, envelope)).rejects.toThrow(/wrong key/);
  });

  it('fails when replayed under another item id or version', async () => {
    const key = await vaultKey();
    const envelope = await encryptItem(key, 'item-1', 2, entry);
    await expect(decryptItem(key, 'item-2', 2, envelope)).rejects.toThrow(DecryptionError);
    await expect(decryptItem(key, 'item-1', 1, envelope)).rejects.toThrow(DecryptionError);
    await expect(decryptItem(key, 'item-1', 3, envelope)).rejects.toThrow(/another item or version/);
  });

  it('binds id and version unambiguously', () => {
    // With naive concatenation "item-1"+"0" and "item-10"+"" could collide; length prefixes prevent it.
    expect(itemAssociatedData('ab', 1)).not.toEqual(itemAssociatedData('a', 1));
    expect(itemAssociatedData('item-1', 10)).not.toEqual(itemAssociatedData('item-11', 0));
    expect(() => itemAssociatedData('', 1)).toThrow();
    expect(() => itemAssociatedData('a', -1)).toThrow(RangeError);
    expect(() => itemAssociatedData('a', 1.5)).toThrow(RangeError);
  });

  it('refuses values that are not JSON or are too large', async () => {
    const key = await vaultKey();
    await expect(encryptItem(key, 'i', 1, undefined)).rejects.toThrow(/JSON/);
    await expect(encryptItem(key, 'i', 1, 'x'.repeat(MAX_ITEM_PADDED_BYTES))).rejects.toThrow(/too large/);
  });

  it('rejects malformed envelopes', async () => {
    const key = await vaultKey();
    const envelope = await encryptItem(key, 'i', 1, entry);
    await expect(decryptItem(key, 'i', 1, { ...envelope, nonce: envelope.nonce.slice(2) })).rejects.toThrow(TypeError);
    await expect(decryptItem(key, 'i', 1, { ...envelope, ciphertext: 'AAAA' })).rejects.toThrow(/too short/);
    await expect(decryptItem(key, 'i', 1, null as never)).rejects.toThrow(TypeError);
  });
});
