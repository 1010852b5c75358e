import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { type BlobStore, BlobTooLargeError, checkBlobKey } from './blob-store.ts';
import type { BlobStoreLocation } from './blob-store-url.ts';

type S3Location = Extract<BlobStoreLocation, { kind: 's3' }>;

/**
 * Encrypted attachment chunks as objects in an S3-compatible bucket, one object per chunk, so any app process
 * can take any chunk of an upload and serve it back. A chunk (at most MAX_CHUNK_BYTES, about 1 MiB) is
 * gathered before it is sent: S3 needs each object's length up front, and a PUT replaces an object only once
 * all of it has arrived, as the file store's rename does. A whole file is never in memory, only one chunk of
 * each request in flight; downloads stream straight from the bucket.
 */
export async function createS3BlobStore(location: S3Location): Promise<BlobStore> {
  // Loaded only when configured: the SDK is a fifth of a resting process's memory, which the embedded default
  // (files in DATA_DIR) should not pay for.
  const { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } =
    await import('@aws-sdk/client-s3');
  const client: S3Client = new S3Client({
    region: location.region,
    forcePathStyle: location.forcePathStyle,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    // Checksums only where S3 requires them: many S3-compatible servers do not take the newer trailing ones.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const { bucket } = location;
  const keyOf = (key: string) => (location.prefix ? `${location.prefix}/${checkBlobKey(key)}` : checkBlobKey(key));

  return {
    close: () => client.destroy(),

    async put(key, source, { maxBytes }) {
      const body = await gather(source, maxBytes);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: keyOf(key),
          Body: body,
          ContentLength: body.length,
          ContentType: 'application/octet-stream',
        }),
      );
      return { size: body.length };
    },

    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
        return { stream: object.Body as Readable, size: object.ContentLength ?? 0 };
      } catch (error) {
        if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return undefined;
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
    },

    async deletePrefix(prefix) {
      const start = `${keyOf(prefix)}/`;
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: start, ContinuationToken: token }));
        // One DELETE per object rather than DeleteObjects: an upload has at most 250 chunks, and every
        // S3-compatible server takes the plain DELETE the same way (multi-delete needs checksums some refuse).
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []));
        for (let i = 0; i < keys.length; i += 16) {
          await Promise.all(keys.slice(i, i + 16).map((Key) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key }))));
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}

/** The stream's bytes, refusing (and stopping the stream) past maxBytes. */
async function gather(source: Readable, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) {
      source.destroy();
      throw new BlobTooLargeError(`blob is larger than ${maxBytes} bytes`);
    }
    parts.push(buffer);
  }
  return Buffer.concat(parts, size);
}
