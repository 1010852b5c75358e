import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { stemmer } from 'stemmer';
import { foldWelsh, welshSearchTerms, welshTokens } from '../../../domain/welsh/search-terms.ts';
import type { Page } from '../guidance/index.ts';

export interface SearchHit {
  path: string;
  title: string;
  section: string;
  /** HTML-escaped text with matched words in <mark>. */
  snippet: string;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
}

interface IndexedPage {
  id: string;
  title: string;
  summary: string;
  headings: string;
  text: string;
}

// "stalkers", "stalking" and "stalked" all find pages about stalking; fuzzy matching then catches typos.
const processTerm = (term: string): string | null => {
  const lower = term.toLowerCase();
  return lower.length < 2 ? null : stemmer(lower);
};

/**
 * How each language turns text into index terms. English stems ("stalkers" → "stalker"). Welsh indexes every
 * word under its radical forms as well ("mhlant" under "plant"), folds diacritics and keeps "cam-drin" whole;
 * a Welsh query word then matches any of its own radical forms, so "gam-drin" and "cam-drin" find each other.
 */
interface Language {
  tokenize?: (text: string) => string[];
  indexTerms: (term: string) => string | string[] | null;
  query: (text: string) => Query;
  /** The terms a word of the page could have matched under, to mark it in a snippet. */
  snippetTerms: (word: string) => string[];
}

const LANGUAGES = {
  en: {
    indexTerms: processTerm,
    query: (text) => text,
    snippetTerms: (word) => [processTerm(word.replace(/[^\p{L}\p{N}]/gu, ''))].filter((t) => t !== null),
  },
  cy: {
    tokenize: welshTokens,
    indexTerms: welshSearchTerms,
    snippetTerms: (word) => welshTokens(word).flatMap((token) => welshSearchTerms(token) ?? []),
    query: (text) => ({
      combineWith: 'AND',
      queries: welshTokens(text).flatMap((word) => {
        const forms = welshSearchTerms(word);
        return forms ? [{ combineWith: 'OR', queries: forms }] : [];
      }),
    }),
  },
} satisfies Record<string, Language>;

export type SearchLanguage = keyof typeof LANGUAGES;

/** Full-text search over the guidance, in memory: the content is small and changes only on deploy. */
export function createSearchIndex(pages: readonly Page[], language: SearchLanguage = 'en'): SearchIndex {
  const lang: Language = LANGUAGES[language];
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const index = new MiniSearch<IndexedPage>({
    fields: ['title', 'summary', 'headings', 'text'],
    ...(lang.tokenize ? { tokenize: lang.tokenize } : {}),
    processTerm: lang.indexTerms,
    searchOptions: {
      // A Welsh query arrives already split into its radical forms (see LANGUAGES.cy.query).
      ...(lang.tokenize ? { tokenize: lang.tokenize, processTerm: foldWelsh } : {}),
      boost: { title: 4, summary: 2, headings: 1.5, text: 1 },
      fuzzy: (term) => (term.length > 4 ? 0.25 : term.length > 3 ? 1 : 0),
      prefix: (term) => term.length > 3,
      combineWith: 'AND',
    },
  });
  index.addAll(pages.map((p) => ({ id: p.path, title: p.title, summary: p.summary, headings: p.headings.join('\n'), text: p.text })));

  const run = (query: string, combineWith: 'AND' | 'OR'): SearchResult[] => {
    const parsed = lang.query(query);
    return index.search(typeof parsed === 'object' ? { ...parsed, combineWith } : parsed, { combineWith });
  };

  return {
    search(query, limit = 20) {
      // Every word first; if nothing has them all, pages with any of them.
      let results = run(query, 'AND');
      if (results.length === 0) results = run(query, 'OR');
      return results.slice(0, limit).flatMap((result) => {
        const page = byPath.get(result.id as string);
        if (!page) return [];
        return [
          {
            path: page.path,
            title: page.title,
            section: page.section.title,
            snippet: snippet(page, result.queryTerms, result.terms, lang),
          },
        ];
      });
    },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The sentence that best shows why the page matched — words typed count twice as much as near matches —
 * with the matched words marked; the summary when no sentence has any.
 */
function snippet(page: Page, queryStems: string[], matchedStems: string[], lang: Language, maxLength = 240): string {
  const typed = new Set(queryStems);
  const matched = new Set(matchedStems);
  const sentences = `${page.summary}\n${page.text}`.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 0);
  const weight = (word: string) => {
    const forms = lang.snippetTerms(word);
    return forms.some((t) => typed.has(t)) ? 2 : forms.some((t) => matched.has(t)) ? 1 : 0;
  };
  const isMatch = (word: string) => weight(word) > 0;
  let best = page.summary;
  let bestScore = 0;
  for (const sentence of sentences) {
    const score = sentence.split(/\s+/).reduce((sum, word) => sum + weight(word), 0);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  const trimmed = best.length > maxLength ? `${best.slice(0, maxLength).replace(/\s+\S*$/, '')}…` : best;
  return trimmed
    .split(/(\s+)/)
    .map((part) => (isMatch(part) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join('');
}
