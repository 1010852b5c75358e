import type { Catalogue } from '../../domain/content-parity/index.ts';
import { fill } from '../../domain/messages/fill.ts';
import type { Language } from '../setup/messages.ts';

type Plural = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
const rules = new Map<Language, Intl.PluralRules>();

/**
 * The phrase for a count's plural form in the language (Intl.PluralRules; Welsh has six forms), from a
 * catalogue entry holding one whole phrase per form, with its `{name}` placeholders filled. Never a number
 * and a word joined in code: the catalogue holds each form with the mutation its number causes.
 */
export function pluralPhrase(
  forms: Catalogue,
  language: Language,
  count: number,
  values: Readonly<Record<string, string | number>> = {},
): string {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  const phrase = (forms as Record<Plural, string>)[rule.select(count) as Plural];
  return fill(phrase, { count, ...values });
}
