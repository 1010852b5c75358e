import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/support/smtp.ts';
import { BOOKER, FORM, form, publishedEvent } from './test-support.ts';

const tokenOf = (location: unknown) => /[?&]t=([A-Za-z0-9_-]{43})/.exec(String(location))?.[1];

describe('training: email through a real SMTP server when SMTP_URL is set', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  const now = Date.UTC(2027, 0, 10, 12);
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await buildTestApp({ clock: () => now, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Casebook training <training@casebook.test>' } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends the booking with its private link, the waiting list, the place that came free, and the cancellation', async () => {
    const event = await publishedEvent(t.services.training.repo, now, { capacity: '1', title: 'One-place seminar' });
    const book = (name: string, email: string, phone = '') =>
      t.app.inject({
        method: 'POST',
        url: `/training/events/${event.id}/book`,
        payload: form({ ...BOOKER, name, email, phone }),
        headers: FORM,
        remoteAddress: `10.1.1.${name.length}`,
      });
    const first = await book('Ann One', 'ann@example.police.uk');
    const second = await book('Bea Second', 'bea@example.org');
    const third = await book('Cy Phone-only', '', '020 7946 0000');
    for (const r of [first, second, third]) expect(r.statusCode).toBe(303);

    const confirmed = await smtp.waitFor('ann@example.police.uk', 'Booking confirmed: One-place seminar');
    expect(confirmed.raw).toContain('From: Casebook training <training@casebook.test>');
    expect(confirmed.raw).toContain(`/training/booking?t=${tokenOf(first.headers.location)}`);
    expect(confirmed.raw).toMatch(/reference: TR-/);
    const waiting = await smtp.waitFor('bea@example.org', 'On the waiting list');
    expect(waiting.raw).toContain('you are on the waiting list');

    const cancel = await t.app.inject({
      method: 'POST',
      url: `/training/booking/cancel?t=${tokenOf(first.headers.location)}`,
      payload: '',
      headers: FORM,
    });
    expect(cancel.statusCode).toBe(200);
    await smtp.waitFor('ann@example.police.uk', 'Booking cancelled');
    const promoted = await smtp.waitFor('bea@example.org', 'A place is yours');
    expect(promoted.raw).toContain('you were first on the waiting list');
    // The booking page says it too, and the page mentions the email only because a mail server is set.
    const page = await t.app.inject({ url: `/training/booking?t=${tokenOf(second.headers.location)}` });
    expect(page.body).toContain('A place became free and it is yours');
    // Nobody who gave only a phone number is emailed.
    expect(smtp.mails.flatMap((m) => m.to).sort()).toEqual([
      'ann@example.police.uk',
      'ann@example.police.uk',
      'bea@example.org',
      'bea@example.org',
    ]);
  });
});
