import type { Bytes } from './encoding.ts';
import { base64urlDecode, base64urlEncode, concatBytes, randomBytes } from './encoding.ts';
import type { Envelope } from './envelope.ts';
import { ChunkIntegrityError } from './errors.ts';
import { frame, uint32be } from './framing.ts';
import { openJson, sealJson } from './items.ts';
import { generateWrappableAesKey, unwrapAesKey, wrapAesKey } from './key-wrap.ts';
import { pad, unpad } from './padding.ts';

// Attachments (photos, audio, screenshots) are encrypted in 1 MiB chunks, which keeps memory flat and
// is also WebCrypto's fast path.
//
// Key scheme: each file has its own random AES-256-GCM key, wrapped by the vault key (rather than
// derived from it with HKDF). Then one attachment can later be shared — with a caseworker or inside an
// evidence pack — by handing over its file key alone, and rotating the vault key means re-wrapping a
// 60-byte blob per file instead of re-encrypting gigabytes.
//
// Chunk sealing follows the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015):
//   nonce = noncePrefix (8 random bytes per file) || uint32be(index)
//   AAD   = frame("casebook/chunk/v1", fileId, uint32be(index), [isFinal])
// Position and finality are authenticated, so any reordering, dropping, duplication or splicing from
// another file breaks a tag; a stream that stops before a chunk marked final is truncated; anything
// after the final chunk is an extension. The nonce prefix is redundant while file keys are unique and
// guards against a key ever being reused by mistake.
//
// Size hiding: every chunk but the last holds exactly 1 MiB; the last holds the remaining 0…1 MiB − 1
// bytes (an empty final chunk follows an exact multiple) padded like items to a power of two ≥ 256 B.
// The stored size thus reveals whole MiB plus a power-of-two class, not the exact byte count, which
// lives only in the encrypted metadata.

export const CHUNK_BYTES = 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 250 * 1024 * 1024;
const TAG_BYTES = 16;
const FILE_ID_BYTES = 16;
const NONCE_PREFIX_BYTES = 8;
const MAX_CHUNKS = Math.floor(MAX_ATTACHMENT_BYTES / CHUNK_BYTES) + 1;
const FILE_KEY_USAGES = ['encrypt', 'decrypt'] as const satisfies readonly KeyUsage[];

/** Stored beside the chunks; not secret. */
export interface FileHeader {
  readonly v: 1;
  /** base64url, 16 random bytes */
  readonly fileId: string;
  /** base64url, 8 random bytes */
  readonly noncePrefix: string;
  /** The file key wrapped by the vault key, bound to fileId and noncePrefix. */
  readonly wrappedKey: Envelope;
}

export interface FileKey {
  readonly key: CryptoKey;
  readonly fileId: Bytes;
  readonly noncePrefix: Bytes;
}

export interface FileMetadata {
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/** A Blob or File (browser or Node), or anything else that yields bytes in order. */
export type ChunkSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | { stream(): ReadableStream<Uint8Array> };

export async function createFileKey(vaultKey: CryptoKey): Promise<{ header: FileHeader; fileKey: FileKey }> {
  const fileId = randomBytes(FILE_ID_BYTES);
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const transient = await generateWrappableAesKey();
  const wrappedKey = await wrapAesKey(transient, vaultKey, fileKeyAssociatedData(fileId, noncePrefix));
  const header: FileHeader = {
    v: 1,
    fileId: base64urlEncode(fileId),
    noncePrefix: base64urlEncode(noncePrefix),
    wrappedKey,
  };
  return { header, fileKey: await openFileKey(vaultKey, header) };
}

export async function openFileKey(vaultKey: CryptoKey, header: FileHeader): Promise<FileKey> {
  if (header.v !== 1) throw new TypeError(`Unsupported file header version: ${String(header.v)}`);
  const fileId = base64urlDecode(header.fileId);
  const noncePrefix = base64urlDecode(header.noncePrefix);
  if (fileId.length !== FILE_ID_BYTES || noncePrefix.length !== NONCE_PREFIX_BYTES) {
    throw new TypeError('Malformed file header');
  }
  const key = await unwrapAesKey(
    header.wrappedKey,
    vaultKey,
    fileKeyAssociatedData(fileId, noncePrefix),
    FILE_KEY_USAGES,
    false,
    'Could not open the attachment key: wrong vault key, or the file header was altered',
  );
  return { key, fileId, noncePrefix };
}

/** Yields sealed chunks in order; upload them in this order, one per index. */
export async function* encryptChunks(fileKey: FileKey, source: ChunkSource): AsyncGenerator<Bytes, void, undefined> {
  const buffer = new Uint8Array(CHUNK_BYTES);
  let filled = 0;
  let index = 0;
  let total = 0;
  for await (const piece of iterateSource(source)) {
    total += piece.length;
    if (total > MAX_ATTACHMENT_BYTES) throw new RangeError(`Attachment exceeds ${MAX_ATTACHMENT_BYTES} bytes`);
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(CHUNK_BYTES - filled, piece.length - offset);
      buffer.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      // The final chunk is always shorter than CHUNK_BYTES, so a full buffer is never final.
      if (filled === CHUNK_BYTES) {
        yield await sealChunk(fileKey, index++, false, buffer);
        filled = 0;
      }
    }
  }
  const last = pad(buffer.subarray(0, filled));
  yield await sealChunk(fileKey, index, true, last);
  buffer.fill(0);
  last.fill(0);
}

