import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type TestS3 } from '../../../../../test/support/s3.ts';
import { loadConfig } from '../../../config.ts';
import { type BlobStore, BlobTooLargeError, createFileBlobStore } from './blob-store.ts';
import { createS3BlobStore } from './s3-blob-store.ts';

describe('file blob store', () => {
  const root = mkdtempSync(join(tmpdir(), 'casebook-blobs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const store = createFileBlobStore(root);

  it('streams a blob in and out, private to the service', async () => {
    const { size } = await store.put('attachments/abc/0', Readable.from(['hello ', 'world']), { maxBytes: 100 });
    expect(size).toBe(11);
    const blob = await store.get('attachments/abc/0');
    expect(blob?.size).toBe(11);
    expect(await text(blob!.stream)).toBe('hello world');
    expect(statSync(join(root, 'attachments/abc/0')).mode & 0o777).toBe(0o600);
  });

  it('refuses a blob over its limit and keeps the old one whole', async () => {
    await expect(
      store.put('attachments/abc/0', Readable.from([randomBytes(60), randomBytes(60)]), { maxBytes: 100 }),
    ).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await text((await store.get('attachments/abc/0'))!.stream)).toBe('hello world');
    expect(readdirSync(join(root, 'attachments/abc'))).toEqual(['0']);
  });

  it('a failing source leaves nothing behind', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put('attachments/abc/1', failing, { maxBytes: 100 })).rejects.toThrow('connection reset');
    expect(readdirSync(join(root, 'attachments/abc'))).toEqual(['0']);
  });

  it('deletes by key and by prefix, and rejects keys that could escape its folder', async () => {
    await store.put('attachments/abc/1', Readable.from(['x']), { maxBytes: 10 });
    await store.delete('attachments/abc/1');
    expect(await store.get('attachments/abc/1')).toBeUndefined();
    await store.deletePrefix('attachments/abc');
    expect(await store.get('attachments/abc/0')).toBeUndefined();
    await expect(store.put('../etc/passwd', Readable.from(['x']), { maxBytes: 10 })).rejects.toThrow(/bad blob key/);
    await expect(store.get('attachments/../../x')).rejects.toThrow(/bad blob key/);
  });
});

describe('S3 blob store (a real S3-protocol server)', () => {
  let s3: TestS3;
  let store: BlobStore;
  beforeAll(async () => {
    s3 = await startS3();
    const location = loadConfig({ BLOB_STORE_URL: s3.url }).blobStore;
    if (location.kind !== 's3') throw new Error('expected s3');
    store = await createS3BlobStore(location);
  });
  afterAll(async () => {
    store?.close?.();
    await s3?.close();
  });

  it('puts, replaces, gets, streams back and deletes objects under its prefix', async () => {
    const bytes = randomBytes(1024 * 1024 + 64);
    expect(
      await store.put('attachments/abc/0', Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), { maxBytes: bytes.length }),
    ).toEqual({ size: bytes.length });
    const blob = await store.get('attachments/abc/0');
    expect(blob?.size).toBe(bytes.length);
    const back = Buffer.concat(await blob!.stream.toArray());
    expect(Buffer.compare(back, bytes)).toBe(0);
    await store.put('attachments/abc/0', Readable.from(['replaced']), { maxBytes: 100 });
    expect(await text((await store.get('attachments/abc/0'))!.stream)).toBe('replaced');
    // Stored under the URL's prefix, as objects of the bucket.
    expect(readdirSync(join(s3.directory, 'casebook-test', 'attachments-test', 'attachments', 'abc'))).toContain('0._S3rver_object');
  });

  it('refuses a blob over its limit and keeps the old one whole; a missing key is undefined', async () => {
    await expect(
      store.put('attachments/abc/0', Readable.from([randomBytes(60), randomBytes(60)]), { maxBytes: 100 }),
    ).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await text((await store.get('attachments/abc/0'))!.stream)).toBe('replaced');
    expect(await store.get('attachments/none/0')).toBeUndefined();
  });

  it('deletes by key and by prefix (not a neighbour that shares the start of its name), and rejects bad keys', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.put(`attachments/many/${i}`, Readable.from(['x']), { maxBytes: 10 })));
    await store.put('attachments/many-other/0', Readable.from(['kept']), { maxBytes: 10 });
    await store.delete('attachments/many/0');
    expect(await store.get('attachments/many/0')).toBeUndefined();
    await store.deletePrefix('attachments/many');
    for (const i of [1, 17, 29]) expect(await store.get(`attachments/many/${i}`)).toBeUndefined();
    expect(await text((await store.get('attachments/many-other/0'))!.stream)).toBe('kept');
    await expect(store.put('../etc/passwd', Readable.from(['x']), { maxBytes: 10 })).rejects.toThrow(/bad blob key/);
  });
});
