// Casebook as a national service on one machine: N app processes, each with its own DATA_DIR (its own
// "machine"), on one PostgreSQL schema and one S3-protocol bucket, sharing one log key set and secret from
// configuration, behind a real HAProxy from Debian (round robin, no sticky sessions, /readyz health checks).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newKeySet } from '../../src/server/features/vault/transparency-log/signing-keys.ts';
import { createTestSchema, TEST_DATABASE_URL } from '../../test/support/postgres.ts';
import { startS3, type TestS3 } from '../../test/support/s3.ts';

export const HAPROXY_PATH = process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy';

export interface AppProcess {
  url: string;
  pid: number;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface Cluster {
  /** The balancer's address: what people's browsers use. */
  url: string;
  /** With `subsets`: balancers over the first 1 … N-1 processes only (index 0: one process behind it). */
  subsetUrls: string[];
  processes: AppProcess[];
  /** What every app process was started with (the database, blob store, keys and secret). */
  env: Record<string, string>;
  s3: TestS3;
  /** The balancer's view: which servers it sends work to now ("UP"/"DOWN" per server). */
  backends(): Promise<Record<string, string>>;
  /** Waits until the balancer's view is this (its checks run every half second). */
  backendsBecome(wanted: Record<string, string>, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Why the cluster cannot start here, or undefined when it can. */
export function clusterUnavailable(): string | undefined {
  if (!existsSync(HAPROXY_PATH))
    return `HAProxy is not installed at ${HAPROXY_PATH} (sudo apt-get install -y haproxy, or set HAPROXY_PATH)`;
  return undefined;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ClusterOptions {
  processes: number;
  /** Starts one app process with this environment (the e2e test runs the source, the benchmark the bundle). */
  start(env: Record<string, string>): Promise<AppProcess>;
  env?: Record<string, string>;
  /** Also balancers in front of the first k processes, for k = 1 … N-1 (the benchmark compares them). */
  subsets?: boolean;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { schema, drop } = await createTestSchema();
  const s3 = await startS3();
  const database = new URL(TEST_DATABASE_URL);
  database.searchParams.set('options', `-c search_path=${schema}`);
  const env: Record<string, string> = {
    DATABASE_URL: database.toString(),
    BLOB_STORE_URL: s3.url,
    LOG_SIGNING_KEYS: JSON.stringify(await newKeySet(Date.now())),
    SERVER_SECRET: randomBytes(32).toString('base64url'),
    TRUST_PROXY: 'true',
    ...s3.env,
    ...options.env,
  };
  const dataDirs: string[] = [];
  // All at once, as a deployment starts them: migrations run once under the migrator's lock.
  const started = await Promise.allSettled(
    Array.from({ length: options.processes }, () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'casebook-machine-'));
      dataDirs.push(dataDir);
      return options.start({ ...env, DATA_DIR: dataDir });
    }),
  );
  const processes = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    for (const p of processes) await p.stop();
    await s3.close();
    await drop();
    throw failed.reason;
  }
  const port = await freePort();
  const statsPort = await freePort();
  const subsetPorts = options.subsets ? await Promise.all(processes.slice(1).map(() => freePort())) : [];
  const dir = mkdtempSync(join(tmpdir(), 'casebook-haproxy-'));
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(
    config,
    haproxyConfig(
      port,
      statsPort,
      processes.map((p) => new URL(p.url).port),
      subsetPorts,
    ),
  );
  const haproxy = await startHaproxy(config, port);
  const cluster: Cluster = {
    url: `http://127.0.0.1:${port}`,
    subsetUrls: subsetPorts.map((p) => `http://127.0.0.1:${p}`),
    processes,
    env,
    s3,
    async backends() {
      const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
      const states: Record<string, string> = {};
      for (const line of csv.split('\n')) {
        const [proxy, server, ...rest] = line.split(',');
        if (proxy === 'app' && server && server !== 'BACKEND') states[server] = rest[15] ?? '';
      }
      return states;
    },
    async backendsBecome(wanted, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = await cluster.backends();
        if (Object.entries(wanted).every(([server, state]) => now[server] === state)) return;
        if (Date.now() > deadline) throw new Error(`the balancer shows ${JSON.stringify(now)}, not ${JSON.stringify(wanted)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      const exited = new Promise((resolve) => haproxy.once('exit', resolve));
      haproxy.kill('SIGTERM');
      await exited;
      for (const p of processes) await p.stop();
      await s3.close();
      await drop();
      for (const d of [dir, ...dataDirs]) rmSync(d, { recursive: true, force: true });
    },
  };
  return cluster;
}

/**
 * Round robin with no stickiness. A process is taken out after two failed /readyz checks half a second apart
 * (a killed one, or one that lost its database) and back after two good ones. A request whose connection is
 * refused goes to another server (`retry-on conn-failure` + `redispatch`): no request that reached a process
 * is sent twice, so nothing is written twice. Server-Sent Events streams stay open (`timeout tunnel`).
 */
export function haproxyConfig(port: number, statsPort: number, serverPorts: string[], subsetPorts: number[] = []): string {
  const backend = (name: string, ports: string[]) => `backend ${name}
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
${ports.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check`).join('\n')}
`;
  const subsets = subsetPorts
    .map(
      (p, k) =>
        `frontend web_first${k + 1}\n  bind 127.0.0.1:${p}\n  default_backend first${k + 1}\n${backend(`first${k + 1}`, serverPorts.slice(0, k + 1))}`,
    )
    .join('');
  return `global
  maxconn 2000
defaults
  mode http
  timeout connect 1s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  option forwardfor
  option http-server-close
  retries 3
  option redispatch 1
  retry-on conn-failure
frontend web
  bind 127.0.0.1:${port}
  default_backend app
frontend stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats
${backend('app', serverPorts)}${subsets}`;
}

async function startHaproxy(config: string, port: number): Promise<ChildProcess> {
  const child = spawn(HAPROXY_PATH, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`haproxy did not answer:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
