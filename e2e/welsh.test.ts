import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/server/features/guidance/content-store.ts';
import { axeViolations } from './support/axe.ts';
import { newContext, PHONE, recordOffOrigin } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';

const welshPages = loadContent(join(process.cwd(), 'src/server/content/cy'), { pathPrefix: '/cy' }).pages.map((p) => p.path);

const h = useHarness();

describe('the Welsh guidance in Chromium at 390 px', () => {
  it('switches to Welsh and back keeping the place, speaks Welsh in Exit this page, and leaves nothing on the device', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    const offOrigin = recordOffOrigin(page, h.server.origin);

    // English → Cymraeg on the same page, through the Language navigation.
    await page.goto(h.server.url + '/get-help/report-to-the-police');
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL(h.server.url + '/cy/get-help/report-to-the-police');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy');
    await expect(page.locator('h1').textContent()).resolves.toBe("Rhoi gwybod i'r heddlu am stelcian");
    await expect(page.getByRole('heading', { name: 'Os ydych chi’n byw yng Nghymru' }).isVisible()).resolves.toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'phone_cy_get-help_report-to-the-police');

    // Exit this page speaks Welsh: its button, and the countdown read to screen readers.
    await expect(page.getByRole('button', { name: /Gadael y dudalen hon/ }).isVisible()).resolves.toBe(true);
    const status = page.locator('.govuk-exit-this-page [role="status"]');
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift');
    await expect.poll(() => status.textContent()).toBe('Shift, pwyswch 2 waith eto i adael.');
    await page.keyboard.press('Shift');
    await expect.poll(() => status.textContent()).toBe('Shift, pwyswch unwaith eto i adael.');
    await expect.poll(() => status.textContent(), { timeout: 8_000 }).toBe("Mae 'Gadael y dudalen hon' wedi dod i ben.");
    expect(page.url()).toBe(h.server.url + '/cy/get-help/report-to-the-police');

    // Back to English, same page. The choice was only ever in the URL.
    await page.getByRole('link', { name: /English/ }).click();
    await page.waitForURL(h.server.url + '/get-help/report-to-the-police');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
    expect(stored).toEqual({ local: 0, session: 0 });
    expect(await context.cookies()).toEqual([]);

    // A Welsh section page, and a Welsh address that does not exist.
    await page.goto(h.server.url + '/cy/stay-safe');
    await saveScreenshot(page, 'phone_cy_stay-safe');
    const missing = await page.goto(h.server.url + '/cy/stay-safe/no-such-page');
    expect(missing?.status()).toBe(404);

    expect(offOrigin).toEqual([]);
    await context.close();
  });

  it('home, search and a missing page in Welsh: switching keeps the place, "open now" refreshes in Welsh, axe passes', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    const offOrigin = recordOffOrigin(page, h.server.origin);
    const failures: string[] = [];
    const check = async (name: string) => {
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('cy');
      for (const violation of await axeViolations(page)) failures.push(`${name}: ${violation}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      await saveScreenshot(page, `phone_cy_${name}`);
    };

    // Home: English → Cymraeg through the Language navigation.
    await page.goto(h.server.url + '/');
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL(h.server.url + '/cy');
    await expect(page.locator('h1').textContent()).resolves.toBe("Help os ydych chi'n cael eich stelcian neu'ch aflonyddu");
    await check('home');

    // The helpline's "open now" line asks the server again for the Welsh sentence (here on becoming visible,
    // as it does each minute). The line is first set to words the server never says, so a change is proof.
    const line = page.locator('[data-live-status="national-stalking-helpline"]');
    await line.evaluate((element) => (element.textContent = 'hen destun'));
    const asked = page.waitForResponse((response) => response.url().endsWith('/api/opening-status?lang=cy'));
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const { statuses } = (await (await asked).json()) as { statuses: Record<string, { sentence: string }> };
    const sentence = statuses['national-stalking-helpline']!.sentence;
    expect(sentence).toMatch(/^Ar (agor|gau)/);
    await expect.poll(() => line.textContent()).toBe(sentence);

    // Search from the Welsh home page: the Welsh index, and switching language keeps the search.
    await page.getByLabel('Chwilio Casebook').fill('stelcian');
    await page.getByRole('button', { name: 'Chwilio' }).click();
    await page.waitForURL(h.server.url + '/cy/search?q=stelcian');
    await expect(page.locator('main [role="status"]').textContent()).resolves.toMatch(
      /^\d+ (canlyniad|ganlyniad|chanlyniad) ar gyfer stelcian$/,
    );
    await check('search');
    await page.getByRole('link', { name: /English/ }).click();
    await page.waitForURL(h.server.url + '/search?q=stelcian');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL(h.server.url + '/cy/search?q=stelcian');

    // A Welsh address for a page that is English only: a Welsh page that leads to the English one.
    const missing = await page.goto(h.server.url + '/cy/training');
    expect(missing?.status()).toBe(404);
    await check('not-in-welsh');
    await page.getByRole('link', { name: 'Darllen y dudalen yn Saesneg' }).click();
    await page.waitForURL(h.server.url + '/training');

    expect(failures).toEqual([]);
    expect(offOrigin).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('passes axe (WCAG 2.2 AA) on every Welsh page, requesting nothing from another origin', async () => {
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    const offOrigin = recordOffOrigin(page, h.server.origin);
    const failures: string[] = [];
    for (const path of welshPages) {
      await page.goto(h.server.url + path);
      for (const violation of await axeViolations(page)) failures.push(`${path}: ${violation}`);
    }
    expect(failures).toEqual([]);
    expect(offOrigin).toEqual([]);
    await context.close();
  }, 120_000);
});
