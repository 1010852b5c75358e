import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, type as osType, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon against one URL; the numbers the issues ask for. */
export async function load(
  url: string,
  options: { connections?: number; duration?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 50,
    duration: options.duration ?? 10,
    headers: options.headers ?? {},
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a Node script as its own process and waits for it to print its URL. */
export async function startProcess(
  args: string | string[],
  env: Record<string, string> = {},
  pattern = /(http:\/\/127\.0\.0\.1:\d+)/,
): Promise<Child> {
  const script = Array.isArray(args) ? args.join(' ') : args;
  const child = spawn(process.execPath, Array.isArray(args) ? args : [args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  // Keep draining output so a chatty child never blocks on a full pipe.
  child.stdout.resume();
  child.stderr.resume();
  return {
    url,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * What `npm start` runs (keep the two in step): the bundled server with a small young generation, which
 * takes a fifth off the resting memory at no measurable cost to throughput. npm run bench builds it first.
 */
export const SERVER_ARGS = ['--max-semi-space-size=2', 'dist/server/main.js'];

/** The Casebook service with production settings on a fresh SQLite data directory. */
export function startCasebook(env: Record<string, string> = {}): Promise<Child> {
  return startProcess(
    SERVER_ARGS,
    {
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'casebook-bench-')),
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ...env,
    },
    /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
  );
}

export function machine(): string {
  const cpu = cpus();
  return `${osType()} ${release()}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

const DOC = join(process.cwd(), 'docs', 'performance.md');
const HEADER = `# Performance

Measured figures, written by the benchmarks in \`bench/\` (\`npm run bench\`, or \`npm run bench -- <name>\` for
one). Each section is replaced when its benchmark runs again. Targets come from the issues; tests never time
anything.
`;

/** Replaces (or adds) one benchmark's section in docs/performance.md. */
export function writeSection(name: string, markdown: string): void {
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : HEADER;
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(doc) ? doc.replace(pattern, block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, next);
}

export function stamp(command: string): string {
  return `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}.\nCommand: \`${command}\``;
}
