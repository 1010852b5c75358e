// The private record's words, in the language of the page. The language comes from <html lang>, which the
// server sets from the address (/diary or /cy/diary): it is never read from or written to storage (T1).
import type { Catalogue } from '../../../domain/content-parity/index.ts';
import cy from './cy.yaml';
import en from './en.yaml';

export const VAULT_LANGUAGES = ['en', 'cy'] as const;
export type VaultLanguage = (typeof VAULT_LANGUAGES)[number];

/** Both catalogues, for the build's key check (scripts/check-content.ts reads the files themselves). */
export const CATALOGUES: Readonly<Record<VaultLanguage, Catalogue>> = { en: en as Catalogue, cy: cy as Catalogue };

/** Read once: a page never changes language; a link to the other language loads the app again. */
export const LANGUAGE: VaultLanguage = typeof document !== 'undefined' && document.documentElement.lang === 'cy' ? 'cy' : 'en';

/** The locale for Intl and luxon: British English, or Welsh. */
export const LOCALE = LANGUAGE === 'cy' ? 'cy' : 'en-GB';

type Values = Readonly<Record<string, string | number>>;

function lookup(key: string, language: VaultLanguage): string | Catalogue | undefined {
  let node: string | Catalogue | undefined = CATALOGUES[language];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}

const fill = (message: string, values: Values | undefined) =>
  values ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : message;

/**
 * The message at a dotted key ("unlock.heading"), with {name} placeholders filled. A key the catalogue lacks
 * shows the key itself, which the catalogue test catches first (i18n.test.ts checks every key the code uses).
 */
export function t(key: string, values?: Values, language: VaultLanguage = LANGUAGE): string {
  const message = lookup(key, language);
  return typeof message === 'string' ? fill(message, values) : key;
}

const pluralRules = new Map<VaultLanguage, Intl.PluralRules>();

/**
 * A whole phrase for a count, in the plural form the language gives it (Welsh has six: zero, one, two, few,
 * many, other). The catalogue holds each form with the mutation its number causes ("2 funud", "3 munud");
 * a number and a word are never joined in code. {count} is the number, written for the locale.
 */
export function plural(key: string, count: number, values?: Values, language: VaultLanguage = LANGUAGE): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language === 'cy' ? 'cy' : 'en-GB')));
  const forms = lookup(key, language);
  const form = typeof forms === 'object' ? (forms[rules.select(count)] ?? forms.other) : undefined;
  const number = new Intl.NumberFormat(language === 'cy' ? 'cy' : 'en-GB').format(count);
  return typeof form === 'string' ? fill(form, { ...values, count: number }) : key;
}

/**
 * A link to another page of the site, in the page's language: guidance pages have Welsh twins at /cy + the
 * English path (without the English section anchor). Pages that are English only (`englishOnly`) keep their address.
 */
export function sitePath(path: string, { englishOnly = false } = {}, language: VaultLanguage = LANGUAGE): string {
  if (language === 'en' || englishOnly) return path;
  // A section anchor is the English heading's id; the Welsh twin's headings have Welsh ids, so the Welsh
  // link opens the page at its top rather than at an anchor that is not there.
  return `/${language}${path.split('#', 1)[0]}`;
}

// Welsh "a" (and) is "ac" before a vowel, including figures read with one: 1 (un), 8 (wyth), 11, 18, 80–89.
const WELSH_VOWEL_START = /^([aeiouwyâêîôûŵŷ]|1$|8|1[18]$)/i;

/**
 * "2, 5 and 6" / "2, 5 a 6" / "2, 5 ac 8". Not Intl.ListFormat: browsers without Welsh locale data (Chromium
 * builds that ship only their interface languages) would fall back to American English ("2, 5, and 6").
 */
export function listOf(items: readonly string[], language: VaultLanguage = LANGUAGE): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1]!;
  const and = language === 'cy' && WELSH_VOWEL_START.test(last) ? t('common.andBeforeVowel', {}, language) : t('common.and', {}, language);
  return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}
