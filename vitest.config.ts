import { defineConfig } from 'vitest/config';
import { parse } from 'yaml';

// The vault's message catalogues are imported as data, as esbuild does in scripts/build-assets.ts.
const yamlCatalogues = {
  name: 'yaml-catalogues',
  transform(code: string, id: string) {
    return id.endsWith('.yaml') ? { code: `export default ${JSON.stringify(parse(code))};`, map: null } : undefined;
  },
};

// Two projects: fast unit/integration tests, and browser tests that need the built assets and Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [yamlCatalogues],
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
