import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Catalogue, catalogueProblems } from '../../domain/content-parity/index.ts';
import { PATHS } from '../paths.ts';

/** The languages Casebook speaks. English is the default; Welsh pages live under /cy. */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The message catalogue areas: content/messages/<area>/<language>.yaml. */
export const MESSAGE_AREAS = ['guidance', 'layout', 'search', 'errors', 'verify', 'directory', 'risk-screen', 'talk', 'forums'] as const;
export type MessageArea = (typeof MESSAGE_AREAS)[number];

/**
 * One area's catalogues, every language. A key missing in either language, or a message that is not text,
 * stops start-up (and the build, through scripts/check-content.ts) naming the key.
 */
export function loadMessages(area: MessageArea, dir = join(PATHS.content, 'messages')): Record<Language, Catalogue> {
  const catalogues = Object.fromEntries(
    LANGUAGES.map((language) => [language, parse(readFileSync(join(dir, area, `${language}.yaml`), 'utf8')) as unknown]),
  );
  const problems = catalogueProblems(area, catalogues);
  if (problems.length > 0) throw new Error(`message catalogues: ${problems.join('; ')}`);
  return catalogues as Record<Language, Catalogue>;
}
