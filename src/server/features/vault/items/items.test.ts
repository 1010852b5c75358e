import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { b64, envelope, randomB64, VaultClient, vaultDialects } from '../../../../../test/support/vault.ts';
import { base64urlDecode } from '../../../../crypto/encoding.ts';
import { inclusionProof, leafHash, verifyInclusion } from '../../../../crypto/merkle.ts';
import { importPublicKey, type Receipt, type SignedTreeHead, verifyReceipt, verifyTreeHead } from '../../../../crypto/signing.ts';

const dialects = await vaultDialects();

describe.each(dialects)('vault items on %s', (dialect) => {
  let t: TestApp;
  let c: VaultClient;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    c = new VaultClient(t.app);
    await c.signUp();
  });
  afterAll(() => t.close());

  const put = (id: string, expectedVersion: number, env = envelope(300), commitment = randomB64(32), client = c) =>
    client.request('PUT', `/api/v1/items/${id}`, { body: { expectedVersion, envelope: env, commitment } });

  async function publishedKey() {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/casebook-log.json' });
    expect(res.statusCode).toBe(200);
    return res.json() as { logId: string; publicKey: string; keys: { logId: string; publicKey: string }[]; treeHead: SignedTreeHead };
  }

  it('puts, gets, edits, lists versions and tombstones an item', async () => {
    const id = randomUUID();
    const first = envelope(500);
    const commitment = randomB64(32);
    const created = await put(id, 0, first, commitment);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ id, version: 1, receipt: { v: 1, leafHash: b64(await leafHash(base64urlDecode(commitment))) } });

    const got = await c.request('GET', `/api/v1/items/${id}`);
    expect(got.json()).toEqual({ id, version: 1, deleted: false, envelope: first, receipt: created.json().receipt });

    const second = envelope(700);
    expect((await put(id, 1, second)).json().version).toBe(2);
    const deleted = await c.request('DELETE', `/api/v1/items/${id}`, { body: { expectedVersion: 2, commitment: randomB64(32) } });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().version).toBe(3);
    const latest = (await c.request('GET', `/api/v1/items/${id}`)).json();
    expect(latest).toMatchObject({ version: 3, deleted: true, envelope: null });

    const versions = (await c.request('GET', `/api/v1/items/${id}/versions`)).json().versions;
    expect(versions.map((v: { version: number; deleted: boolean }) => [v.version, v.deleted])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(versions[0].envelope).toEqual(first);
    expect(versions[0].commitment).toBe(commitment);
    expect(versions[1].envelope).toEqual(second);

    const again = await c.request('DELETE', `/api/v1/items/${id}`, { body: { expectedVersion: 3, commitment: randomB64(32) } });
    expect(again.statusCode).toBe(409);
  });

  it('answers 409 with the current version on a conflicting write, and writes nothing', async () => {
    const id = randomUUID();
    await put(id, 0);
    await put(id, 1);
    const stale = await put(id, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version_conflict', currentVersion: 2 });
    const fresh = await put(id, 0);
    expect(fresh.statusCode).toBe(409);
    expect((await c.request('GET', `/api/v1/items/${id}/versions`)).json().versions).toHaveLength(2);
  });

  it('lets only one of many concurrent writers of the same version win', async () => {
    const id = randomUUID();
    await put(id, 0);
    const results = await Promise.all(Array.from({ length: 10 }, () => put(id, 1)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
  });

  it('keeps history append-only in the database itself', async () => {
    const id = randomUUID();
    await put(id, 0);
    const { db } = t.services.database;
    await expect(db.updateTable('vault_item_versions').set({ deleted: 1 }).where('item_id', '=', id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('vault_log_leaves').where('leaf_index', '=', 0).execute()).rejects.toThrow(/append-only/);
  });

  it('lists changes since a cursor, a page at a time', async () => {
    const other = new VaultClient(t.app);
    await other.signUp();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) await put(id, 0, envelope(100), randomB64(32), other);
    const all = (await other.request('GET', '/api/v1/items/changes')).json();
    expect(all.changes.map((ch: { id: string }) => ch.id)).toEqual(ids);
    expect(all.more).toBe(false);

    const page = (await other.request('GET', '/api/v1/items/changes?since=0&limit=2')).json();
    expect(page.changes).toHaveLength(2);
    expect(page.more).toBe(true);
    const rest = (await other.request('GET', `/api/v1/items/changes?since=${page.cursor}&limit=2`)).json();
    expect(rest.changes.map((ch: { id: string }) => ch.id)).toEqual([ids[2]]);

    await put(ids[0]!, 1, envelope(100), randomB64(32), other);
    const after = (await other.request('GET', `/api/v1/items/changes?since=${rest.cursor}`)).json();
    expect(after.changes.map((ch: { id: string; version: number }) => [ch.id, ch.version])).toEqual([[ids[0], 2]]);
    const none = (await other.request('GET', `/api/v1/items/changes?since=${after.cursor}`)).json();
    expect(none).toEqual({ changes: [], cursor: after.cursor, more: false });
  });

  it("treats another account's item ids as not found", async () => {
    const id = randomUUID();
    await put(id, 0);
    const stranger = new VaultClient(t.app);
    await stranger.signUp();
    expect((await stranger.request('GET', `/api/v1/items/${id}`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/v1/items/${id}/versions`)).statusCode).toBe(404);
    expect((await put(id, 1, envelope(), randomB64(32), stranger)).statusCode).toBe(404);
    expect(
      (await stranger.request('DELETE', `/api/v1/items/${id}`, { body: { expectedVersion: 1, commitment: randomB64(32) } })).statusCode,
    ).toBe(404);
    expect((await stranger.request('GET', '/api/v1/items/changes')).json().changes).toEqual([]);
    // Their own item with the same id is theirs alone.
    expect((await put(id, 0, envelope(), randomB64(32), stranger)).statusCode).toBe(200);
    expect((await c.request('GET', `/api/v1/items/${id}`)).json().version).toBe(1);
  });

  it('issues receipts that verify with the published key, with inclusion proofs against a signed tree head', async () => {
    const writes = await Promise.all(Array.from({ length: 7 }, () => put(randomUUID(), 0)));
    const receipts = writes.map((w) => w.json().receipt as Receipt);
    const published = await publishedKey();
    const key = await importPublicKey(published.publicKey);
    expect(published.keys.map((k) => k.logId)).toContain(published.logId);
    const head = (await t.app.inject({ method: 'GET', url: '/api/v1/log/tree-head' })).json() as SignedTreeHead;
    expect(await verifyTreeHead(head, key)).toBe(true);
    for (const receipt of receipts) {
      expect(await verifyReceipt(receipt, key)).toBe(true);
      expect(receipt.leafIndex).toBeLessThan(head.treeSize);
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/log/inclusion?index=${receipt.leafIndex}&treeSize=${head.treeSize}` });
      expect(res.statusCode).toBe(200);
      const proof = (res.json().proof as string[]).map(base64urlDecode);
      expect(
        await verifyInclusion(base64urlDecode(receipt.leafHash), receipt.leafIndex, head.treeSize, proof, base64urlDecode(head.rootHash)),
      ).toBe(true);
    }
    expect(await verifyReceipt({ ...receipts[0]!, timestamp: receipts[0]!.timestamp - 1 }, key)).toBe(false);
    // The server's proof is the RFC 6962 proof over the whole leaf list.
    const hashes = await import('../transparency-log/repository.ts').then((m) =>
      m.logRepository.leafHashes(t.services.database.db, 0, head.treeSize),
    );
    const expected = await inclusionProof(hashes, receipts[0]!.leafIndex, head.treeSize);
    const served = (
      await t.app.inject({ method: 'GET', url: `/api/v1/log/inclusion?index=${receipts[0]!.leafIndex}&treeSize=${head.treeSize}` })
    ).json().proof;
    expect(served).toEqual(expected.map(b64));
  });

  it('refuses bad ids, bad bodies, wrong content types and oversized envelopes without a 500', async () => {
    const id = randomUUID();
    const cases: [string, string, Record<string, unknown>, number][] = [
      ['PUT', '/api/v1/items/not-a-uuid', { body: { expectedVersion: 0, envelope: envelope(), commitment: randomB64(32) } }, 400],
      ['GET', `/api/v1/items/${'a'.repeat(180)}`, {}, 400],
      ['GET', '/api/v1/items/changes?since=abc', {}, 400],
      ['GET', '/api/v1/items/changes?limit=1001', {}, 400],
      ['GET', `/api/v1/items/changes?since=${'9'.repeat(5000)}`, {}, 400],
      ['PUT', `/api/v1/items/${id}`, { body: { expectedVersion: -1, envelope: envelope(), commitment: randomB64(32) } }, 400],
      ['PUT', `/api/v1/items/${id}`, { body: { expectedVersion: '0', envelope: envelope(), commitment: randomB64(32) } }, 400],
      [
        'PUT',
        `/api/v1/items/${id}`,
        { body: { expectedVersion: 0, envelope: { ...envelope(), extra: 1 }, commitment: randomB64(32) } },
        400,
      ],
      ['PUT', `/api/v1/items/${id}`, { body: { expectedVersion: 0, envelope: envelope(), commitment: randomB64(31) } }, 400],
      [
        'PUT',
        `/api/v1/items/${id}`,
        { body: { expectedVersion: 0, envelope: { v: 1, nonce: randomB64(12), ciphertext: 'A' }, commitment: randomB64(32) } },
        400,
      ],
      [
        'PUT',
        `/api/v1/items/${id}`,
        { body: { expectedVersion: 0, envelope: envelope(), commitment: `${randomB64(32).slice(0, 42)}+` } },
        400,
      ],
      ['PUT', `/api/v1/items/${id}`, { payload: 'hello', headers: { 'content-type': 'text/plain' } }, 415],
      ['PUT', `/api/v1/items/${id}`, { payload: Buffer.alloc(10), headers: { 'content-type': 'application/octet-stream' } }, 415],
      [
        'PUT',
        `/api/v1/items/${id}`,
        { body: { expectedVersion: 0, envelope: envelope(1.6 * 1024 * 1024), commitment: randomB64(32) } },
        413,
      ],
    ];
    for (const [method, url, options, status] of cases) {
      const res = await c.request(method, url, options);
      expect(res.statusCode, `${method} ${url.slice(0, 60)} ${JSON.stringify(options).slice(0, 80)}`).toBe(status);
      expect(res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
    const big = await put(id, 0, envelope(1.5 * 1024 * 1024));
    expect(big.statusCode).toBe(200);
    const stored = await t.services.database.db
      .selectFrom('vault_item_versions')
      .select('stored_size')
      .where('item_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.stored_size % 4096).toBe(0);
  });

  it('needs a session', async () => {
    const anonymous = new VaultClient(t.app);
    expect((await anonymous.request('GET', '/api/v1/items/changes')).statusCode).toBe(401);
    expect((await put(randomUUID(), 0, envelope(), randomB64(32), anonymous)).statusCode).toBe(401);
  });
});
