import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobTooLargeError, createFileBlobStore } from './blob-store.ts';

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
    await expect(store.put('attachments/abc/0', Readable.from([randomBytes(60), randomBytes(60)]), { maxBytes: 100 })).rejects.toBeInstanceOf(BlobTooLargeError);
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
