import { describe, expect, it } from 'vitest';
import type { ChunkSource, FileKey } from './chunks.ts';
import {
  CHUNK_BYTES,
  createFileKey,
  decryptChunks,
  decryptFileMetadata,
  encryptChunks,
  encryptFileMetadata,
  openFileKey,
} from './chunks.ts';
import { base64urlDecode, base64urlEncode, concatBytes, constantTimeEqual, randomBytes } from './encoding.ts';
import { ChunkIntegrityError, DecryptionError } from './errors.ts';

const TAG = 16;

async function vaultKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

async function sealed(fileKey: FileKey, data: Uint8Array): Promise<Uint8Array[]> {
  return collect(encryptChunks(fileKey, [data]));
}

async function opened(fileKey: FileKey, chunks: Iterable<Uint8Array>): Promise<Uint8Array> {
  return concatBytes(...(await collect(decryptChunks(fileKey, chunks))));
}

async function failure(fileKey: FileKey, chunks: Iterable<Uint8Array>): Promise<ChunkIntegrityError> {
  try {
    await opened(fileKey, chunks);
  } catch (error) {
    if (error instanceof ChunkIntegrityError) return error;
    throw error;
  }
  throw new Error('tampered stream decrypted without error');
}

// vitest's deep equality walks typed arrays element by element (seconds per MiB), so compare bytes directly.
function expectSameBytes(actual: Uint8Array, expected: Uint8Array, label?: string): void {
  expect(actual.length, label).toBe(expected.length);
  expect(constantTimeEqual(actual, expected), label).toBe(true);
}

/** Splits data into irregular pieces, the way network reads and file streams deliver it. */
function* irregularPieces(data: Uint8Array): Generator<Uint8Array> {
  const sizes = [1, 7, 65_536, 1_000_003, 3];
  let offset = 0;
  for (let i = 0; offset < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield data.subarray(offset, offset + size);
    offset += size;
  }
}

describe('attachment chunks', () => {
  const data = randomBytes(3 * CHUNK_BYTES + 123_456);

  it('round-trips every boundary size', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    for (const size of [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, data.length]) {
      const plain = data.subarray(0, size);
      expectSameBytes(await opened(fileKey, await sealed(fileKey, plain)), plain, `size ${size}`);
    }
  });

  it('accepts irregular pieces, async iterables and Blobs as sources', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    async function* asyncPieces() {
      yield* irregularPieces(data);
    }
    const sources: ChunkSource[] = [irregularPieces(data), asyncPieces(), new Blob([data])];
    for (const source of sources) {
      expectSameBytes(await opened(fileKey, await collect(encryptChunks(fileKey, source))), data);
    }
  });

  it('seals full 1 MiB chunks and a padded final chunk that is always shorter', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    const lengths = async (size: number) => (await sealed(fileKey, data.subarray(0, size))).map((c) => c.length);
    expect(await lengths(0)).toEqual([256 + TAG]);
    expect(await lengths(1000)).toEqual([1024 + TAG]);
    // An exact multiple gets an empty final chunk, so "final" is never ambiguous.
    expect(await lengths(CHUNK_BYTES)).toEqual([CHUNK_BYTES + TAG, 256 + TAG]);
    expect(await lengths(CHUNK_BYTES + 300_000)).toEqual([CHUNK_BYTES + TAG, 524_288 + TAG]);
  });

  it('detects a flipped bit', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    const chunks = await sealed(fileKey, data);
    const altered = chunks.map((c) => c.slice());
    altered[1]![500]! ^= 0x04;
    const error = await failure(fileKey, altered);
    expect(error.chunkIndex).toBe(1);
    expect(error.message).toMatch(/Chunk 1 failed authentication/);
  });

  it('detects swapped chunks', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    const [a, b, c, d] = await sealed(fileKey, data);
    expect((await failure(fileKey, [a!, c!, b!, d!])).message).toMatch(/Chunk 1 failed authentication/);
  });

  it('detects a dropped chunk', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    const [a, , c, d] = await sealed(fileKey, data);
    expect((await failure(fileKey, [a!, c!, d!])).chunkIndex).toBe(1);
  });

  it('detects a duplicated chunk', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    const [a, b, c, d] = await sealed(fileKey, data);
    expect((await failure(fileKey, [a!, b!, b!, c!, d!])).chunkIndex).toBe(2);
  });

  it('detects truncation: the final chunk is missing', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    const chunks = await sealed(fileKey, data);
    const error = await failure(fileKey, chunks.slice(0, -1));
    expect(error.message).toMatch(/truncated.*without its final chunk/);
    expect((await failure(fileKey, [])).message).toMatch(/no chunks/);
  });

  it('detects data appended after the final chunk', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    const chunks = await sealed(fileKey, data);
    expect((await failure(fileKey, [...chunks, chunks[0]!])).message).toMatch(/final chunk, but more data follows/);
    expect((await failure(fileKey, [...chunks, randomBytes(300)])).message).toMatch(/more data follows/);
  });

  it('detects a chunk spliced in from another file at the same position', async () => {
    const vault = await vaultKey();
    const one = await createFileKey(vault);
    const two = await createFileKey(vault);
    const mine = await sealed(one.fileKey, data);
    const theirs = await sealed(two.fileKey, data);
    expect((await failure(one.fileKey, [mine[0]!, theirs[1]!, mine[2]!, mine[3]!])).chunkIndex).toBe(1);
    expect((await failure(two.fileKey, mine)).chunkIndex).toBe(0);
  });

  it('rejects chunks of impossible length before decrypting', async () => {
    const { fileKey } = await createFileKey(await vaultKey());
    expect((await failure(fileKey, [new Uint8Array(5)])).message).toMatch(/impossible length/);
  });

  it('reopens the file key from its header, and only with the right vault key and an unaltered header', async () => {
    const vault = await vaultKey();
    const { header, fileKey } = await createFileKey(vault);
    const chunks = await sealed(fileKey, data.subarray(0, 5000));
    const reopened = await openFileKey(vault, JSON.parse(JSON.stringify(header)));
    expect(reopened.key.extractable).toBe(false);
    expectSameBytes(await opened(reopened, chunks), data.subarray(0, 5000));

    await expect(openFileKey(await vaultKey(), header)).rejects.toThrow(DecryptionError);
    const prefix = base64urlDecode(header.noncePrefix);
    prefix[0]! ^= 1;
    await expect(openFileKey(vault, { ...header, noncePrefix: base64urlEncode(prefix) })).rejects.toThrow(/header was altered/);
    const other = await createFileKey(vault);
    await expect(openFileKey(vault, { ...header, fileId: other.header.fileId })).rejects.toThrow(DecryptionError);
    await expect(openFileKey(vault, { ...header, fileId: 'AAAA' })).rejects.toThrow(/Malformed/);
  });

  it('encrypts the metadata under the file key, bound to the file', async () => {
    const vault = await vaultKey();
    const { fileKey } = await createFileKey(vault);
    const metadata = { name: 'IMG_2041.jpg', type: 'image/jpeg', size: 2_345_678 };
    const envelope = await encryptFileMetadata(fileKey, metadata);
    expect(base64urlDecode(envelope.ciphertext).length).toBe(256 + TAG);
    expect(await decryptFileMetadata(fileKey, envelope)).toEqual(metadata);
    const other = await createFileKey(vault);
    await expect(decryptFileMetadata(other.fileKey, envelope)).rejects.toThrow(DecryptionError);
  });
});
