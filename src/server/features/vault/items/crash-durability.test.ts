import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { b64, envelope, newCredentials, randomB64 } from '../../../../../test/support/vault.ts';
import { base64urlDecode } from '../../../../crypto/encoding.ts';
import { merkleRoot, verifyInclusion } from '../../../../crypto/merkle.ts';
import { importPublicKey, type Receipt, type SignedTreeHead, verifyReceipt, verifyTreeHead } from '../../../../crypto/signing.ts';
import { openDatabase } from '../../../db/database.ts';
import { logRepository } from '../transparency-log/repository.ts';

// The real server as its own process, killed with SIGKILL in the middle of 100 concurrent writes: every
// write it acknowledged must be there after a restart, with its receipt, and the log must still verify.

interface Server {
  url: string;
  child: ChildProcess;
}

async function start(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'test', COOKIE_SECURE: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

function kill(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill(signal);
  return exited;
}

describe('durability', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-crash-'));
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of servers) await kill(s, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, with its receipt, across a SIGKILL during 100 concurrent writes', async () => {
    const first = await start(dataDir);
    servers.push(first);
    const credentials = newCredentials();
    const signUp = await fetch(`${first.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    expect(signUp.status).toBe(201);
    const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signUp.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };

    const acknowledged: { id: string; env: ReturnType<typeof envelope>; commitment: string; receipt: Receipt }[] = [];
    let failed = 0;
    let killed: Promise<void> | undefined;
    const writes = Array.from({ length: 100 }, async () => {
      const id = randomUUID();
      const env = envelope(20_000);
      const commitment = randomB64(32);
      try {
        const res = await fetch(`${first.url}/api/v1/items/${id}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ expectedVersion: 0, envelope: env, commitment }),
        });
        const body = (await res.json()) as { receipt: Receipt };
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        acknowledged.push({ id, env, commitment, receipt: body.receipt });
        // Mid-way: once a quarter of the writes are acknowledged, the process dies without warning.
        if (acknowledged.length === 25) killed = kill(first, 'SIGKILL');
      } catch {
        failed++;
      }
    });
    await Promise.all(writes);
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await start(dataDir);
    servers.push(second);
    const known = (await (await fetch(`${second.url}/.well-known/casebook-log.json`)).json()) as { publicKey: string };
    const key = await importPublicKey(known.publicKey);
    const head = (await (await fetch(`${second.url}/api/v1/log/tree-head`)).json()) as SignedTreeHead;
    expect(await verifyTreeHead(head, key)).toBe(true);

    for (const write of acknowledged) {
      const res = await fetch(`${second.url}/api/v1/items/${write.id}`, { headers });
      expect(res.status).toBe(200);
      const item = (await res.json()) as { version: number; envelope: unknown; receipt: Receipt };
      expect(item.version).toBe(1);
      expect(item.envelope).toEqual(write.env);
      expect(item.receipt).toEqual(write.receipt);
      expect(await verifyReceipt(write.receipt, key)).toBe(true);
      const proof = (await (
        await fetch(`${second.url}/api/v1/log/inclusion?index=${write.receipt.leafIndex}&treeSize=${head.treeSize}`)
      ).json()) as { proof: string[] };
      expect(
        await verifyInclusion(
          base64urlDecode(write.receipt.leafHash),
          write.receipt.leafIndex,
          head.treeSize,
          proof.proof.map(base64urlDecode),
          base64urlDecode(head.rootHash),
        ),
      ).toBe(true);
    }
    await kill(second, 'SIGTERM');

    // The whole log, recomputed from its leaves, is the signed head; and every leaf belongs to a stored version.
    const database = openDatabase({ dataDir });
    try {
      const size = await logRepository.treeSize(database.db);
      expect(size).toBe(head.treeSize);
      const leaves = await logRepository.leafHashes(database.db, 0, size);
      expect(leaves).toHaveLength(size);
      expect(b64(await merkleRoot(leaves))).toBe(head.rootHash);
      const versions = await database.db.selectFrom('vault_item_versions').select('leaf_index').execute();
      expect(versions).toHaveLength(size);
      expect(size).toBeGreaterThanOrEqual(acknowledged.length);
      expect(size).toBeLessThanOrEqual(100);
    } finally {
      await database.close();
    }
    console.info(`crash test: ${acknowledged.length} acknowledged, ${failed} cut off, ${head.treeSize} in the log after restart`);
  });
});
