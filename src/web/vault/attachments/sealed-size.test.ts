import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, createFileKey, createVault, deriveRecoveryKeys, encryptChunks, generateRecoveryKey } from '../../../crypto/index.ts';
import { sealedSize } from './sealed-size.ts';

async function actualSealedSize(plainBytes: number): Promise<{ chunkCount: number; size: number }> {
  const a = await deriveRecoveryKeys(generateRecoveryKey());
  const b = await deriveRecoveryKeys(generateRecoveryKey());
  const { vaultKey } = await createVault(a.wrappingKey, b.wrappingKey);
  const { fileKey } = await createFileKey(vaultKey);
  let chunkCount = 0;
  let size = 0;
  for await (const chunk of encryptChunks(fileKey, [new Uint8Array(plainBytes)])) {
    chunkCount++;
    size += chunk.length;
  }
  return { chunkCount, size };
}

describe('sealedSize', () => {
  it.each([0, 1, 255, 256, 5000, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES + 300_000])(
    'matches what encryptChunks really yields for %i bytes',
    async (bytes) => {
      expect(sealedSize(bytes)).toEqual(await actualSealedSize(bytes));
    },
  );

  it('refuses files over 250 MB', () => {
    expect(() => sealedSize(250 * 1024 * 1024 + 1)).toThrow(/250 MB/);
  });
});
