import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { startS3, type TestS3 } from '../../../../../test/support/s3.ts';
import { envelope, randomB64, VaultClient, vaultDialects } from '../../../../../test/support/vault.ts';
import { ABANDONED_AFTER_MS, sweepAbandonedUploads } from './abandoned-uploads.ts';
import { MAX_CHUNK_BYTES } from './schemas.ts';

const dialects = await vaultDialects();
const QUOTA = 8 * 1024 * 1024;
const octet = { 'content-type': 'application/octet-stream' };
const header = () => ({ v: 1, fileId: randomB64(16), noncePrefix: randomB64(8), wrappedKey: envelope(48) });

describe.each(dialects)('vault attachments on %s', (dialect) => {
  let t: TestApp;
  let c: VaultClient;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, env: { ATTACHMENT_QUOTA_BYTES: String(QUOTA) } });
    c = new VaultClient(t.app);
    await c.signUp();
  });
  afterAll(() => t.close());

  const create = async (chunks: Buffer[], client = c) => {
    const res = await client.request('POST', '/api/v1/attachments', {
      body: { chunkCount: chunks.length, size: chunks.reduce((s, b) => s + b.length, 0), header: header(), metadata: envelope(80) },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const upload = (id: string, index: number, bytes: Buffer, client = c) =>
    client.request('PUT', `/api/v1/attachments/${id}/chunks/${index}`, { payload: bytes, headers: octet });

  it('uploads chunks out of order, repeated, resumed; completes; downloads the same bytes', async () => {
    const chunks = [randomBytes(MAX_CHUNK_BYTES), randomBytes(MAX_CHUNK_BYTES), randomBytes(1000)];
    const id = await create(chunks);
    expect((await upload(id, 2, chunks[2]!)).statusCode).toBe(204);
    expect((await upload(id, 0, chunks[0]!)).statusCode).toBe(204);
    expect((await upload(id, 0, chunks[0]!)).statusCode).toBe(204);

    const early = await c.request('POST', `/api/v1/attachments/${id}/complete`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'incomplete', missing: [1] });

    // Resume: ask what arrived, send the rest.
    const status = (await c.request('GET', `/api/v1/attachments/${id}`)).json();
    expect(status).toMatchObject({ id, chunkCount: 3, received: [0, 2], complete: false });
    expect(status.header.v).toBe(1);
    expect((await upload(id, 1, chunks[1]!)).statusCode).toBe(204);
    const done = await c.request('POST', `/api/v1/attachments/${id}/complete`);
    expect(done.statusCode).toBe(200);
    expect((await c.request('GET', `/api/v1/attachments/${id}`)).json().complete).toBe(true);
    expect((await upload(id, 1, chunks[1]!)).statusCode).toBe(409);

    for (const [index, bytes] of chunks.entries()) {
      const res = await c.request('GET', `/api/v1/attachments/${id}/chunks/${index}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(Buffer.compare(res.rawPayload, bytes)).toBe(0);
    }
  });

  it('replaces a re-sent chunk whole, leaving no temporary files', async () => {
    const id = await create([randomBytes(500)]);
    await upload(id, 0, randomBytes(500));
    const second = randomBytes(500);
    await upload(id, 0, second);
    expect(Buffer.compare((await c.request('GET', `/api/v1/attachments/${id}/chunks/0`)).rawPayload, second)).toBe(0);
    expect(readdirSync(join(t.dataDir, 'blobs', 'attachments', id))).toEqual(['0']);
  });

  it('enforces the per-account quota', async () => {
    const q = new VaultClient(t.app);
    await q.signUp();
    const body = (size: number) => ({ chunkCount: Math.ceil(size / MAX_CHUNK_BYTES), size, header: header(), metadata: envelope(80) });
    expect((await q.request('POST', '/api/v1/attachments', { body: body(6 * 1024 * 1024) })).statusCode).toBe(201);
    const over = await q.request('POST', '/api/v1/attachments', { body: body(3 * 1024 * 1024) });
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toBe('quota_exceeded');
    expect((await q.request('POST', '/api/v1/attachments', { body: body(2 * 1024 * 1024) })).statusCode).toBe(201);
  });

  it('refuses oversized chunks, wrong content types, bad indices and sizes that do not add up', async () => {
    const id = await create([randomBytes(100), randomBytes(100)]);
    const tooBig = await upload(id, 0, randomBytes(MAX_CHUNK_BYTES + 1));
    expect(tooBig.statusCode).toBe(413);
    expect(
      (
        await c.request('PUT', `/api/v1/attachments/${id}/chunks/0`, {
          payload: JSON.stringify({ a: 1 }),
          headers: { 'content-type': 'application/json' },
        })
      ).statusCode,
    ).toBe(415);
    expect(
      (await c.request('PUT', `/api/v1/attachments/${id}/chunks/0`, { payload: 'abc', headers: { 'content-type': 'text/plain' } }))
        .statusCode,
    ).toBe(415);
    expect((await upload(id, 2, randomBytes(10))).statusCode).toBe(400);
    expect((await upload(id, 250, randomBytes(10))).statusCode).toBe(400);
    expect((await upload(id, -1, randomBytes(10))).statusCode).toBe(400);
    expect((await c.request('PUT', `/api/v1/attachments/nope/chunks/0`, { payload: randomBytes(10), headers: octet })).statusCode).toBe(
      400,
    );
    expect((await upload(id, 0, Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload(id, 0, randomBytes(150))).statusCode).toBe(204);
    expect((await upload(id, 1, randomBytes(100))).statusCode).toBe(413);
    expect((await upload(id, 1, randomBytes(40))).statusCode).toBe(204);
    const mismatch = await c.request('POST', `/api/v1/attachments/${id}/complete`);
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json().error).toBe('size_mismatch');
    for (const body of [
      { chunkCount: 0, size: 1, header: header(), metadata: envelope() },
      { chunkCount: 251, size: 1, header: header(), metadata: envelope() },
      { chunkCount: 1, size: MAX_CHUNK_BYTES + 1, header: header(), metadata: envelope() },
      { chunkCount: 1, size: 10, header: { ...header(), name: 'holiday.jpg' }, metadata: envelope() },
      { chunkCount: 1, size: 10, header: header() },
    ]) {
      expect((await c.request('POST', '/api/v1/attachments', { body })).statusCode).toBe(400);
    }
  });

  it("treats another account's attachment ids as not found, and deletes blobs with the attachment", async () => {
    const bytes = randomBytes(300);
    const id = await create([bytes]);
    await upload(id, 0, bytes);
    const stranger = new VaultClient(t.app);
    await stranger.signUp();
    expect((await stranger.request('GET', `/api/v1/attachments/${id}`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/v1/attachments/${id}/chunks/0`)).statusCode).toBe(404);
    expect((await upload(id, 0, randomBytes(300), stranger)).statusCode).toBe(404);
    expect((await stranger.request('POST', `/api/v1/attachments/${id}/complete`)).statusCode).toBe(404);
    expect((await stranger.request('DELETE', `/api/v1/attachments/${id}`)).statusCode).toBe(404);
    expect(Buffer.compare((await c.request('GET', `/api/v1/attachments/${id}/chunks/0`)).rawPayload, bytes)).toBe(0);

    expect((await c.request('DELETE', `/api/v1/attachments/${id}`)).statusCode).toBe(204);
    expect((await c.request('GET', `/api/v1/attachments/${id}`)).statusCode).toBe(404);
    expect(await t.services.vault.blobs.get(`attachments/${id}/0`)).toBeUndefined();
    expect((await c.request('GET', `/api/v1/attachments/${randomUUID()}/chunks/0`)).statusCode).toBe(404);
  });

  it('removes uploads never completed a week after they began, with their blobs, and keeps the rest', async () => {
    const bytes = randomBytes(200);
    const abandoned = await create([bytes, bytes]);
    await upload(abandoned, 0, bytes);
    const finished = await create([bytes]);
    await upload(finished, 0, bytes);
    expect((await c.request('POST', `/api/v1/attachments/${finished}/complete`)).statusCode).toBe(200);
    const { vault } = t.services;

    expect(await sweepAbandonedUploads(vault, Date.now())).toBe(0);
    expect((await c.request('GET', `/api/v1/attachments/${abandoned}`)).statusCode).toBe(200);

    expect(await sweepAbandonedUploads(vault, Date.now() + ABANDONED_AFTER_MS + 60_000)).toBeGreaterThanOrEqual(1);
    expect((await c.request('GET', `/api/v1/attachments/${abandoned}`)).statusCode).toBe(404);
    expect(await vault.blobs.get(`attachments/${abandoned}/0`)).toBeUndefined();
    expect((await c.request('GET', `/api/v1/attachments/${finished}`)).json().complete).toBe(true);
    expect(Buffer.compare((await c.request('GET', `/api/v1/attachments/${finished}/chunks/0`)).rawPayload, bytes)).toBe(0);
  });
});

