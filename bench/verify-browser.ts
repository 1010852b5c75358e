// Issue 7: verifying a pack of 1,000 entries with 50 photos must take under 3 s. This is the real /verify page
// in headless Chromium against the built server: the pack is chosen in the file input and timed from the
// input's change event to the result on screen — reading the file, fetching the published log, the consistency
// proof, every check, and rendering 1,000 rows. The pack's log is the benchmark's own (bench/evidence-pack.ts
// builds the same pack), so the page's two log requests are answered from that log.

import { cpus, loadavg } from 'node:os';
import { launchBrowser } from '../e2e/support/browser.ts';
import { base64urlEncode, randomBytes } from '../src/crypto/encoding.ts';
import { buildEvidencePack } from '../src/crypto/evidence-pack/index.ts';
import { newTestLog, packInputFor, signHead } from '../src/crypto/evidence-pack/test-support.ts';
import { leafHash } from '../src/crypto/merkle.ts';
import { ENTRIES, OTHER_LEAVES_PER_VERSION, PHOTOS, sketches } from './evidence-pack.ts';
import { stamp, startCasebook, writeSection } from './support.ts';

const RUNS = 7;

export async function run(): Promise<void> {
  const log = await newTestLog();
  const { entries, photos } = sketches();
  const pack = await buildEvidencePack(await packInputFor(log, entries, photos, { otherPeoplesEntries: OTHER_LEAVES_PER_VERSION }));
  const packSize = log.tree.size;
  for (let i = 0; i < 1_000; i++) await log.tree.append(await leafHash(randomBytes(32)));
  const current = await signHead(log);
  const consistency = (await log.tree.consistencyProof(packSize, current.treeSize)).map(base64urlEncode);

  const server = await startCasebook();
  const browser = await launchBrowser();
  try {
    const load = [loadavg()[0]!];
    const times: number[] = [];
    const breakdowns: Record<'read' | 'log' | 'check' | 'render', number>[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.route('**/.well-known/casebook-log.json', (route) => route.fulfill({ json: { ...log.logKeys, treeHead: current } }));
      await page.route('**/api/v1/log/consistency?**', (route) =>
        route.fulfill({ json: { from: packSize, to: current.treeSize, proof: consistency } }),
      );
      await page.goto(`${server.url}/verify`);
      await page.evaluate(() => {
        const input = document.querySelector('[data-verify-input="pack"]')!;
        const timing: { start?: number; end?: number } = {};
        (globalThis as unknown as { verifyTiming: typeof timing }).verifyTiming = timing;
        input.addEventListener('change', () => (timing.start = performance.now()));
        new MutationObserver(() => {
          if (timing.end === undefined && document.querySelector('[data-verify-outcome]')) timing.end = performance.now();
        }).observe(document.body, { childList: true, subtree: true });
      });
      await page
        .locator('[data-verify-input="pack"]')
        .setInputFiles({ name: 'pack.zip', mimeType: 'application/zip', buffer: Buffer.from(pack) });
      await page.locator('[data-verify-outcome]').waitFor({ timeout: 60_000 });
      const outcome = await page.locator('[data-verify-outcome]').getAttribute('data-verify-outcome');
      if (outcome !== 'passed')
        throw new Error(`the benchmark pack did not verify on the page: ${await page.locator('[data-verify-problems]').textContent()}`);
      const rows = await page.locator('[data-verify-entry]').count();
      if (rows !== ENTRIES) throw new Error(`expected ${ENTRIES} rows, saw ${rows}`);
      const { ms, stages } = await page.evaluate(() => {
        const timing = (globalThis as unknown as { verifyTiming: { start: number; end: number } }).verifyTiming;
        const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN;
        const [read, fetched, checked] = ['verify:read', 'verify:log', 'verify:checked'].map(mark) as [number, number, number];
        return {
          ms: timing.end - timing.start,
          stages: { read: read - timing.start, log: fetched - read, check: checked - fetched, render: timing.end - checked },
        };
      });
      if (run > 0) {
        // the first run warms the browser's code cache
        times.push(ms);
        breakdowns.push(stages);
      }
      console.log(
        `  run ${run}: ${(ms / 1000).toFixed(2)} s${run === 0 ? ' (warm-up)' : ''} — ${Object.entries(stages)
          .map(([k, v]) => `${k} ${Math.round(v)} ms`)
          .join(', ')}`,
      );
      await context.close();
      load.push(loadavg()[0]!);
    }
    const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const median = medianOf(times);
    const stage = (key: keyof (typeof breakdowns)[number]) => `${Math.round(medianOf(breakdowns.map((b) => b[key])))} ms`;
    const md = `## Evidence pack verified on the /verify page (issue 7)

${stamp('npm run bench -- verify-browser')}
Headless Chromium (${browser.version()}), the built server (\`dist/\`), the real /verify page. A pack of ${ENTRIES.toLocaleString('en-GB')} entries with ${PHOTOS} photos
(the same pack as above, ${(pack.length / 2 ** 20).toFixed(1)} MiB) chosen in the file input; timed from the input's change event to the
result on screen: reading the file, fetching the published log and the consistency proof (answered from the pack's own log), every
check, and rendering ${ENTRIES.toLocaleString('en-GB')} rows. Median of ${RUNS} runs after a warm-up, each in a fresh page.

| measure | target | result |
| --- | --- | --- |
| verify in the browser, with the online consistency check | < 3 s | **${(median / 1000).toFixed(2)} s** median, ${(Math.min(...times) / 1000).toFixed(2)} s best (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s) |

The machine's 1-minute load average during the runs was ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} on ${cpus().length} cores (other work shares it), so the
spread between runs is contention rather than the page: the best run is the closest to what an officer's computer sees.

Where the time goes (medians): reading the file ${stage('read')}, fetching the log and proof ${stage('log')}, the checks (\`verifyEvidencePack\`)
${stage('check')}, showing the result ${stage('render')}. Node runs the same checks in the time given in the section above; the browser's
WebCrypto calls each cross to another thread, which is why the small hashes are done in JavaScript (@noble/hashes).`;
    writeSection('verify-browser', md);
    console.log(md);
  } finally {
    await browser.close();
    await server.stop();
  }
}
