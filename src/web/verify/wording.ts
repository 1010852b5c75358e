// The page's words: the server puts the `verify` catalogue's browser part on the page (data-words), in the
// page's language, so this script holds no English of its own. Parameters and plural forms are filled the way
// the verifier's report is (report-text/render.ts), with Intl in the page's language.

import type { Param, PluralForms, ReportLanguage } from '../../crypto/evidence-pack/index.ts';
import { fill, isReportLanguage } from '../../crypto/evidence-pack/index.ts';

export type Words = Readonly<Record<string, string | PluralForms>>;

let words: Words = {};
let language: ReportLanguage = 'en';

/** Read once at start from the page: its language (html lang) and its words. */
export function readWordsFrom(container: HTMLElement): void {
  const lang = document.documentElement.lang;
  setWords(JSON.parse(container.dataset.words ?? '{}') as Words, isReportLanguage(lang) ? lang : 'en');
}

/** The words and language to use (readWordsFrom on the page; a test gives the catalogue directly). */
export function setWords(given: Words, lang: ReportLanguage): void {
  words = given;
  language = lang;
}

export function pageLanguage(): ReportLanguage {
  return language;
}

/** The page's message for key, its parameters filled in; the key itself if the page has none (a bug, seen at once). */
export function t(key: string, params: Readonly<Record<string, Param>> = {}): string {
  const message = words[key];
  return message === undefined ? key : fill(message, params, language);
}

/** "1.2 MB", "350 KB": sizes for people, in the decimal units file managers show. */
export function megabytes(bytes: number): string {
  const number = (n: number, digits = 0) =>
    n.toLocaleString(language === 'cy' ? 'cy' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (bytes < 1_000_000) return t('kilobytes', { size: number(Math.max(1, Math.round(bytes / 1000))) });
  const mb = bytes / 1_000_000;
  return t('megabytes', { size: mb < 10 ? number(mb, 1) : number(Math.round(mb)) });
}
