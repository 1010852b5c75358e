import MarkdownIt from 'markdown-it';

/**
 * Markdown → HTML in the design system's typography. Raw HTML in content is switched off, so a content
 * file can never inject markup or scripts.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

const classes: Record<string, string> = {
  bullet_list_open: 'govuk-list govuk-list--bullet',
  ordered_list_open: 'govuk-list govuk-list--number',
  blockquote_open: 'govuk-inset-text',
  table_open: 'govuk-table',
  thead_open: 'govuk-table__head',
  tbody_open: 'govuk-table__body',
  tr_open: 'govuk-table__row',
  th_open: 'govuk-table__header',
  td_open: 'govuk-table__cell',
};

const headingClasses: Record<string, string> = { h2: 'govuk-heading-l', h3: 'govuk-heading-m', h4: 'govuk-heading-s' };

for (const [rule, className] of Object.entries(classes)) {
  md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    tokens[idx]!.attrJoin('class', className);
    return self.renderToken(tokens, idx, options);
  };
}

md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  token.attrJoin('class', headingClasses[token.tag] ?? 'govuk-heading-s');
  const text = tokens[idx + 1]?.content ?? '';
  token.attrSet('id', slugify(text));
  return self.renderToken(tokens, idx, options);
};

// Paragraphs inside list items and quotes keep their parent's spacing.
md.renderer.rules.paragraph_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  if (!token.hidden) token.attrJoin('class', 'govuk-body');
  return self.renderToken(tokens, idx, options);
};

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  token.attrJoin('class', 'govuk-link');
  const href = String(token.attrGet('href') ?? '');
  // Other sites learn nothing about where the reader came from.
  if (/^https?:/.test(href)) token.attrSet('rel', 'noreferrer noopener');
  return self.renderToken(tokens, idx, options);
};

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export interface RenderedMarkdown {
  html: string;
  /** Plain text, for the search index and snippets. */
  text: string;
  headings: string[];
  /** Every link target, so tests can prove internal links resolve. */
  links: string[];
}

export function renderMarkdown(source: string): RenderedMarkdown {
  const tokens = md.parse(source, {});
  const headings: string[] = [];
  const links: string[] = [];
  const text: string[] = [];
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') headings.push(tokens[i + 1]?.content ?? '');
    if (token.type !== 'inline') return;
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') links.push(String(child.attrGet('href') ?? ''));
    }
    text.push(
      token.children
        ?.filter((c) => c.type === 'text' || c.type === 'code_inline')
        .map((c) => c.content)
        .join('') ?? '',
    );
  });
  return { html: md.renderer.render(tokens, md.options, {}), text: text.join('\n'), headings, links };
}
