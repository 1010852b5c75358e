import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, firstAdmin, type SetUpMember, totpNow } from '../../../../test/support/staff.ts';
import { BOOKER, EVENT_FORM, FORM, form } from './test-support.ts';

const tokenOf = (location: unknown) => /[?&]t=([A-Za-z0-9_-]{43})/.exec(String(location))?.[1];

describe('training: the workspace, certificates and campaigns (SQLite)', () => {
  let t: TestApp;
  let now = Date.UTC(2027, 0, 10, 12);
  let admin: SetUpMember;
  let trainer: SetUpMember;
  let caseworker: SetUpMember;
  beforeAll(async () => {
    t = await buildTestApp({ clock: () => now });
    admin = await firstAdmin(t.app, t.services, () => now);
    trainer = await addMember(admin.client, ['training'], () => now, 'Tess Trainer');
    caseworker = await addMember(admin.client, ['caseworker'], () => now);
  }, 60_000);
  afterAll(async () => t?.close());

  const post = (who: SetUpMember, url: string, fields: Record<string, string | string[]> = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ _csrf: who.client.csrf, ...fields }))
      for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    return who.client.request('POST', url, { body: params.toString(), headers: FORM });
  };
  /** The clock jumps by weeks here, past any session: sign in again as the member would. */
  const signIn = async (who: SetUpMember) => {
    const res = await who.client.request('POST', '/api/staff/sign-in/password', {
      body: { signInName: who.signInName, authKey: who.authKey, totp: totpNow(who.totpSecret, now) },
    });
    if (res.statusCode !== 200) throw new Error(`sign in ${res.statusCode} ${res.body}`);
  };
  const book = (eventId: number, name: string, i: number) =>
    t.app.inject({
      method: 'POST',
      url: `/training/events/${eventId}/book`,
      payload: form({ ...BOOKER, name, organisation: i === 1 ? '=HYPERLINK("http://evil.example","x")' : BOOKER.organisation }),
      headers: FORM,
      remoteAddress: `203.0.113.${i}`,
    });

  it('is for the training role only', async () => {
    expect((await caseworker.client.request('GET', '/staff/training')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/staff/training', headers: { accept: 'text/html' } })).statusCode).toBe(303);
    const home = await trainer.client.request('GET', '/staff');
    expect(home.body).toContain('href="/staff/training"');
    expect((await post(caseworker, '/staff/training/events', EVENT_FORM)).statusCode).toBe(403);
    // Without the CSRF token nothing changes.
    const forged = await trainer.client.request('POST', '/staff/training/events', {
      body: form({ ...EVENT_FORM, audiences: 'police' }),
      headers: { ...FORM, 'x-csrf-token': 'wrong' },
    });
    expect(forged.statusCode).toBe(403);
  });

  it('creates, publishes, books, marks attendance, issues and checks certificates, exports, copies and cancels', async () => {
    // A bad form comes back with its problems and what was typed.
    const bad = await post(trainer, '/staff/training/events', { ...EVENT_FORM, title: '', capacity: 'lots', audiences: ['police'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a title');
    expect(bad.body).toContain('Enter the number of places');
    expect(bad.body).toContain('value="lots"');

    const created = await post(trainer, '/staff/training/events', { ...EVENT_FORM, capacity: '2', audiences: ['police', 'legal'] });
    expect(created.statusCode).toBe(303);
    const eventPath = String(created.headers.location);
    const id = Number(/\/events\/(\d+)$/.exec(eventPath)![1]);
    expect((await t.app.inject({ url: `/training/events/${id}` })).statusCode).toBe(404);
    expect((await post(trainer, `${eventPath}/publish`)).statusCode).toBe(303);
    expect((await t.app.inject({ url: `/training/events/${id}` })).body).toContain('2 places left');

    const tokens = [];
    for (const [i, name] of ['Ann One', 'Ben Two', 'Cat Three'].entries())
      tokens.push(tokenOf((await book(id, name, i + 1)).headers.location)!);
    const detail = await trainer.client.request('GET', eventPath);
    expect(detail.body).toContain('Ann One');
    expect(detail.body).toContain('Waiting list (1)');
    expect(detail.body).toMatch(/Cat Three[^<]*\(TR-/);

    // Changing the capacity moves the first waiting person up.
    const edit = await trainer.client.request('GET', `${eventPath}/edit`);
    expect(edit.body).toContain('value="2027-03-15"');
    expect(edit.body).toContain('value="09:30"');
    expect((await post(trainer, eventPath, { ...EVENT_FORM, capacity: '3', audiences: ['police', 'legal'] })).statusCode).toBe(303);
    expect((await t.app.inject({ url: `/training/booking?t=${tokens[2]}` })).body).toContain('A place became free and it is yours');

    // After the event: attendance, then certificates.
    now = Date.UTC(2027, 2, 15, 14);
    await signIn(trainer);
    const bookings = await t.services.training.repo.bookings(id);
    const [ann, ben] = bookings;
    expect((await post(trainer, `${eventPath}/attendance`, { attended: [String(ann!.id), String(ben!.id)] })).statusCode).toBe(303);
    expect((await post(trainer, `${eventPath}/certificates`)).statusCode).toBe(303);
    const annPage = await t.app.inject({ url: `/training/booking?t=${tokens[0]}` });
    const code = /data-certificate-code>(CB-[A-Z0-9-]+)</.exec(annPage.body)![1]!;
    expect((await t.app.inject({ url: `/training/booking?t=${tokens[2]}` })).body).not.toContain('data-certificate-code');

    const check = await t.app.inject({ url: `/training/certificates?code=${code.toLowerCase()}` });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('This certificate is genuine');
    expect(check.body).toContain('Ann One');
    expect(check.body).toContain(EVENT_FORM.title);
    expect(check.body).toContain('3 hours');
    expect(check.body).not.toContain('Ben Two');

    const pdf = await t.app.inject({ url: `/training/booking/certificate.pdf?t=${tokens[0]}` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'certificate-'));
    writeFileSync(join(dir, 'c.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
    for (const expected of ['Certificate of attendance', 'Ann One', EVENT_FORM.title, 'CPD: 3 hours', code])
      expect(text).toContain(expected);
    expect((await t.app.inject({ url: `/training/booking/certificate.pdf?t=${tokens[2]}` })).statusCode).toBe(404);

    const csv = await trainer.client.request('GET', `${eventPath}/bookings.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv.body).toContain('Ann One');
    expect(csv.body.split('\r\n')[0]).toContain('Reference,Status');

    const copy = await post(trainer, `${eventPath}/copy`);
    expect(copy.statusCode).toBe(303);
    const copyId = Number(/\/events\/(\d+)\/edit$/.exec(String(copy.headers.location))![1]);
    const copied = await t.services.training.repo.event(copyId);
    expect(copied).toMatchObject({ status: 'draft', title: `${EVENT_FORM.title} (copy)`, capacity: 3, bookedCount: 0 });

    expect((await trainer.client.request('GET', `${eventPath}/cancel`)).body).toContain('Yes, cancel the event');
    expect((await post(trainer, `${eventPath}/cancel`)).statusCode).toBe(303);
    expect((await t.app.inject({ url: `/training/booking?t=${tokens[1]}` })).body).toContain('This event has been cancelled');
    expect((await post(trainer, `${eventPath}/publish`)).statusCode).toBe(409);

    const { entries } = await t.services.audit.list({ action: 'training.' });
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'training.event.create',
      'training.event.publish',
      'training.event.update',
      'training.attendance.mark',
      'training.certificate.issue',
      'training.bookings.export',
      'training.event.copy',
      'training.event.cancel',
    ]);
    expect(entries.every((e) => e.staffId === trainer.id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('Ann One');
    expect((await t.services.audit.verifyChain()).ok).toBe(true);
  });

  it('shows a campaign on the home page for its dates only, and a change at once', async () => {
    now = Date.UTC(2027, 3, 10, 12);
    await signIn(trainer);
    const before = await t.app.inject({ url: '/' });
    expect(before.body).not.toContain('data-campaign');
    const bad = await post(trainer, '/staff/training/campaigns', { title: '', message: 'x', startsOn: '2027-04-19', endsOn: '2027-04-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The last day must be on or after the first day');
    const saved = await post(trainer, '/staff/training/campaigns', {
      title: 'National Stalking Awareness Week',
      message: 'This week we are raising awareness of stalking.',
      linkUrl: '/training',
      startsOn: '2027-04-19',
      endsOn: '2027-04-25',
    });
    expect(saved.statusCode).toBe(303);
    expect((await t.app.inject({ url: '/' })).body).not.toContain('National Stalking Awareness Week');
    now = Date.UTC(2027, 3, 18, 23, 0); // 00:00 on 19 April, London summer time
    await signIn(trainer);
    const during = await t.app.inject({ url: '/' });
    expect(during.body).toContain('National Stalking Awareness Week');
    expect(during.body).toContain('This week we are raising awareness of stalking.');
    const [campaign] = await t.services.training.repo.campaigns();
    expect(
      (
        await post(trainer, `/staff/training/campaigns/${campaign!.id}`, {
          title: 'National Stalking Awareness Week 2027',
          message: 'Changed words.',
          linkUrl: '',
          startsOn: '2027-04-19',
          endsOn: '2027-04-25',
        })
      ).statusCode,
    ).toBe(303);
    expect((await t.app.inject({ url: '/' })).body).toContain('Changed words.');
    now = Date.UTC(2027, 3, 25, 23, 0);
    await signIn(trainer);
    expect((await t.app.inject({ url: '/' })).body).not.toContain('data-campaign');
    expect((await post(trainer, `/staff/training/campaigns/${campaign!.id}/delete`)).statusCode).toBe(303);
    expect(await t.services.training.repo.campaigns()).toEqual([]);
    const { entries } = await t.services.audit.list({ action: 'training.campaign.' });
    expect(entries.map((e) => e.action)).toEqual(['training.campaign.delete', 'training.campaign.update', 'training.campaign.create']);
  });
});
