// Bringing messages in, in real Chromium at phone width (and one desktop pass): a WhatsApp chat with its preview,
// senders, date range and grouping; the same chat again (all duplicates); Cancel while reading and while saving,
// then resuming with nothing added twice; the other formats in quick passes; a hostile file's message. Every
// request body is recorded and searched for the messages' text, the senders and the file's bytes.

import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../src/domain/message-import/index.ts';
import { makeChat, renderWhatsAppExport } from '../src/domain/message-import/test-support.ts';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { deviceStorage, signUp } from './vault-flows.ts';

const h = useHarness();

/** One file of every other format, as the parsers' own tests read them. */
const FIXTURES: readonly { name: string; type: string; location?: boolean; desktop?: boolean }[] = [
  { name: 'sms-backup.xml', type: 'text/xml' },
  { name: 'sms-backup-calls.xml', type: 'text/xml' },
  { name: 'email-multipart.eml', type: 'message/rfc822' },
  { name: 'email.mbox', type: 'application/mbox', desktop: true },
  { name: 'instagram-message_1.json', type: 'application/json' },
  { name: 'facebook-message_1.json', type: 'application/json' },
  { name: 'whatsapp-iphone-with-media.zip', type: 'application/zip' },
  { name: 'photo-exif-gps.jpg', type: 'image/jpeg', location: true },
  { name: 'web-page.mhtml', type: 'multipart/related' },
];
const MARK = `Zebu${Date.now().toString(36)}`;

async function check(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await axeViolations(page), name).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await saveScreenshot(page, `import-${page.viewportSize()!.width}-${name}`);
}

/** Every request body the page sends, kept to search for plaintext afterwards. */
function recordBodies(page: Page): Buffer[] {
  const bodies: Buffer[] = [];
  page.on('request', (request: Request) => {
    const body = request.postDataBuffer();
    if (body) bodies.push(body);
    bodies.push(Buffer.from(request.url()));
  });
  return bodies;
}

function file(name: string, text: string | Buffer | Uint8Array, mimeType = 'text/plain') {
  return { name, mimeType, buffer: Buffer.from(text) };
}

async function openImport(page: Page): Promise<void> {
  await page.locator('.casebook-diary-menu').getByRole('button', { name: 'Bring in messages', exact: true }).click();
  await page.getByRole('heading', { name: 'Bring in messages' }).waitFor();
}

async function choose(page: Page, chosen: ReturnType<typeof file>): Promise<void> {
  await page.getByLabel('Choose the file').setInputFiles(chosen);
}

const chat = renderWhatsAppExport(
  [
    { local: '2026-03-01T18:30:00', sender: 'Sam Jones', text: `Why are you ignoring me ${MARK}` },
    { local: '2026-03-01T18:31:00', sender: 'Sam Jones', text: "I know where you live, you'll regret this" },
    { local: '2026-03-01T18:40:00', sender: 'Alex Morgan', text: 'Please stop messaging me' },
    { local: '2026-03-01T23:50:00', sender: 'Sam Jones', text: 'Answer me\nnow' },
    { local: '2026-03-03T07:00:00', sender: 'Sam Jones', text: `Morning ${MARK}` },
    { local: '2026-03-09T02:10:00', sender: 'Sam Jones', text: 'Still up?' },
  ],
  { platform: 'android', clock: 24, encryptionNotice: true },
);

