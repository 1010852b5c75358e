// Issue: foundation. A guidance page against bare Fastify; first-visit weight; cold start.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, SERVER_ENTRY, stamp, startCasebook, startProcess, writeSection } from './support.ts';

const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };

async function throughput() {
  const hello = await startProcess('bench/hello-world-server.ts');
  const helloResult = await load(hello.url);
  await hello.stop();

  const casebook = await startCasebook();
  await fetch(`${casebook.url}/understand/what-is-stalking`);
  const page = await load(`${casebook.url}/understand/what-is-stalking`, { headers: BROWSER_HEADERS });
  const weight = await firstVisitWeight(casebook.url);
  await casebook.stop();
  return { helloResult, page, weight };
}

/** Everything a first visit to the home page downloads, as a browser would ask for it (compressed). */
async function firstVisitWeight(base: string) {
  const html = await fetch(`${base}/`, { headers: BROWSER_HEADERS });
  const body = await html.text();
  const parts: { url: string; bytes: number }[] = [{ url: '/', bytes: Number(html.headers.get('content-length') ?? 0) || (await compressedSize(base, '/')) }];
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

/** Process spawn to the first successful response, five times; the median. */
async function coldStart(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      env: { ...process.env, PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'casebook-cold-')), LOG_LEVEL: 'info' },
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
    const res = await fetch(`${url}/`);
    await res.text();
    times.push(Math.round(performance.now() - started));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  return times;
}

export async function run(): Promise<void> {
  const { helloResult, page, weight } = await throughput();
  const cold = await coldStart();
  const median = [...cold].sort((a, b) => a - b)[2]!;
  const ratio = page.requestsPerSecond / helloResult.requestsPerSecond;
  const md = `## Guidance pages (foundation)

${stamp('npm run bench -- guidance')}

| measure | target | result |
| --- | --- | --- |
| bare Fastify "hello world", autocannon 50 connections × 10 s | yardstick | ${helloResult.requestsPerSecond.toLocaleString('en-GB')} req/s, p99 ${helloResult.p99} ms |
| guidance page \`/understand/what-is-stalking\` (Brotli), same settings | ≥ 50% of hello world, p99 < 25 ms | ${page.requestsPerSecond.toLocaleString('en-GB')} req/s (**${Math.round(ratio * 100)}%**), p50 ${page.p50} ms, p99 **${page.p99} ms**, errors ${page.errors}, non-2xx ${page.non2xx} |
| first visit to the home page, all bytes on the wire (compressed, with headers) | ≤ 60 KB | **${(weight.total / 1024).toFixed(1)} KB** (${weight.parts.map((p) => `${p.url.replace(/-[0-9a-f]{12}/, '')} ${(p.bytes / 1024).toFixed(1)} KB`).join(', ')}) |
| cold start: process spawn to first response of \`/\`, 5 runs | ≤ 1.5 s | median **${median} ms** (${cold.join(', ')} ms) |

The server ran with production settings (\`LOG_LEVEL=info\`, request logging on) and autocannon ran on the
same two cores, as did the yardstick.`;
  writeSection('guidance', md);
  console.log(md);
}
