// Bundles the server's own TypeScript into dist/server/main.js for `npm start`. Running one plain JavaScript
// file instead of stripping types from a hundred at start-up halves the resting memory and shortens the cold
// start. Packages stay external (they load from node_modules as usual) except typebox: its schema builders are
// imported by every route module through hundreds of small files, and bundled (tree-shaken) they take about
// 15 MB less resident memory than loaded module by module. Bundling the other packages measured no better.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const BUNDLED = new Set(['typebox']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

await esbuild.build({
  entryPoints: [join(root, 'src/server/main.ts')],
  outfile: join(root, 'dist/server/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node22'],
  external,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('server built → dist/server/main.js');
