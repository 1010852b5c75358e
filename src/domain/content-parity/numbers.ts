import { radicals } from '../welsh/mutations.ts';

/**
 * The facts written as numbers on a page — phone numbers, times, dates, section numbers, penalties,
 * percentages — each in one canonical form, whichever language wrote it. "9:30am" and "9:30yb" are both
 * "09:30"; "0808 80 10 800" is "08088010800"; "3 April 2017" and "3 Ebrill 2017" are both "2017-04-03";
 * "s.2A" and "adran 2A" are both "2A"; "10 years" and "10 mlynedd" are both "10". The words around a
 * number are never compared, only the numerals.
 */

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS_CY = [
  'ionawr',
  'chwefror',
  'mawrth',
  'ebrill',
  'mai',
  'mehefin',
  'gorffennaf',
  'awst',
  'medi',
  'hydref',
  'tachwedd',
  'rhagfyr',
];

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');

/** The month (1–12) a word names, in English or Welsh, mutated or not ("Fawrth" after "fis" is March). */
function monthOf(word: string): number | undefined {
  const w = fold(word);
  const en = MONTHS_EN.indexOf(w);
  if (en >= 0) return en + 1;
  for (const radical of radicals(w)) {
    const cy = MONTHS_CY.indexOf(radical);
    if (cy >= 0) return cy + 1;
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

// am/pm, and Welsh yb (y bore), yp (y prynhawn), yh (yr hwyr), with or without dots. A bare "am" must touch
// the number, because "am" is also Welsh for "for" ("pwyswch 5 am help").
const MERIDIEM = String.raw`(?:(am)|\s?(a\.m\.|p\.?m\.?|y\.?b\.?|y\.?p\.?|y\.?h\.?))(?![\p{L}])`;

const PATTERNS: readonly { pattern: RegExp; token: (m: RegExpExecArray) => string | undefined }[] = [
  // 23 November 2026, 23 Tachwedd 2026
  {
    pattern: /(?<![\d.,])(\d{1,2})\s+(\p{L}+)\s+(\d{4})(?![\d])/gu,
    token: (m) => {
      const month = monthOf(m[2]!);
      return month === undefined ? undefined : `${m[3]}-${pad(month)}-${pad(Number(m[1]))}`;
    },
  },
  // March 2024, fis Mawrth 2024
  {
    pattern: /(?<![\p{L}])(\p{L}+)\s+(\d{4})(?![\d])/gu,
    token: (m) => {
      const month = monthOf(m[1]!);
      return month === undefined ? undefined : `${m[2]}-${pad(month)}`;
    },
  },
  // 9:30am, 9.30yb, 4pm, 1yp
  {
    pattern: new RegExp(String.raw`(?<![\d.:])(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?${MERIDIEM}`, 'giu'),
    token: (m) => {
      const hour = Number(m[1]);
      const after = /^(p|y\.?p|y\.?h)/i.test(m[4] ?? '');
      const h24 = hour === 12 ? (after ? 12 : 0) : after ? hour + 12 : hour;
      return `${pad(h24)}:${m[2] ?? '00'}`;
    },
  },
  // 09:30, 16:00
  { pattern: /(?<![\d.:])([01]?\d|2[0-3]):([0-5]\d)(?![\d])/g, token: (m) => `${pad(Number(m[1]))}:${m[2]}` },
  // Section numbers with a letter: s.2A, adran 4A, 2A(3)
  { pattern: /(?<![\p{L}\d])(\d+[A-Z])(?![\p{L}\d])/gu, token: (m) => m[1] },
  // Phone numbers written in groups: 0808 802 0300, 08 08 16 89 111, 116 123
  { pattern: /(?<![\d.,])\d+(?:[ \u00a0]\d+)+(?![\d.,]\d)/g, token: (m) => m[0].replace(/\D/g, '') },
  // 900,000 and 1.5 and 3.2 and plain 999
  { pattern: /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d])/g, token: (m) => m[0].replace(/,/g, '') },
  { pattern: /(?<![\d.,])\d+(?:\.\d+)?(?![\d]|\.\d)/g, token: (m) => m[0] },
];

/** Every number on the page, canonical, in order of the kinds above (so the same text always gives the same list). */
export function numbersIn(text: string): string[] {
  let rest = text;
  const found: string[] = [];
  for (const { pattern, token } of PATTERNS) {
    rest = rest.replace(pattern, (...args) => {
      // replace() passes the match, its groups, then the offset and the whole string.
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const value = token(match);
      if (value === undefined) return match[0];
      found.push(value);
      return ' ';
    });
  }
  return found;
}
