// Issue 9: forums. A topic page with 50 replies against a guidance page in the same run; then 20 posts a second
// sustained while 200 readers browse.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type DatabaseOptions, openDatabase } from '../src/server/db/database.ts';
import { renderPost } from '../src/server/features/forums/markdown.ts';
import { sha256Hex } from '../src/server/shared/binary.ts';
import { type LoadResult, load, stamp, startCasebook, writeSection } from './support.ts';

const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };
const ROUNDS = 3;
const MEMBERS = 60;
const TOPICS = 20;
const REPLIES = 50;
const READERS = 200;
const POST_RATE = 20;
const MIXED_SECONDS = 20;
/** Pages a second each browsing reader asks for: far quicker than a person reads, so a hard case. */
const READER_RATE = 1;
const WARM_UP_SECONDS = 3;
/** Few posts in the warm-up: each member may post 15 times in 10 minutes, and the run posts about 14 each. */
const WARM_UP_POST_RATE = 2;
/** Enough for 20 posts a second to be in flight at once even if each took a second. */
const POSTER_SOCKETS = 24;

interface Seeded {
  cookies: { cookie: string; csrf: string }[];
  topicIds: number[];
}

/**
 * Members, sessions, topics and replies written straight into the server's database (the same tables the
 * pages read): accounts through the API are rate-limited per address, as they should be. Members are
 * established (approved posts, joined a month ago), so their posts publish at once within the usual limits.
 */
export async function seed(target: DatabaseOptions, members = MEMBERS): Promise<Seeded> {
  const database = openDatabase(target);
  const { db } = database;
  const now = Date.now();
  const cookies: Seeded['cookies'] = [];
  const memberIds: string[] = [];
  for (let i = 0; i < members; i++) {
    const accountId = randomUUID();
    const bytes = randomBytes(32);
    await db
      .insertInto('vault_accounts')
      .values({
        id: accountId,
        username: `bench-${i}-${randomBytes(3).toString('hex')}`,
        auth_hash: bytes,
        auth_salt: bytes,
        auth_params: 'bench',
        recovery_hash: bytes,
        recovery_salt: bytes,
        recovery_params: 'bench',
        kdf_version: 2,
        kdf_salt: 'x',
        wrapped_key_passphrase: '{}',
        wrapped_key_recovery: '{}',
        created_at: now,
      })
      .execute();
    const cookie = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    await db
      .insertInto('vault_sessions')
      .values({
        id_hash: sha256Hex(cookie),
        account_id: accountId,
        csrf_token: csrf,
        created_at: now,
        last_seen_at: now,
        expires_at: now + 12 * 3600_000,
      })
      .execute();
    const memberId = randomUUID();
    await db
      .insertInto('forum_members')
      .values({
        id: memberId,
        account_id: accountId,
        name: `Bench Member ${i}`,
        name_key: `benchmember${i}`,
        approved_posts: 50,
        joined_at: now - 30 * 86_400_000,
        last_visit_at: now,
        previous_visit_at: now,
      })
      .execute();
    cookies.push({ cookie: `casebook_vault=${cookie}`, csrf });
    memberIds.push(memberId);
  }
  const topicIds: number[] = [];
  const reply = renderPost(
    'Thank you for sharing this. *Keeping a diary* helped me a lot:\n\n- write the date and time\n- what happened\n- who saw it\n\n> It gets easier, slowly.\n\nThe [helpline](https://www.suzylamplugh.org) was kind too.',
  );
  for (let t = 0; t < TOPICS; t++) {
    const topic = await db
      .insertInto('forum_topics')
      .values({
        board_id: 'living-with-it',
        member_id: memberIds[t % MEMBERS]!,
        title: `Bench topic ${t}: does it get easier?`,
        status: 'published',
        created_at: now - 2 * 86_400_000,
        last_post_at: now - 2 * 86_400_000 + REPLIES,
        reply_count: REPLIES,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const topicId = Number(topic.id);
    topicIds.push(topicId);
    const rows = Array.from({ length: REPLIES + 1 }, (_, i) => ({
      topic_id: topicId,
      member_id: memberIds[(t + i) % MEMBERS]!,
      is_opening: i === 0 ? 1 : 0,
      body: 'bench',
      body_html: reply.html,
      search_text: reply.text,
      status: 'published',
      created_at: now - 2 * 86_400_000 + i,
    }));
    await db.insertInto('forum_posts').values(rows).execute();
  }
  await database.close();
  return { cookies, topicIds };
}

async function topicVersusGuidance(base: string, seeded: Seeded) {
  const topicUrl = `${base}/forums/topics/${seeded.topicIds[0]}`;
  const headers = { ...BROWSER, cookie: seeded.cookies[0]!.cookie };
  const check = await fetch(topicUrl, { headers });
  const html = await check.text();
  if (check.status !== 200 || (html.match(/<article /g) ?? []).length !== 25)
    throw new Error(`topic page not as expected: ${check.status}`);
  const rounds: { guidance: LoadResult; topic: LoadResult; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const guidance = await load(`${base}/understand/what-is-stalking`, { headers: BROWSER });
    const topic = await load(topicUrl, { headers });
    rounds.push({ guidance, topic, ratio: topic.requestsPerSecond / guidance.requestsPerSecond });
  }
  return {
    median: [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)]!,
    ratios: rounds.map((r) => Math.round(r.ratio * 100)),
  };
}

interface TimedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Requests sent on a clock, open loop: one every 1/rate seconds whatever the earlier ones are doing, so a slow
 * server shows up as late answers and a backlog, not as a quietly lower rate (autocannon's overallRate waits
 * for each answer before the next request on its connection, so it cannot hold a rate once answers are slow,
 * and its connectionRate starts every connection's second together). Latency is counted from when each
 * request was due. The connections are opened beforehand (warm): Node accepts one new connection per turn
 * of its event loop, so a connection opened while 200 others are busy waits in the accept queue, which would
 * measure that queue rather than the pages.
 */
async function onClock(base: string, sockets: number) {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  await Promise.all(Array.from({ length: sockets }, () => warm(agent, `${base}/healthz`)));
  return (requests: TimedRequest[], rate: number, seconds: number, ok: (status: number) => boolean, from = 0) =>
    sendOnClock(url, agent, requests, rate, seconds, ok, from);
}

async function sendOnClock(
  url: URL,
  agent: Agent,
  requests: TimedRequest[],
  rate: number,
  seconds: number,
  ok: (status: number) => boolean,
  from: number,
) {
  const latencies: number[] = [];
  const started = performance.now();
  const outcome = { sent: 0, ok: 0, notOk: 0, errors: 0 };
  const one = (r: TimedRequest, due: number) =>
    new Promise<void>((resolve) => {
      const headers = r.body === undefined ? r.headers : { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) };
      const req = request(
        { host: url.hostname, port: url.port, method: r.method, path: r.path, agent, timeout: 10_000, headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            if (ok(res.statusCode ?? 0)) outcome.ok++;
            else outcome.notOk++;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        outcome.errors++;
        resolve();
      });
      req.end(r.body);
    });
  const total = Math.round(rate * seconds);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    outcome.sent++;
    inFlight.push(one(requests[(from + i) % requests.length]!, due));
  }
  const sentBy = performance.now();
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((x, y) => x - y);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    ...outcome,
    perSecond: +(outcome.ok / ((sentBy - started) / 1000)).toFixed(1),
    p50: at(0.5),
    p99: at(0.99),
    max: Math.round(latencies.at(-1) ?? 0),
  };
}

