import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { renderMarkdown } from './markdown.ts';
import { SECTIONS, type Section } from './sections.ts';

const frontMatter = z.strictObject({
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(240),
  order: z.number().int().min(0),
  related: z
    .array(z.string().regex(/^[a-z-]+(\/[a-z0-9-]+)?$/))
    .max(6)
    .default([]),
  /** Directory ids of services the page names: each gets a box with its number and "open now". */
  services: z
    .array(z.string().regex(/^[a-z0-9-]+$/))
    .max(4)
    .default([]),
  sources: z.array(z.strictObject({ title: z.string().min(1), url: z.url() })).default([]),
  lastReviewed: z
    .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])
    .transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10))),
});

export interface Page {
  /** "section" for a section's landing page, "section/slug" otherwise. */
  key: string;
  path: string;
  section: Section;
  isSectionIndex: boolean;
  title: string;
  summary: string;
  order: number;
  related: string[];
  services: string[];
  sources: { title: string; url: string }[];
  lastReviewed: string;
  html: string;
  text: string;
  headings: string[];
  links: string[];
}

export interface ContentStore {
  pages: readonly Page[];
  get(key: string): Page | undefined;
  /** The pages of a section other than its landing page, in their order. */
  sectionPages(sectionId: string): Page[];
}

/**
 * Reads every guidance page once, at start-up. A malformed file stops start-up with its name and the problem.
 * `pathPrefix` is where a language's pages are served ("/cy" for content/cy); keys stay the same in every
 * language, so a page and its twin share one key.
 */
export function loadContent(contentDir: string, { pathPrefix = '' }: { pathPrefix?: string } = {}): ContentStore {
  const pages: Page[] = [];
  for (const section of SECTIONS) {
    const dir = join(contentDir, section.id);
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    } catch {
      continue;
    }
    for (const file of files) {
      const fullPath = join(dir, file);
      const slug = file.replace(/\.md$/, '');
      const { data, content } = matter(readFileSync(fullPath, 'utf8'));
      const parsed = frontMatter.safeParse(data);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(front matter)'}: ${i.message}`);
        throw new Error(`content file ${relative(contentDir, fullPath)}: ${problems.join('; ')}`);
      }
      const isSectionIndex = slug === 'index';
      const rendered = renderMarkdown(content);
      pages.push({
        ...parsed.data,
        ...rendered,
        key: isSectionIndex ? section.id : `${section.id}/${slug}`,
        path: `${pathPrefix}${isSectionIndex ? `/${section.id}` : `/${section.id}/${slug}`}`,
        section,
        isSectionIndex,
      });
    }
  }
  const byKey = new Map(pages.map((p) => [p.key, p]));
  return {
    pages,
    get: (key) => byKey.get(key),
    sectionPages: (sectionId) =>
      pages
        .filter((p) => p.section.id === sectionId && !p.isSectionIndex)
        .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title)),
  };
}
