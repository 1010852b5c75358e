// Issue 17: Casebook as a national service on this machine. Requests per second for a guidance page, a vault
// item write and a forum reply: one process straight, and 1, 2 and 3 processes behind HAProxy (round robin), all
// on PostgreSQL and an S3-protocol bucket, in one run. Then the memory of two processes while one 250 MB
// attachment is uploaded through them, its chunks alternating between them.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { type AppProcess, clusterUnavailable, startCluster } from '../e2e/support/cluster.ts';
import { postgresAvailable, TEST_DATABASE_URL } from '../test/support/postgres.ts';
import { envelope, newCredentials } from '../test/support/vault.ts';
import { seed } from './forums.ts';
import { stamp, startCasebook, writeSection } from './support.ts';

const SECONDS = 6;
const CONNECTIONS = 50;
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };
/** Each member may post 15 times in 10 minutes: enough members that no run meets that limit. */
const MEMBERS = 600;

interface Figure {
  rps: number;
  p99: number;
  failed: number;
}

async function signUp(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(newCredentials()),
  });
  if (res.status !== 201) throw new Error(`sign-up ${res.status} ${await res.text()}`);
  return { cookie: res.headers.getSetCookie()[0]!.split(';', 1)[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function measure(url: string, options: Partial<autocannon.Options>, ok: (status: number) => boolean): Promise<Figure> {
  let failed = 0;
  const requests = (options.requests ?? [{}]).map((r) => ({
    ...r,
    onResponse: (status: number) => {
      if (!ok(status)) failed++;
    },
  }));
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options, requests });
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, failed: failed + result.errors };
}

async function workloads(
  base: string,
  session: { cookie: string; csrf: string },
  forum: Awaited<ReturnType<typeof seed>>,
  next: { member: number },
  duration = SECONDS,
) {
  const guidance = await measure(`${base}/understand/what-is-stalking`, { headers: BROWSER, duration }, (s) => s === 200);
  const body = JSON.stringify({ expectedVersion: 0, envelope: envelope(), commitment: randomBytes(32).toString('base64url') });
  const write = await measure(
    base,
    {
      duration,
      requests: [
        {
          method: 'PUT',
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
          body,
          setupRequest: (req) => ({ ...req, path: `/api/v1/items/${randomUUID()}` }),
        },
      ],
    },
    (s) => s === 200,
  );
  // Each reply from the next member, so the per-member limits never refuse one.
  const reply = await measure(
    base,
    {
      duration,
      connections: 20,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const i = next.member++ % forum.cookies.length;
            const { cookie, csrf } = forum.cookies[i]!;
            return {
              ...req,
              path: `/forums/topics/${forum.topicIds[i % forum.topicIds.length]}/replies`,
              headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({
                _csrf: csrf,
                body: `A reply from member ${i}: it does get easier with support.`,
                intent: 'publish',
              }).toString(),
            };
          },
        },
      ],
    },
    (s) => s === 303,
  );
  return { guidance, write, reply };
}

const nowMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

/** 250 MiB in 250 chunks of 1 MiB, alternating between two processes, as a browser behind a balancer sends them. */
async function bigUpload(processes: AppProcess[], pids: number[]) {
  const session = await signUp(processes[0]!.url);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const chunk = randomBytes(1024 * 1024);
  const chunks = 250;
  const before = pids.map(nowMb);
  // Sampled through the upload, as the vault benchmark does (the high-water mark would include start-up).
  const peak = [...before];
  const sampler = setInterval(() => pids.forEach((pid, i) => (peak[i] = Math.max(peak[i]!, nowMb(pid)))), 50);
  const created = await fetch(`${processes[0]!.url}/api/v1/attachments`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      chunkCount: chunks,
      size: chunks * chunk.length,
      header: {
        v: 1,
        fileId: randomBytes(16).toString('base64url'),
        noncePrefix: randomBytes(8).toString('base64url'),
        wrappedKey: envelope(48),
      },
      metadata: envelope(80),
    }),
  });
  const { id } = (await created.json()) as { id: string };
  const started = performance.now();
  // Four chunks in flight, as the diary sends them.
  for (let i = 0; i < chunks; i += 4) {
    await Promise.all(
      [i, i + 1, i + 2, i + 3]
        .filter((n) => n < chunks)
        .map(async (n) => {
          const res = await fetch(`${processes[n % 2]!.url}/api/v1/attachments/${id}/chunks/${n}`, {
            method: 'PUT',
            headers: { ...headers, 'content-type': 'application/octet-stream' },
            body: chunk,
          });
          if (res.status !== 204) throw new Error(`chunk ${n}: ${res.status}`);
        }),
    );
  }
  const done = await fetch(`${processes[1]!.url}/api/v1/attachments/${id}/complete`, { method: 'POST', headers });
  if (done.status !== 200) throw new Error(`complete ${done.status}`);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { before, peak, seconds: +seconds.toFixed(1), mbPerSecond: Math.round(250 / seconds) };
}