/**
 * 200 readers on topic pages (first and latest pages) and the board, while replies arrive at 20 a second, in
 * two ways: browsing, each reader asking for a page once a second (far quicker than anyone reads), spread
 * evenly; and flooding (capacity), each reader asking again the moment it is answered (autocannon).
 */
export async function postingWhileBrowsing(base: string, seeded: Seeded, mode: 'browsing' | 'flood') {
  const readerRequests: TimedRequest[] = seeded.topicIds.flatMap((id, i) => {
    const cookie = seeded.cookies[(i * 7) % MEMBERS]!.cookie;
    return [
      { method: 'GET' as const, path: `/forums/topics/${id}`, headers: { ...BROWSER, cookie } },
      { method: 'GET' as const, path: `/forums/topics/${id}?last`, headers: { ...BROWSER, cookie } },
      { method: 'GET' as const, path: '/forums/boards/living-with-it', headers: { ...BROWSER, cookie } },
    ];
  });
  // Each member posts in turn, so 20 a second stays within every member's own limit (15 in 10 minutes).
  const posts: TimedRequest[] = seeded.cookies.map(({ cookie, csrf }, i) => ({
    method: 'POST',
    path: `/forums/topics/${seeded.topicIds[i % TOPICS]}/replies`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: csrf,
      body: `Reply from a benchmark member, number ${i}. It does get easier with support.`,
      intent: 'publish',
    }).toString(),
  }));
  const poster = await onClock(base, POSTER_SOCKETS);
  const reader = mode === 'browsing' ? await onClock(base, READERS) : undefined;
  if (reader) {
    // A few seconds first, not counted: the server has just started, and its first views of each page run cold code and fill the caches.
    await Promise.all([
      reader(readerRequests, READERS * READER_RATE, WARM_UP_SECONDS, () => true),
      poster(posts, WARM_UP_POST_RATE, WARM_UP_SECONDS, () => true),
    ]);
  }
  const posting = poster(posts, POST_RATE, MIXED_SECONDS, (status) => status === 303, reader ? WARM_UP_POST_RATE * WARM_UP_SECONDS : 0);
  if (reader) {
    const [readers, posters] = await Promise.all([
      reader(readerRequests, READERS * READER_RATE, MIXED_SECONDS, (status) => status === 200),
      posting,
    ]);
    return {
      readers: { rps: readers.perSecond, p50: readers.p50, p99: readers.p99, non2xx: readers.notOk, errors: readers.errors },
      posts: posters,
    };
  }
  const [readers, posters] = await Promise.all([
    autocannon({ url: base, connections: READERS, duration: MIXED_SECONDS, requests: readerRequests }),
    posting,
  ]);
  return {
    readers: {
      rps: Math.round(readers.requests.average),
      p50: readers.latency.p50,
      p99: readers.latency.p99,
      non2xx: readers.non2xx,
      errors: readers.errors,
    },
    posts: posters,
  };
}

