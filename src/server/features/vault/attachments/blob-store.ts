import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where encrypted attachment chunks live: files (the embedded default, below) or an S3-compatible bucket
 * (s3-blob-store.ts), chosen by BLOB_STORE_URL. Keys are slash-separated paths of [a-z0-9-] segments.
 */
export interface BlobStore {
  /** Streams `source` into the blob, replacing any earlier one only once every byte is durable. */
  put(key: string, source: Readable, options: { maxBytes: number }): Promise<{ size: number }>;
  get(key: string): Promise<{ stream: Readable; size: number } | undefined>;
  delete(key: string): Promise<void>;
  /** Every blob whose key starts with `prefix/`. */
  deletePrefix(prefix: string): Promise<void>;
  /** Lets go of connections (the S3 client's sockets). */
  close?(): void;
}

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

export function checkBlobKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`bad blob key: ${key}`);
  return key;
}

export function createFileBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => join(root, checkBlobKey(key));

  return {
    async put(key, source, { maxBytes }) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) callback(new BlobTooLargeError(`blob is larger than ${maxBytes} bytes`));
          else callback(null, chunk);
        },
      });
      try {
        // Durable before acknowledged: flush fsyncs the bytes before the file closes, then the rename
        // (the directory entry) is synced too.
        await pipeline(source, limit, createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true }));
        await rename(temp, path);
        await syncDirectory(dirname(path));
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw error;
      }
      return { size };
    },

    async get(key) {
      const path = pathOf(key);
      try {
        const { size } = await stat(path);
        return { stream: createReadStream(path), size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },

    async deletePrefix(prefix) {
      await rm(pathOf(prefix), { recursive: true, force: true });
    },
  };
}

async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
