// What docs/deploy.md tells an operator to do, done: back up PostgreSQL with pg_dump (custom format) and the
// attachment store, wipe both, restore them with pg_restore, start the service again on the same key set and
// secret, and prove the restore — the log audit passes, every receipt and item verifies, the old tree head is
// consistent with the new one, the person signs in as before and reads the same ciphertext.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { base64urlDecode } from '../src/crypto/encoding.ts';
import { verifyConsistency } from '../src/crypto/merkle.ts';
import { importPublicKey, type Receipt, type SignedTreeHead, verifyReceipt } from '../src/crypto/signing.ts';
import { auditLog } from '../src/server/features/vault/transparency-log/audit.ts';
import { newKeySet } from '../src/server/features/vault/transparency-log/signing-keys.ts';
import { startApp } from './support/app.ts';
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL } from './support/postgres.ts';
import { b64, envelope, newCredentials, VaultClient } from './support/vault.ts';

const pgOk = await postgresAvailable();
const tools = (() => {
  try {
    execFileSync('pg_dump', ['--version']);
    return true;
  } catch {
    if (process.env.CI) throw new Error('pg_dump and pg_restore are needed in CI: apt-get install -y postgresql-client');
    return false;
  }
})();
if (pgOk && !tools) console.warn('Backup and restore test SKIPPED: pg_dump is not installed (apt-get install -y postgresql-client).');

