// The diary in real Chromium, at phone and desktop widths: quick note (keyboard only), people and places, a
// full guided entry with a photo, editing and history, completing a quick note, filters and search, the
// patterns and legal screens, the back button, locking and auto-lock with nothing left behind.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { type CreatedAccount, deviceStorage, signUp, unlock } from './vault-flows.ts';

const h = useHarness();
const MARKER = `heron-${Date.now().toString(36)}`;
const QUICK_MARKER = `quick-${Date.now().toString(36)}`;
let account: CreatedAccount;

function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** axe, a screenshot, and no sideways scrolling on a phone. */
async function check(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  expect(await axeViolations(page), name).toEqual([]);
  const width = page.viewportSize()!.width;
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  await saveScreenshot(page, `diary-${width}-${name}`);
}

/** Presses Tab until the focused element's accessible text is `name` (keyboard only, like a person would). */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
      return (label || el.textContent || el.getAttribute('aria-label') || '').trim();
    });
    if (typeof name === 'string' ? text === name : name.test(text)) return;
  }
  throw new Error(`could not reach ${name} with Tab`);
}

/** A real photo-like PNG, drawn by the browser. */
async function photo(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#7fa7c9';
    g.fillRect(0, 0, 320, 200);
    g.fillStyle = '#3d5a40';
    g.fillRect(0, 140, 320, 60);
    g.fillStyle = '#222';
    g.fillRect(140, 90, 40, 60);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** One of the diary's own menu items. */
async function menu(page: Page, name: string): Promise<void> {
  await page.locator('.casebook-diary-menu').getByRole('button', { name, exact: true }).click();
}

describe('the diary in Chromium', { timeout: 420_000 }, () => {
  it('records a quick note by keyboard, a full entry with a photo, edits it, and finds it again on a phone', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${h.server.url}/diary`);
    account = await signUp(page);
    await expect(page.title()).resolves.toBe('Casebook');
    await check(page, 'timeline-empty');

    // A quick note with the keyboard only.
    await tabTo(page, 'Quick note');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Quick note' }).waitFor();
    await tabTo(page, 'What happened?');
    await page.keyboard.type(`He was at the bus stop again. ${QUICK_MARKER}`);
    await check(page, 'quick-note');
    await tabTo(page, 'Save quick note');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your record' }).waitFor({ timeout: 30_000 });
    await page.getByText(QUICK_MARKER).waitFor();
    await page.getByText('Quick note – to complete').waitFor();

    // People and places.
    await menu(page, 'People');
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/Name: must not be empty/)
      .waitFor();
    await check(page, 'person-form-error');
    await page.getByLabel('Name, or how you describe them').fill('Sam Okafor');
    await page.getByLabel('How you know them (optional)').fill('ex-partner');
    await page.getByLabel(/Other names/).fill('@sam_ok');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Sam Okafor' }).waitFor({ timeout: 30_000 });
    await check(page, 'people');
    await menu(page, 'Places');
    await page.getByRole('button', { name: 'Add a place' }).click();
    await page.getByLabel('Name').fill('Work');
    await page.getByLabel('Address or description (optional)').fill('1 King Street, Leeds');
    await check(page, 'place-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Work' }).waitFor({ timeout: 30_000 });
    await check(page, 'places');

    // A full guided entry, one step at a time.
    await menu(page, 'Your record');
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByRole('heading', { name: 'When did it happen?' }).waitFor();
    await page.getByLabel('Date', { exact: true }).fill('2026-03-03');
    await page.getByLabel('Time', { exact: true }).fill('18:30');
    await check(page, 'entry-when');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Where did it happen?' }).waitFor();
    await page.getByLabel('Where were you, or where did it happen?').fill('Outside the gym');
    await page.getByLabel('Or choose a saved place').selectOption({ label: 'Work' });
    await check(page, 'entry-where');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'What happened?' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').getByText('What happened: must not be empty').waitFor();
    await check(page, 'entry-what-error');
    await page.getByLabel('What happened, in your own words').fill(`He followed me from work to the station and waited. ${MARKER}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Following you').check();
    await page.getByLabel('Hanging around places you go').check();
    await check(page, 'entry-behaviours');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('In person').check();
    await page.getByLabel('Social media').check();
    await page.getByLabel('Which website or app?').fill('Instagram');
    await check(page, 'entry-how');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Sam Okafor', { exact: true }).check();
    await page.getByLabel('Their name, or how you describe them').fill('Priya (colleague)');
    await page.getByLabel('Their part').selectOption('witness');
    await page.getByRole('button', { name: 'Add this person' }).click();
    await expect(page.getByLabel('Priya (colleague)', { exact: true }).isChecked()).resolves.toBe(true);
    await check(page, 'entry-people');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('I was afraid they would use violence against me').check();
    await page.getByLabel('I changed my route or routine').check();
    await check(page, 'entry-effects');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('The police').check();
    await page.getByLabel('Crime reference number (optional)').fill('43/12345/26');
    await page.getByLabel("Officer's name or number (optional)").fill('PC Jones 1234');
    await check(page, 'entry-reported');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Add files').setInputFiles({ name: 'doorway.png', mimeType: 'image/png', buffer: await photo(page) });
    await page.getByAltText('Preview of doorway.png').waitFor();
    await check(page, 'entry-files');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Check your entry' }).waitFor();
    await page.getByText('Tuesday 3 March 2026 at 6:30pm').waitFor();
    await check(page, 'entry-check');
    await page.getByRole('button', { name: 'Save entry' }).click();

    // The saved entry, its photo decrypted from the vault, and its receipt.
    await page.getByRole('heading', { name: 'Tuesday 3 March 2026 at 6:30pm' }).waitFor({ timeout: 60_000 });
    const image = page.getByAltText('Photo: doorway.png');
    await image.waitFor({ timeout: 30_000 });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await page.getByText('time receipt checked').waitFor();
    await page.getByText('43/12345/26').first().waitFor();
    await check(page, 'entry');

    // Edit: a new version, and the history lists both with what changed.
    await page.getByRole('button', { name: 'Change this entry' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Skip to check your entry' }).click();
    await page.getByRole('button', { name: 'Change what happened' }).click();
    await page
      .getByLabel('What happened, in your own words')
      .fill(`He followed me from work to the station and waited by the gates. ${MARKER}`);
    await page.getByRole('button', { name: 'Back to check your entry' }).click();
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('button', { name: /See its history \(2 versions\)/ }).click({ timeout: 60_000 });
    await page.getByRole('heading', { name: /^Version 2:/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: /^Version 1:/ }).waitFor();
    await page.getByText('Changed what happened').waitFor();
    await page.getByText('First saved').waitFor();
    await check(page, 'history');

    // The phone's back button goes back through the screens.
    await page.goBack();
    await page.getByRole('heading', { name: 'Tuesday 3 March 2026 at 6:30pm' }).waitFor();

    // Complete the quick note: the guided form opens with its text.
    await menu(page, 'Your record');
    await page.locator('.casebook-diary-timeline__entry', { hasText: QUICK_MARKER }).getByRole('button').click();
    await page.getByRole('button', { name: 'Complete this quick note' }).click();
    await page.getByRole('heading', { name: 'Where did it happen?' }).waitFor();
    await page.getByLabel('Where were you, or where did it happen?').fill('Bus stop on Park Road');
    await page.getByRole('button', { name: 'Skip to check your entry' }).click();
    await page.getByText(QUICK_MARKER).waitFor();
    await check(page, 'complete-quick-note-check');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByText('Bus stop on Park Road').waitFor({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Complete this quick note' }).count()).resolves.toBe(0);

    // Filters and search, in the browser.
    await menu(page, 'Your record');
    await page.getByText('2 entries, newest first.').waitFor();
    await check(page, 'timeline');
    await page.getByLabel('Search').fill(MARKER);
    await page.getByText('1 of 2 entries match.').waitFor();
    await page.getByLabel('Search').fill('okafor');
    await page.getByText('1 of 2 entries match.').waitFor();
    await page.getByLabel('Search').fill('');
    await page.getByText('Filter and order').click();
    await page.getByLabel('What they did').selectOption({ label: 'Following you' });
    await page.getByText('1 of 2 entries match.').waitFor();
    await page.getByLabel('What they did').selectOption('');
    await page.getByLabel('Who was involved').selectOption({ label: 'Sam Okafor' });
    await page.getByText('1 of 2 entries match.').waitFor();
    await page.getByLabel('Who was involved').selectOption('');
    await page.getByLabel('How', { exact: true }).selectOption({ label: 'Social media' });
    await page.getByText('1 of 2 entries match.').waitFor();
    await page.getByLabel('How', { exact: true }).selectOption('');
    await page.getByLabel('Reported', { exact: true }).selectOption('not-reported');
    await page.getByText('1 of 2 entries match.').waitFor();
    await expect(page.locator('.casebook-diary-timeline').textContent()).resolves.toContain(QUICK_MARKER);
    await check(page, 'timeline-filtered');
    await page.getByLabel('Reported', { exact: true }).selectOption('');
    await page.getByLabel('Order').selectOption('oldest');
    await page.getByText('2 entries, oldest first.').waitFor();
    const first = await page.locator('.casebook-diary-timeline__when').first().textContent();
    expect(first).toBe('Tuesday 3 March 2026 at 6:30pm');

    // The pattern and the law.
    await menu(page, 'Patterns');
    await page.getByRole('heading', { name: 'Patterns', level: 1 }).waitFor();
    await page.locator('.casebook-vault__busy').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('table').first().waitFor({ state: 'attached' });
    await check(page, 'patterns');
    await menu(page, 'What the law needs');
    await page.getByText('Guidance, not legal advice').first().waitFor({ timeout: 30_000 });
    await check(page, 'legal');

    // Notes and files still work.
    await menu(page, 'Notes and files');
    await page.getByRole('heading', { name: 'Notes and files' }).waitFor();
    await check(page, 'notes');

    // Lock: nothing of the record is left in the page or on the device, and going back shows nothing.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Open your record' }).waitFor();
    for (const marker of [MARKER, QUICK_MARKER, 'Sam Okafor']) expect(await page.content()).not.toContain(marker);
    expect(await deviceStorage(page)).toBe('');
    const blobs = await page.evaluate(() =>
      [...document.querySelectorAll('img')].map((img) => img.src).filter((src) => src.startsWith('blob:')),
    );
    expect(blobs).toEqual([]);
    await page.goBack();
    await page.waitForTimeout(300);
    await page.getByRole('heading', { name: 'Open your record' }).waitFor();
    expect(await page.content()).not.toContain(MARKER);
    expect(await page.evaluate(() => JSON.stringify(history.state))).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the same record on a desktop, shows every screen, and locks itself when left idle', async () => {
    const context = await newContext(h.browser, DESKTOP);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${h.server.url}/diary`);
    await unlock(page, account.username, account.passphrase);
    await page.getByText('2 entries, newest first.').waitFor();
    await check(page, 'timeline');
    await page.locator('.casebook-diary-timeline__entry', { hasText: MARKER }).getByRole('button').click();
    await page.getByAltText('Photo: doorway.png').waitFor({ timeout: 30_000 });
    await check(page, 'entry');
    await page.getByRole('button', { name: /See its history/ }).click();
    await page.getByRole('heading', { name: /^Version 2:/ }).waitFor({ timeout: 30_000 });
    await check(page, 'history');
    await menu(page, 'Your record');
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByRole('heading', { name: 'When did it happen?' }).waitFor();
    await page.getByLabel('It happened over a period, or I only know roughly when').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').getByText('Enter the start date').waitFor();
    await check(page, 'entry-when-range-error');
    await menu(page, 'Your record');
    await page.getByRole('button', { name: 'Quick note' }).click();
    await check(page, 'quick-note');
    await menu(page, 'People');
    await check(page, 'people');
    await page.getByRole('button', { name: 'Sam Okafor' }).click();
    await page.getByRole('heading', { name: 'Change Sam Okafor' }).waitFor();
    await check(page, 'person-form');
    await menu(page, 'Patterns');
    await page.locator('table').first().waitFor({ state: 'attached', timeout: 30_000 });
    await check(page, 'patterns');
    await menu(page, 'What the law needs');
    await page.getByText('Guidance, not legal advice').first().waitFor({ timeout: 30_000 });
    await check(page, 'legal');

    // Auto-lock: a fake clock, the shortest idle time, and a minute of nothing.
    await menu(page, 'Your record');
    await page.clock.install();
    await page.getByLabel('Lock after').selectOption('1');
    await page.clock.runFor(61_000);
    await page.getByText('Your record locked because it was not used for 1 minute.').waitFor();
    expect(await page.content()).not.toContain(MARKER);
    expect(await page.content()).not.toContain('Sam Okafor');
    expect(await deviceStorage(page)).toBe('');
    await saveScreenshot(page, 'diary-1280-auto-locked');
    expect(problems).toEqual([]);
    await context.close();
  });
});
