import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The folders are the architecture (see DESIGN.md). This test fails the build when an import crosses a line.
const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

const allowed: Record<string, string[]> = {
  domain: ['domain'],
  crypto: ['crypto', 'domain'],
  contracts: ['contracts', 'domain'],
  server: ['server', 'domain', 'crypto', 'contracts'],
  web: ['web', 'domain', 'crypto', 'contracts'],
};

// Packages that touch the file system, network or process: not allowed where code must stay pure or run in browsers.
const nodeOnly = /^(node:|fs$|path$|crypto$|child_process$|net$|http$|os$|better-sqlite3$|pg$|fastify|@fastify\/|kysely$|pino$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

describe('architecture', () => {
  for (const [layer, mayImport] of Object.entries(allowed)) {
    it(`src/${layer} imports only ${mayImport.join(', ')}`, () => {
      const problems: string[] = [];
      for (const file of sourceFiles(join(src, layer))) {
        for (const spec of importsOf(file)) {
          if (spec.startsWith('.')) {
            const target = relative(src, resolve(dirname(file), spec)).split('/')[0]!;
            if (!mayImport.includes(target)) problems.push(`${relative(root, file)} imports ${spec} (${target})`);
          } else if ((layer === 'domain' || layer === 'crypto' || layer === 'contracts' || layer === 'web') && nodeOnly.test(spec)) {
            problems.push(`${relative(root, file)} imports ${spec}, which does not belong in src/${layer}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('the checker sees imports (guards against a regex that matches nothing)', () => {
    expect(importsOf(join(src, 'server', 'app.ts')).length).toBeGreaterThan(3);
  });
});

// Inside src/server: features import the shared layer, never each other's insides. A feature may publish a small
// interface in its own index.ts, and only that may be imported by another feature. The shared layer and the HTTP
// house rules sit below every feature, so they import none.
describe('server features', () => {
  const server = join(src, 'server');
  const featureOf = (path: string) => relative(join(server, 'features'), path).match(/^([^./][^/]*)\//)?.[1];

  /** Every relative import from a server file into a feature other than its own, with where it lands. */
  function featureImports() {
    return sourceFiles(server).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => ({ file: relative(root, file), from: featureOf(file), target: resolve(dirname(file), spec) }))
        .filter(({ from, target }) => featureOf(target) !== undefined && featureOf(target) !== from),
    );
  }
  const published = (target: string) => relative(join(server, 'features'), target).split('/').length === 2 && target.endsWith('/index.ts');
  const below = ['shared', 'http'].map((layer) => join(server, layer) + '/');

  it("a feature imports another feature only through that feature's index.ts", () => {
    const problems = featureImports()
      .filter(({ from, target }) => from !== undefined && !published(target))
      .map(({ file, target }) => `${file} imports ${relative(root, target)}`);
    expect(problems).toEqual([]);
  });

  it('src/server/shared and src/server/http import no feature', () => {
    const problems = featureImports()
      .filter(({ file }) => below.some((dir) => join(root, file).startsWith(dir)))
      .map(({ file, target }) => `${file} imports ${relative(root, target)}`);
    expect(problems).toEqual([]);
  });

  it('the feature rule sees real cross-feature imports and refuses an inside (guards against a check that matches nothing)', () => {
    const seen = featureImports().filter(({ from }) => from !== undefined);
    expect(seen.map(({ file, target }) => `${file} -> ${relative(root, target)}`)).toContain(
      'src/server/features/forums/moderation-routes.ts -> src/server/features/staff/index.ts',
    );
    expect(seen.every(({ target }) => published(target))).toBe(true);
    expect(published(join(server, 'features', 'staff', 'index.ts'))).toBe(true);
    expect(published(join(server, 'features', 'staff', 'guard.ts'))).toBe(false);
    expect(published(join(server, 'features', 'staff', 'pages', 'index.ts'))).toBe(false);
  });
});
