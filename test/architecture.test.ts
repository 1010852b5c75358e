import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
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
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
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
