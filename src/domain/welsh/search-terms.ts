import { radicals } from './mutations.ts';

/**
 * Lower-case, with diacritics folded ("ffôn" → "ffon", "ŵyr" → "wyr", "copïo" → "copio") and curly
 * apostrophes made straight, so a reader who types without accents finds the same words.
 */
export function foldWelsh(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019]/g, "'");
}

/**
 * Splits text into words. A hyphen inside a word is kept ("cam-drin", "e-bost"), because the halves alone
 * ("drin", "e") mean something else or nothing; every other mark, apostrophes included ("a'r"), splits.
 */
export function welshTokens(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}-]+/u)
    .map((word) => word.replace(/^-+|-+$/g, ''))
    .filter((word) => word.length > 0);
}

/**
 * The terms a Welsh word is indexed under: itself, folded, and every radical form it could come from, so
 * "mhlant" and "phlant" are both found by "plant", and "gam-drin" by "cam-drin". One-letter words are dropped,
 * as the English index does.
 */
export function welshSearchTerms(word: string): string[] | null {
  const folded = foldWelsh(word);
  if (folded.length < 2) return null;
  return [...new Set([folded, ...radicals(folded)])];
}
