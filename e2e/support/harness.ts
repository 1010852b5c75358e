import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type NeutralSite, type RunningServer, startNeutralSite, startServer } from './server.ts';

export interface Harness {
  /** The real service, as its own process, with "Exit this page" pointed at the neutral site. */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A stand-in for the neutral site people exit to, on this machine. */
  readonly neutral: NeutralSite;
}

/**
 * What every browser test file needs, started once before its tests and stopped after them. The fields
 * are filled in by beforeAll, so read them inside tests and hooks, not at the top level.
 */
export function useHarness(env: Record<string, string> = {}): Harness {
  const parts: { -readonly [K in keyof Harness]?: Harness[K] } = {};
  beforeAll(async () => {
    parts.neutral = await startNeutralSite();
    parts.server = await startServer({ EXIT_URL: parts.neutral.url, ...env });
    parts.browser = await launchBrowser();
  });
  afterAll(async () => {
    await parts.browser?.close();
    await parts.server?.stop();
    await parts.neutral?.close();
  });
  const get = <K extends keyof Harness>(key: K): Harness[K] => {
    const value = parts[key];
    if (!value) throw new Error(`the test harness is not started: read ${key} inside a test or hook`);
    return value as Harness[K];
  };
  return {
    get server() {
      return get('server');
    },
    get browser() {
      return get('browser');
    },
    get neutral() {
      return get('neutral');
    },
  };
}