export async function run(): Promise<void> {
  const missing = clusterUnavailable() ?? ((await postgresAvailable()) ? undefined : `no PostgreSQL at ${TEST_DATABASE_URL}`);
  if (missing) {
    console.log(`national: skipped (${missing})`);
    return;
  }
  const pids: number[] = [];
  const cluster = await startCluster({
    processes: 3,
    subsets: true,
    start: async (env) => {
      const child = await startCasebook({ ...env, LOG_LEVEL: 'info' });
      pids.push(child.process.pid!);
      return { url: child.url, pid: child.process.pid!, stop: child.stop, kill: async () => void child.process.kill('SIGKILL') };
    },
  });
  try {
    const processes = cluster.processes;
    const upload = await bigUpload(
      processes.slice(0, 2),
      processes.slice(0, 2).map((p) => p.pid),
    );
    const target = new URL(cluster.env.DATABASE_URL!);
    const schema = /search_path=(\S+)/.exec(target.searchParams.get('options') ?? '')![1]!;
    const forum = await seed({ dataDir: '/nonexistent', databaseUrl: TEST_DATABASE_URL, pgSchema: schema }, MEMBERS);
    const session = await signUp(processes[0]!.url);
    const next = { member: 0 };
    // Not counted: the first requests run cold code and fill the caches and the connection pools.
    await workloads(processes[0]!.url, session, forum, next, 2);
    const load = [loadavg()[0]!];
    const rows: { name: string; figures: Awaited<ReturnType<typeof workloads>> }[] = [];
    for (const [name, base] of [
      ['1 process, no balancer', processes[0]!.url],
      ['1 process behind HAProxy', cluster.subsetUrls[0]!],
      ['2 processes behind HAProxy', cluster.subsetUrls[1]!],
      ['3 processes behind HAProxy', cluster.url],
    ] as const) {
      console.log(`national: ${name}`);
      rows.push({ name, figures: await workloads(base, session, forum, next) });
      load.push(loadavg()[0]!);
    }
    const cell = (f: Figure) => `${f.rps.toLocaleString('en-GB')} req/s (p99 ${f.p99} ms${f.failed ? `, ${f.failed} failed` : ''})`;
    const markdown = `## National service: several processes behind a balancer (issue 17)

${stamp('npm run bench -- national')}
Load average (1 min) before and after each row: ${load.map((l) => l.toFixed(1)).join(', ')} (the machine is shared).

Every process is the bundled server (\`npm start\`'s settings) with its own DATA_DIR, on one PostgreSQL schema on
this machine and an s3rver bucket, with the log key set and server secret from configuration; HAProxy 2.6 from
Debian, round robin, health checks on \`/readyz\` (\`e2e/support/cluster.ts\`). autocannon ${CONNECTIONS} connections
× ${SECONDS} s per cell (20 for replies), all on the same 2 cores as the servers, HAProxy and PostgreSQL.

| | guidance page \`/understand/what-is-stalking\` (Brotli) | vault item write (\`PUT /api/v1/items/:id\`, new item, receipt) | forum reply (\`POST …/replies\`, full checks) |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.name} | ${cell(r.figures.guidance)} | ${cell(r.figures.write)} | ${cell(r.figures.reply)} |`).join('\n')}

**The ceiling on two cores, and why more processes here are slower.** Adding processes adds no CPU: the two
cores are shared by every app process, HAProxy, PostgreSQL, s3rver and autocannon itself (and, on this shared
machine, other people's work: see the load average). One process already keeps a core busy; each extra one
only adds context switches, more PostgreSQL connections competing for the same cores, and colder caches
(every process renders and keeps its own pages). The balancer costs a hop on every request (parsing, a second
socket, copying), which shows most on the cheapest request, the guidance page served from memory. Writes and
replies end in PostgreSQL commits and, for vault writes, the log's one-row lock (leaf indices in commit order,
\`vault_log_state\`), shared by every process. So on one 2-core machine the ceiling is about what one process
does without a balancer; the figures behind HAProxy show what the balancer and the extra processes cost, and
that they keep working together. Throughput grows with machines, each bringing its own cores, until PostgreSQL's
commit rate (and the log's lock) is the limit.

**A 250 MB attachment through two processes** (250 chunks of 1 MiB, alternating, four in flight, into the S3
bucket): resident memory (RSS, sampled every 50 ms) peaked at **${upload.peak.join(' MB and ')} MB**, from ${upload.before.join(' MB and ')} MB before it; ${upload.seconds} s,
about ${upload.mbPerSecond} MB/s. A chunk is gathered (at most 1 MiB) and sent as one object; a whole file is never
in memory (\`s3-blob-store.ts\`). ${upload.peak.every((mb) => mb < 150) ? '**The target (each process under 150 MB) is met**, narrowly' : '**The target (each process under 150 MB) is not met**'}: a process
rests at about 155 MB with PostgreSQL and the S3 SDK loaded: about 55 MB of it are the Node binary's own pages (code
and ICU data, shared between processes but counted in each one's RSS; a bare \`node\` has 30 MB of them, and the
dates and numbers formatted in two languages bring most of the rest), about 60 MB the V8 heap (module sources,
content, templates, the search indexes). The upload adds 1 MiB buffers that V8 collects only once tens of MB of them
have gathered. Measured on 5 December with one probe each: \`--heap-growing-percent=20\`,
\`--external-memory-accounted-in-global-limit\`, glibc's \`MALLOC_MMAP_THRESHOLD_\` and \`MALLOC_ARENA_MAX\`, or a
young-generation collection after each chunk left the peak 15 to 25 MB above rest; a full collection after each
chunk kept it within 5 MB, but the resting figure alone is at the target. \`--optimize-for-size\` took about 10 MB
off and collected sooner (peaks of 156 and 157 MB), but served a guidance page at a third of the rate, so it is not used.`;
    writeSection('national', markdown);
    console.log(markdown);
  } finally {
    await cluster.stop();
  }
}
