// Issue: foundation. A guidance page against bare Fastify; first-visit weight; cold start.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadResult, load, SERVER_ARGS, stamp, startCasebook, startProcess, writeSection } from './support.ts';

const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };

const ROUNDS = 3;

/**
 * Hello world and the guidance page take turns, three rounds of 10 s each, both servers up throughout (the
 * idle one costs nothing): this machine's speed drifts from minute to minute, and alternating keeps each
 * ratio fair. The round with the median ratio is reported, with every round's ratio beside it.
 */
async function throughput() {
  const hello = await startProcess('bench/hello-world-server.ts');
  const casebook = await startCasebook();
  const pageUrl = `${casebook.url}/understand/what-is-stalking`;
  await fetch(pageUrl);
  const rounds: { helloResult: LoadResult; page: LoadResult; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const helloResult = await load(hello.url);
    const page = await load(pageUrl, { headers: BROWSER_HEADERS });
    rounds.push({ helloResult, page, ratio: page.requestsPerSecond / helloResult.requestsPerSecond });
  }
  const weight = await firstVisitWeight(casebook.url);
  await Promise.all([hello.stop(), casebook.stop()]);
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)]!;
  return { ...median, ratios: rounds.map((r) => Math.round(r.ratio * 100)), weight };
}

/** Everything a first visit to the home page downloads, as a browser would ask for it (compressed). */
async function firstVisitWeight(base: string) {
  const html = await fetch(`${base}/`, { headers: BROWSER_HEADERS });
  const body = await html.text();
  const parts: { url: string; bytes: number }[] = [
    { url: '/', bytes: Number(html.headers.get('content-length') ?? 0) || (await compressedSize(base, '/')) },
  ];
  const assets = [...body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  for (const asset of new Set(assets)) parts.push({ url: asset, bytes: await compressedSize(base, asset) });
  return { parts, total: parts.reduce((sum, p) => sum + p.bytes, 0) };
}

async function compressedSize(base: string, path: string): Promise<number> {
  // fetch() decompresses transparently; ask with raw http to count bytes on the wire.
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: BROWSER_HEADERS }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes + JSON.stringify(res.headers).length));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Process spawn to the first successful response of `/`, on one data directory: the first start creates it. */
async function coldStart(): Promise<{ first: number; restarts: number[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-cold-'));
  const once = async () => {
    const started = performance.now();
    const child = spawn(process.execPath, SERVER_ARGS, {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
    });
    await (await fetch(`${url}/`)).text();
    const elapsed = Math.round(performance.now() - started);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    return elapsed;
  };
  const first = await once();
  const restarts: number[] = [];
  for (let i = 0; i < 5; i++) restarts.push(await once());
  return { first, restarts };
}

export async function run(): Promise<void> {
  const { helloResult, page, weight, ratios } = await throughput();
  const cold = await coldStart();
  const median = [...cold.restarts].sort((a, b) => a - b)[2]!;
  const ratio = page.requestsPerSecond / helloResult.requestsPerSecond;
  const md = `## Guidance pages (foundation)

${stamp('npm run bench -- guidance')}

| measure | target | result |
| --- | --- | --- |
| bare Fastify "hello world", autocannon 50 connections × 10 s | yardstick | ${helloResult.requestsPerSecond.toLocaleString('en-GB')} req/s, p99 ${helloResult.p99} ms |
| guidance page \`/understand/what-is-stalking\` (Brotli), same settings | ≥ 50% of hello world, p99 < 25 ms | ${page.requestsPerSecond.toLocaleString('en-GB')} req/s (**${Math.round(ratio * 100)}%**; rounds ${ratios.join('%, ')}%), p50 ${page.p50} ms, p99 **${page.p99} ms**, errors ${page.errors}, non-2xx ${page.non2xx} |
| first visit to the home page, all bytes on the wire (compressed, with headers) | ≤ 60 KB | **${(weight.total / 1024).toFixed(1)} KB** (${weight.parts.map((p) => `${p.url.replace(/-[0-9a-f]{12}/, '')} ${(p.bytes / 1024).toFixed(1)} KB`).join(', ')}) |
| cold start: process spawn to first response of \`/\`, restarting on existing data, 5 runs | ≤ 1.5 s | median **${median} ms** (${cold.restarts.join(', ')} ms) |
| first start ever: creates the database, runs every migration, makes the signing keys | – | ${cold.first} ms |

The server ran with production settings (\`LOG_LEVEL=info\`, request logging on) and autocannon ran on the
same two cores, as did the yardstick.`;
  writeSection('guidance', md);
  console.log(md);
}
