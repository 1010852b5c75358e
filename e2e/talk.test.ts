// Talking to the helpline in real Chromium: a person with no account starts a conversation, writes, leaves, comes
// back with the code alone and reads the reply a caseworker wrote in the workspace (another browser context), then
// a second reply arrives live. A diary holder shares an entry the caseworker can read and the server cannot.
// Roles, axe on every screen, screenshots at 1280 and 390 px.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { createAdminSetupCode, createTeamKeyOverHttp, type HttpMember, STAFF_PASSWORD, setUpMember } from './support/talk.ts';
import { addNote, signUp } from './vault-flows.ts';

const h = useHarness();
let caseworker: HttpMember;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  caseworker = await setUpMember(h.server.url, createAdminSetupCode({ DATA_DIR: h.server.dataDir }));
  await createTeamKeyOverHttp(h.server.url, caseworker);
}, 120_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
});

async function open(viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
  const context = await newContext(h.browser, viewport);
  contexts.push(context);
  return context.newPage();
}

async function expectAccessible(page: Page, name: string) {
  expect(await axeViolations(page), name).toEqual([]);
}

/** Both widths: the page as it is now at 1280 px, then the same at 390 px. */
async function screenshots(page: Page, name: string) {
  await saveScreenshot(page, `talk-${name}-1280`);
  await page.setViewportSize(PHONE);
  await saveScreenshot(page, `talk-${name}-390`);
  await expectAccessible(page, `${name} at 390 px`);
  await page.setViewportSize(DESKTOP);
}

async function workspace(): Promise<Page> {
  const page = await open();
  const [name, value] = caseworker.cookie.split('=') as [string, string];
  await page.context().addCookies([{ name, value, url: h.server.url }]);
  await page.goto(`${h.server.url}/staff/queue`);
  await page.getByLabel(/Enter your password/).fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('heading', { name: 'Queue' }).waitFor({ timeout: 30_000 });
  return page;
}

async function startConversation(page: Page): Promise<string[]> {
  await page.goto(`${h.server.url}/talk/helpline`);
  await page.getByRole('button', { name: 'Start a new conversation' }).click();
  const words = await page.locator('[data-talk-code] li').allTextContents();
  expect(words).toHaveLength(9);
  for (const label of ['talk-check-1', 'talk-check-2']) {
    const text = await page.locator(`label[for="${label}"]`).textContent();
    const n = Number(/Word (\d+)/.exec(text ?? '')![1]);
    await page.locator(`#${label}`).fill(words[n - 1]!);
  }
  await page.getByLabel(/I have written down my code/).check();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await page.getByRole('heading', { name: 'Your conversation' }).waitFor();
  return words;
}

async function send(page: Page, text: string) {
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send message' }).click();
  await page.locator('[data-author="person"]', { hasText: text }).waitFor();
}

