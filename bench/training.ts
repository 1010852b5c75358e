// Issue 16: training and events. A booking page (the form to book a place on an event) against a guidance page,
// in the same run, taking turns; and, for reference, the event page and a booked person's private page.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkEvent } from '../src/domain/training/event-form.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { createTrainingRepository } from '../src/server/features/training/repository.ts';
import { sha256Hex } from '../src/server/shared/binary.ts';
import { type LoadResult, load, stamp, startCasebook, writeSection } from './support.ts';

const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };
const ROUNDS = 3;
const TARGET = 0.5;

/** One published event with 200 places, 120 of them booked, written into the server's own database. */
async function seed(dataDir: string): Promise<number> {
  const database = openDatabase({ dataDir });
  const repo = createTrainingRepository(database.db, database.dialect);
  const { draft } = checkEvent({
    title: 'Stalking and the law for legal professionals',
    summary: 'A half-day seminar.',
    audiences: ['legal', 'police'],
    topic: 'law',
    format: 'in-person',
    region: 'london',
    venue: '1 Example Street, London',
    date: '2031-03-17',
    startTime: '09:30',
    endTime: '13:00',
    cpdHours: '3',
    price: '45',
    capacity: '200',
    agenda: '09:30 Welcome\n09:45 The offences\n11:00 Protective orders\n12:30 Questions',
    speakers: 'A. Barrister\nDS B. Officer',
    accessibility: 'Step-free access and a hearing loop.',
    materials: '',
    joiningUrl: '',
  });
  const now = Date.now();
  const event = await repo.createEvent(draft!, now);
  await repo.setStatus(event.id, 'published', now);
  for (let i = 0; i < 120; i++)
    await repo.book(
      event.id,
      { name: `Booker ${i}`, organisation: 'Example Police', role: 'DC', email: `b${i}@example.org`, phone: '', accessNeeds: '' },
      sha256Hex(`bench-${i}`),
      now,
    );
  await database.close();
  return event.id;
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-bench-training-'));
  const casebook = await startCasebook({ DATA_DIR: dataDir });
  const eventId = await seed(dataDir);
  const guidanceUrl = `${casebook.url}/understand/what-is-stalking`;
  const bookUrl = `${casebook.url}/training/events/${eventId}/book`;
  // A real booked person's private page: book through the form, follow the redirect's link.
  const booked = await fetch(bookUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      name: 'Bench Booker',
      organisation: 'Example',
      role: 'DC',
      email: 'bench@example.org',
      phone: '',
      accessNeeds: '',
    }).toString(),
  });
  const privateUrl = `${casebook.url}${booked.headers.get('location')!.replace('&new=1', '')}`;
  for (const url of [guidanceUrl, bookUrl, privateUrl, `${casebook.url}/training/events/${eventId}`]) {
    const res = await fetch(url, { headers: BROWSER });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  }
  const loadBefore = loadavg()[0]!;
  const rounds: { guidance: LoadResult; booking: LoadResult; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const guidance = await load(guidanceUrl, { headers: BROWSER });
    const booking = await load(bookUrl, { headers: BROWSER });
    rounds.push({ guidance, booking, ratio: booking.requestsPerSecond / guidance.requestsPerSecond });
  }
  const eventPage = await load(`${casebook.url}/training/events/${eventId}`, { headers: BROWSER });
  const privatePage = await load(privateUrl, { headers: BROWSER });
  const loadAfter = loadavg()[0]!;
  await casebook.stop();
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)]!;
  const row = (name: string, r: LoadResult) => `| ${name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`;
  const verdict = median.ratio >= TARGET ? 'meets' : 'misses';
  writeSection(
    'training',
    `## Training: a booking page against a guidance page (issue 16)

${stamp('npm run bench -- training')}
Load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after. autocannon, 50 connections, 10 s each, brotli accepted;
the two pages take turns for ${ROUNDS} rounds in one server process (SQLite), and the round with the median ratio is shown.

| page | requests/s | p50 ms | p99 ms | errors or non-2xx |
| --- | ---: | ---: | ---: | ---: |
${row('guidance page `/understand/what-is-stalking`', median.guidance)}
${row('booking page `/training/events/:id/book` (200 places, 120 booked)', median.booking)}
${row('event page `/training/events/:id`', eventPage)}
${row('a booked person’s private page `/training/booking?t=…` (kept rendered per booking)', privatePage)}

The booking page serves at **${Math.round(median.ratio * 100)}%** of the guidance page's rate (rounds: ${rounds.map((r) => `${Math.round(r.ratio * 100)}%`).join(', ')}); the target is
at least ${TARGET * 100}%, which this ${verdict}. Event and booking pages come from the page cache, keyed by the
event's version (every booking changes it), so each request costs one primary-key read of the event row; the
private page reads the booking by its link's hash and the event, and is kept rendered per booking (keyed by both
versions, emptied every five minutes).`,
  );
  console.log(
    rounds.map((r) => `${r.booking.requestsPerSecond}/${r.guidance.requestsPerSecond}`).join(' '),
    `private ${privatePage.requestsPerSecond}`,
  );
}