/**
 * Yields each chunk's plaintext as soon as it is authenticated. The file is complete and genuine only
 * if the generator finishes without throwing: a caller writing to disk must discard the output on error.
 */
export async function* decryptChunks(
  fileKey: FileKey,
  sealedChunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Bytes, void, undefined> {
  // A chunk's finality is known only when the next one arrives (or does not), hence one held back.
  let held: Uint8Array | undefined;
  let index = 0;
  for await (const sealed of sealedChunks) {
    if (held !== undefined) {
      yield await openChunk(fileKey, index, false, held);
      index++;
    }
    if (index >= MAX_CHUNKS) {
      throw new ChunkIntegrityError(`Attachment has more than ${MAX_CHUNKS} chunks, more than any valid file`, index);
    }
    held = sealed;
  }
  if (held === undefined) throw new ChunkIntegrityError('Attachment has no chunks: the file is truncated', 0);
  yield await openChunk(fileKey, index, true, held);
}

export function encryptFileMetadata(fileKey: FileKey, metadata: FileMetadata): Promise<Envelope> {
  return sealJson(fileKey.key, fileMetadataAssociatedData(fileKey.fileId), metadata);
}

export function decryptFileMetadata(fileKey: FileKey, envelope: Envelope): Promise<FileMetadata> {
  return openJson<FileMetadata>(fileKey.key, fileMetadataAssociatedData(fileKey.fileId), envelope, 'attachment metadata');
}

function fileKeyAssociatedData(fileId: Uint8Array, noncePrefix: Uint8Array): Bytes {
  return frame('casebook/file-key/v1', fileId, noncePrefix);
}

function fileMetadataAssociatedData(fileId: Uint8Array): Bytes {
  return frame('casebook/file-metadata/v1', fileId);
}

function chunkParameters(fileKey: FileKey, index: number, isFinal: boolean): AesGcmParams {
  return {
    name: 'AES-GCM',
    iv: concatBytes(fileKey.noncePrefix, uint32be(index)),
    additionalData: frame('casebook/chunk/v1', fileKey.fileId, uint32be(index), new Uint8Array([isFinal ? 1 : 0])),
  };
}

async function sealChunk(fileKey: FileKey, index: number, isFinal: boolean, plaintext: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.encrypt(chunkParameters(fileKey, index, isFinal), fileKey.key, plaintext));
}

async function tryOpen(fileKey: FileKey, index: number, isFinal: boolean, sealed: Bytes): Promise<Bytes | undefined> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt(chunkParameters(fileKey, index, isFinal), fileKey.key, sealed));
  } catch {
    return undefined;
  }
}

async function openChunk(fileKey: FileKey, index: number, isFinal: boolean, sealedInput: Uint8Array): Promise<Bytes> {
  const sealed = new Uint8Array(sealedInput);
  if (sealed.length < TAG_BYTES || sealed.length > CHUNK_BYTES + TAG_BYTES) {
    throw new ChunkIntegrityError(`Chunk ${index} has an impossible length (${sealed.length} bytes)`, index);
  }
  const plaintext = await tryOpen(fileKey, index, isFinal, sealed);
  if (plaintext === undefined) {
    // Only to name the failure; either way the file is rejected.
    if (!isFinal && (await tryOpen(fileKey, index, true, sealed)) !== undefined) {
      throw new ChunkIntegrityError(`Chunk ${index} is the file's final chunk, but more data follows it: something was appended`, index);
    }
    if (isFinal && (await tryOpen(fileKey, index, false, sealed)) !== undefined) {
      throw new ChunkIntegrityError(`The file is truncated: it stops after chunk ${index} without its final chunk`, index);
    }
    throw new ChunkIntegrityError(
      `Chunk ${index} failed authentication: it was altered, moved, duplicated, or belongs to another file`,
      index,
    );
  }
  if (!isFinal) {
    if (plaintext.length !== CHUNK_BYTES) throw new ChunkIntegrityError(`Chunk ${index} has the wrong size`, index);
    return plaintext;
  }
  return new Uint8Array(unpad(plaintext));
}

async function* iterateSource(source: ChunkSource): AsyncGenerator<Uint8Array, void, undefined> {
  if ('stream' in source && typeof source.stream === 'function') {
    // getReader rather than for-await: async iteration of ReadableStream is newer than our browser floor.
    const reader = source.stream().getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}