describe.runIf(pgOk && tools)('backup and restore (pg_dump, wipe, pg_restore)', { timeout: 90_000 }, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('restores everything: the log audit passes, receipts and items verify, sign-in and attachments work as before', async () => {
    const { schema, drop } = await createTestSchema();
    cleanups.push(drop);
    const env = { LOG_SIGNING_KEYS: JSON.stringify(await newKeySet(Date.now())), SERVER_SECRET: randomBytes(32).toString('base64url') };
    const dataDir = mkdtempSync(join(tmpdir(), 'casebook-restore-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const start = () => startApp({ dialect: 'postgres', env }, dataDir, schema);

    // A service in use: a person's record with edits, an attachment, other people's entries.
    let t = await start();
    const person = new VaultClient(t.app);
    const credentials = newCredentials();
    await person.signUp(credentials);
    const receipts: Receipt[] = [];
    const items: { id: string; version: number; envelope: unknown }[] = [];
    for (let i = 0; i < 12; i++) {
      const id = randomUUID();
      for (let version = 1; version <= (i % 3 === 0 ? 2 : 1); version++) {
        const body = { expectedVersion: version - 1, envelope: envelope(), commitment: b64(randomBytes(32)) };
        const res = await person.request('PUT', `/api/v1/items/${id}`, { body });
        expect(res.statusCode).toBe(200);
        receipts.push(res.json().receipt);
        items.push({ id, version, envelope: body.envelope });
      }
    }
    await Promise.all(Array.from({ length: 50 }, () => t.services.vault.log.append(randomBytes(32))));
    const chunk = randomBytes(4000);
    const attachment = (
      await person.request('POST', '/api/v1/attachments', {
        body: {
          chunkCount: 1,
          size: chunk.length,
          header: { v: 1, fileId: b64(randomBytes(16)), noncePrefix: b64(randomBytes(8)), wrappedKey: envelope(48) },
          metadata: envelope(80),
        },
      })
    ).json().id as string;
    expect(
      (
        await person.request('PUT', `/api/v1/attachments/${attachment}/chunks/0`, {
          payload: chunk,
          headers: { 'content-type': 'application/octet-stream' },
        })
      ).statusCode,
    ).toBe(204);
    const before = (await t.app.inject({ url: '/api/v1/log/tree-head' })).json() as SignedTreeHead;
    const publicKey = (await t.app.inject({ url: '/.well-known/casebook-log.json' })).json().publicKey as string;
    await t.close();

    // Back up: the database with pg_dump, the attachment store by copying it (an S3 bucket: versioning and replication).
    const backup = mkdtempSync(join(tmpdir(), 'casebook-backup-'));
    cleanups.push(() => rmSync(backup, { recursive: true, force: true }));
    execFileSync('pg_dump', [
      '--format=custom',
      `--schema=${schema}`,
      '--no-owner',
      `--file=${join(backup, 'casebook.dump')}`,
      TEST_DATABASE_URL,
    ]);
    cpSync(join(dataDir, 'blobs'), join(backup, 'blobs'), { recursive: true });

    // Lose everything.
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
    rmSync(join(dataDir, 'blobs'), { recursive: true, force: true });

    // Restore, and start again on the same key set and secret (they live in the secret store, not the backup).
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${TEST_DATABASE_URL}`, join(backup, 'casebook.dump')]);
    cpSync(join(backup, 'blobs'), join(dataDir, 'blobs'), { recursive: true });
    t = await start();
    cleanups.push(() => t.close());

    // Prove it: the audit an operator runs (npm run log:audit) …
    const audit = await auditLog(t.services.database.db, t.services.vault.log.keys);
    expect(audit.problems).toEqual([]);
    expect(audit).toMatchObject({ ok: true, leaves: before.treeSize, itemVersions: items.length, treeHead: { treeSize: before.treeSize } });
    // … every receipt handed out before is in the restored log under the published key …
    const key = await importPublicKey(publicKey);
    for (const receipt of receipts) {
      expect(await verifyReceipt(receipt, key)).toBe(true);
      const leaf = await t.services.database.db
        .selectFrom('vault_log_leaves')
        .select('leaf_hash')
        .where('leaf_index', '=', receipt.leafIndex)
        .executeTakeFirstOrThrow();
      expect(b64(new Uint8Array(leaf.leaf_hash))).toBe(receipt.leafHash);
    }
    // … the log goes on from where it was, consistent with the head signed before the backup …
    await t.services.vault.log.append(randomBytes(32));
    const after = (await t.app.inject({ url: '/api/v1/log/tree-head' })).json() as SignedTreeHead;
    const proof = (await t.app.inject({ url: `/api/v1/log/consistency?from=${before.treeSize}&to=${after.treeSize}` })).json();
    expect(
      await verifyConsistency(
        before.treeSize,
        after.treeSize,
        base64urlDecode(before.rootHash),
        base64urlDecode(after.rootHash),
        proof.proof.map(base64urlDecode),
      ),
    ).toBe(true);
    // … and the person signs in as before (same secret: same rate-limit keys) and reads the same ciphertext.
    const again = new VaultClient(t.app);
    expect((await again.signIn(credentials.username, credentials.authKey)).statusCode).toBe(200);
    const changes = (await again.request('GET', '/api/v1/items/changes?limit=100')).json();
    const latest = new Map(items.map((i) => [i.id, i]));
    expect(changes.changes).toHaveLength(latest.size);
    for (const item of changes.changes) expect(item.envelope).toEqual(latest.get(item.id)!.envelope);
    expect(Buffer.compare((await again.request('GET', `/api/v1/attachments/${attachment}/chunks/0`)).rawPayload, chunk)).toBe(0);

    // The audit would have caught a bad restore: a backdated receipt and a changed commitment, written past the
    // append-only triggers as a careless (or hostile) restore could.
    const raw = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await raw.connect();
    await raw.query(`set session_replication_role = replica`);
    await raw.query(`update vault_log_leaves set timestamp = timestamp - 86400000 where leaf_index = $1`, [receipts[3]!.leafIndex]);
    await raw.query(`update vault_item_versions set commitment = $1 where leaf_index = $2`, [randomBytes(32), receipts[5]!.leafIndex]);
    await raw.end();
    const tampered = await auditLog(t.services.database.db, t.services.vault.log.keys);
    expect(tampered.ok).toBe(false);
    expect(tampered.problems).toEqual([
      `leaf ${receipts[3]!.leafIndex}: its receipt's signature does not verify`,
      expect.stringMatching(new RegExp(`^item \\S+ version \\d: its commitment is not leaf ${receipts[5]!.leafIndex}$`)),
    ]);
  });
});
