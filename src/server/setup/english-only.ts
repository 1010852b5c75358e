import { AsyncLocalStorage } from 'node:async_hooks';
import { languageLinksOf } from '../features/guidance/languages.ts';

/**
 * Pages that exist only in English (no Welsh twin yet). A /cy link to one gets a Welsh page pointing to it
 * (setup/errors.ts); the English page's Language navigation links that Welsh page, so a Welsh reader finds out,
 * in Welsh, that it is not translated yet. Remove a page from here once it has its Welsh twin.
 */
export const ENGLISH_ONLY = ['/training'];

export function isEnglishOnly(path: string): boolean {
  return ENGLISH_ONLY.some((p) => path === p || path.startsWith(`${p}/`));
}

/** The address being answered, so views can link its other language without every route passing it. */
export const currentUrl = new AsyncLocalStorage<string>();

/**
 * The Language navigation for an English-only page at `url`: "Cymraeg" links /cy + the same address, query
 * included, which answers in Welsh that the page is not in Welsh yet and links back here. No `hreflang`
 * alternates: those must name a real translation.
 */
export function notInWelshYetLinks(url: string) {
  const path = url.split(/[?#]/, 1)[0]!;
  if (!isEnglishOnly(path)) return undefined;
  return {
    languages: languageLinksOf(
      [
        { language: 'en', href: url },
        { language: 'cy', href: `/cy${url}` },
      ],
      'en',
    ).languages,
  };
}

/** The way back from that Welsh page: "English" links the English page, query kept. */
export function backToEnglishLinks(englishUrl: string, welshUrl: string) {
  return {
    languages: languageLinksOf(
      [
        { language: 'en', href: englishUrl },
        { language: 'cy', href: welshUrl },
      ],
      'cy',
    ).languages,
  };
}
