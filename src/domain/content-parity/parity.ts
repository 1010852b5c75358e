import { radicals } from '../welsh/mutations.ts';
import { foldWelsh, welshTokens } from '../welsh/search-terms.ts';
import { numbersIn } from './numbers.ts';

/** One guidance page as the parity check sees it: its key ("section/slug"), raw front matter and reading text. */
export interface ParityPage {
  key: string;
  frontMatter: Readonly<Record<string, unknown>>;
  /** Title, summary and body as the reader sees them (no markup, no link targets). */
  text: string;
}

export interface ParityProblem {
  key: string;
  message: string;
}

export interface ParityOptions {
  /** Welsh words the glossary says not to use, in their radical form. */
  avoid?: readonly string[];
}

/** Keys every page must have in both languages. */
export const REQUIRED_KEYS = ['title', 'summary', 'order', 'sources', 'lastReviewed'] as const;

// Values that do not depend on the language: they must be the same on both twins.
const SHARED_VALUES = ['order', 'related', 'services'] as const;

const isoDate = (value: unknown): string | undefined =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined;

const difference = (a: readonly string[], b: readonly string[]) => {
  const other = new Set(b);
  return [...new Set(a)].filter((x) => !other.has(x));
};

/**
 * Compares the English and Welsh guidance: every page has a twin, the same front matter keys, the same
 * language-independent values, sources and a review date no older than the English page's, and the same
 * numbers (compared as sets: a number may be said more or fewer times, but never only in one language).
 */
export function checkParity(en: readonly ParityPage[], cy: readonly ParityPage[], options: ParityOptions = {}): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const add = (key: string, message: string) => problems.push({ key, message });
  const welsh = new Map(cy.map((p) => [p.key, p]));
  const english = new Map(en.map((p) => [p.key, p]));

  for (const page of en) if (!welsh.has(page.key)) add(page.key, 'has no Welsh twin (cy)');
  for (const page of cy) if (!english.has(page.key)) add(page.key, 'Welsh page has no English twin (en)');

  for (const page of [...en, ...cy]) {
    const language = welsh.get(page.key) === page ? 'Welsh' : 'English';
    for (const key of REQUIRED_KEYS) {
      const value = page.frontMatter[key];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
        add(page.key, `${language} page needs "${key}"`);
      }
    }
  }

  for (const cyPage of cy) {
    const enPage = english.get(cyPage.key);
    if (!enPage) continue;
    const key = cyPage.key;
    const enKeys = Object.keys(enPage.frontMatter);
    const cyKeys = Object.keys(cyPage.frontMatter);
    for (const missing of difference(enKeys, cyKeys)) add(key, `front matter key "${missing}" is on the English page but not the Welsh`);
    for (const extra of difference(cyKeys, enKeys)) add(key, `front matter key "${extra}" is on the Welsh page but not the English`);

    for (const name of SHARED_VALUES) {
      const a = JSON.stringify(enPage.frontMatter[name] ?? null);
      const b = JSON.stringify(cyPage.frontMatter[name] ?? null);
      if (a !== b) add(key, `"${name}" differs: English ${a}, Welsh ${b}`);
    }

    const enSources = enPage.frontMatter.sources;
    const cySources = cyPage.frontMatter.sources;
    if (Array.isArray(enSources) && Array.isArray(cySources) && enSources.length !== cySources.length) {
      add(
        key,
        `English page has ${enSources.length} sources, Welsh ${cySources.length}: cite each source (in its Welsh version where there is one)`,
      );
    }

    const enReviewed = isoDate(enPage.frontMatter.lastReviewed);
    const cyReviewed = isoDate(cyPage.frontMatter.lastReviewed);
    if (enReviewed && cyReviewed && cyReviewed < enReviewed) {
      add(key, `Welsh page was last reviewed ${cyReviewed}, before the English page changed (${enReviewed}): check the translation`);
    }

    const enNumbers = numbersIn(enPage.text);
    const cyNumbers = numbersIn(cyPage.text);
    const onlyEn = difference(enNumbers, cyNumbers);
    const onlyCy = difference(cyNumbers, enNumbers);
    if (onlyEn.length > 0 || onlyCy.length > 0) {
      add(key, `numbers differ: only in English [${onlyEn.join(', ')}], only in Welsh [${onlyCy.join(', ')}]`);
    }
  }

  if (options.avoid?.length) {
    const avoid = new Set(options.avoid.map(foldWelsh));
    for (const page of cy) {
      const used = new Set<string>();
      for (const token of welshTokens(page.text)) {
        for (const radical of radicals(foldWelsh(token))) if (avoid.has(radical)) used.add(radical);
      }
      for (const word of used) add(page.key, `uses "${word}", which the glossary (content/cy/GLOSSARY.yaml) says to avoid`);
    }
  }

  return problems;
}
