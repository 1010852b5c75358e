// Issue 18: dynamic pages (rendered per request, then Brotli-compressed) are compressed off the event loop, so a
// burst of them does not hold up the cached pages served beside them.
import { loadavg } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { load, stamp, startCasebook, writeSection } from './support.ts';

const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };
const DYNAMIC = '/search?q=stalking';
const CACHED = '/understand/what-is-stalking';

/** The search results page alone, then the same load with a guidance page asked for beside it; 10 s each. */
export async function run(): Promise<void> {
  const casebook = await startCasebook();
  await Promise.all([fetch(casebook.url + DYNAMIC), fetch(casebook.url + CACHED)]);
  const alone = await load(casebook.url + DYNAMIC, { headers: BROWSER_HEADERS });
  // The guidance page's connections open first: Node accepts one new connection per turn of its event loop, so
  // opened in the middle of the flood they would measure the accept queue instead.
  const besideRun = load(casebook.url + CACHED, { headers: BROWSER_HEADERS, connections: 10, duration: 12 });
  await setTimeout(1000);
  const mixed = await load(casebook.url + DYNAMIC, { headers: BROWSER_HEADERS });
  const beside = await besideRun;
  await casebook.stop();
  const md = `## Dynamic pages compressed off the event loop (issue 18)

${stamp('npm run bench -- dynamic-pages')} Load average when it ended: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}.

| measure | result |
| --- | --- |
| search results \`${DYNAMIC}\` (rendered and Brotli-compressed per request), autocannon 50 connections × 10 s | ${alone.requestsPerSecond.toLocaleString('en-GB')} req/s, p50 ${alone.p50} ms, p99 ${alone.p99} ms, non-2xx ${alone.non2xx} |
| the same, while a cached guidance page \`${CACHED}\` is asked for on 10 more connections (opened 1 s before, for 12 s) | ${mixed.requestsPerSecond.toLocaleString('en-GB')} req/s, p99 ${mixed.p99} ms |
| that guidance page, meanwhile | ${beside.requestsPerSecond.toLocaleString('en-GB')} req/s, p50 ${beside.p50} ms, p99 **${beside.p99} ms**, errors (timeouts) ${beside.errors}, non-2xx ${beside.non2xx} |`;
  writeSection('dynamic-pages', md);
  console.log(md);
}
