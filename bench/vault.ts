// Issue: the vault. Receipts per second from the batched transparency log, proof latency, and a 250 MB
// attachment uploaded over HTTP in 1 MiB chunks with the server's peak memory.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { inclusionProofFromSource } from '../src/crypto/merkle.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { TransparencyLog } from '../src/server/features/vault/transparency-log/log.ts';
import { DatabaseNodeSource } from '../src/server/features/vault/transparency-log/repository.ts';
import { loadLogKeys } from '../src/server/features/vault/transparency-log/signing-keys.ts';
import { stamp, startCasebook, writeSection } from './support.ts';

const LEAVES = Number(process.env.VAULT_BENCH_LEAVES ?? 200_000);
const UPLOAD_BYTES = 250_000_000;
const CHUNK = 1024 * 1024;

async function receipts(dataDir: string) {
  const database = openDatabase({ dataDir });
  await migrateToLatest(database);
  const log = new TransparencyLog({ db: database.db, keys: await loadLogKeys(join(dataDir, 'keys'), Date.now()), clock: Date.now });
  // Many clients at once: keep 5,000 appends in flight, as a busy service would.
  const started = performance.now();
  let issued = 0;
  while (issued < LEAVES) {
    const wave = Math.min(5000, LEAVES - issued);
    await Promise.all(Array.from({ length: wave }, () => log.append(randomBytes(32))));
    issued += wave;
  }
  const seconds = (performance.now() - started) / 1000;
  // Proofs from a cold node cache: every hash comes from the database.
  const cold: number[] = [];
  for (let i = 0; i < 500; i++) {
    const source = new DatabaseNodeSource(database.db);
    const t0 = performance.now();
    await inclusionProofFromSource(source, Math.floor(Math.random() * LEAVES), LEAVES);
    cold.push(performance.now() - t0);
  }
  await log.treeHead();
  await log.close();
  await database.close();
  cold.sort((a, b) => a - b);
  return { perSecond: Math.round(LEAVES / seconds), seconds, coldP50: cold[250]!, coldP99: cold[495]! };
}

async function proofsOverHttp(dataDir: string) {
  const server = await startCasebook({ DATA_DIR: dataDir });
  const measure = async (connections: number) => {
    const result = await autocannon({
      url: server.url,
      connections,
      duration: 10,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: `/api/v1/log/inclusion?index=${Math.floor(Math.random() * LEAVES)}&treeSize=${LEAVES}` }),
        },
      ],
    });
    return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
  };
  const single = await measure(1);
  const loaded = await measure(10);
  await server.stop();
  return { single, loaded };
}

/** VmRSS now, or VmHWM: the process's high-water mark since it started (start-up included). */
function rssMiB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) / 1024;
}

async function upload() {
  const server = await startCasebook({ COOKIE_SECURE: 'false' });
  const pid = server.process.pid!;
  const b64 = (n: number) => randomBytes(n).toString('base64url');
  const signUp = await fetch(`${server.url}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'bench-upload',
      authKey: b64(32),
      recoveryAuthKey: b64(32),
      kdf: { version: 1, salt: b64(16) },
      wrappedVaultKey: {
        passphrase: { v: 1, nonce: b64(12), ciphertext: b64(48) },
        recovery: { v: 1, nonce: b64(12), ciphertext: b64(48) },
      },
    }),
  });
  const cookie = signUp.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await signUp.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const chunkCount = Math.ceil(UPLOAD_BYTES / CHUNK);
  const created = await fetch(`${server.url}/api/v1/attachments`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      chunkCount,
      size: UPLOAD_BYTES,
      header: { v: 1, fileId: b64(16), noncePrefix: b64(8), wrappedKey: { v: 1, nonce: b64(12), ciphertext: b64(48) } },
      metadata: { v: 1, nonce: b64(12), ciphertext: b64(64) },
    }),
  });
  const { id } = (await created.json()) as { id: string };
  const chunk = randomBytes(CHUNK);
  const baseline = rssMiB(pid);
  let peak = baseline;
  const started = performance.now();
  for (let i = 0; i < chunkCount; i++) {
    const bytes = i === chunkCount - 1 ? chunk.subarray(0, UPLOAD_BYTES - CHUNK * (chunkCount - 1)) : chunk;
    const res = await fetch(`${server.url}/api/v1/attachments/${id}/chunks/${i}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    if (res.status !== 204) throw new Error(`chunk ${i}: ${res.status} ${await res.text()}`);
    peak = Math.max(peak, rssMiB(pid));
  }
  const complete = await fetch(`${server.url}/api/v1/attachments/${id}/complete`, { method: 'POST', headers });
  const seconds = (performance.now() - started) / 1000;
  const highWater = rssMiB(pid, 'VmHWM');
  await server.stop();
  return { seconds, mibPerSecond: UPLOAD_BYTES / CHUNK / seconds, baseline, peak, highWater, completed: complete.status === 200 };
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-bench-vault-'));
  const log = await receipts(dataDir);
  const http = await proofsOverHttp(dataDir);
  const up = await upload();
  const md = `## Vault: transparency log and attachments

${stamp('npm run bench -- vault')}

| measure | target | result |
| --- | --- | --- |
| receipts issued by the log, batched (SQLite, ${LEAVES.toLocaleString('en-GB')} appends, 5,000 in flight; each a leaf, its Merkle nodes and an Ed25519-signed receipt, committed before it is returned) | ≥ 10,000/s | **${log.perSecond.toLocaleString('en-GB')}/s** (${log.seconds.toFixed(1)} s) |
| inclusion proof in a ${LEAVES.toLocaleString('en-GB')}-leaf log, cold node cache (every hash read from the database), in process | < 5 ms | p50 **${log.coldP50.toFixed(2)} ms**, p99 ${log.coldP99.toFixed(2)} ms |
| \`GET /api/v1/log/inclusion\` over HTTP, random leaves, one client at a time (autocannon 1 connection × 10 s, fresh process) | < 5 ms | p50 **${http.single.p50} ms**, p99 **${http.single.p99} ms**, ${http.single.rps.toLocaleString('en-GB')} req/s, non-2xx ${http.single.non2xx} |
| the same under load: 10 connections (autocannon shares the 2 cores) | – | p50 ${http.loaded.p50} ms, p99 ${http.loaded.p99} ms, ${http.loaded.rps.toLocaleString('en-GB')} req/s, non-2xx ${http.loaded.non2xx} |
| 250 MB attachment uploaded over HTTP in 1 MiB chunks (streamed to disk, fsync per chunk) | server RSS < 150 MB | RSS during the upload (sampled after every chunk) peaked at **${up.peak.toFixed(0)} MiB**, from ${up.baseline.toFixed(0)} MiB before it (+${(up.peak - up.baseline).toFixed(0)} MiB); the process's high-water mark including start-up was ${up.highWater.toFixed(0)} MiB; ${up.mibPerSecond.toFixed(0)} MiB/s; completed: ${up.completed ? 'yes' : 'NO'} |

Batching: appends queue in memory and are flushed together (one transaction per batch of up to 2,000,
started on the next turn of the event loop); the batch's receipts are returned only after its commit.`;
  writeSection('vault', md);
  console.log(md);
}
