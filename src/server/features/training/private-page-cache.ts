import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { CachedPage } from '../../setup/page-cache.ts';

/**
 * Booked people's private pages, kept rendered in memory (never on disk, never by the browser: they are sent
 * no-store like every page). A page is keyed by its booking and its version (the booking's and the event's
 * change counters, and the booking window), so any change shows at once. Unlike the shared page cache it keeps
 * white space as it is: the page has a textarea with the person's own access needs. Whoever holds it emptied it
 * every few minutes, so no booker's details outlive a cancellation or the retention sweep for long.
 */
const brotliOffLoop = promisify(brotliCompress);
const gzipOffLoop = promisify(gzip);

/** Rendered private pages are dropped this often. */
export const PRIVATE_PAGES_KEPT_MS = 5 * 60_000;

export interface PrivatePageCache {
  get(key: string, version: string, render: () => Promise<string>): Promise<CachedPage>;
  forget(key: string): void;
  clear(): void;
}

export function createPrivatePageCache(maxEntries = 1000): PrivatePageCache {
  const entries = new Map<string, CachedPage>();
  return {
    async get(key, version, render) {
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        // Most recently used last, so the oldest is the one dropped.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const identity = Buffer.from(await render());
      // Compressed on libuv's thread pool, not the event loop.
      const [br, gzipped] = await Promise.all([
        brotliOffLoop(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
        gzipOffLoop(identity, { level: 6 }),
      ]);
      const page: CachedPage = { identity, br, gzip: gzipped, version };
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, page);
      return page;
    },
    forget: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  };
}

/** Empties the cache every PRIVATE_PAGES_KEPT_MS; returns how to stop. */
export function startEmptying(cache: PrivatePageCache): () => void {
  const emptying = setInterval(() => cache.clear(), PRIVATE_PAGES_KEPT_MS);
  emptying.unref();
  return () => clearInterval(emptying);
}
