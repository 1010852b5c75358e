import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the server finds its files. The same code runs from src/ (tests, development) and bundled into
 * dist/server/ (npm start), so paths are found from the project root rather than from this file.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'server'))) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the Casebook project root above ${from}`);
  }
}

const root = projectRoot(dirname(fileURLToPath(import.meta.url)));

export const PATHS = {
  root,
  content: join(root, 'src', 'server', 'content'),
  views: join(root, 'src', 'server', 'views'),
  public: join(root, 'dist', 'public'),
} as const;
