import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonical-json.ts';
import { commit, verifyCommitment } from './commitment.ts';
import { concatBytes, hexDecode, hexEncode, utf8Encode } from './encoding.ts';

const version = { itemId: 'item-1', version: 2, text: 'He rang 14 times between 22:00 and 23:00.', tags: ['calls'] };

describe('commitments', () => {
  it('is SHA-256(salt || canonical UTF-8 JSON)', async () => {
    const salt = hexDecode('11'.repeat(32));
    const { commitment } = await commit(version, salt);
    const expected = await crypto.subtle.digest('SHA-256', concatBytes(salt, utf8Encode(canonicalize(version))));
    expect(hexEncode(commitment)).toBe(hexEncode(new Uint8Array(expected)));
    // Pinned so that an accidental change of format is caught; an evidence-pack verifier relies on it.
    const { commitment: empty } = await commit({}, new Uint8Array(32));
    const pinned = await crypto.subtle.digest('SHA-256', concatBytes(new Uint8Array(32), utf8Encode('{}')));
    expect(empty).toEqual(new Uint8Array(pinned));
  });

  it('draws a fresh 32-byte salt by default, so equal values give unlinkable commitments', async () => {
    const a = await commit(version);
    const b = await commit(version);
    expect(a.salt.length).toBe(32);
    expect(a.salt).not.toEqual(b.salt);
    expect(a.commitment).not.toEqual(b.commitment);
  });

  it('verifies the same value in any key order, and nothing else', async () => {
    const { salt, commitment } = await commit(version);
    const reordered = { tags: ['calls'], text: version.text, version: 2, itemId: 'item-1' };
    expect(await verifyCommitment(reordered, salt, commitment)).toBe(true);
    expect(await verifyCommitment({ ...version, version: 3 }, salt, commitment)).toBe(false);
    expect(await verifyCommitment({ ...version, text: `${version.text} ` }, salt, commitment)).toBe(false);
    const otherSalt = salt.slice();
    otherSalt[0]! ^= 1;
    expect(await verifyCommitment(version, otherSalt, commitment)).toBe(false);
    expect(await verifyCommitment(version, salt.subarray(0, 16), commitment)).toBe(false);
  });

  it('refuses a salt of the wrong length', async () => {
    await expect(commit(version, new Uint8Array(16))).rejects.toThrow(RangeError);
  });
});
