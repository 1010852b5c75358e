import type { Catalogue } from '../../../domain/content-parity/index.ts';
import type { Language } from '../../setup/messages.ts';
import { pluralPhrase } from '../../shared/plural-phrase.ts';

/** "3 chanlyniad ar gyfer", "1 result for": the `search` catalogue's `results`. */
export function resultCount(catalogue: Catalogue, language: Language, count: number): string {
  return pluralPhrase(catalogue.results as Catalogue, language, count);
}
