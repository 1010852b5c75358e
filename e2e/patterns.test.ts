// The diary's patterns view and legal-elements panel in Chromium, on their own: a tiny harness page bundled with
// esbuild into a temporary folder (not dist, which other builds rewrite), served with the site's own
// Content-Security-Policy, filled with a realistic year of incidents. axe on every state; screenshots at 1280
// and 390 px, and at 640 px for 200% zoom on a laptop.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import * as sass from 'sass';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yamlCatalogues } from '../scripts/yaml-catalogues.ts';
import { CONTENT_SECURITY_POLICY } from '../src/server/setup/security-headers.ts';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, launchBrowser, newContext, PHONE } from './support/browser.ts';
import { SCREENSHOT_DIR, saveScreenshot } from './support/screenshots.ts';

const root = new URL('..', import.meta.url).pathname;
const NOW = '2026-11-23T12:00:00Z';

// The harness reads what to show from the address: ?view=patterns|legal&count=300.
const HARNESS = `
import { h, render } from 'preact';
import { LegalElementsPanel, PatternsView } from './src/web/vault/diary/patterns/index.ts';
import { SAMPLE_PEOPLE, sampleRecord } from './src/web/vault/diary/patterns/sample-record.ts';
const params = new URLSearchParams(location.search);
const now = new Date(${JSON.stringify(NOW)});
const incidents = sampleRecord({ now, count: Number(params.get('count') ?? 300) });
const View = params.get('view') === 'legal' ? LegalElementsPanel : PatternsView;
render(h(View, { incidents, people: SAMPLE_PEOPLE, now }), document.getElementById('app'));
document.body.dataset.ready = 'true';
`;

const PAGE = `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Casebook</title>
<link rel="stylesheet" href="/casebook.css">
<script type="module" src="/harness.js"></script>
</head>
<body class="govuk-template__body">
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">Your record</h1>
<div id="app"></div>
</main>
</div>
</body>
</html>`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

let dir: string;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casebook-patterns-'));
  await esbuild.build({
    stdin: { contents: HARNESS, resolveDir: root, loader: 'ts', sourcefile: 'harness.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outfile: join(dir, 'harness.js'),
    plugins: [yamlCatalogues],
    logLevel: 'warning',
  });
  const css = sass.compile(join(root, 'src/web/styles/casebook.scss'), {
    quietDeps: true,
    importers: [new sass.NodePackageImporter(root)],
  });
  writeFileSync(join(dir, 'casebook.css'), css.css);
  writeFileSync(join(dir, 'index.html'), PAGE);

  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = path === '/' ? 'index.html' : path.slice(1);
    // Chromium asks for an icon the harness does not have.
    if (file === 'favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!/^[a-z]+\.(html|js|css)$/.test(file)) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(dir, file)).then(
      (body) =>
        response.writeHead(200, { 'content-type': TYPES[extname(file)]!, 'content-security-policy': CONTENT_SECURITY_POLICY }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(
  viewport: { width: number; height: number },
  query: string,
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) problems.push(`off-origin ${request.url()}`);
  });
  await page.goto(`${origin}/?${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems, close: () => context.close() };
}

async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function openAllTables(page: Page): Promise<void> {
  for (const summary of await page.getByText('Show as a table').all()) await summary.click();
}

/** The smallest chart text on screen, in CSS pixels: the labels must stay readable at every width. */
async function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('.casebook-chart text')]
        .map((text) => text.getBoundingClientRect().height)
        .filter((height) => height > 0),
    ),
  );
}

describe('the diary patterns view in Chromium', { timeout: 120_000 }, () => {
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
    ['zoom-200', { width: 640, height: 450 }],
  ] as const) {
    it(`shows every chart, readable and accessible, at ${viewport.width} px`, async () => {
      const { page, problems, close } = await open(viewport, 'view=patterns');
      await expect(page.locator('figure').count()).resolves.toBe(6);
      await expect(page.locator('figure [role="img"]').count()).resolves.toBe(5);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      expect(await smallestChartText(page)).toBeGreaterThanOrEqual(9);
      expect(await axeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${name}_diary-patterns`);
      if (name === 'phone') {
        // Each chart on its own too: a full phone page is too tall to look at closely.
        const figures = await page.locator('figure').all();
        for (const [index, figure] of figures.entries())
          await figure.screenshot({ path: join(SCREENSHOT_DIR, `phone_diary-patterns_figure-${index + 1}.png`) });
      }

      await openAllTables(page);
      await expect(page.locator('figure table').count()).resolves.toBe(6);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('narrows the charts to a shorter time and one person, by keyboard', async () => {
    const { page, problems, close } = await open(PHONE, 'view=patterns');
    const bars = page.locator('figure').first().locator('rect.casebook-chart__bar');
    const yearBars = await bars.count();
    const period = page.getByRole('combobox', { name: 'Show' });
    await period.focus();
    await page.keyboard.press('ArrowUp');
    await expect(period.inputValue()).resolves.toBe('3-months');
    const quarterBars = await bars.count();
    expect(quarterBars).toBeLessThan(yearBars);
    expect(quarterBars).toBeGreaterThan(8);
    await expect(page.locator('figure').first().locator('.casebook-patterns__summary').textContent()).resolves.toMatch(/in 1[2-4] weeks/);

    await page.getByRole('combobox', { name: 'Person' }).selectOption({ label: 'Alex Reed' });
    const alexBars = await bars.count();
    expect(alexBars).toBeLessThan(quarterBars);
    await saveScreenshot(page, 'phone_diary-patterns_one-person');

    // The table opens from the keyboard, and a wide table scrolls by keyboard too.
    const details = page.locator('figure details').first();
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(details.getAttribute('open')).resolves.toBe('');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.classList.contains('casebook-patterns__table-scroll'))).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('explains what will appear when there is nothing to chart yet', async () => {
    for (const count of [0, 1]) {
      const { page, problems, close } = await open(PHONE, `view=patterns&count=${count}`);
      await expect(page.locator('figure').count()).resolves.toBe(0);
      await expect(page.locator('.casebook-patterns__empty').textContent()).resolves.toContain(
        count === 0 ? 'no incidents' : 'A pattern needs more than one',
      );
      expect(await axeViolations(page)).toEqual([]);
      await saveScreenshot(page, `phone_diary-patterns_${count}-incidents`);
      expect(problems).toEqual([]);
      await close();
    }
  });
});

describe('the legal-elements panel in Chromium', { timeout: 120_000 }, () => {
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`says what the record may support, as guidance, at ${viewport.width} px`, async () => {
      const { page, problems, close } = await open(viewport, 'view=legal');
      await expect(page.getByText('Guidance, not legal advice', { exact: true }).isVisible()).resolves.toBe(true);
      await expect(page.locator('[data-element]').count()).resolves.toBe(5);
      await expect(page.locator('[data-element="stalking"]').getAttribute('data-status')).resolves.toBe('supported');
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${name}_diary-legal-elements`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}_diary-legal-elements_first-screen.png`) });
      expect(problems).toEqual([]);
      await close();
    });
  }
});
