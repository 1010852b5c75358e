// The one place a Finding becomes words: the catalogue of the language asked for (en.ts, cy.ts), with dates,
// numbers and plural forms from Intl in that language. Runs in the browser and in Node.
import { cy } from './cy.ts';
import { en } from './en.ts';
import type { Finding, Param } from './finding.ts';
import type { PluralForms } from './plural.ts';

export const REPORT_LANGUAGES = ['en', 'cy'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export function isReportLanguage(value: unknown): value is ReportLanguage {
  return typeof value === 'string' && (REPORT_LANGUAGES as readonly string[]).includes(value);
}

/** The catalogues by language, for the parity check (catalogueProblems) and for rendering. */
export const REPORT_CATALOGUES: Readonly<Record<ReportLanguage, unknown>> = { en, cy };

const LOCALE: Record<ReportLanguage, string> = { en: 'en-GB', cy: 'cy' };

interface Formats {
  readonly day: Pick<Intl.DateTimeFormat, 'format'>;
  readonly clock: Intl.DateTimeFormat;
  readonly count: Intl.NumberFormat;
  readonly plural: Pick<Intl.PluralRules, 'select'>;
}
const formats = new Map<ReportLanguage, Formats>();

function formatsOf(language: ReportLanguage): Formats {
  let found = formats.get(language);
  if (!found) {
    const locale = LOCALE[language];
    found = {
      day: dayFormat(locale),
      clock: new Intl.DateTimeFormat(locale, { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      count: new Intl.NumberFormat(locale),
      plural: pluralRules(locale),
    };
    formats.set(language, found);
  }
  return found;
}

/** The months in Welsh, for a browser whose Intl has no Welsh data (some Chromium builds): it falls back to en-US. */
const WELSH_MONTHS = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];

function dayFormat(locale: string): Pick<Intl.DateTimeFormat, 'format'> {
  const options = { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' } as const;
  const native = new Intl.DateTimeFormat(locale, options);
  if (native.resolvedOptions().locale.split('-')[0] === locale.split('-')[0]) return native;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' });
  return {
    format(date?: Date | number) {
      const part = (type: string) => Number(parts.formatToParts(date).find((p) => p.type === type)?.value);
      return `${part('day')} ${WELSH_MONTHS[part('month') - 1]} ${part('year')}`;
    },
  };
}

/** CLDR's Welsh plural forms for whole numbers, for the same browsers: 0 zero, 1 one, 2 two, 3 few, 6 many. */
const WELSH_PLURALS: Readonly<Record<number, Intl.LDMLPluralRule>> = { 0: 'zero', 1: 'one', 2: 'two', 3: 'few', 6: 'many' };

function pluralRules(locale: string): Pick<Intl.PluralRules, 'select'> {
  const native = new Intl.PluralRules(locale);
  if (native.resolvedOptions().locale.split('-')[0] === locale.split('-')[0] || locale !== 'cy') return native;
  return { select: (n: number) => WELSH_PLURALS[n] ?? 'other' };
}

/** The message at a dotted code ("files.changed") in a catalogue: this one's, or another built the same way (the PDF's). */
export function messageIn(catalogue: unknown, code: string): string | PluralForms | undefined {
  let node: unknown = catalogue;
  for (const part of code.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && typeof (node as PluralForms).other === 'string') return node as PluralForms;
  return undefined;
}

function lookup(language: ReportLanguage, code: string): string | PluralForms {
  const message = messageIn(REPORT_CATALOGUES[language], code);
  if (message !== undefined) return message;
  // A code with no message is a bug in the verifier, never in the pack: the catalogues' parity test finds it.
  throw new Error(`No "${code}" message in the ${language} report catalogue`);
}

/** A finding as a sentence (or phrase) in the language asked for. */
export function say(finding: Finding, language: ReportLanguage = 'en'): string {
  return fill(lookup(language, finding.code), finding.params ?? {}, language);
}

/**
 * A message with its parameters put in: "{name}" by the parameter said in the language, "{count}" grouped the
 * reader's way and choosing the plural form. Also for catalogues outside this folder (the /verify page's words).
 */
export function fill(message: string | PluralForms, params: Readonly<Record<string, Param>>, language: ReportLanguage): string {
  const template =
    typeof message === 'string' ? message : message[formatsOf(language).plural.select(Number(params.count)) as keyof PluralForms];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return name === 'count' && typeof value === 'number' ? formatsOf(language).count.format(value) : phrase(value, language);
  });
}

function phrase(value: Param, language: ReportLanguage): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('time' in value)
    return value.bare ? (ukTimeBare(value.time, language) ?? say({ code: 'time.unreadable' }, language)) : ukTime(value.time, language);
  if ('items' in value) return value.items.map((item) => phrase(item, language)).join(value.separator);
  return say(value, language);
}

/** "3 March 2026 at 14:02 (UK time)"; "3 Mawrth 2026 am 14:02 (amser y DU)". */
export function ukTime(ms: number, language: ReportLanguage = 'en'): string {
  const bare = ukTimeBare(ms, language);
  return bare === undefined ? say({ code: 'time.unreadable' }, language) : say({ code: 'time.uk', params: { when: bare } }, language);
}

/** "3 March 2026 at 14:02", for sentences that say "UK time" once for several times. */
export function ukTimeBare(ms: number, language: ReportLanguage = 'en'): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  const f = formatsOf(language);
  return say({ code: 'time.at', params: { day: f.day.format(date), clock: f.clock.format(date) } }, language);
}

/** "3 March 2026"; "3 Mawrth 2026" (the London date of the instant). */
export function ukDay(ms: number, language: ReportLanguage = 'en'): string {
  return formatsOf(language).day.format(new Date(ms));
}

/** "1,234", grouped the reader's way. */
export function formatCount(count: number, language: ReportLanguage = 'en'): string {
  return formatsOf(language).count.format(count);
}
