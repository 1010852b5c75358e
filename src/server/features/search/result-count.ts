import type { Catalogue } from '../../../domain/content-parity/index.ts';
import type { Language } from '../../setup/messages.ts';

type Plural = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
const rules = new Map<Language, Intl.PluralRules>();

/**
 * "3 chanlyniad ar gyfer", "1 result for": the whole phrase for the count's plural form in the language
 * (Intl.PluralRules; Welsh has six forms), from the `search` catalogue's `results`. Never a number and a
 * word joined in code: the catalogue holds each form with the mutation its number causes.
 */
export function resultCount(catalogue: Catalogue, language: Language, count: number): string {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  const forms = catalogue.results as Record<Plural, string>;
  return forms[rule.select(count) as Plural].replace('{count}', String(count));
}