describe('talking to the helpline', { timeout: 240_000 }, () => {
  it('with no account: start, write, leave, come back with the code, read the reply; a second reply arrives live', async () => {
    const person = await open();
    await person.goto(`${h.server.url}/talk/helpline`);
    expect(await person.title()).toBe('Casebook');
    await person.getByText(/We reply 9:30am to 4pm on weekdays, 1pm to 4pm on Wednesdays/).waitFor();
    await person
      .getByText(/press 55/)
      .first()
      .waitFor();
    await expectAccessible(person, 'choose');
    await screenshots(person, 'choose');

    // The checks refuse a code that was not written down.
    await person.getByRole('button', { name: 'Start a new conversation' }).click();
    await person.getByRole('heading', { name: 'Your conversation code' }).waitFor();
    await expectAccessible(person, 'code');
    await screenshots(person, 'code');
    await person.getByRole('button', { name: 'Start the conversation' }).click();
    await person.getByText('There is a problem').waitFor();
    await expectAccessible(person, 'code with errors');
    await person.getByRole('button', { name: 'Back' }).click();

    const words = await startConversation(person);
    await send(person, 'Someone has followed me home from work three times this month.');
    await expectAccessible(person, 'conversation');
    await screenshots(person, 'conversation');
    await person.getByRole('button', { name: 'Leave and lock' }).click();
    await person.getByRole('button', { name: 'Start a new conversation' }).waitFor();
    expect(await person.content()).not.toContain('followed me home');

    // The caseworker, in another browser context, finds it in the queue and replies.
    const staff = await workspace();
    await expectAccessible(staff, 'queue');
    const item = staff.locator('[data-queue-list] button').first();
    await item.click();
    await staff.getByText('Someone has followed me home').waitFor();
    await expectAccessible(staff, 'queue conversation');
    await staff.getByLabel('Reply', { exact: true }).fill('Thank you for telling us. You can ask the police to record each time.');
    await staff.getByRole('button', { name: 'Send reply' }).click();
    await staff.locator('[data-author="staff"]').first().waitFor();
    await screenshots(staff, 'workspace');

    // Back with the code alone (abbreviated to four letters, in capitals, as someone might copy it).
    await person.getByLabel('Your conversation code').fill(words.map((w) => w.slice(0, 4).toUpperCase()).join('  '));
    await person.getByRole('button', { name: 'Open conversation' }).click();
    await person.locator('[data-author="staff"]', { hasText: 'ask the police to record' }).waitFor();
    await person.getByText('The helpline has replied.').waitFor();

    // Live: a second reply arrives without a reload.
    await staff.getByLabel('Reply', { exact: true }).fill('We are here until 4pm today.');
    await staff.getByRole('button', { name: 'Send reply' }).click();
    await person.locator('[data-author="staff"]', { hasText: 'We are here until 4pm today.' }).waitFor({ timeout: 10_000 });

    // A wrong code says so, clearly.
    await person.getByRole('button', { name: 'Leave and lock' }).click();
    await person.getByLabel('Your conversation code').fill([...words.slice(0, 8), words[8] === 'zoo' ? 'abandon' : 'zoo'].join(' '));
    await person.getByRole('button', { name: 'Open conversation' }).click();
    await person
      .getByText(/could not find a conversation for that code/)
      .first()
      .waitFor();
  });

  it('Exit this page wipes the conversation from the page before leaving, and back does not return to it', async () => {
    const person = await open(PHONE);
    await startConversation(person);
    await send(person, 'Exit test message');
    // A listener added after the app's own runs once the app has wiped, and reports what was left in the document.
    const report = new Promise<string>((resolve) =>
      person.on('console', (message) => message.text().startsWith('after-exit:') && resolve(message.text())),
    );
    await person.evaluate(() => {
      document.addEventListener('casebook:exit', () => {
        const html = document.documentElement.outerHTML;
        console.log(
          `after-exit:${JSON.stringify({ message: html.includes('Exit test message'), app: document.getElementById('talk-app')?.innerHTML.length })}`,
        );
      });
    });
    await person
      .getByRole('button', { name: /Exit this page/ })
      .first()
      .click();
    expect(JSON.parse((await report).slice('after-exit:'.length))).toEqual({ message: false, app: 0 });
    await person.waitForURL(h.neutral.url);
    await person.goBack();
    expect(person.url()).not.toContain('/talk/helpline');
  });

  it('a diary holder shares an entry: the caseworker reads it, the server never holds it in plain text; ending sharing removes it', async () => {
    const marker = `TalkMarker${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const person = await open();
    await person.goto(`${h.server.url}/diary`);
    const account = await signUp(person);
    await addNote(person, `Car parked outside at 7am again ${marker}`);
    await person.goto(`${h.server.url}/talk/helpline`);
    await person.getByLabel('Username').fill(account.username);
    await person.getByLabel('Passphrase', { exact: true }).fill(account.passphrase);
    await person.getByRole('button', { name: 'Open my diary' }).click();
    await person.getByRole('heading', { name: 'Your conversation' }).waitFor({ timeout: 30_000 });
    await person.getByText('Share entries from your diary').click();
    await person
      .getByRole('button', { name: /Share this entry with the helpline/ })
      .first()
      .click();
    await person.locator('.casebook-talk__shares', { hasText: marker }).waitFor();
    await send(person, `Please see the entry I shared ${marker}`);
    await expectAccessible(person, 'diary shares');
    await screenshots(person, 'shared');

    const staff = await workspace();
    await staff.locator('[data-queue-list] button').first().waitFor();
    // The newest conversation with a share: open each until the entry shows.
    for (const button of await staff.locator('[data-queue-list] button').all()) {
      await button.click();
      await staff.locator('[data-detail]').waitFor();
      if ((await staff.locator('[data-share]').count()) > 0) break;
    }
    await staff.locator('[data-share]', { hasText: marker }).waitFor();
    await staff.getByLabel('Add an internal note').fill('Advised to keep logging; considering Paladin.');
    await staff.getByRole('button', { name: 'Add note' }).click();
    await staff.locator('[data-note-kind="note"]', { hasText: 'considering Paladin' }).waitFor();
    await staff.getByLabel('Referred to').selectOption('paladin');
    await staff.getByLabel('Reason for the referral').fill('Repeated following; fixated.');
    await staff.getByRole('button', { name: 'Record referral' }).click();
    await staff.locator('[data-note-kind="referral"]', { hasText: 'Paladin' }).waitFor();
    await expectAccessible(staff, 'workspace with share and notes');
    await screenshots(staff, 'workspace-shared');

    // Ending sharing: gone from the workspace after its next refresh.
    await person
      .getByRole('button', { name: /End sharing/ })
      .first()
      .click();
    await person.getByText('You have not shared any diary entries.').waitFor();
    await staff.locator('[data-share]').first().waitFor({ state: 'detached', timeout: 10_000 });

    // Nothing the server wrote holds the marker in any usual spelling.
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    const spellings = [marker, Buffer.from(marker).toString('hex'), Buffer.from(marker, 'utf16le').toString('latin1')].map((s) =>
      Buffer.from(s, 'latin1'),
    );
    for (const file of files(h.server.dataDir)) {
      const bytes = readFileSync(file);
      for (const spelling of spellings) expect(bytes.includes(spelling), file).toBe(false);
    }
    expect(h.server.logs()).not.toContain(marker);
  });

  it('keeps the queue to caseworkers and supervisors', async () => {
    const res = await caseworker.request(h.server.url, 'POST', '/api/staff/members', {
      signInName: `mod-${Date.now().toString(36)}`,
      displayName: 'Morgan Moderator',
      roles: ['moderator'],
    });
    expect(res.status).toBe(201);
    const moderator = await setUpMember(h.server.url, ((await res.json()) as { setupCode: string }).setupCode);
    const page = await open();
    const [name, value] = moderator.cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: h.server.url }]);
    const answer = await page.goto(`${h.server.url}/staff/queue`);
    expect(answer?.status()).toBe(403);
    await expectAccessible(page, 'forbidden');
    const signedOut = await open();
    await signedOut.goto(`${h.server.url}/staff/queue`);
    expect(new URL(signedOut.url()).pathname).toBe('/staff/sign-in');
  });
});
