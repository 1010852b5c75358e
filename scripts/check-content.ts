// Part of `npm run build`: every guidance page and every directory file must parse and validate, or the build
// stops naming the file and the field. The server runs the same loaders at start-up. The Welsh guidance must
// also be the English guidance's twin (docs/welsh.md): same pages, keys, sources and numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPORT_CATALOGUES } from '../src/crypto/evidence-pack/report-text/render.ts';
import { catalogueProblems } from '../src/domain/content-parity/index.ts';
import { loadDirectory } from '../src/server/features/directory/directory-store.ts';
import { checkContentParity } from '../src/server/features/guidance/content-parity.ts';
import { loadContent } from '../src/server/features/guidance/content-store.ts';
import { PATHS } from '../src/server/paths.ts';
import { loadMessages, MESSAGE_AREAS } from '../src/server/setup/messages.ts';
import { PDF_CATALOGUES } from '../src/web/evidence-pack/pdf/text/index.ts';

const VAULT_MESSAGES = new URL('../src/web/vault/i18n', import.meta.url).pathname;

try {
  const content = loadContent(join(PATHS.content, 'en'));
  const welsh = loadContent(join(PATHS.content, 'cy'));
  const directory = loadDirectory(join(PATHS.content, 'directory'));
  // Throws naming any key missing in either language.
  for (const area of MESSAGE_AREAS) loadMessages(area);
  // The verifier's words (browser and Node, so not a server catalogue): the same check of both languages.
  const reportProblems = [
    ...catalogueProblems('evidence pack report (src/crypto/evidence-pack/report-text)', REPORT_CATALOGUES),
    ...catalogueProblems('evidence pack PDF (src/web/evidence-pack/pdf/text)', PDF_CATALOGUES),
  ];
  if (reportProblems.length > 0) throw new Error(`Message catalogues differ:\n  ${reportProblems.join('\n  ')}`);
  // The private record's catalogues are bundled into the browser app (src/web/vault/i18n), not loaded by the server.
  const vaultCatalogues = Object.fromEntries(
    ['en', 'cy'].map((language) => [language, parse(readFileSync(join(VAULT_MESSAGES, `${language}.yaml`), 'utf8')) as unknown]),
  );
  const vaultProblems = catalogueProblems('vault', vaultCatalogues);
  if (vaultProblems.length > 0) throw new Error(`message catalogues: ${vaultProblems.join('; ')}`);
  const problems = checkContentParity(PATHS.content);
  if (problems.length > 0) {
    console.error(`English and Welsh guidance differ (${problems.length}):`);
    for (const problem of problems) console.error(`  ${problem.key}: ${problem.message}`);
    process.exit(1);
  }
  console.log(
    `content checked: ${content.pages.length} guidance pages, ${welsh.pages.length} Welsh twins, ${MESSAGE_AREAS.length + 1} message catalogue areas, ${directory.entries.length} directory entries`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
