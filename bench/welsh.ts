// Issue 14: a Welsh guidance page served at no less than 90% of its English twin's rate, in the same run.
import { loadavg } from 'node:os';
import { type LoadResult, load, stamp, startCasebook, writeSection } from './support.ts';

const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };
const ROUNDS = 5;
const ENGLISH = '/understand/what-is-stalking';
const WELSH = `/cy${ENGLISH}`;

/** The two pages take turns on one server, five rounds of 10 s each; the round with the median ratio is reported. */
export async function run(): Promise<void> {
  const casebook = await startCasebook();
  await Promise.all([fetch(casebook.url + ENGLISH), fetch(casebook.url + WELSH)]);
  const rounds: { english: LoadResult; welsh: LoadResult; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const english = await load(casebook.url + ENGLISH, { headers: BROWSER_HEADERS });
    const welsh = await load(casebook.url + WELSH, { headers: BROWSER_HEADERS });
    rounds.push({ english, welsh, ratio: welsh.requestsPerSecond / english.requestsPerSecond });
  }
  await casebook.stop();
  const { english, welsh, ratio } = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)]!;
  const md = `## Welsh guidance (issue 14)

${stamp('npm run bench -- welsh')} Load average when it ended: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}.

| measure | target | result |
| --- | --- | --- |
| English page \`${ENGLISH}\` (Brotli), autocannon 50 connections × 10 s | yardstick | ${english.requestsPerSecond.toLocaleString('en-GB')} req/s, p99 ${english.p99} ms, non-2xx ${english.non2xx} |
| its Welsh twin \`${WELSH}\`, same settings, taking turns with it | ≥ 90% of the English page | ${welsh.requestsPerSecond.toLocaleString('en-GB')} req/s (**${Math.round(ratio * 100)}%**; rounds ${rounds.map((r) => Math.round(r.ratio * 100)).join('%, ')}%), p50 ${welsh.p50} ms, p99 ${welsh.p99} ms, non-2xx ${welsh.non2xx} |

Both pages come from the same page cache as pre-compressed bytes; the Welsh page differs only in its text
and its \`lang\`, so the two rates should match within this machine's drift.`;
  writeSection('welsh', md);
  console.log(md);
}
