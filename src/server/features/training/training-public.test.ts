import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { DEFAULT_RETENTION_DAYS } from '../../../domain/training/retention.ts';
import { sweepTrainingBookings } from './retention-sweep.ts';
import { BOOKER, FORM, form, publishedEvent } from './test-support.ts';

const tokenOf = (location: unknown) => /[?&]t=([A-Za-z0-9_-]{43})/.exec(String(location))?.[1];

describe('training: public pages and booking (SQLite)', () => {
  let t: TestApp;
  let now = Date.UTC(2027, 0, 10, 12);
  let address = 0;
  beforeAll(async () => {
    t = await buildTestApp({ clock: () => now });
  }, 60_000);
  afterAll(async () => t?.close());

  const repo = () => t.services.training.repo;
  /** Each booker from their own address, as people are; the rate limit has its own test. */
  const book = (
    eventId: number,
    fields: Record<string, string> = BOOKER,
    remoteAddress = `10.0.${Math.floor(++address / 250)}.${address % 250}`,
  ) => t.app.inject({ method: 'POST', url: `/training/events/${eventId}/book`, payload: form(fields), headers: FORM, remoteAddress });

  it('lists upcoming events, filtered without JavaScript, and keeps past ones with their materials', async () => {
    const law = await publishedEvent(repo(), now);
    const webinar = await publishedEvent(repo(), now, {
      title: 'Online stalking webinar',
      format: 'online',
      topic: 'cyber',
      audiences: ['advocates'],
      joiningUrl: 'https://meet.example.org/secret-room',
      date: '2027-02-01',
    });
    const past = await publishedEvent(repo(), now, { title: 'Recognising stalking (recorded)', topic: 'awareness', date: '2027-01-05' });
    const draft = await repo().createEvent((await import('./test-support.ts')).eventDraft({ title: 'Unpublished draft' }), now);

    const list = await t.app.inject({ url: '/training' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(law.title);
    expect(list.body).toContain(webinar.title);
    expect(list.body).not.toContain(past.title);
    expect(list.body).not.toContain('Unpublished draft');
    expect(list.body).toContain('20 places left');

    const police = await t.app.inject({ url: '/training?audience=police&format=in-person&region=london' });
    expect(police.body).toContain(law.title);
    expect(police.body).not.toContain(webinar.title);
    const wales = await t.app.inject({ url: '/training?region=wales' });
    expect(wales.body).toContain(webinar.title);
    expect(wales.body).not.toContain(law.title);
    const dates = await t.app.inject({ url: '/training?from=2027-02-01&to=2027-02-28' });
    expect(dates.body).toContain(webinar.title);
    expect(dates.body).not.toContain(law.title);

    const pastList = await t.app.inject({ url: '/training?when=past' });
    expect(pastList.body).toContain(past.title);
    const pastPage = await t.app.inject({ url: `/training/events/${past.id}` });
    expect(pastPage.statusCode).toBe(200);
    expect(pastPage.body).toContain('This event has finished');
    expect(pastPage.body).toContain('https://example.org/slides.pdf');
    expect(pastPage.body).not.toContain('Book a place');

    const page = await t.app.inject({ url: `/training/events/${law.id}` });
    for (const text of [
      'Agenda',
      '10:00 The offences',
      'DS B. Officer',
      '3 hours 30 minutes',
      '3 hours',
      'Free',
      'Step-free access',
      '20 places left',
      'Book a place',
    ])
      expect(page.body).toContain(text);
    const online = await t.app.inject({ url: `/training/events/${webinar.id}` });
    expect(online.body).not.toContain('secret-room');
    expect((await t.app.inject({ url: `/training/events/${draft.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/training/events/99999' })).statusCode).toBe(404);
  });

  it('re-shows the form with every problem and what was typed', async () => {
    const event = await publishedEvent(repo(), now);
    const empty = await book(event.id, { name: '', organisation: 'Org', role: '', email: '', phone: '', accessNeeds: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
    expect(empty.body).toContain('Enter your name');
    expect(empty.body).toContain('Enter a work email address or a work phone number');
    expect(empty.body).toContain('value="Org"');
    const bad = await book(event.id, { ...BOOKER, email: 'sam@@example', name: 'x'.repeat(150) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an email address in the right format');
    expect(bad.body).toContain('100 characters or fewer');
    expect(bad.body).toContain('value="sam@@example"');
    const huge = await t.app.inject({
      method: 'POST',
      url: `/training/events/${event.id}/book`,
      payload: form({ ...BOOKER, accessNeeds: 'y'.repeat(40_000) }),
      headers: FORM,
    });
    expect(huge.statusCode).toBe(413);
    expect(await repo().bookings(event.id)).toHaveLength(0);
    // The form says why contact details are asked, and that victims never need them.
    expect(empty.body).toContain('People who are being stalked never need to give an email address or phone number');
  });

  it('books, shows the private page and the calendar file, and a place for the first waiting when one cancels', async () => {
    const event = await publishedEvent(repo(), now, {
      title: 'Two-place webinar',
      format: 'online',
      joiningUrl: 'https://meet.example.org/room-42',
      capacity: '2',
    });
    const tokens: string[] = [];
    for (const name of ['Ann One', 'Ben Two', 'Cat Three', 'Dan Four']) {
      const res = await book(event.id, { ...BOOKER, name });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      tokens.push(tokenOf(res.headers.location)!);
    }
    const [ann, , cat, dan] = tokens as [string, string, string, string];
    const annPage = await t.app.inject({ url: `/training/booking?t=${ann}&new=1` });
    expect(annPage.statusCode).toBe(200);
    expect(annPage.headers['cache-control']).toBe('no-store');
    expect(annPage.body).toMatch(/data-reference>TR-[2-9A-Z]{4}-[2-9A-Z]{4}</);
    expect(annPage.body).toContain('https://meet.example.org/room-42');
    const catPage = await t.app.inject({ url: `/training/booking?t=${cat}` });
    expect(catPage.body).toContain('You are number 1 on the waiting list');
    expect(catPage.body).not.toContain('room-42');
    expect((await t.app.inject({ url: `/training/booking?t=${dan}` })).body).toContain('You are number 2 on the waiting list');
    expect((await t.app.inject({ url: `/training/events/${event.id}` })).body).toContain('Fully booked');

    const ics = await t.app.inject({ url: `/training/booking/calendar.ics?t=${ann}` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(ics.body).toContain('DTSTART:20270315T093000Z');
    expect(ics.body).toContain(`UID:training-${event.id}@`);
    expect(ics.body.replace(/\r\n[ \t]/g, '')).toContain('https://meet.example.org/room-42');
    const waitingIcs = await t.app.inject({ url: `/training/booking/calendar.ics?t=${cat}` });
    expect(waitingIcs.body.replace(/\r\n[ \t]/g, '')).not.toContain('room-42');

    // Ann cancels: Cat (first waiting) gets the place and is told on her page; Dan moves up to first.
    expect((await t.app.inject({ url: `/training/booking/cancel?t=${ann}` })).body).toContain('Cancel your booking?');
    const cancelled = await t.app.inject({ method: 'POST', url: `/training/booking/cancel?t=${ann}`, payload: '', headers: FORM });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.body).toContain('Booking cancelled');
    const promoted = await t.app.inject({ url: `/training/booking?t=${cat}` });
    expect(promoted.body).toContain('A place became free and it is yours');
    expect(promoted.body).toContain('room-42');
    expect((await t.app.inject({ url: `/training/booking?t=${dan}` })).body).toContain('You are number 1 on the waiting list');
    // The cancelled link is dead: replaying it, or cancelling again, is a 404.
    expect((await t.app.inject({ url: `/training/booking?t=${ann}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/training/booking/cancel?t=${ann}`, payload: '', headers: FORM })).statusCode).toBe(
      404,
    );
    const stored = await repo().bookings(event.id);
    expect(stored.map((b) => [b.name, b.status])).toEqual([
      ['Ann One', 'cancelled'],
      ['Ben Two', 'booked'],
      ['Cat Three', 'booked'],
      ['Dan Four', 'waiting'],
    ]);
    expect((await repo().event(event.id))!.bookedCount).toBe(2);
    // Only a hash of the link is stored.
    const rows = await t.services.database.db
      .selectFrom('training_bookings')
      .select('token_hash')
      .where('event_id', '=', event.id)
      .execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(cat);
  });

  it('changes details through the private link, keeping what was typed when it is wrong', async () => {
    const event = await publishedEvent(repo(), now);
    const token = tokenOf((await book(event.id)).headers.location)!;
    const bad = await t.app.inject({
      method: 'POST',
      url: `/training/booking/change?t=${token}`,
      payload: form({ ...BOOKER, phone: 'call me' }),
      headers: FORM,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a phone number');
    expect(bad.body).toContain('value="call me"');
    expect((await t.app.inject({ url: `/training/booking?t=${token}` })).body).toContain('Sam Patel');
    const good = await t.app.inject({
      method: 'POST',
      url: `/training/booking/change?t=${token}`,
      payload: form({ ...BOOKER, name: 'Sam Patel-Jones', accessNeeds: 'BSL interpreter\n\n  and a quiet room' }),
      headers: FORM,
    });
    expect(good.statusCode).toBe(303);
    expect((await repo().bookings(event.id))[0]!.accessNeeds).toBe('BSL interpreter\n\n  and a quiet room');
    // The kept page moves on with the change, and keeps the person's own line breaks.
    const after = await t.app.inject({ url: `/training/booking?t=${token}`, headers: { 'accept-encoding': 'br' } });
    expect(after.headers['content-encoding']).toBe('br');
    const html = (await import('node:zlib')).brotliDecompressSync(after.rawPayload).toString();
    expect(html).toContain('Sam Patel-Jones');
    expect(html).toContain('BSL interpreter\n\n  and a quiet room</textarea>');
  });

  it('answers forged and guessed links and codes with 404, and limits guessing', async () => {
    const forged = 'A'.repeat(43);
    for (const url of [
      `/training/booking?t=${forged}`,
      '/training/booking?t=short',
      '/training/booking',
      `/training/booking/calendar.ics?t=${forged}`,
      `/training/booking/certificate.pdf?t=${forged}`,
    ]) {
      expect((await t.app.inject({ url, remoteAddress: '192.0.2.1' })).statusCode, url).toBe(404);
    }
    const code = await t.app.inject({ url: '/training/certificates?code=CB-2222-3333-4444-5555', remoteAddress: '192.0.2.1' });
    expect(code.statusCode).toBe(404);
    expect(code.body).toContain('We could not find a certificate with that code');
    expect((await t.app.inject({ url: "/training/certificates?code=' or 1=1", remoteAddress: '192.0.2.1' })).statusCode).toBe(404);
    // Nonsense in paths and queries is a clear 4xx or simply ignored, never a stack trace.
    expect([400, 404]).toContain((await t.app.inject({ url: '/training/events/abc' })).statusCode);
    const odd = await t.app.inject({ url: '/training?audience=%00&from=zzz&region=<script>' });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('match your filters');
    expect((await t.app.inject({ url: `/training/certificates?code=${'x'.repeat(5000)}`, remoteAddress: '192.0.2.3' })).statusCode).toBe(
      404,
    );
    let last = 0;
    for (let i = 0; i < 30; i++)
      last = (await t.app.inject({ url: `/training/booking?t=${forged}`, remoteAddress: '192.0.2.2' })).statusCode;
    expect(last).toBe(404);
    const limited = await t.app.inject({ url: `/training/booking?t=${forged}`, remoteAddress: '192.0.2.2' });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many tries');
  });

  it('limits bookings from one address', async () => {
    const event = await publishedEvent(repo(), now, { capacity: '100' });
    let status = 0;
    for (let i = 0; i < 30; i++) status = (await book(event.id, BOOKER, '198.51.100.7')).statusCode;
    expect(status).toBe(303);
    const refused = await book(event.id, BOOKER, '198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(await repo().bookings(event.id)).toHaveLength(30);
  });

  it('refuses bookings for cancelled and started events with a clear message', async () => {
    const cancelled = await publishedEvent(repo(), now);
    await repo().setStatus(cancelled.id, 'cancelled', now);
    const res = await book(cancelled.id);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('This event has been cancelled');
    expect((await t.app.inject({ url: `/training/events/${cancelled.id}/book` })).statusCode).toBe(409);
    const soon = await publishedEvent(repo(), now, { date: '2027-01-10', startTime: '13:00', endTime: '15:00' });
    const token = tokenOf((await book(soon.id)).headers.location)!;
    now = Date.UTC(2027, 0, 10, 13, 30);
    const late = await book(soon.id);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Bookings for this event have closed');
    // The booking page still works, without the change and cancel forms.
    const page = await t.app.inject({ url: `/training/booking?t=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Cancel your booking');
    expect(
      (await t.app.inject({ method: 'POST', url: `/training/booking/cancel?t=${token}`, payload: '', headers: FORM })).statusCode,
    ).toBe(409);
  });

  it('gives every way to support the helpline, with an sms: link, and says on the privacy page how long bookings are kept', async () => {
    const support = await t.app.inject({ url: '/about/supporting-the-helpline' });
    expect(support.statusCode).toBe(200);
    expect(support.body).toContain('href="sms:70070?body=NASH%2011%20%C2%A35"');
    expect(support.body).toContain('<strong>NASH 11 £5</strong> to 70070');
    for (const text of ['Fundraise', 'Volunteer', 'href="/training"', 'never takes payments']) expect(support.body).toContain(text);
    expect(support.body).not.toMatch(/<form|card number/i);
    const privacy = await t.app.inject({ url: '/about/privacy' });
    expect(privacy.body).toContain(`We keep them for ${DEFAULT_RETENTION_DAYS} days after the event`);
    expect(t.services.training.retentionDays).toBe(DEFAULT_RETENTION_DAYS);
  });

  it('anonymises bookings the retention period after the event, and the link stops working', async () => {
    now = Date.UTC(2027, 0, 10, 12);
    const event = await publishedEvent(repo(), now, { date: '2027-01-20' });
    const token = tokenOf((await book(event.id, { ...BOOKER, accessNeeds: 'Step-free access' })).headers.location)!;
    const endedAt = event.endsAt;
    const days = t.services.training.retentionDays;
    await sweepTrainingBookings(t.services.training, endedAt + days * 86_400_000 - 1);
    expect((await repo().bookings(event.id))[0]!.name).toBe('Sam Patel');
    expect(await sweepTrainingBookings(t.services.training, endedAt + days * 86_400_000)).toBeGreaterThanOrEqual(1);
    const [anon] = await repo().bookings(event.id);
    expect(anon).toMatchObject({
      name: '',
      organisation: '',
      role: '',
      email: null,
      phone: null,
      accessNeeds: null,
      anonymised: true,
      status: 'booked',
    });
    expect((await t.app.inject({ url: `/training/booking?t=${token}` })).statusCode).toBe(404);
    expect((await repo().event(event.id))!.bookedCount).toBe(1);
    // A second sweep has nothing left to do for that event.
    expect((await repo().bookings(event.id))[0]!.anonymised).toBe(true);
  });
});