describe.runIf(dialects.includes('postgres'))('vault attachments in an S3-compatible store, across app processes', () => {
  let s3: TestS3;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    s3 = await startS3();
    a = await buildTestApp({ dialect: 'postgres', env: { BLOB_STORE_URL: s3.url, ATTACHMENT_QUOTA_BYTES: String(QUOTA) } });
    b = await a.anotherProcess();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await s3?.close();
  });

  it('takes the chunks of one upload on different processes, serves them from either, and deletes them from the bucket', async () => {
    const onA = new VaultClient(a.app);
    await onA.signUp();
    // The same browser; the balancer sends each request wherever it likes.
    const onB = Object.assign(new VaultClient(b.app), { cookie: onA.cookie, csrfToken: onA.csrfToken, ip: onA.ip });
    const chunks = [randomBytes(MAX_CHUNK_BYTES), randomBytes(MAX_CHUNK_BYTES), randomBytes(5000)];
    const created = await onA.request('POST', '/api/v1/attachments', {
      body: { chunkCount: 3, size: chunks.reduce((n, c) => n + c.length, 0), header: header(), metadata: envelope(80) },
    });
    const id = created.json().id as string;
    for (const [index, bytes] of chunks.entries()) {
      const client = index % 2 === 0 ? onB : onA;
      expect(
        (await client.request('PUT', `/api/v1/attachments/${id}/chunks/${index}`, { payload: bytes, headers: octet })).statusCode,
      ).toBe(204);
    }
    expect((await onB.request('GET', `/api/v1/attachments/${id}`)).json().received).toEqual([0, 1, 2]);
    expect((await onA.request('POST', `/api/v1/attachments/${id}/complete`)).statusCode).toBe(200);
    for (const [index, bytes] of chunks.entries()) {
      const client = index % 2 === 0 ? onA : onB;
      expect(Buffer.compare((await client.request('GET', `/api/v1/attachments/${id}/chunks/${index}`)).rawPayload, bytes)).toBe(0);
    }
    // Nothing went to either process's DATA_DIR: the bytes are objects in the bucket.
    expect(readdirSync(a.dataDir)).not.toContain('blobs');
    const objects = readdirSync(join(s3.directory, 'casebook-test', 'attachments-test', 'attachments', id)).filter((name) =>
      name.endsWith('._S3rver_object'),
    );
    expect(objects.sort()).toEqual(['0._S3rver_object', '1._S3rver_object', '2._S3rver_object']);
    expect((await onB.request('DELETE', `/api/v1/attachments/${id}`)).statusCode).toBe(204);
    expect(await a.services.vault.blobs.get(`attachments/${id}/1`)).toBeUndefined();
    expect((await onA.request('GET', `/api/v1/attachments/${id}/chunks/0`)).statusCode).toBe(404);
  });
});
