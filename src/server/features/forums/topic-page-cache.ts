import { type CachedPage, collapseIndentation } from '../../setup/page-cache.ts';
import { lazyPage } from './board-page-cache.ts';

/**
 * A topic page is the same for every member who may read it (per-member actions live on each post's own
 * page), so it is rendered once per version of the topic and kept. The version is read from the database on
 * every request, so every app process sees a change at once. A busy topic changes many times a minute, so:
 * one render per version however many readers arrive together (they wait for the same promise), each
 * encoding made only when a reader asks for it, and Brotli at quality 5 rather than the public pages' 9.
 */
export function createTopicPageCache(maxEntries = 2000) {
  const entries = new Map<string, { version: number; page: Promise<CachedPage> }>();
  return {
    get(key: string, version: number, render: () => Promise<string>): Promise<CachedPage> {
      const hit = entries.get(key);
      if (hit && hit.version === version) return hit.page;
      const page = render().then((html) => lazyPage(Buffer.from(collapseIndentation(html)), String(version)));
      entries.delete(key);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      const entry = { version, page };
      entries.set(key, entry);
      // A failed render is not kept: the next reader tries again.
      page.catch(() => entries.get(key) === entry && entries.delete(key));
      return page;
    },
  };
}
