// The one place the PDF's words are chosen: its catalogue (en.ts, cy.ts) filled by the verifier's helpers, so
// dates, numbers and plural forms come from Intl in the language asked for (with the same fallback for a browser
// that has no Welsh data). Runs in the browser (where the PDF is made) and in Node (tests, bench).

import type { Param, PluralForms, ReportLanguage } from '../../../../crypto/evidence-pack/index.ts';
import { fill, formatCount, messageIn, ukDay, ukTime, ukTimeBare } from '../../../../crypto/evidence-pack/index.ts';
import type { PdfLabels } from '../labels.ts';
import { cy } from './cy.ts';
import { en } from './en.ts';

export type PdfLanguage = ReportLanguage;

/** The catalogues by language, for the parity check (scripts/check-content.ts, text.test.ts). */
export const PDF_CATALOGUES: Readonly<Record<PdfLanguage, unknown>> = { en, cy };

/** Every dotted key of the catalogue that names a message: "cover.title", "entries.bytes". */
type Keys<T> = {
  [K in keyof T & string]: T[K] extends string | PluralForms ? K : `${K}.${Keys<T[K]>}`;
}[keyof T & string];
export type PdfKey = Keys<typeof en>;

export interface Words {
  readonly language: PdfLanguage;
  readonly labels: PdfLabels;
  say(key: PdfKey, params?: Readonly<Record<string, Param>>): string;
  /** '2026-03-01' → "1 March 2026" / "1 Mawrth 2026". */
  day(isoDate: string): string;
  /** "3 March 2026 at 14:02 (UK time)". */
  time(ms: number): string;
  /** "3 March 2026 at 14:02". */
  timeBare(ms: number): string;
  count(n: number): string;
}

export function wordsFor(language: PdfLanguage, labels: PdfLabels): Words {
  const catalogue = PDF_CATALOGUES[language];
  const say = (key: PdfKey, params: Readonly<Record<string, Param>> = {}) => {
    const message = messageIn(catalogue, key);
    // A key with no message is a bug in the renderer: the catalogues' parity test finds it.
    if (message === undefined) throw new Error(`No "${key}" message in the ${language} PDF catalogue`);
    return fill(message, params, language);
  };
  return {
    language,
    labels,
    say,
    day: (isoDate) => {
      // Noon UTC is the same date in London whatever the season.
      const ms = Date.parse(`${isoDate}T12:00:00Z`);
      return Number.isFinite(ms) ? ukDay(ms, language) : isoDate;
    },
    time: (ms) => ukTime(ms, language),
    timeBare: (ms) => ukTimeBare(ms, language) ?? ukTime(ms, language),
    count: (n) => formatCount(n, language),
  };
}
