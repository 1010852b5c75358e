import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { addNote, type CreatedAccount, deviceStorage, openNotes, signUp, unlock, writeDownAndConfirmRecoveryKey } from './vault-flows.ts';

const MARKER = `zebra-marker-${Date.now().toString(36)}`;
const FILE_MARKER = `file-marker-${Date.now().toString(36)}`;
let account: CreatedAccount;

const h = useHarness();

/** axe on the current screen, with the failures named by screen. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  // At the top, as a person arriving at the step sees it (Exit this page turns sticky, over the menu, when scrolled).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  expect(await axeViolations(page), screen).toEqual([]);
}

function watchPage(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== h.server.origin && !request.url().startsWith(h.neutral.url) && !request.url().startsWith('blob:'))
      problems.push(`off-origin ${request.url()}`);
  });
  return problems;
}

// Real Argon2id (64 MiB) several times per test, and axe on every screen: minutes, not seconds, on 2 cores.
describe('the vault in Chromium', { timeout: 240_000 }, () => {
  it('serves a neutral, uncached, unindexed shell that explains itself without JavaScript', async () => {
    const response = await fetch(`${h.server.url}/diary`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    const html = await response.text();
    expect(html).toMatch(/<title>Casebook<\/title>/);
    expect(html).toContain('noindex');
    // The site-wide policy stays strict.
    expect((await fetch(`${h.server.url}/`)).headers.get('content-security-policy')).not.toContain('wasm-unsafe-eval');

    const context = await newContext(h.browser, PHONE, false);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/diary`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Your private record needs JavaScript');
    await expect(page.getByRole('link', { name: /keep a record/ }).getAttribute('href')).resolves.toBe('/record/keeping-a-record');
    await saveScreenshot(page, 'vault-phone-no-js');
    await context.close();

    // axe needs script in the page, so check the same markup with only the vault's bundle blocked.
    const scripted = await newContext(h.browser, PHONE);
    const blocked = await scripted.newPage();
    await blocked.route(/\/assets\/vault-[0-9a-f]+\.js$/, (route) => route.abort());
    await blocked.goto(`${h.server.url}/diary`);
    await blocked.getByRole('heading', { name: 'Your private record needs JavaScript' }).waitFor();
    await expectAccessible(blocked, 'no-js');
    await scripted.close();
  });

  it('signs up with the real KDF, confirms the recovery key, adds a note and a file, and wipes everything on Exit this page', async () => {
    const context = await newContext(h.browser, DESKTOP);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${h.server.url}/diary`);
    await expect(page.title()).resolves.toBe('Casebook');
    await page.getByRole('heading', { name: 'Open your record' }).waitFor();
    await expectAccessible(page, 'unlock');
    await saveScreenshot(page, 'vault-desktop-unlock');

    account = await signUp(page, undefined, async (step) => {
      await expectAccessible(page, step);
      await saveScreenshot(page, `vault-desktop-signup-${step}`);
    });
    // Focus moved to the new screen's heading.
    // (after the first render, which on a loaded machine can be a moment after the heading appears)
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 10_000 }).toBe('Your record');
    await expectAccessible(page, 'home (empty)');

    await addNote(page, `He was outside work again. ${MARKER}`, {
      name: 'screenshot.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`evidence ${FILE_MARKER}\n`.repeat(1000)),
    });
    await page.getByText(MARKER).waitFor();
    await page.getByText('time receipt checked').first().waitFor();
    await expectAccessible(page, 'home with a note');
    await saveScreenshot(page, 'vault-desktop-home');

    // The file comes back decrypted, byte for byte.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save a copy of screenshot.txt' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('screenshot.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(`evidence ${FILE_MARKER}\n`.repeat(1000));

    // Exit this page. A listener added after the app's own runs once the app has wiped, just before the page is
    // left, and reports what was still in the document.
    const report = new Promise<string>((resolve) =>
      page.on('console', (message) => message.text().startsWith('after-exit:') && resolve(message.text())),
    );
    await page.evaluate((marker) => {
      document.addEventListener('casebook:exit', () => {
        const html = document.documentElement.outerHTML;
        console.log(
          `after-exit:${JSON.stringify({ marker: html.includes(marker), app: document.getElementById('vault-app')?.innerHTML.length })}`,
        );
      });
    }, MARKER);
    await page.getByRole('button', { name: /Exit this page/ }).click();
    expect(JSON.parse((await report).slice('after-exit:'.length))).toEqual({ marker: false, app: 0 });
    await page.waitForURL(h.neutral.url);

    // Nothing left in this browser's storage for the site.
    const check = await context.newPage();
    await check.goto(`${h.server.url}/diary`);
    const stored = await deviceStorage(check);
    expect(stored).not.toContain(MARKER);
    expect(stored).toBe('');
    // The session ended with the exit: a reload shows the locked screen.
    await check.getByRole('heading', { name: 'Open your record' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('unlocks in a new browser on a phone, shows the last sign-ins, and locks on demand with nothing left in the page', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${h.server.url}/diary`);
    await saveScreenshot(page, 'vault-phone-unlock');
    // A wrong passphrase first: a clear error, and it shows up in the sign-ins.
    await page.getByLabel('Username').fill(account.username);
    await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase at all');
    await page.getByRole('button', { name: 'Open my record' }).click();
    await page.locator('.govuk-error-summary').getByText('The username or passphrase is not right').waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'unlock error');
    await saveScreenshot(page, 'vault-phone-unlock-error');

    await unlock(page, account.username, account.passphrase);
    await page.locator('.casebook-vault-sign-ins li').first().waitFor();
    await openNotes(page);
    await page.getByText(MARKER).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'home on a phone');
    await saveScreenshot(page, 'vault-phone-home');

    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Open your record' }).waitFor();
    expect(await page.content()).not.toContain(MARKER);
    expect(await deviceStorage(page)).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('recovers with the recovery key and a new passphrase, and the old passphrase stops working', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/diary`);
    await page.getByRole('button', { name: 'I have forgotten my passphrase' }).click();
    await page.getByRole('heading', { name: 'Use your recovery key' }).waitFor();
    await expectAccessible(page, 'recover');
    await page.getByLabel('Username').fill(account.username);
    // A typo is caught by the checksum before anything is sent.
    const typo = account.recoveryKey.slice(0, -1) + (account.recoveryKey.endsWith('0') ? '1' : '0');
    await page.getByLabel('Recovery key').fill(typo);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/typo|does not match/)
      .waitFor();
    await page.getByLabel('Recovery key').fill(account.recoveryKey.replace(/-/g, ' ').toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Choose a new passphrase' }).waitFor({ timeout: 30_000 });
    const newPassphrase = 'saffron lighthouse gravel piano';
    await page.getByLabel('New passphrase').fill(newPassphrase);
    await page.getByText('This passphrase is strong enough.').waitFor();
    await expectAccessible(page, 'recover new passphrase');
    await saveScreenshot(page, 'vault-phone-recover-passphrase');
    await page.getByRole('button', { name: 'Save my new passphrase' }).click();
    // The used recovery key was typed on this device, so a new one replaces it before the record opens.
    const newRecoveryKey = await writeDownAndConfirmRecoveryKey(page, 'Open my record', async (step) => {
      await expectAccessible(page, `recover ${step}`);
      if (step === 'recovery-key') await saveScreenshot(page, 'vault-phone-recover-new-key');
    });
    expect(newRecoveryKey).not.toBe(account.recoveryKey);
    await page.getByRole('heading', { name: 'Your record' }).waitFor({ timeout: 30_000 });
    await openNotes(page);
    await page.getByText(MARKER).waitFor();
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expectRecoveryKeyRefused(page, account.username, account.recoveryKey);

    await page.getByLabel('Username').fill(account.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(account.passphrase);
    await page.getByRole('button', { name: 'Open my record' }).click();
    await page.locator('.govuk-error-summary').getByText('The username or passphrase is not right').waitFor({ timeout: 30_000 });
    await unlock(page, account.username, newPassphrase);
    await openNotes(page);
    await page.getByText(MARKER).waitFor();
    account = { ...account, passphrase: newPassphrase, recoveryKey: newRecoveryKey };
    await context.close();
  });

  it('gives a new recovery key on request, saved only once checked; the old one stops working', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/diary`);
    await unlock(page, account.username, account.passphrase);
    await page.getByRole('button', { name: 'Get a new recovery key' }).click();
    await page.getByRole('heading', { name: 'Get a new recovery key' }).waitFor();
    await expectAccessible(page, 'new recovery key');
    await page.getByLabel('Your passphrase').fill('not my passphrase at all');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.govuk-error-summary').getByText('Your passphrase is not right').waitFor({ timeout: 30_000 });
    await page.getByLabel('Your passphrase').fill(account.passphrase);
    await page.getByRole('button', { name: 'Continue' }).click();
    const newRecoveryKey = await writeDownAndConfirmRecoveryKey(page, 'Use my new recovery key', async (step) => {
      await expectAccessible(page, `new recovery key ${step}`);
      await saveScreenshot(page, `vault-phone-new-recovery-key-${step}`);
    });
    await page.getByRole('heading', { name: 'Your record' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expectRecoveryKeyRefused(page, account.username, account.recoveryKey);
    account = { ...account, recoveryKey: newRecoveryKey };
    await context.close();
  });

  it('locks when left idle on the new recovery key after a recovery, with the key gone from the page', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/diary`);
    await page.getByRole('button', { name: 'I have forgotten my passphrase' }).click();
    await page.getByLabel('Username').fill(account.username);
    await page.getByLabel('Recovery key').fill(account.recoveryKey);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Choose a new passphrase' }).waitFor({ timeout: 30_000 });
    const newPassphrase = 'walnut harbour mitten glacier';
    await page.getByLabel('New passphrase').fill(newPassphrase);
    await page.getByText('This passphrase is strong enough.').waitFor();
    await page.getByRole('button', { name: 'Save my new passphrase' }).click();
    // The record is open from here: the idle timer (5 minutes by default) starts with the new-key screen.
    await page.clock.install();
    await page.getByRole('heading', { name: 'Write down your new recovery key' }).waitFor({ timeout: 30_000 });
    const groups = await page.locator('.casebook-vault-recovery-key__group .casebook-vault__code').allTextContents();
    expect(groups).toHaveLength(9);
    await page.clock.runFor(5 * 60_000 + 1_000);
    await page.getByText(/Your record locked because it was not used for 5 minutes\. Your new recovery key was not checked/).waitFor();
    expect(await page.getByTestId('recovery-key').count()).toBe(0);
    await expectAccessible(page, 'locked after recovery');
    await saveScreenshot(page, 'vault-phone-locked-after-recovery');
    const text = await page.locator('body').innerText();
    expect(groups.filter((group) => text.includes(group))).toEqual([]);
    expect(await deviceStorage(page)).toBe('');
    await unlock(page, account.username, newPassphrase);
    account = { ...account, passphrase: newPassphrase, recoveryKey: groups.join('-') };
    await context.close();
  });

  it('changes the passphrase, signs out everywhere, and deletes the account for real', async () => {
    const context = await newContext(h.browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/diary`);
    await unlock(page, account.username, account.passphrase);
    await page.getByRole('button', { name: 'Change your passphrase' }).click();
    await page.getByRole('heading', { name: 'Change your passphrase' }).waitFor();
    const changed = 'copper meadow tundra biscuit';
    await page.getByLabel('Current passphrase').fill(account.passphrase);
    await page.getByLabel('New passphrase').fill(changed);
    await page.getByText('This passphrase is strong enough.').waitFor();
    await expectAccessible(page, 'change passphrase');
    await saveScreenshot(page, 'vault-desktop-change-passphrase');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await page.getByRole('heading', { name: 'Your record' }).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByText(/You are signed out everywhere/).waitFor();
    await unlock(page, account.username, changed);

    await page.getByRole('button', { name: 'Delete your record and account' }).click();
    await page.getByRole('heading', { name: 'Delete your record and account' }).waitFor();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/Type your username/)
      .waitFor();
    await expectAccessible(page, 'delete with errors');
    await saveScreenshot(page, 'vault-desktop-delete');
    await page.getByLabel('Type your username to confirm').fill(account.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(changed);
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByText('Your record and account have been deleted.').waitFor({ timeout: 30_000 });

    await page.getByLabel('Username').fill(account.username);
    await page.getByLabel('Passphrase', { exact: true }).fill(changed);
    await page.getByRole('button', { name: 'Open my record' }).click();
    await page.locator('.govuk-error-summary').getByText('The username or passphrase is not right').waitFor({ timeout: 30_000 });
    await context.close();
  });
});

/** From the locked screen: the recovery screen refuses this key, then goes back to the locked screen. */
async function expectRecoveryKeyRefused(page: Page, username: string, recoveryKey: string): Promise<void> {
  await page.getByRole('button', { name: 'I have forgotten my passphrase' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Recovery key').fill(recoveryKey);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.govuk-error-summary').getByText('The username or recovery key is not right').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
}
