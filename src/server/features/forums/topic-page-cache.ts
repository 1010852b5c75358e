import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { collapseIndentation, type CachedPage } from '../../setup/page-cache.ts';

/**
 * A topic page is the same for every member who may read it (per-member actions live on each post's own
 * page), so it is rendered once per version of the topic and kept compressed. The version is read from the
 * database on every request, so every app process sees a change at once. Brotli at quality 5, not the public
 * pages' 9: a busy topic changes many times a minute.
 */
export function createTopicPageCache(maxEntries = 2000) {
  const entries = new Map<string, CachedPage>();
  return {
    async get(key: string, version: number, render: () => Promise<string>): Promise<CachedPage> {
      const hit = entries.get(key);
      if (hit && hit.version === String(version)) {
        // Most recently used last, so the oldest is the first to go.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const identity = Buffer.from(collapseIndentation(await render()));
      const page: CachedPage = {
        identity,
        br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
        gzip: gzipSync(identity, { level: 6 }),
        version: String(version),
      };
      entries.delete(key);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, page);
      return page;
    },
  };
}
