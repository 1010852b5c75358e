import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderPost } from './markdown.ts';

// Each must render as text or as harmless markup: no element, attribute or URL that could run script,
// load anything, or style the page.
const CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](java&#x09;script:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[click](//evil.example/)',
  '[click](https://ok.example/ "title" onclick="alert(1)")',
  '![x](https://evil.example/track.png)',
  '![x](javascript:alert(1))',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;top:0">overlay</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="https://evil.example"><input name=x></form>',
  '<object data="x.swf"></object><embed src=x>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<a href="https://ok.example" target="_blank">tab</a>',
  '``<img src=x onerror=alert(1)>``',
  '`<script>`',
  '> <img src=x onerror=alert(1)>',
  '- [a](javascript:alert(1))\n- <b onmouseover=alert(1)>b</b>',
  '<details open ontoggle=alert(1)>',
  '[a]: javascript:alert(1)\n\n[click][a]',
  'https://ok.example/?q="><script>alert(1)</script>',
  '<https://ok.example/"onmouseover="alert(1)>',
  '*<img src=x onerror=alert(1)>*',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];

const ALLOWED_TAGS = new Set(['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'a', 'code']);

describe('forum posts render an XSS corpus inert', () => {
  it.each(CORPUS)('%j', (source) => {
    const { html } = renderPost(source);
    // Parsed as a browser would, then every element and attribute checked against the allowlist.
    const elements: { name: string; attribs: Record<string, string> }[] = [];
    const walk = (nodes: unknown[]) => {
      for (const node of nodes as { type: string; name: string; attribs: Record<string, string>; children?: unknown[] }[]) {
        if (node.type === 'tag' || node.type === 'script' || node.type === 'style') elements.push(node);
        if (node.children) walk(node.children);
      }
    };
    walk(parseDocument(html).children);
    for (const element of elements) {
      expect(ALLOWED_TAGS.has(element.name), `<${element.name}> in ${html}`).toBe(true);
      for (const [name, value] of Object.entries(element.attribs)) {
        expect(['href', 'rel', 'class', 'start'], `${name} in ${html}`).toContain(name);
        if (name === 'href') expect(value).toMatch(/^https:\/\/[a-z]/);
      }
      if (element.name === 'a') expect(element.attribs.rel).toBe('noopener noreferrer nofollow');
    }
  });

  it('keeps the subset: emphasis, lists, quotes, links with rel noopener noreferrer nofollow', () => {
    const { html, links } = renderPost('*a* **b**\n\n- one\n- two\n\n1. first\n\n> quoted\n\n[site](https://www.gov.uk/report)');
    expect(html).toContain('<em>a</em> <strong>b</strong>');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    expect(html).toContain('<ol class="govuk-list govuk-list--number">');
    expect(html).toContain('<blockquote class="casebook-forum-quote">');
    expect(html).toContain('<a href="https://www.gov.uk/report" class="govuk-link" rel="noopener noreferrer nofollow">site</a>');
    expect(links).toEqual(['https://www.gov.uk/report']);
  });

  it('drops headings, images and code blocks to text', () => {
    const { html } = renderPost('# Big\n\n![pic](https://x.example/a.png)\n\n    code');
    expect(html).not.toMatch(/<h1|<img|<pre/);
  });
});
