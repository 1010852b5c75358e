import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type CachedPage, collapseIndentation } from '../../setup/page-cache.ts';

/** The one piece of a board page that differs between members: the "New" tag (the template's own markup). */
export const NEW_TAG = ' <strong class="govuk-tag govuk-tag--yellow casebook-forum-tag">New</strong>';

/**
 * A board page is the same for every member apart from which topics carry "New" (and whether "Start a new
 * topic" shows, which is part of the key). Rendering the template and compressing it on every view cost about
 * 2 ms, the largest cost in the forums under load, so: the page is rendered once per content (the rows the
 * query returned, without the reader's read times) with every topic marked "New", split at the tags, and
 * each member's variant is joined from the pieces and compressed once for as long as nothing changes.
 */
// Small on purpose: while replies arrive a board's content changes many times a second, and every stale
// variant kept is old-generation garbage for the collector to walk (its pauses were most of the tail).
export function createBoardPageCache(maxPages = 32, maxVariants = 256) {
  const pages = new Map<string, string[] | null>();
  const variants = new Map<string, CachedPage>();
  const remember = <V>(map: Map<string, V>, key: string, value: V, max: number) => {
    if (map.size >= max) map.delete(map.keys().next().value!);
    map.set(key, value);
  };
  return {
    /**
     * The page for this content and these "New" markers (one per topic, in order), or undefined when the
     * rendered page does not split cleanly (the caller then renders it itself).
     */
    get(signature: string, fresh: boolean[], render: () => string): CachedPage | undefined {
      const variantKey = `${fresh.map((f) => (f ? '1' : '0')).join('')}|${signature}`;
      const hit = variants.get(variantKey);
      if (hit) return hit;
      let pieces = pages.get(signature);
      if (pieces === undefined) {
        const split = collapseIndentation(render()).split(NEW_TAG);
        pieces = split.length === fresh.length + 1 ? split : null;
        remember(pages, signature, pieces, maxPages);
      }
      if (!pieces) return undefined;
      let html = pieces[0]!;
      for (let i = 0; i < fresh.length; i++) html += (fresh[i] ? NEW_TAG : '') + pieces[i + 1]!;
      const page = lazyPage(Buffer.from(html), signature.length.toString(36));
      remember(variants, variantKey, page, maxVariants);
      return page;
    },
  };
}

/** Each encoding made when a reader first asks for it, at settings quick enough for a page that changes often. */
export function lazyPage(identity: Buffer, version: string, brotliQuality = 5): CachedPage {
  let br: Buffer | undefined;
  let gzip: Buffer | undefined;
  return {
    identity,
    version,
    get br() {
      return (br ??= brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality } }));
    },
    get gzip() {
      return (gzip ??= gzipSync(identity, { level: 6 }));
    },
  };
}
