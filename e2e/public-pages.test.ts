import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/server/features/guidance/content-store.ts';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE, recordOffOrigin } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';

const pages = [
  '/',
  '/search',
  '/search?q=stalkerware',
  '/no-such-page',
  '/get-help/support-directory',
  '/get-help/support-directory?need=stalking&postcode=CV34+4AB',
  '/get-help/support-directory?postcode=nonsense',
  '/get-help/support-directory/national-stalking-helpline',
  ...loadContent(join(process.cwd(), 'src/server/content/en')).pages.map((p) => p.path),
];

const h = useHarness();

describe('every public page in Chromium', () => {
  it('passes axe (WCAG 2.2 AA), requests nothing from another origin and breaks no CSP rule', async () => {
    const context = await newContext(h.browser, DESKTOP);
    const page = await context.newPage();
    const offOrigin = recordOffOrigin(page, h.server.origin);
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) cspErrors.push(message.text());
    });
    const failures: string[] = [];
    for (const path of pages) {
      await page.goto(h.server.url + path);
      for (const violation of await axeViolations(page)) failures.push(`${path}: ${violation}`);
    }
    await context.close();
    expect(failures).toEqual([]);
    expect(offOrigin).toEqual([]);
    expect(cspErrors).toEqual([]);
  });

  it('lays out at 390 px and 1280 px without sideways scrolling (screenshots saved)', async () => {
    for (const [label, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const context = await newContext(h.browser, viewport);
      const page = await context.newPage();
      for (const path of [
        '/',
        '/understand/what-is-stalking',
        '/get-help/report-to-the-police',
        '/search?q=phone',
        '/no-such-page',
        '/get-help/support-directory?need=stalking&postcode=CV34+4AB',
        '/get-help/support-directory/paladin',
      ]) {
        await page.goto(h.server.url + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} at ${label}`).toBeLessThanOrEqual(0);
        await saveScreenshot(page, `${label}${path.replace(/[/?=]/g, '_') || '_home'}`);
      }
      await context.close();
    }
  });

  it('reflows at 320 px (400% zoom of 1280 px)', async () => {
    const context = await newContext(h.browser, { width: 320, height: 640 });
    const page = await context.newPage();
    for (const path of ['/', '/understand/the-law', '/stay-safe/phones-and-stalkerware']) {
      await page.goto(h.server.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('reads pages, searches with the form, and keeps Exit this page as a plain link', async () => {
    const context = await newContext(h.browser, PHONE, false);
    const page = await context.newPage();
    await page.goto(h.server.url + '/');
    await expect(page.locator('h1').textContent()).resolves.toContain('stalked or harassed');
    const exit = page.getByRole('button', { name: /exit this page/i });
    await expect(exit.getAttribute('href')).resolves.toBe(h.neutral.url);
    await page.getByLabel('Search Casebook').fill('restraining order');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=restraining/);
    await expect(page.locator('.casebook-search__result').count()).resolves.toBeGreaterThan(0);
    await page.locator('.casebook-search__result a').first().click();
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await context.close();
  });
});

describe('keyboard', () => {
  it('reaches the skip link first, then Exit this page, and the skip link moves focus to the content', async () => {
    const context = await newContext(h.browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(h.server.url + '/understand/what-is-stalking');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
    await page.goto(h.server.url + '/understand/what-is-stalking');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toMatch(/Exit this page/);
    await context.close();
  });
});

describe('open now in the browser', () => {
  it('refreshes the status line in place at the minute boundary, without a reload', async () => {
    // The helpline opens only at 9:30am or 1pm, so this sentence can never be the real status the page starts
    // with (a real-looking one, such as "opens Monday at 9:30am", is the truth every Friday evening).
    const NEVER_REAL = 'Closed — opens Monday at 9:31am';
    const context = await newContext(h.browser, PHONE);
    const page = await context.newPage();
    await page.clock.install();
    await page.route('**/api/opening-status', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ statuses: { 'national-stalking-helpline': { open: false, sentence: NEVER_REAL } } }),
      }),
    );
    await page.goto(h.server.url + '/');
    const line = page.locator('[data-live-status="national-stalking-helpline"]');
    const before = await line.textContent();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.clock.runFor(61_000);
    await expect.poll(() => line.textContent()).toBe(NEVER_REAL);
    expect(before).not.toBe(NEVER_REAL);
    await expect(line.getAttribute('class')).resolves.toContain('casebook-status--closed');
    // Same document: nothing reloaded.
    await expect(page.evaluate(() => (window as unknown as { marker?: number }).marker)).resolves.toBe(1);
    await context.close();
  });
});
