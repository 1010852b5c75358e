import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Public pages are the same for every visitor, so each is rendered once and kept as ready-to-send bytes,
 * compressed both ways. Each entry remembers the version of the live content it showed (the "open now"
 * lines); when that version moves on — a service opens or closes — the page is rendered again. Expiring
 * everything each minute instead would re-render every page at the same instant, sixty times an hour.
 */
export interface CachedPage {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  version: string;
}

export interface PageCache {
  get(key: string, version: string, render: () => string): CachedPage;
  clear(): void;
}

export function createPageCache(maxEntries = 500): PageCache {
  const entries = new Map<string, CachedPage>();
  return {
    get(key, version, render) {
      const hit = entries.get(key);
      if (hit && hit.version === version) return hit;
      const identity = Buffer.from(collapseIndentation(render()));
      const page: CachedPage = {
        identity,
        br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        gzip: gzipSync(identity, { level: 9 }),
        version,
      };
      if (!hit && entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, page);
      return page;
    },
    clear: () => entries.clear(),
  };
}

/**
 * Template indentation is a fifth of a page's bytes. Runs of white space that contain a line break carry no
 * meaning in HTML outside <pre> and <textarea>, which public pages do not use, so one line break stands in.
 */
export function collapseIndentation(html: string): string {
  return html.replace(/[ \t]*\n\s*/g, '\n');
}