describe('bringing messages into the diary', { timeout: 240_000 }, () => {
  it('imports a WhatsApp chat on a phone: preview, senders, dates, grouping, duplicates, cancel and resume', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
    });
    const bodies = recordBodies(page);
    await page.goto(`${h.server.url}/diary`);
    await signUp(page);

    await openImport(page);
    expect(await page.title()).toBe('Casebook');
    await check(page, 'choose');
    await choose(page, file('WhatsApp Chat with Sam Jones.txt', chat));
    await page.getByRole('heading', { name: 'What to bring in' }).waitFor();
    await expect.poll(() => page.getByLabel('Sam Jones (5 messages)').isChecked()).toBe(true);
    await page.getByLabel('Alex Morgan (1 message)').uncheck();
    await page.getByText('3 entries with 5 messages.').waitFor();
    await check(page, 'review');
    // Bursts split the first evening in two (a gap of over an hour).
    await page.getByLabel('One entry for each burst of messages').check();
    await page.getByText('4 entries with 5 messages.').waitFor();
    await page.getByLabel('One entry for each day').check();
    // The date range leaves out the last message.
    await page.getByLabel('To', { exact: true }).fill('2026-03-05');
    await page.getByText('2 entries with 4 messages.').waitFor();
    // The guessed behaviours are ticked, and can be changed.
    const first = page.locator('[data-import-group]').first();
    await expect.poll(() => first.getByLabel('Threatening to hurt you').isChecked()).toBe(true);
    await first.getByLabel('Posting or publishing things about you').check();
    await page.getByRole('button', { name: 'Add 2 entries' }).click();
    await page.getByRole('heading', { name: 'Added to your record' }).waitFor({ timeout: 30_000 });
    await check(page, 'done');

    // The same file again: everything already there is marked and left out; the new day can still be added.
    await page.getByRole('button', { name: 'Bring in another file' }).click();
    await choose(page, file('WhatsApp Chat with Sam Jones.txt', chat));
    await page.getByRole('heading', { name: 'What to bring in' }).waitFor();
    await page.getByLabel('Alex Morgan (1 message)').uncheck();
    await page.getByText(/4 messages are already in your record from an earlier import and are left out/).waitFor();
    await page.getByText('1 entry with 1 message.').waitFor();
    await expect.poll(() => page.locator('[data-import-group="duplicate"]').count()).toBe(2);
    await check(page, 'duplicates');
    await page.getByRole('button', { name: 'Add 1 entry' }).click();
    await page.getByRole('heading', { name: 'Added to your record' }).waitFor({ timeout: 30_000 });

    // The timeline shows them, and an entry holds its messages with the original file.
    await page.getByRole('button', { name: 'Go to your record' }).click();
    await page
      .getByText(/^3 messages from Sam Jones \(WhatsApp\), starting “Why are you ignoring me/)
      .first()
      .waitFor();
    await page.locator('.casebook-diary-timeline__entry', { hasText: 'starting “Why are you ignoring me' }).getByRole('button').click();
    await page.locator('[data-imported-messages]').getByText(`Why are you ignoring me ${MARK}`).waitFor();
    await page.getByText('WhatsApp Chat with Sam Jones.txt', { exact: true }).first().waitFor();
    await check(page, 'entry');

    // The pattern view and what the law needs count the contact; the told-to-stop date is marked on the person.
    await page.locator('.casebook-diary-menu').getByRole('button', { name: 'Patterns', exact: true }).click();
    const contact = page.locator('[data-contact-person="Sam Jones"]');
    await contact.getByText('5 messages and 0 calls from Sam Jones.').waitFor();
    await contact.getByRole('button', { name: 'Add the date for Sam Jones' }).click();
    await page.getByLabel('When you told them to stop contacting you (optional)').fill('2026-03-02');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.locator('.casebook-diary-menu').getByRole('button', { name: 'What the law needs', exact: true }).click();
    await contact
      .getByText('2 messages or calls came after you told them to stop on Monday 2 March 2026, the first on Tuesday 3 March 2026.')
      .waitFor();
    await contact.getByText('At night (between 10pm and 6am): 2 messages and 0 calls.').waitFor();
    await check(page, 'legal');

    // Cancel while reading a large chat; then the network goes while saving; then the same file again finishes it.
    const big = renderWhatsAppExport(makeChat(4_000, { senders: ['Sam Jones'] }), { platform: 'iphone', clock: 12 });
    await openImport(page);
    await choose(
      page,
      file('WhatsApp Chat with Sam Jones 3.txt', renderWhatsAppExport(makeChat(40_000), { platform: 'android', clock: 24 })),
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Bring in messages' }).waitFor();
    await choose(page, file('WhatsApp Chat with Sam Jones 2.txt', big));
    await page.getByRole('heading', { name: 'What to bring in' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('One entry for each burst of messages').check();
    await page.getByLabel('A gap of more than').selectOption('240');
    await page.getByText(/Saved as \d+ entries, as one entry holds up to 500 messages/).waitFor();
    const summary = (await page.locator('[data-import-summary]').textContent())!;
    const planned = Number(/^([\d,]+) entries/.exec(summary)![1]!.replace(/,/g, ''));
    // The connection drops once a few items are saved (the job, the file's record and two entries).
    let puts = 0;
    const ITEMS = /\/api\/v1\/items\/[0-9a-f-]+$/;
    await page.route(ITEMS, (route) =>
      route.request().method() === 'PUT' && ++puts > 4 ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('button', { name: /^Add [\d,]+ entries$/ }).click();
    await page.getByRole('heading', { name: 'Saving stopped' }).waitFor({ timeout: 60_000 });
    const stopped = (await page.locator('[data-import-stopped]').textContent())!;
    const saved = Number(/^([\d,]+) entr/.exec(stopped)?.[1]?.replace(/,/g, '') ?? '0');
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(planned);
    await check(page, 'stopped');
    await page.unroute(ITEMS);
    await page.getByRole('button', { name: 'Choose the file again' }).click();
    await choose(page, file('WhatsApp Chat with Sam Jones 2.txt', big));
    await page.locator('[data-import-resume]').waitFor({ timeout: 60_000 });
    // The choices made before come back with it, and what was saved is left out.
    await expect.poll(() => page.getByLabel('One entry for each burst of messages').isChecked()).toBe(true);
    await page.getByRole('button', { name: /^Add [\d,]+ entr/ }).click();
    // The few entries left may all be saved before the saving screen is looked for: check it when it is there.
    const saving = page.getByText(/Saving the entries, encrypted: /);
    const added = page.getByRole('heading', { name: 'Added to your record' });
    await saving.or(added).first().waitFor({ timeout: 60_000 });
    if (await saving.isVisible()) await check(page, 'saving');
    await added.waitFor({ timeout: 120_000 });
    // Chosen once more, nothing is new: the resumed import added nothing twice.
    await page.getByRole('button', { name: 'Bring in another file' }).click();
    await choose(page, file('WhatsApp Chat with Sam Jones 2.txt', big));
    await page.getByText(/^Nothing new/).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-import-summary]').textContent()).toMatch(/4,000 messages are already in your record/);

    // A hostile file: a clear message, nothing changed.
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await choose(page, file('chat.txt', Buffer.concat([Buffer.from('01/03/2026, 18:30 - Sam: '), Buffer.alloc(200_000, 0x41)])));
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('alert').textContent()).toMatch(/line longer than/);
    await check(page, 'hostile');

    // Quick passes over every other format, from the parsers' own fixtures: each previews and saves.
    const plaintext: Buffer[] = [];
    for (const fixture of FIXTURES) {
      const bytes = readFileSync(new URL(`../src/domain/message-import/fixtures/${fixture.name}`, import.meta.url));
      const parsed = await parseExport({ name: fixture.name, bytes: new Uint8Array(bytes), lastModified: Date.UTC(2026, 2, 1) });
      for (const record of parsed.records) {
        if (record.text.length >= 12) plaintext.push(Buffer.from(record.text.slice(0, 40)));
        if (record.sender.length >= 6) plaintext.push(Buffer.from(record.sender));
      }
      plaintext.push(bytes.subarray(Math.floor(bytes.length / 2) - 24, Math.floor(bytes.length / 2) + 24));
      await openImport(page);
      await choose(page, file(fixture.name, bytes, fixture.type));
      await page.getByRole('heading', { name: 'What to bring in' }).waitFor({ timeout: 30_000 });
      if (fixture.location) {
        await page
          .locator('[data-import-location]')
          .getByText(/latitude -?\d+\.\d+, longitude -?\d+\.\d+/)
          .waitFor();
        await check(page, `review-${fixture.name}`);
        // The person may keep a copy without the location instead.
        await page.getByRole('button', { name: 'Keep a copy without the location' }).click();
        await page.locator('[data-import-stripped]').waitFor({ timeout: 30_000 });
        expect(await page.locator('[data-import-location]').count()).toBe(0);
      }
      if (fixture.desktop) {
        await page.setViewportSize(DESKTOP);
        await check(page, `review-${fixture.name}`);
      }
      await page.getByRole('button', { name: /^Add [\d,]+ entr/ }).click();
      await page.getByRole('heading', { name: 'Added to your record' }).waitFor({ timeout: 30_000 });
      if (fixture.desktop) await page.setViewportSize(PHONE);
    }
    // An XML bomb is refused with the parser's own words, and the record is as it was.
    await openImport(page);
    await choose(
      page,
      file(
        'sms-backup-billion-laughs.xml',
        readFileSync(new URL('../src/domain/message-import/fixtures/sms-backup-billion-laughs.xml', import.meta.url)),
        'text/xml',
      ),
    );
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('alert').textContent()).not.toMatch(/Error:\s*$/);
    await check(page, 'xml-bomb');

    expect(await deviceStorage(page)).toBe('');
    expect(problems).toEqual([]);
    const all = Buffer.concat(bodies);
    for (const secret of [MARK, 'Sam Jones', 'Why are you ignoring me', 'Answer me'])
      expect(all.includes(Buffer.from(secret)), secret).toBe(false);
    for (const secret of plaintext) expect(all.includes(secret), secret.toString()).toBe(false);
    await context.close();
  });
});
