import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../server/features/guidance/markdown.ts';
import { LINKS } from './links.ts';

const content = join(import.meta.dirname, '../../server/content/en');

function headingIds(page: string): Set<string> {
  const text = readFileSync(join(content, `${page}.md`), 'utf8');
  return new Set([...text.matchAll(/^#{2,4} (.+)$/gm)].map((match) => slugify(match[1]!)));
}

describe('LINKS', () => {
  it('point at guidance pages and headings that exist', () => {
    for (const [name, link] of Object.entries(LINKS)) {
      const [path, anchor] = link.href.split('#');
      const page = path!.replace(/^\//, '');
      expect(() => readFileSync(join(content, `${page}.md`)), `${name}: ${path}`).not.toThrow();
      if (anchor) expect(headingIds(page).has(anchor), `${name}: ${link.href}`).toBe(true);
    }
  });

  it('agree with the-law.md on what each section needs', () => {
    const law = readFileSync(join(content, 'understand/the-law.md'), 'utf8');
    expect(law).toContain('at least two occasions');
    expect(law).toMatch(/fear, on at least two occasions, that violence will be used against you/);
    expect(law).toContain('serious alarm or distress');
    expect(law).toContain('You do not have to apply');
    expect(law).toContain('25 November 2012');
  });
});
