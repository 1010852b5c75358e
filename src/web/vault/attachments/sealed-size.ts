import { CHUNK_BYTES, GCM_TAG_BYTES, MAX_ATTACHMENT_BYTES } from '../../../crypto/index.ts';
import { paddedLength } from '../../../crypto/padding.ts';

/**
 * What POST /attachments must announce before the first chunk is sent: how many chunks encryptChunks will
 * yield for a file of this size, and their total length. Mirrors src/crypto/chunks.ts: full 1 MiB chunks,
 * then a final chunk (empty after an exact multiple) padded like items; each sealed chunk adds a 16-byte tag.
 */
export function sealedSize(plainBytes: number): { chunkCount: number; size: number } {
  if (!Number.isInteger(plainBytes) || plainBytes < 0) throw new RangeError('File size must be a whole number of bytes');
  if (plainBytes > MAX_ATTACHMENT_BYTES) throw new RangeError(`Files must be ${MAX_ATTACHMENT_BYTES / 2 ** 20} MB or smaller`);
  const fullChunks = Math.floor(plainBytes / CHUNK_BYTES);
  const remainder = plainBytes - fullChunks * CHUNK_BYTES;
  return {
    chunkCount: fullChunks + 1,
    size: fullChunks * (CHUNK_BYTES + GCM_TAG_BYTES) + paddedLength(remainder) + GCM_TAG_BYTES,
  };
}
