// Bundles the server's own TypeScript into dist/server/main.js for `npm start`. Packages stay external (they
// load from node_modules as usual). Running one plain JavaScript file instead of stripping types from a
// hundred at start-up halves the resting memory and shortens the cold start.
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

await esbuild.build({
  entryPoints: [join(root, 'src/server/main.ts')],
  outfile: join(root, 'dist/server/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node22'],
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('server built → dist/server/main.js');
