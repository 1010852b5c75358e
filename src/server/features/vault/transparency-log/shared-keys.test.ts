// One log for the whole service: the key set from configuration, rotation, and appends from several processes.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { postgresAvailable } from '../../../../../test/support/postgres.ts';
import { b64, newCredentials, randomB64, VaultClient } from '../../../../../test/support/vault.ts';
import { commit } from '../../../../crypto/commitment.ts';
import { base64urlDecode } from '../../../../crypto/encoding.ts';
import { buildEvidencePack, type EntryInput, packTreeHead, verifyEvidencePack } from '../../../../crypto/evidence-pack/index.ts';
import { incident } from '../../../../crypto/evidence-pack/test-support.ts';
import { merkleRoot, verifyConsistency } from '../../../../crypto/merkle.ts';
import type { SignedTreeHead } from '../../../../crypto/signing.ts';
import { ConfigError, loadConfig } from '../../../config.ts';
import { logRepository } from './repository.ts';
import { type KeySet, logKeysFromSet, newKeySet, parseKeySet, rotateKeySet } from './signing-keys.ts';

describe('the log key set from configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-keyset-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read from LOG_SIGNING_KEYS or a mounted LOG_SIGNING_KEYS_FILE, with the server secret beside it', async () => {
    const set = await newKeySet(1000);
    const file = join(dir, 'keys.json');
    writeFileSync(file, JSON.stringify(set));
    writeFileSync(join(dir, 'secret'), `${randomBytes(32).toString('base64url')}\n`);
    const fromFile = loadConfig({ LOG_SIGNING_KEYS_FILE: file, SERVER_SECRET_FILE: join(dir, 'secret') });
    const inline = loadConfig({ LOG_SIGNING_KEYS: JSON.stringify(set), SERVER_SECRET: randomBytes(48).toString('base64') });
    expect(fromFile.logSigningKeys).toEqual(set);
    expect(inline.logSigningKeys).toEqual(set);
    expect(fromFile.serverSecret).toHaveLength(32);
    expect(loadConfig({}).logSigningKeys).toBeUndefined();
  });

  it.each([
    [{ LOG_SIGNING_KEYS: 'not json' }, /LOG_SIGNING_KEYS: the log key set is not JSON/],
    [{ LOG_SIGNING_KEYS: '{"v":1,"keys":[]}' }, /at least one key/],
    [{ LOG_SIGNING_KEYS: '{"v":1,"keys":[{"publicKey":"abc","from":1}]}' }, /signing key: it needs privateKey/],
    [{ LOG_SIGNING_KEYS_FILE: '/nonexistent/keys.json' }, /cannot read \/nonexistent\/keys.json \(ENOENT\)/],
    [{ LOG_SIGNING_KEYS: '{}', LOG_SIGNING_KEYS_FILE: '/x' }, /not both/],
    [{ SERVER_SECRET: 'c2hvcnQ' }, /SERVER_SECRET: must hold at least 32 random bytes/],
    [{ SERVER_SECRET: 'not base64!' }, /SERVER_SECRET: must be base64/],
    [{ DATABASE_URL: 'postgres://db/casebook' }, /LOG_SIGNING_KEYS_FILE: required with DATABASE_URL in production/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses a key set whose rules are broken, naming the key', async () => {
    const set = await newKeySet(1000);
    const rotated = await rotateKeySet(set, 2000);
    expect(() => parseKeySet(JSON.stringify({ v: 1, keys: [{ ...rotated.keys[0], until: undefined }, rotated.keys[1]] }))).toThrow(
      /key 1 of the log key set was replaced by a later key, so it needs until/,
    );
    await expect(logKeysFromSet({ v: 1, keys: [{ privateKey: 'AAAA', from: 1 }] })).rejects.toThrow(
      /key 1 of the log key set: privateKey is not an Ed25519 PKCS#8 key/,
    );
    const other = await newKeySet(1000);
    const mismatched: KeySet = { v: 1, keys: [{ ...set.keys[0]!, publicKey: (await logKeysFromSet(other)).current.publicKey }] };
    await expect(logKeysFromSet(mismatched)).rejects.toThrow(/publicKey does not belong to privateKey/);
  });

  it('rotates: a new key signs from then on, the old one stays published by its public key alone', async () => {
    const set = await newKeySet(1000);
    const before = await logKeysFromSet(set);
    const rotated = await rotateKeySet(set, 5000);
    expect(rotated.keys[0]).toEqual({ publicKey: before.current.publicKey, from: 1000, until: 5000 });
    expect(rotated.keys[1]!.privateKey).toBeDefined();
    const after = await logKeysFromSet(parseKeySet(JSON.stringify(rotated)));
    expect(after.current.logId).not.toBe(before.current.logId);
    expect(after.published).toEqual([
      { ...before.current, until: 5000 },
      { ...after.current, from: 5000 },
    ]);
  });
});

