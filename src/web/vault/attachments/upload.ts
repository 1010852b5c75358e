// Attachment upload: encrypted here in 1 MiB chunks (src/crypto/chunks.ts), sent a few at a time, so
// neither this page nor the server ever holds the whole file. Resumable: a chunk that fails is sent again,
// and a restarted upload asks the server which chunks it already has. Re-encrypting a chunk gives the same
// bytes (the nonce is the file's prefix and the chunk's index), so skipping received chunks is safe.

import type { FileKey } from '../../../crypto/index.ts';
import { createFileKey, encryptChunks, encryptFileMetadata } from '../../../crypto/index.ts';
import type { Attachment } from '../../../domain/incidents/index.ts';
import { HttpError, isNetworkFailure } from '../../http/http-client.ts';
import type { AttachmentResponse } from '../api/types.ts';
import type { UnlockedVault } from '../vault-session.ts';
import { sha256OfFile } from './file-hash.ts';
import { sealedSize } from './sealed-size.ts';

export interface UploadProgress {
  readonly sentChunks: number;
  readonly chunkCount: number;
}

const MAX_ATTEMPTS = 4;
const CHUNKS_IN_FLIGHT = 3;

export async function uploadAttachment(
  vault: UnlockedVault,
  file: File,
  onProgress: (progress: UploadProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<Attachment> {
  const { chunkCount, size } = sealedSize(file.size);
  const sha256 = await sha256OfFile(file);
  const { header, fileKey } = await createFileKey(vault.vaultKey);
  const type = file.type || 'application/octet-stream';
  const metadata = await encryptFileMetadata(fileKey, { name: file.name, type, size: file.size });
  const { id } = await vault.api.json<{ id: string }>('POST', '/attachments', { json: { chunkCount, size, header, metadata } });

  for (let attempt = 1; ; attempt++) {
    try {
      await sendMissingChunks(vault, id, fileKey, file, chunkCount, onProgress, signal);
      await vault.api.json('POST', `/attachments/${encodeURIComponent(id)}/complete`);
      return { id, name: file.name, type, size: file.size, sha256 };
    } catch (error) {
      if (!retryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      await pause(500 * 2 ** attempt, signal);
    }
  }
}

async function sendMissingChunks(
  vault: UnlockedVault,
  id: string,
  fileKey: FileKey,
  file: File,
  chunkCount: number,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const status = await vault.api.json<AttachmentResponse>('GET', `/attachments/${encodeURIComponent(id)}`);
  const received = new Set(status.received);
  // A few chunks on their way at once: one after another, each waited on the server's round trip (about half a
  // second each on a busy machine). Chunks are read and encrypted in order, each only once a place is free, so
  // at most CHUNKS_IN_FLIGHT + 1 are held.
  const chunks = encryptChunks(fileKey, file);
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let sent = received.size;
  try {
    for (let index = 0; ; index++) {
      if (inFlight.size >= CHUNKS_IN_FLIGHT) await Promise.race(inFlight);
      if (failure) break;
      signal?.throwIfAborted();
      const step = await chunks.next();
      if (step.done) break;
      if (received.has(index)) continue;
      const sending: Promise<void> = vault.api
        .send('PUT', `/attachments/${encodeURIComponent(id)}/chunks/${index}`, { bytes: step.value, ...(signal ? { signal } : {}) })
        .then(
          () => onProgress({ sentChunks: ++sent, chunkCount }),
          (error: unknown) => void (failure ??= { error }),
        )
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    }
  } finally {
    // Stopped early (a failure, Cancel): let the generator zero its buffers and end.
    void chunks.return(undefined).catch(() => undefined);
    // Whatever is on its way settles first, so a retry's status request sees every chunk that arrived.
    await Promise.all(inFlight);
  }
  if (failure) throw failure.error;
  onProgress({ sentChunks: chunkCount, chunkCount });
}

/** The network, a busy server or a 409 `incomplete` can succeed on another try; a refusal (4xx) cannot. */
function retryable(error: unknown): boolean {
  if (isNetworkFailure(error)) return true;
  if (error instanceof HttpError) return error.status >= 500 || error.status === 429 || error.code === 'incomplete';
  return false;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
