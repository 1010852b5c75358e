import type { FileMetadata } from '../../../crypto/index.ts';
import { decryptChunks, decryptFileMetadata, openFileKey } from '../../../crypto/index.ts';
import type { AttachmentResponse } from '../api/types.ts';
import type { UnlockedVault } from '../vault-session.ts';

/**
 * Fetches and decrypts an attachment into memory. Every chunk is authenticated with its position and the
 * final-chunk flag, so a reordered, truncated or extended file throws instead of returning bytes.
 */
export async function downloadAttachment(
  vault: UnlockedVault,
  id: string,
  signal?: AbortSignal,
): Promise<{ blob: Blob; metadata: FileMetadata }> {
  const path = `/attachments/${encodeURIComponent(id)}`;
  const status = await vault.api.json<AttachmentResponse>('GET', path, signal ? { signal } : {});
  const fileKey = await openFileKey(vault.vaultKey, status.header);
  const metadata = await decryptFileMetadata(fileKey, status.metadata);
  async function* sealedChunks(): AsyncGenerator<Uint8Array<ArrayBuffer>> {
    for (let index = 0; index < status.chunkCount; index++) yield vault.api.bytes(`${path}/chunks/${index}`, signal);
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for await (const plain of decryptChunks(fileKey, sealedChunks())) parts.push(plain);
  return { blob: new Blob(parts, { type: metadata.type }), metadata };
}

/**
 * Hands a decrypted file to the browser's own "save" and revokes the object URL at once, so the plaintext is
 * reachable from this page only for as long as the browser needs to start the save.
 */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has already started the download with its own reference to the blob.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
