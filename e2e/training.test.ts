import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE, watchForProblems } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';

const run = promisify(execFile);
const h = useHarness();
const base = () => h.server.url.replace('127.0.0.1', 'localhost');
const PASSWORD = 'training lantern orchard 27';
const totp = (secret: string) => new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();

/** axe on the page as it is and a screenshot, then the same address at the other size (same cookies): no sideways scrolling, and a screenshot. */
async function look(browser: Browser, page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  const wide = page.viewportSize()!.width > PHONE.width;
  await saveScreenshot(page, `training-${name}-${wide ? 'desktop' : 'phone'}`);
  const other = await newContext(browser, wide ? PHONE : DESKTOP);
  await other.addCookies(await page.context().cookies());
  const p = await other.newPage();
  await p.goto(page.url());
  expect(
    await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    `${name} sideways scroll`,
  ).toBeLessThanOrEqual(0);
  await saveScreenshot(p, `training-${name}-${wide ? 'phone' : 'desktop'}`);
  await other.close();
}

describe('training and events in Chromium', { timeout: 240_000 }, () => {
  it('staff publish an event; a professional finds it, books, adds it to a calendar and cancels; the waiting list moves up; attendance and a certificate, checked', async () => {
    // A workspace member with the training role (the first administrator, who gives it to themselves).
    const { stdout } = await run(
      process.execPath,
      ['scripts/staff-create-admin.ts', '--sign-in-name', 'tess', '--display-name', 'Tess Trainer'],
      { env: { ...process.env, DATA_DIR: h.server.dataDir, NODE_ENV: 'test' } },
    );
    const setupCode = /Set-up code[^:]*: ([A-Z0-9-]+)/.exec(stdout)![1]!;
    const staffContext = await newContext(h.browser, DESKTOP);
    const staff = await staffContext.newPage();
    staff.setDefaultTimeout(20_000);
    const problems = watchForProblems(staff, new URL(base()).origin);
    await staff.goto(`${base()}/staff/set-up`);
    await staff.getByLabel('Set-up code').fill(setupCode);
    await staff.getByRole('button', { name: 'Continue' }).click();
    const secret = (await staff.locator('[data-totp-secret]').textContent())!.replace(/\s/g, '');
    await staff.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await staff.getByLabel('Password again').fill(PASSWORD);
    await staff.getByLabel('Code your app now shows').fill(totp(secret));
    await staff.getByRole('button', { name: 'Finish setting up' }).click();
    await staff.waitForURL(`${base()}/staff`, { timeout: 60_000 });
    const granted = await staff.evaluate(async () => {
      const csrf = document.querySelector<HTMLMetaElement>('meta[name="casebook-staff-csrf"]')!.content;
      const me = (await (await fetch('/api/staff/session')).json()) as { staff: { id: string; roles: string[] } };
      const res = await fetch(`/api/staff/members/${me.staff.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ roles: [...me.staff.roles, 'training'] }),
      });
      return res.status;
    });
    expect(granted).toBe(200);
    await staff.reload();
    await staff.getByRole('link', { name: 'Training', exact: true }).first().click();
    await staff.waitForURL(`${base()}/staff/training`);
    await look(h.browser, staff, 'staff-events-empty');

    // Create an event: a mistake first, then the whole form; then publish it.
    await staff.getByRole('button', { name: 'Create an event' }).click();
    await staff.getByLabel('Title').fill('Stalking and the law for legal professionals');
    await staff.getByRole('button', { name: 'Save' }).click();
    expect(await staff.locator('.govuk-error-summary').textContent()).toContain('Enter a short summary');
    expect(await staff.getByLabel('Title').inputValue()).toBe('Stalking and the law for legal professionals');
    await look(h.browser, staff, 'staff-event-form-errors');
    await staff.getByLabel('Summary').fill('A morning seminar on the offences, protective orders and evidence, online.');
    await staff.getByLabel('Solicitors and legal professionals').check();
    await staff.getByLabel('Police officers and staff').check();
    await staff.getByLabel('Topic').selectOption('law');
    await staff.getByLabel('Online', { exact: true }).check();
    await staff.getByLabel('Joining link (online)').fill('https://meet.example.org/nsh-law-seminar');
    await staff.getByLabel('Date').fill('2031-03-17');
    await staff.getByLabel('Starts (UK time)').fill('09:30');
    await staff.getByLabel('Ends (UK time)').fill('12:30');
    await staff.getByLabel('Places').fill('1');
    await staff.getByLabel('CPD hours').fill('3');
    await staff.getByLabel('Fee in pounds, paid by invoice').fill('0');
    await staff
      .getByLabel('Agenda')
      .fill('09:30 Welcome\n09:45 The offences: harassment and stalking\n11:00 Stalking Protection Orders\n12:15 Questions');
    await staff.getByLabel('Speakers').fill('A. Barrister, criminal law\nDS B. Officer, stalking unit');
    await staff.getByLabel('Accessibility').fill('Live captions and a recording for 30 days. Tell us about anything else you need.');
    await staff.getByRole('button', { name: 'Save' }).click();
    await staff.waitForURL(/\/staff\/training\/events\/\d+$/);
    const eventId = Number(/events\/(\d+)$/.exec(staff.url())![1]);
    await staff.getByRole('button', { name: 'Publish' }).click();
    await staff.waitForURL(/done=publish/);
    expect(await staff.locator('.govuk-notification-banner').textContent()).toContain('The event is published');

    // The filters are a plain form: they work without JavaScript.
    const noJs = await newContext(h.browser, DESKTOP, false);
    const plain = await noJs.newPage();
    plain.setDefaultTimeout(20_000);
    await plain.goto(`${base()}/training`);
    await plain.getByLabel('Who it is for').selectOption('health');
    await plain.getByRole('button', { name: 'Show events' }).click();
    expect(plain.url()).toContain('audience=health');
    expect(await plain.locator('main h2').nth(1).textContent()).toContain('0 events match your filters');
    await noJs.close();

    // A professional on a desktop finds it with the filters.
    const annContext = await h.browser.newContext({ viewport: DESKTOP, acceptDownloads: true, deviceScaleFactor: 1 });
    const ann = await annContext.newPage();
    ann.setDefaultTimeout(20_000);
    watchForProblems(ann, new URL(base()).origin, { into: problems });
    await ann.goto(`${base()}/training`);
    await ann.getByLabel('Who it is for').selectOption('legal');
    await ann.getByLabel('Online or in person').selectOption('online');
    await ann.getByRole('button', { name: 'Show events' }).click();
    expect(ann.url()).toContain('audience=legal');
    expect(await ann.locator('.casebook-training-list').textContent()).toContain('Stalking and the law for legal professionals');
    await look(h.browser, ann, 'list-filtered');
    await ann.getByRole('link', { name: 'Stalking and the law for legal professionals' }).click();
    expect(await ann.locator('[data-places-left]').textContent()).toBe('1 place left');
    expect(await ann.content()).not.toContain('nsh-law-seminar');
    await look(h.browser, ann, 'event');
    await ann.getByRole('button', { name: 'Book a place' }).click();
    await ann.getByRole('button', { name: 'Book a place' }).click();
    expect(await ann.locator('.govuk-error-summary').textContent()).toContain('Enter your name');
    await look(h.browser, ann, 'book-errors');
    await ann.getByLabel('Your name').fill('Ann Advocate');
    await ann.getByLabel('Organisation').fill('Example Solicitors LLP');
    await ann.getByLabel('Job title or role').fill('Solicitor');
    await ann.getByLabel('Work email address').fill('ann@example-solicitors.co.uk');
    await ann.getByLabel('Access needs (optional)').fill('Captions, please');
    await ann.getByRole('button', { name: 'Book a place' }).click();
    await ann.waitForURL(/\/training\/booking\?t=/);
    expect(await ann.locator('.govuk-panel').textContent()).toContain('You have a place');
    expect(await ann.locator('[data-joining-link]').getAttribute('href')).toBe('https://meet.example.org/nsh-law-seminar');
    await look(h.browser, ann, 'booking-new');
    const annLink = ann.url().replace('&new=1', '');
    const download = ann.waitForEvent('download');
    await ann.getByRole('link', { name: 'Add to your calendar (.ics file)' }).click();
    const ics = readFileSync((await (await download).path())!, 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('DTSTART:20310317T093000Z');
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('https://meet.example.org/nsh-law-seminar');

    // A second professional, on a phone, finds it full and joins the waiting list.
    const benContext = await newContext(h.browser, PHONE);
    const ben = await benContext.newPage();
    ben.setDefaultTimeout(20_000);
    watchForProblems(ben, new URL(base()).origin, { into: problems });
    await ben.goto(`${base()}/training/events/${eventId}`);
    expect(await ben.locator('[data-places-left]').textContent()).toContain('Fully booked');
    await ben.getByRole('button', { name: 'Join the waiting list' }).click();
    await ben.getByLabel('Your name').fill('Ben Officer');
    await ben.getByLabel('Organisation').fill('Example Constabulary');
    await ben.getByLabel('Job title or role').fill('Detective Sergeant');
    await ben.getByLabel('Work phone number').fill('020 7946 0000');
    await ben.getByRole('button', { name: 'Join the waiting list' }).click();
    await ben.waitForURL(/\/training\/booking\?t=/);
    expect(await ben.locator('[data-booking-status]').textContent()).toContain('number 1 on the waiting list');
    expect(await ben.locator('[data-joining-link]').count()).toBe(0);
    await look(h.browser, ben, 'booking-waiting');

    // Ann cancels; the link then stops working; Ben has her place and the joining link.
    await ann.goto(annLink);
    await ann.getByRole('button', { name: 'Cancel your booking' }).click();
    await look(h.browser, ann, 'cancel-confirm');
    await ann.getByRole('button', { name: 'Yes, cancel it' }).click();
    expect(await ann.locator('.govuk-panel').textContent()).toContain('Booking cancelled');
    await saveScreenshot(ann, 'training-cancelled-desktop');
    expect(await axeViolations(ann)).toEqual([]);
    expect((await ann.goto(annLink))!.status()).toBe(404);
    await ben.reload();
    expect(await ben.locator('.govuk-notification-banner').textContent()).toContain('A place became free and it is yours');
    expect(await ben.locator('[data-joining-link]').count()).toBe(1);
    await look(h.browser, ben, 'booking-promoted');
    const benLink = ben.url();

    // Staff see Ben with his place (and where it came from), mark him as attended and issue certificates.
    await staff.goto(`${base()}/staff/training/events/${eventId}`);
    expect(await staff.locator('main').textContent()).toContain('From the waiting list');
    await staff.getByLabel('Ben Officer attended').check();
    await staff.getByRole('button', { name: 'Save attendance' }).click();
    await staff.waitForURL(/done=attendance/);
    await staff.getByRole('button', { name: 'Issue certificates' }).click();
    await staff.waitForURL(/done=certificates/);
    await look(h.browser, staff, 'staff-event');

    // Ben's certificate, and anyone checking its code.
    await ben.goto(benLink);
    const code = (await ben.locator('[data-certificate-code]').textContent())!;
    expect(code).toMatch(/^CB-/);
    await ben.goto(`${base()}/training/certificates`);
    await look(h.browser, ben, 'certificate-form');
    await ben.getByLabel('Certificate code').fill(code.toLowerCase());
    await ben.getByRole('button', { name: 'Check' }).click();
    expect(await ben.locator('h1').textContent()).toBe('This certificate is genuine');
    expect(await ben.locator('main').textContent()).toContain('Ben Officer');
    expect(await ben.locator('main').textContent()).not.toContain('Ann Advocate');
    await look(h.browser, ben, 'certificate-valid');
    await ben.goto(`${base()}/training/certificates?code=CB-2222-3333-4444-5555`);
    expect(await ben.locator('.govuk-error-summary').textContent()).toContain('could not find a certificate');

    // A campaign on the home page, set in the workspace.
    await staff.goto(`${base()}/staff/training/campaigns`);
    await staff.getByLabel('Name').fill('National Stalking Awareness Week');
    await staff.getByLabel('What the home page says').fill('This week we are raising awareness of stalking. Find out how to recognise it.');
    await staff.getByLabel('Link (optional)').fill('/understand/what-is-stalking');
    const today = new Date().toISOString().slice(0, 10);
    await staff.getByLabel('First day').fill(today);
    await staff.getByLabel('Last day').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    await staff.getByRole('button', { name: 'Save campaign' }).click();
    await staff.waitForURL(`${base()}/staff/training/campaigns`);
    await look(h.browser, staff, 'staff-campaigns');
    await ben.goto(`${base()}/`);
    expect(await ben.locator('[data-campaign]').textContent()).toContain('National Stalking Awareness Week');
    await look(h.browser, ben, 'home-campaign');

    expect(problems).toEqual([]);
    await Promise.all([staffContext.close(), annContext.close(), benContext.close()]);
  });
});
