// Part of `npm run build`: every guidance page and every directory file must parse and validate, or the build
// stops naming the file and the field. The server runs the same loaders at start-up.
import { join } from 'node:path';
import { loadContent } from '../src/server/features/guidance/content-store.ts';
import { loadDirectory } from '../src/server/features/directory/directory-store.ts';
import { PATHS } from '../src/server/paths.ts';

try {
  const content = loadContent(join(PATHS.content, 'en'));
  const directory = loadDirectory(join(PATHS.content, 'directory'));
  console.log(`content checked: ${content.pages.length} guidance pages, ${directory.entries.length} directory entries`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
