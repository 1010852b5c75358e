import { readFile } from 'node:fs/promises';
import type * as esbuild from 'esbuild';
import { parse as parseYaml } from 'yaml';

/**
 * A .yaml import (the vault's message catalogues) becomes its parsed value, so the words live in catalogues, not
 * code. Every esbuild bundle of browser code needs it: the site's build, the browser tests' harnesses, the benches.
 */
export const yamlCatalogues: esbuild.Plugin = {
  name: 'yaml-catalogues',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, async (args) => ({
      contents: JSON.stringify(parseYaml(await readFile(args.path, 'utf8'))),
      loader: 'json',
    }));
  },
};
