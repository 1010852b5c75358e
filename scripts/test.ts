// `npm test`: everything a fresh machine needs to run the whole suite, then one summary line that CI reads:
// "N passed, N failed, N skipped". Steps: make sure Chromium and poppler are there, build the assets, type-check, lint
// (Biome), run Vitest. The type check and the lint count as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { CHROMIUM_PATH } from '../e2e/support/browser.ts';
import { HAPROXY_PATH } from '../e2e/support/cluster.ts';

const args = process.argv.slice(2);
const run = (command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(command, commandArgs, { stdio: 'inherit', env }).status ?? 1;

/**
 * Debian packages the tests drive: a real browser, poppler to read the evidence pack's PDF back, PostgreSQL's
 * dump and restore tools, a real load balancer.
 */
const DEBIAN_TOOLS = [
  { pkg: 'chromium', path: CHROMIUM_PATH, why: 'the browser tests', hint: ' (or point CHROMIUM_PATH at a Chromium binary)' },
  { pkg: 'poppler-utils', path: '/usr/bin/pdftotext', why: 'reading the evidence pack PDF back (pdftotext, pdftoppm)', hint: '' },
  { pkg: 'postgresql-client', path: '/usr/bin/pg_dump', why: 'the backup-and-restore test (pg_dump, pg_restore)', hint: '' },
  {
    pkg: 'haproxy',
    path: HAPROXY_PATH,
    why: 'the national-service test (three app processes behind a load balancer)',
    hint: ' (or point HAPROXY_PATH at an haproxy binary)',
  },
];

function ensureDebianTools(): void {
  const missing = DEBIAN_TOOLS.filter((tool) => !existsSync(tool.path));
  if (missing.length === 0) return;
  const packages = missing.map((tool) => tool.pkg);
  if (process.getuid?.() === 0) {
    console.log(`Installing from Debian what the tests need: apt-get install -y ${packages.join(' ')} …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], env) === 0 && run('apt-get', ['install', '-y', '-qq', ...packages], env) === 0) return;
  }
  for (const tool of missing) console.error(`${tool.pkg} is needed for ${tool.why} and ${tool.path} is missing.`);
  console.error(
    `Install with:  sudo apt-get install -y ${packages.join(' ')}${missing.map((tool) => tool.hint).join('')}\nthen run npm test again.`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

ensureDebianTools();
if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const typecheckFailed = run('npx', ['tsc', '--noEmit', '-p', '.']) !== 0;
if (typecheckFailed) console.error('Type check failed (tsc --noEmit).');
const lintFailed = run('npm', ['run', '--silent', 'lint']) !== 0;
if (lintFailed) console.error('Lint failed (biome ci): `npm run format` fixes formatting and import order; the rest is listed above.');

mkdirSync('test-results', { recursive: true });
const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
  ...args,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  passed = report.numPassedTests;
  // A file that fails to load runs no tests but must still count as a failure.
  failed = report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  skipped = report.numPendingTests + report.numTodoTests;
} catch {
  failed += 1;
}
if (typecheckFailed) failed += 1;
else passed += 1;
if (lintFailed) failed += 1;
else passed += 1;
if (vitestStatus !== 0 && failed === 0) failed = 1;

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