function warm(agent: Agent, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(target, { agent }, (res) => res.resume().on('end', () => resolve()));
    req.on('error', reject);
    req.end();
  });
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-bench-forums-'));
  const casebook = await startCasebook({ DATA_DIR: dataDir });
  const loadBefore = loadavg()[0]!.toFixed(1);
  try {
    const seeded = await seed({ dataDir });
    const browsing = await postingWhileBrowsing(casebook.url, seeded, 'browsing');
    const mixed = await postingWhileBrowsing(casebook.url, seeded, 'flood');
    const { median, ratios } = await topicVersusGuidance(casebook.url, seeded);
    const loadAfter = loadavg()[0]!.toFixed(1);
    const md = `## Forums (issue 9)

${stamp('npm run bench -- forums')}

| measure | target | result |
| --- | --- | --- |
| guidance page \`/understand/what-is-stalking\` (Brotli), autocannon 50 connections × 10 s | yardstick | ${median.guidance.requestsPerSecond.toLocaleString('en-GB')} req/s, p99 ${median.guidance.p99} ms |
| topic page, opening post + 24 of its 50 replies (a page), signed-in member, same settings | ≥ 50% of the guidance page | ${median.topic.requestsPerSecond.toLocaleString('en-GB')} req/s (**${Math.round((median.topic.requestsPerSecond / median.guidance.requestsPerSecond) * 100)}%**; rounds ${ratios.join('%, ')}%), p50 ${median.topic.p50} ms, p99 ${median.topic.p99} ms, non-2xx ${median.topic.non2xx} |
| ${READERS} readers browsing (${READERS} connections, each asking for a page ${READER_RATE === 1 ? 'once a second' : `${READER_RATE} times a second`}, spread evenly, open loop: topic first pages, latest pages, the board) for ${MIXED_SECONDS} s (after ${WARM_UP_SECONDS} s not counted), while replies are posted | p99 < 100 ms | ${browsing.readers.rps.toLocaleString('en-GB')} req/s, p50 ${browsing.readers.p50} ms, p99 **${browsing.readers.p99} ms**, non-2xx ${browsing.readers.non2xx}, errors ${browsing.readers.errors} |
| replies posted at the same time, open loop on a clock (${POST_RATE} a second from 60 members across ${TOPICS} topics, full checks: limits, filters, identifying details, crisis wording, Markdown, search index) | 20 posts/s sustained | **${browsing.posts.perSecond} posts/s** (${browsing.posts.ok} of ${browsing.posts.sent} published), latency from when each was due p50 ${browsing.posts.p50} ms, p99 ${browsing.posts.p99} ms, refused ${browsing.posts.notOk}, errors ${browsing.posts.errors} |
| capacity: the same ${READERS} readers each asking again the moment they are answered (autocannon, closed loop), same replies | – | readers ${mixed.readers.rps.toLocaleString('en-GB')} req/s, p50 ${mixed.readers.p50} ms, p99 ${mixed.readers.p99} ms, errors ${mixed.readers.errors}; replies **${mixed.posts.perSecond} posts/s** (${mixed.posts.ok} of ${mixed.posts.sent}), p50 ${mixed.posts.p50} ms, p99 ${mixed.posts.p99} ms |

One server process on SQLite with production settings (\`LOG_LEVEL=info\`), the load generators on the same two
cores; load average ${loadBefore} when the run began and ${loadAfter} when it ended. Topic pages are the same for every
member who may read them, so each is rendered once per version of the topic and kept compressed; a board page is
rendered once per content and each member's "New" tags are joined in (\`board-page-cache.ts\`). Each new reply
moves its topic to a new version. Replies are sent on a clock over connections opened before the readers arrive
(\`onClock\`): Node accepts one new connection per turn of its event loop, so under a flood a new connection
waits in the accept queue, which is what the earlier closed-loop measurement (autocannon \`overallRate\`) showed.`;
    writeSection('forums', md);
    console.log(md);
  } finally {
    await casebook.stop();
  }
}
