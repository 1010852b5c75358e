import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Members' posts: a small Markdown subset (emphasis, lists, quotes, links, inline code), rendered with raw HTML
 * off and then passed through an allowlist sanitiser, so a trick that slips past one layer is stopped by the
 * other. Images, headings, tables and code blocks are not part of the subset: pictures are uploaded apart and
 * have their metadata stripped.
 */
const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true, typographer: false }).enable([
  'paragraph',
  'newline',
  'escape',
  'emphasis',
  'list',
  'blockquote',
  'link',
  'linkify',
  'backticks',
  'autolink',
]);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'a', 'code'],
  allowedAttributes: { a: ['href', 'rel', 'class'], ol: ['start', 'class'], ul: ['class'], blockquote: ['class'], p: ['class'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      // Only absolute web links: a relative or scheme-less href has no honest use in a post.
      attribs: {
        ...(attribs.href && /^https?:\/\/[^/]/i.test(attribs.href) ? { href: attribs.href } : {}),
        class: 'govuk-link',
        rel: 'noopener noreferrer nofollow',
      },
    }),
    ul: () => ({ tagName: 'ul', attribs: { class: 'govuk-list govuk-list--bullet' } }),
    ol: (tagName, attribs) => ({
      tagName,
      attribs: { class: 'govuk-list govuk-list--number', ...(attribs.start ? { start: attribs.start } : {}) },
    }),
    blockquote: () => ({ tagName: 'blockquote', attribs: { class: 'casebook-forum-quote' } }),
    p: () => ({ tagName: 'p', attribs: { class: 'govuk-body' } }),
  },
};

export interface RenderedPost {
  html: string;
  /** Plain text, for search and the moderators' queue. */
  text: string;
  links: string[];
}

export function renderPost(source: string): RenderedPost {
  const tokens = md.parse(source, {});
  const links: string[] = [];
  const text: string[] = [];
  for (const token of tokens) {
    if (token.type !== 'inline') continue;
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') links.push(String(child.attrGet('href') ?? ''));
    }
    text.push(
      token.children
        ?.filter((c) => c.type === 'text' || c.type === 'code_inline')
        .map((c) => c.content)
        .join('') ?? token.content,
    );
  }
  return { html: sanitizeHtml(md.renderer.render(tokens, md.options, {}), SANITIZE), text: text.join('\n'), links };
}
