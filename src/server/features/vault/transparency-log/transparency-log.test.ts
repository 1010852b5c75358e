import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { TEST_DATABASE_URL } from '../../../../../test/support/postgres.ts';
import { b64, vaultDialects } from '../../../../../test/support/vault.ts';
import { base64urlDecode } from '../../../../crypto/encoding.ts';
import { EMPTY_TREE_ROOT, merkleRoot, verifyConsistency, verifyInclusion } from '../../../../crypto/merkle.ts';
import { importPublicKey, type Receipt, type SignedTreeHead, verifyReceipt, verifyTreeHead } from '../../../../crypto/signing.ts';
import { openDatabase } from '../../../db/database.ts';
import { TransparencyLog } from './log.ts';
import { DatabaseNodeSource, logRepository } from './repository.ts';
import { loadLogKeys, rotateLogKey } from './signing-keys.ts';

const dialects = await vaultDialects();

describe.each(dialects)('transparency log on %s', (dialect) => {
  let t: TestApp;
  let now = Date.UTC(2026, 2, 1, 12, 0, 0);
  beforeAll(async () => {
    t = await buildTestApp({ dialect, clock: () => now });
  });
  afterAll(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const log = () => t.services.vault.log;

  it('starts empty, with a signed head over the empty tree', async () => {
    const known = (await get('/.well-known/casebook-log.json')).json();
    const key = await importPublicKey(known.publicKey);
    expect(known.treeHead.treeSize).toBe(0);
    expect(known.treeHead.rootHash).toBe(b64(EMPTY_TREE_ROOT));
    expect(await verifyTreeHead(known.treeHead, key)).toBe(true);
    expect(known.keys).toEqual([{ logId: known.logId, publicKey: known.publicKey, from: expect.any(Number) }]);
    expect(statSync(join(t.dataDir, 'keys', 'log-signing-1.pk8')).mode & 0o777).toBe(0o600);
  });

  it('batches concurrent appends into one log whose root and proofs match RFC 6962', async () => {
    const commitments = Array.from({ length: 300 }, () => randomBytes(32));
    const appended = await Promise.all(commitments.map((c) => log().append(c)));
    const receipts = appended.map((a) => a.receipt);
    expect(new Set(receipts.map((r) => r.leafIndex)).size).toBe(300);
    const key = await importPublicKey((await get('/.well-known/casebook-log.json')).json().publicKey);
    for (const r of receipts.slice(0, 20)) expect(await verifyReceipt(r, key)).toBe(true);

    const head = (await get('/api/v1/log/tree-head')).json() as SignedTreeHead;
    expect(head.treeSize).toBe(300);
    const leaves = await logRepository.leafHashes(t.services.database.db, 0, head.treeSize);
    expect(b64(await merkleRoot(leaves))).toBe(head.rootHash);

    for (const r of [receipts[0]!, receipts[137]!, receipts[299]!]) {
      const res = (await get(`/api/v1/log/inclusion?index=${r.leafIndex}&treeSize=${head.treeSize}`)).json();
      expect(
        await verifyInclusion(
          base64urlDecode(r.leafHash),
          r.leafIndex,
          head.treeSize,
          res.proof.map(base64urlDecode),
          base64urlDecode(head.rootHash),
        ),
      ).toBe(true);
    }

    const batch = (
      await get(
        `/api/v1/log/inclusion-proofs?treeSize=${head.treeSize}&indices=${receipts
          .slice(0, 250)
          .map((r) => r.leafIndex)
          .join(',')}`,
      )
    ).json();
    expect(batch.proofs).toHaveLength(250);
    for (const [i, r] of receipts.slice(0, 250).entries()) {
      expect(batch.proofs[i].leafIndex).toBe(r.leafIndex);
      expect(
        await verifyInclusion(
          base64urlDecode(r.leafHash),
          r.leafIndex,
          head.treeSize,
          batch.proofs[i].proof.map(base64urlDecode),
          base64urlDecode(head.rootHash),
        ),
      ).toBe(true);
    }
  });

  it('reuses a tree head for a minute while nothing changes, and signs a new one after growth or a minute', async () => {
    const first = (await get('/api/v1/log/tree-head')).json() as SignedTreeHead;
    now += 30_000;
    expect((await get('/api/v1/log/tree-head')).json()).toEqual(first);
    await log().append(randomBytes(32));
    const grown = (await get('/api/v1/log/tree-head')).json() as SignedTreeHead;
    expect(grown.treeSize).toBe(first.treeSize + 1);
    now += 61_000;
    const fresh = (await get('/api/v1/log/tree-head')).json() as SignedTreeHead;
    expect(fresh.treeSize).toBe(grown.treeSize);
    expect(fresh.timestamp).toBe(now);

    const proof = (await get(`/api/v1/log/consistency?from=${first.treeSize}&to=${grown.treeSize}`)).json();
    expect(proof).toMatchObject({ from: first.treeSize, to: grown.treeSize });
    expect(
      await verifyConsistency(
        first.treeSize,
        grown.treeSize,
        base64urlDecode(first.rootHash),
        base64urlDecode(grown.rootHash),
        proof.proof.map(base64urlDecode),
      ),
    ).toBe(true);
  });

  it('serves proofs from O(log n) cached nodes in a single query', async () => {
    await Promise.all(Array.from({ length: 700 }, () => log().append(randomBytes(32))));
    const size = await log().treeSize();
    const spy = vi.spyOn(logRepository, 'nodes');
    const cold = new DatabaseNodeSource(t.services.database.db);
    const { inclusionProofFromSource, consistencyProofFromSource } = await import('../../../../crypto/merkle.ts');
    const proof = await inclusionProofFromSource(cold, 517, size);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![1].length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size)));
    expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size)));
    spy.mockClear();
    await consistencyProofFromSource(cold, 333, size);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it.each([
    ['/api/v1/log/inclusion?index=5&treeSize=5', 400],
    ['/api/v1/log/inclusion?index=0&treeSize=0', 400],
    ['/api/v1/log/inclusion?index=0&treeSize=99999999', 400],
    ['/api/v1/log/inclusion?index=-1&treeSize=3', 400],
    ['/api/v1/log/inclusion?index=a&treeSize=3', 400],
    ['/api/v1/log/inclusion?index=0', 400],
    [`/api/v1/log/inclusion?index=0&treeSize=${'9'.repeat(400)}`, 400],
    ['/api/v1/log/inclusion?index=0&treeSize=3&extra=1', 400],
    ['/api/v1/log/inclusion-proofs?treeSize=3&indices=0,1,2', 200],
    ['/api/v1/log/inclusion-proofs?treeSize=3&indices=0,3', 400],
    ['/api/v1/log/inclusion-proofs?treeSize=3&indices=', 400],
    ['/api/v1/log/inclusion-proofs?treeSize=3&indices=0,,1', 400],
    ['/api/v1/log/inclusion-proofs?treeSize=3&indices=-1', 400],
    [`/api/v1/log/inclusion-proofs?treeSize=3&indices=${Array(251).fill(0).join(',')}`, 400],
    ['/api/v1/log/consistency?from=4&to=3', 400],
    ['/api/v1/log/consistency?from=1&to=99999999', 400],
    ['/api/v1/log/consistency?from=1&to=3', 200],
  ])('validates %s', async (url, status) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    if (status !== 200) expect(res.json().error).toBe('invalid_request');
  });

  // On SQLite one process writes (better-sqlite3 is synchronous, so two connections in one test process
  // would block each other's thread); PostgreSQL is where several app processes share the log.
  it.runIf(dialect === 'postgres')('allocates leaf indices without collisions when two app processes append at once', async () => {
    const second = openDatabase({
      dataDir: t.dataDir,
      ...(dialect === 'postgres'
        ? {
            databaseUrl: TEST_DATABASE_URL,
            pgSchema: (await t.services.database.db.selectNoFrom((eb) => eb.fn<string>('current_schema').as('s')).executeTakeFirstOrThrow())
              .s,
          }
        : {}),
    });
    const otherLog = new TransparencyLog({ db: second.db, keys: t.services.vault.log.keys, clock: () => now, maxBatch: 7 });
    const before = await log().treeSize();
    const mine = Array.from({ length: 120 }, () => log().append(randomBytes(32)));
    const theirs = Array.from({ length: 120 }, () => otherLog.append(randomBytes(32)));
    const all = (await Promise.all([...mine, ...theirs])).map((a) => a.receipt.leafIndex).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 240 }, (_, i) => before + i));
    await otherLog.close();
    await second.close();
    // Our cached right edge is stale now; the next append must notice and still build the right tree.
    await log().append(randomBytes(32));
    const head = await log().treeHead();
    const leaves = await logRepository.leafHashes(t.services.database.db, 0, head.treeSize);
    expect(b64(await merkleRoot(leaves))).toBe(head.rootHash);
  });
});

describe('log signing keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are created once, and rotation keeps old public keys published so old receipts still verify', async () => {
    const first = await loadLogKeys(dir, 1000);
    expect((await loadLogKeys(dir, 2000)).current).toEqual(first.current);
    const { signReceipt } = await import('../../../../crypto/signing.ts');
    const old: Receipt = await signReceipt(first.signer, { leafIndex: 0, leafHash: randomBytes(32), timestamp: 1500 });

    const rotated = await rotateLogKey(dir, 3000);
    const after = await loadLogKeys(dir, 4000);
    expect(after.current).toEqual(rotated);
    expect(after.current.logId).not.toBe(first.current.logId);
    expect(after.published).toEqual([
      { ...first.current, until: 3000 },
      { ...rotated, from: 3000 },
    ]);
    const oldKey = await importPublicKey(after.published.find((k) => k.logId === old.logId)!.publicKey);
    expect(await verifyReceipt(old, oldKey)).toBe(true);
    expect(await verifyReceipt(old, await importPublicKey(after.current.publicKey))).toBe(false);
    expect(statSync(join(dir, 'log-signing-2.pk8')).mode & 0o777).toBe(0o600);
  });
});
