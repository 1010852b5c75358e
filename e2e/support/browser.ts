import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags that keep Chromium from calling home: this machine has no network but the registries, and the tests
// assert that pages make no request off their own origin.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export async function newContext(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
  javaScriptEnabled = true,
): Promise<BrowserContext> {
  return browser.newContext({ viewport, javaScriptEnabled, deviceScaleFactor: 1 });
}

/** Every request the page makes to another origin (no page of ours may make one), collected as it happens. */
export function recordOffOrigin(page: Page, origin: string): string[] {
  const offOrigin: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) offOrigin.push(request.url());
  });
  return offOrigin;
}

/**
 * Collects what must never happen on our pages: a Content-Security-Policy refusal, an uncaught error, a request
 * to another origin. Pass the same array for several pages of one journey; `allowBlob` for pages that download.
 */
export function watchForProblems(page: Page, origin: string, options: { allowBlob?: boolean; into?: string[] } = {}): string[] {
  const problems = options.into ?? [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (new URL(url).origin !== origin && !(options.allowBlob && url.startsWith('blob:'))) problems.push(`off-origin ${url}`);
  });
  return problems;
}
