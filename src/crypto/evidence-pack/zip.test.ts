import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../encoding.ts';
import { PackFormatError, verifyEvidencePack } from './verify.ts';
import { deterministicZip, readZip, UnreadableZipError } from './zip.ts';

/** The ZIP with every header's sizes of its one file set (local header +18 and +22, central +20 and +24). */
function claimSize(zip: Uint8Array, size: number, compressed?: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
    if (compressed !== undefined && signature === 0x04034b50) view.setUint32(at + 18, compressed, true);
    if (compressed !== undefined && signature === 0x02014b50) view.setUint32(at + 20, compressed, true);
  }
  return out;
}

describe('reading a pack ZIP', () => {
  const zip = deterministicZip([{ path: 'pack.json', bytes: utf8Encode(JSON.stringify({ text: 'x'.repeat(5_000) })) }]);

  it('reads an honest ZIP', () => {
    expect(readZip(zip, 2 ** 20).files.get('pack.json')?.length).toBe(5_011);
  });

  it('refuses, unread, an entry that claims to unpack to more than deflate can make (found by the fuzz test)', async () => {
    const bomb = claimSize(zip, 1_800_000_000);
    expect(() => readZip(bomb, 4 * 2 ** 30)).toThrow(UnreadableZipError);
    expect(() => readZip(bomb, 4 * 2 ** 30)).toThrow(/claims to unpack to 1800000000 bytes/);
    await expect(verifyEvidencePack(bomb)).rejects.toThrow(PackFormatError);
    // Nor may the compressed size claimed make room for it: it cannot be more than the ZIP holds.
    expect(() => readZip(claimSize(zip, 1_700_000_000, 1_900_000_000), 4 * 2 ** 30)).toThrow(/claims to unpack to 1700000000 bytes/);
  });
});