const pgOk = await postgresAvailable();

describe.runIf(pgOk)('one log across app processes on PostgreSQL', () => {
  let now = Date.UTC(2026, 2, 1, 12);
  let set: KeySet;
  let a: TestApp;
  let b: TestApp;
  const others: TestApp[] = [];
  beforeAll(async () => {
    set = await newKeySet(now);
    const secret = randomBytes(32).toString('base64url');
    // Two data directories would mean two key sets under the embedded default; here both come from configuration.
    a = await buildTestApp({
      dialect: 'postgres',
      clock: () => now,
      env: { LOG_SIGNING_KEYS: JSON.stringify(set), SERVER_SECRET: secret },
    });
    b = await a.anotherProcess({ DATA_DIR: mkdtempSync(join(tmpdir(), 'casebook-other-machine-')) });
  }, 60_000);
  afterAll(async () => {
    for (const t of others) await t.close();
    await b?.close();
    await a?.close();
  });

  const wellKnown = async (t: TestApp) => (await t.app.inject({ method: 'GET', url: '/.well-known/casebook-log.json' })).json();
  const head = async (t: TestApp) => (await t.app.inject({ method: 'GET', url: '/api/v1/log/tree-head' })).json() as SignedTreeHead;

  it('two processes on different machines publish the same key list and tree head', async () => {
    const [onA, onB] = [await wellKnown(a), await wellKnown(b)];
    expect(onB.keys).toEqual(onA.keys);
    expect(onB.logId).toBe((await logKeysFromSet(set)).current.logId);
    expect(onB.treeHead).toEqual(onA.treeHead);
  });

  it('appends from both at once form one tree: consistency proofs between heads from different processes verify', async () => {
    const heads: SignedTreeHead[] = [];
    for (let round = 0; round < 4; round++) {
      now += 61_000; // a fresh head each round, signed by whichever process is asked
      await Promise.all([
        ...Array.from({ length: 40 }, () => a.services.vault.log.append(randomBytes(32))),
        ...Array.from({ length: 40 }, () => b.services.vault.log.append(randomBytes(32))),
      ]);
      heads.push(await head(round % 2 === 0 ? a : b));
    }
    const sizes = heads.map((h) => h.treeSize);
    expect(sizes).toEqual([...sizes].sort((x, y) => x - y));
    expect(sizes[3]).toBe(320);
    const leaves = await logRepository.leafHashes(a.services.database.db, 0, 320);
    expect(b64(await merkleRoot(leaves))).toBe(heads[3]!.rootHash);
    for (const [older, newer, server] of [
      [heads[0]!, heads[3]!, a],
      [heads[1]!, heads[2]!, b],
      [heads[0]!, heads[1]!, b],
    ] as const) {
      const proof = (
        await server.app.inject({ method: 'GET', url: `/api/v1/log/consistency?from=${older.treeSize}&to=${newer.treeSize}` })
      ).json();
      expect(
        await verifyConsistency(
          older.treeSize,
          newer.treeSize,
          base64urlDecode(older.rootHash),
          base64urlDecode(newer.rootHash),
          proof.proof.map(base64urlDecode),
        ),
      ).toBe(true);
    }
  });

  it('with the one server secret, sign-ins and lockouts hold across machines (counters are keyed by its HMACs)', async () => {
    const credentials = newCredentials();
    await new VaultClient(a.app).signUp(credentials);
    expect((await new VaultClient(b.app).signIn(credentials.username, credentials.authKey)).statusCode).toBe(200);
    // A name that does not exist locks just the same, counted under an HMAC of the name: five failures spread
    // over both processes lock it on both.
    for (let i = 0; i < 5; i++)
      expect((await new VaultClient(i % 2 ? a.app : b.app).signIn('ghost-on-two-machines', randomB64(32))).statusCode).toBe(401);
    expect((await new VaultClient(a.app).signIn('ghost-on-two-machines', randomB64(32))).statusCode).toBe(429);
    expect((await new VaultClient(b.app).signIn('ghost-on-two-machines', randomB64(32))).statusCode).toBe(429);
  });

  /** An evidence pack of one entry as the browser builds it: commitment, receipt, head and proof from the server. */
  async function packOf(t: TestApp, id: string, text: string) {
    const content = incident(id, '2026-03-01', '09:30', text);
    const { salt, commitment } = await commit(content);
    const { receipt } = await t.services.vault.log.append(commitment);
    now += 61_000;
    const treeHead = await head(t);
    const proof = (
      await t.app.inject({ method: 'GET', url: `/api/v1/log/inclusion?index=${receipt.leafIndex}&treeSize=${treeHead.treeSize}` })
    ).json();
    const logKeys = await wellKnown(t);
    const entry: EntryInput = {
      id,
      versions: [
        {
          version: 1,
          content,
          salt,
          commitment,
          receipt,
          inclusionProof: { leafIndex: receipt.leafIndex, treeSize: treeHead.treeSize, proof: proof.proof },
        },
      ],
    };
    return buildEvidencePack({
      title: 'Record',
      createdAt: now,
      entries: [entry],
      treeHead,
      logKeys: { logId: logKeys.logId, publicKey: logKeys.publicKey, keys: logKeys.keys },
    });
  }

  it('after a rotation, packs made before it still verify offline and online against the new key list', async () => {
    const oldPack = await packOf(a, 'c0ffee00-0000-4000-8000-000000000001', 'Before the rotation.');
    const oldKey = (await wellKnown(a)).publicKey;
    now += 1000;
    const rotated = await rotateKeySet(set, now);
    // Rolling restart: new processes take the rotated set while an old one is still running.
    const c = await a.anotherProcess({ LOG_SIGNING_KEYS: JSON.stringify(rotated) });
    const d = await a.anotherProcess({
      LOG_SIGNING_KEYS: JSON.stringify(rotated),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'casebook-third-machine-')),
    });
    others.push(c, d);
    const published = await wellKnown(c);
    expect(published.keys).toEqual((await wellKnown(d)).keys);
    expect(published.keys.map((k: { publicKey: string }) => k.publicKey)).toEqual([oldKey, published.publicKey]);
    expect(published.publicKey).not.toBe(oldKey);

    const newPack = await packOf(c, 'c0ffee00-0000-4000-8000-000000000002', 'After the rotation.');
    now += 61_000;
    const current = await head(d);
    expect(current.logId).toBe(published.logId);
    const trusted = published.keys.map((k: { publicKey: string }) => k.publicKey);
    for (const pack of [oldPack, newPack]) {
      const offline = await verifyEvidencePack(pack, { publicKeys: trusted });
      expect(offline.ok, JSON.stringify(offline.problems ?? offline)).toBe(true);
      expect(offline.keyTrust).toBe('independent');
      const from = packTreeHead(pack)!.treeSize;
      const proof = (await d.app.inject({ method: 'GET', url: `/api/v1/log/consistency?from=${from}&to=${current.treeSize}` })).json();
      const online = await verifyEvidencePack(pack, { publicKeys: trusted, currentTreeHead: current, consistencyProof: proof.proof });
      expect(online.ok).toBe(true);
    }
    // Without the old key (a verifier that trusted only the new one), the old pack does not verify.
    expect((await verifyEvidencePack(oldPack, { publicKeys: [published.publicKey] })).ok).toBe(false);
  });
});
