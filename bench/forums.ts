// Issue 9: forums. A topic page with 50 replies against a guidance page in the same run; then 20 posts a second
// sustained while 200 readers browse.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/server/db/database.ts';
import { sha256Hex } from '../src/server/features/vault/binary.ts';
import { renderPost } from '../src/server/features/forums/markdown.ts';
import { load, stamp, startCasebook, writeSection, type LoadResult } from './support.ts';

const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };
const ROUNDS = 3;
const MEMBERS = 60;
const TOPICS = 20;
const REPLIES = 50;

interface Seeded {
  cookies: { cookie: string; csrf: string }[];
  topicIds: number[];
}

/**
 * Members, sessions, topics and replies written straight into the server's database (the same tables the
 * pages read): accounts through the API are rate-limited per address, as they should be. Members are
 * established (approved posts, joined a month ago), so their posts publish at once within the usual limits.
 */
export async function seed(dataDir: string): Promise<Seeded> {
  const database = openDatabase({ dataDir });
  const { db } = database;
  const now = Date.now();
  const cookies: Seeded['cookies'] = [];
  const memberIds: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const accountId = randomUUID();
    const bytes = randomBytes(32);
    await db.insertInto('vault_accounts').values({
      id: accountId, username: `bench-${i}-${randomBytes(3).toString('hex')}`, auth_hash: bytes, auth_salt: bytes, auth_params: 'bench', recovery_hash: bytes, recovery_salt: bytes,
      recovery_params: 'bench', kdf_version: 2, kdf_salt: 'x', wrapped_key_passphrase: '{}', wrapped_key_recovery: '{}', created_at: now,
    }).execute();
    const cookie = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    await db.insertInto('vault_sessions').values({ id_hash: sha256Hex(cookie), account_id: accountId, csrf_token: csrf, created_at: now, last_seen_at: now, expires_at: now + 12 * 3600_000 }).execute();
    const memberId = randomUUID();
    await db.insertInto('forum_members').values({ id: memberId, account_id: accountId, name: `Bench Member ${i}`, name_key: `benchmember${i}`, approved_posts: 50, joined_at: now - 30 * 86_400_000, last_visit_at: now, previous_visit_at: now }).execute();
    cookies.push({ cookie: `casebook_vault=${cookie}`, csrf });
    memberIds.push(memberId);
  }
  const topicIds: number[] = [];
  const reply = renderPost('Thank you for sharing this. *Keeping a diary* helped me a lot:\n\n- write the date and time\n- what happened\n- who saw it\n\n> It gets easier, slowly.\n\nThe [helpline](https://www.suzylamplugh.org) was kind too.');
  for (let t = 0; t < TOPICS; t++) {
    const topic = await db.insertInto('forum_topics').values({ board_id: 'living-with-it', member_id: memberIds[t % MEMBERS]!, title: `Bench topic ${t}: does it get easier?`, status: 'published', created_at: now - 2 * 86_400_000, last_post_at: now - 2 * 86_400_000 + REPLIES, reply_count: REPLIES }).returning('id').executeTakeFirstOrThrow();
    const topicId = Number(topic.id);
    topicIds.push(topicId);
    const rows = Array.from({ length: REPLIES + 1 }, (_, i) => ({
      topic_id: topicId, member_id: memberIds[(t + i) % MEMBERS]!, is_opening: i === 0 ? 1 : 0, body: 'bench', body_html: reply.html, search_text: reply.text, status: 'published', created_at: now - 2 * 86_400_000 + i,
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
  if (check.status !== 200 || (html.match(/<article /g) ?? []).length !== 25) throw new Error(`topic page not as expected: ${check.status}`);
  const rounds: { guidance: LoadResult; topic: LoadResult; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const guidance = await load(`${base}/understand/what-is-stalking`, { headers: BROWSER });
    const topic = await load(topicUrl, { headers });
    rounds.push({ guidance, topic, ratio: topic.requestsPerSecond / guidance.requestsPerSecond });
  }
  return { median: [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)]!, ratios: rounds.map((r) => Math.round(r.ratio * 100)) };
}

/** 200 readers on topic pages (first, later and latest pages) and boards, while replies arrive at 20 a second. */
export async function postingWhileBrowsing(base: string, seeded: Seeded) {
  const duration = 20;
  const readerRequests = seeded.topicIds.flatMap((id, i) => {
    const cookie = seeded.cookies[(i * 7) % MEMBERS]!.cookie;
    return [
      { method: 'GET' as const, path: `/forums/topics/${id}`, headers: { ...BROWSER, cookie } },
      { method: 'GET' as const, path: `/forums/topics/${id}?last`, headers: { ...BROWSER, cookie } },
      { method: 'GET' as const, path: '/forums/boards/living-with-it', headers: { ...BROWSER, cookie } },
    ];
  });
  const postRequests = seeded.cookies.map(({ cookie, csrf }, i) => ({
    method: 'POST' as const,
    path: `/forums/topics/${seeded.topicIds[i % TOPICS]}/replies`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, body: `Reply from a benchmark member, number ${i}. It does get easier with support.`, intent: 'publish' }).toString(),
  }));
  const [readers, posters] = await Promise.all([
    autocannon({ url: base, connections: 200, duration, requests: readerRequests }),
    autocannon({ url: base, connections: 10, duration, overallRate: 20, requests: postRequests }),
  ]);
  const posted = posters.statusCodeStats?.['303']?.count ?? 0;
  return {
    readers: { rps: Math.round(readers.requests.average), p50: readers.latency.p50, p99: readers.latency.p99, non2xx: readers.non2xx, errors: readers.errors },
    posts: { perSecond: +(posted / duration).toFixed(1), p99: posters.latency.p99, refused: posters.non2xx - posted, errors: posters.errors },
  };
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-bench-forums-'));
  const casebook = await startCasebook({ DATA_DIR: dataDir });
  const loadBefore = loadavg()[0]!.toFixed(1);
  try {
    const seeded = await seed(dataDir);
    const mixed = await postingWhileBrowsing(casebook.url, seeded);
    const { median, ratios } = await topicVersusGuidance(casebook.url, seeded);
    const md = `## Forums (issue 9)

${stamp('npm run bench -- forums')}

| measure | target | result |
| --- | --- | --- |
| guidance page \`/understand/what-is-stalking\` (Brotli), autocannon 50 connections × 10 s | yardstick | ${median.guidance.requestsPerSecond.toLocaleString('en-GB')} req/s, p99 ${median.guidance.p99} ms |
| topic page, opening post + 24 of its 50 replies (a page), signed-in member, same settings | ≥ 50% of the guidance page | ${median.topic.requestsPerSecond.toLocaleString('en-GB')} req/s (**${Math.round((median.topic.requestsPerSecond / median.guidance.requestsPerSecond) * 100)}%**; rounds ${ratios.join('%, ')}%), p50 ${median.topic.p50} ms, p99 ${median.topic.p99} ms, non-2xx ${median.topic.non2xx} |
| 200 readers (topic first pages, latest pages, the board) for ${20} s, while replies are posted | p99 < 100 ms | ${mixed.readers.rps.toLocaleString('en-GB')} req/s, p50 ${mixed.readers.p50} ms, p99 **${mixed.readers.p99} ms**, non-2xx ${mixed.readers.non2xx}, errors ${mixed.readers.errors} |
| replies posted at the same time (10 connections, 60 members across ${TOPICS} topics, full checks: limits, filters, identifying details, crisis wording, Markdown, search index) | 20 posts/s sustained | **${mixed.posts.perSecond} posts/s**, p99 ${mixed.posts.p99} ms, refused ${mixed.posts.refused}, errors ${mixed.posts.errors} |

One server process on SQLite with production settings (\`LOG_LEVEL=info\`), autocannon on the same two cores. Topic pages
are the same for every member who may read them, so each is rendered once per version of the topic and kept
compressed; every request still checks the session and reads the topic's version and the reader's read
marker from the database. Each new reply moves its topic to a new version.`;
    writeSection('forums', md);
    console.log(md);
  } finally {
    await casebook.stop();
  }
}
