import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { z } from 'zod';
import { checkParity, type ParityPage, type ParityProblem } from '../../../domain/content-parity/index.ts';
import { renderMarkdown } from './markdown.ts';
import { SECTIONS } from './sections.ts';

/** The languages the guidance is written in, each in content/<code>/<section>/<slug>.md with the same slugs. */
export const GUIDANCE_LANGUAGES = ['en', 'cy'] as const;

const glossary = z.object({
  terms: z.array(z.object({ en: z.string(), cy: z.string(), avoid: z.array(z.string()).optional(), note: z.string().optional() })),
});

/** The Welsh glossary's words to avoid (content/cy/GLOSSARY.yaml). */
export function loadAvoidedWords(contentDir: string): string[] {
  const parsed = glossary.parse(parse(readFileSync(join(contentDir, 'cy', 'GLOSSARY.yaml'), 'utf8')));
  return parsed.terms.flatMap((t) => t.avoid ?? []);
}

/** Raw front matter (before defaults fill gaps, so a missing key is seen) and reading text of each page. */
function readPages(dir: string): ParityPage[] {
  return SECTIONS.flatMap((section) => {
    let files: string[];
    try {
      files = readdirSync(join(dir, section.id))
        .filter((f) => f.endsWith('.md'))
        .sort();
    } catch {
      return [];
    }
    return files.map((file) => {
      const slug = file.replace(/\.md$/, '');
      const { data, content } = matter(readFileSync(join(dir, section.id, file), 'utf8'));
      const text = [data.title, data.summary, renderMarkdown(content).text].filter((t) => typeof t === 'string').join('\n');
      return { key: slug === 'index' ? section.id : `${section.id}/${slug}`, frontMatter: data, text };
    });
  });
}

/** Every way the English and Welsh guidance disagree; empty when they are twins. */
export function checkContentParity(contentDir: string): ParityProblem[] {
  return checkParity(readPages(join(contentDir, 'en')), readPages(join(contentDir, 'cy')), { avoid: loadAvoidedWords(contentDir) });
}
