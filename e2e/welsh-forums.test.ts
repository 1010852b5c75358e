import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';

const h = useHarness();
const b64 = (n: number) => randomBytes(n).toString('base64url');
const envelope = () => ({ v: 1, nonce: b64(12), ciphertext: b64(48) });

async function check(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await axeViolations(page), screen).toEqual([]);
  expect(await page.getAttribute('html', 'lang')).toBe('cy');
  await saveScreenshot(page, `phone_cy_forums_${screen}`);
}

describe('the forums in Welsh in Chromium', { timeout: 60_000 }, () => {
  it('at 390 px: join in Welsh (a Welsh error first), the boards, a board and the compose form, all under /cy; nothing stored', async () => {
    // Signed in through the vault's API from inside the context, as e2e/forums.test.ts does.
    const context = await newContext(h.browser, PHONE);
    const res = await context.request.post(`${h.server.url}/api/v1/accounts`, {
      data: {
        username: `e2e-${b64(4)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, 'x')}`,
        authKey: b64(32),
        recoveryAuthKey: b64(32),
        kdf: { version: 2, salt: b64(16) },
        wrappedVaultKey: { passphrase: envelope(), recovery: envelope() },
      },
    });
    expect(res.status()).toBe(201);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/cy/forums`);
    await page.getByRole('heading', { name: 'Dewiswch enw fforwm' }).waitFor();
    await check(page, 'join');
    await page.getByLabel('Enw fforwm').fill('Dyfrgi Tawel 12');
    await page.getByRole('button', { name: "Ymuno â'r fforymau" }).click();
    await page.getByText("Cadarnhewch eich bod wedi darllen rheolau'r fforymau").first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/cy/forums/join');
    await check(page, 'join-error');
    await page.getByLabel(/Rydw i wedi darllen rheolau'r fforymau/).check();
    await page.getByRole('button', { name: "Ymuno â'r fforymau" }).click();
    await page.getByRole('heading', { name: 'Fforymau', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cy/forums');
    await check(page, 'index');
    await page.locator('a[href^="/cy/forums/boards/"]').first().click();
    await page.getByRole('link', { name: 'Dechrau pwnc newydd' }).click();
    await page.getByLabel('Eich neges').waitFor();
    await page.getByLabel('Eich neges').fill('Helo bawb');
    // The character count speaks Welsh: the page's lang picks the plural form and how the number is written.
    await page.getByText('Mae gennych 9991 nod ar ôl').first().waitFor();
    await check(page, 'compose');
    // Search and leaving, newly in Welsh: the page's words, and the form stays under /cy.
    await page.goto(`${h.server.url}/cy/forums/search`);
    await page.getByLabel('Chwilio negeseuon').fill('helo');
    await page.getByRole('button', { name: 'Chwilio', exact: true }).click();
    await page.getByText('0 canlyniad').waitFor();
    expect(new URL(page.url()).pathname).toBe('/cy/forums/search');
    await check(page, 'search');
    await page.goto(`${h.server.url}/cy/forums/leave`);
    await page.getByRole('button', { name: "Dileu fy aelodaeth o'r fforymau" }).click();
    await page.getByText("Cadarnhewch eich bod eisiau dileu eich aelodaeth o'r fforymau a'ch negeseuon").first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/cy/forums/leave');
    await check(page, 'leave-error');
    await page.goto(`${h.server.url}/cy/forums/boards/living-with-it/new`);
    await page.setViewportSize(DESKTOP);
    await saveScreenshot(page, 'desktop_cy_forums_compose');
    expect(await context.cookies()).toHaveLength(1); // the vault session only: nothing says the language
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await context.close();
  });
});
