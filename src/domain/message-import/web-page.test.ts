import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.ts';
import { detectFormat, guessBehaviours, type ImportError, type ImportInput, parseExport } from './index.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const lastModified = Date.UTC(2026, 6, 2, 9, 0, 0);
const input = (name: string, bytes: Uint8Array = fixture(name)): ImportInput => ({ name, bytes, lastModified });

describe('saved web pages', () => {
  it('reads an .mhtml: the address it was saved from, its title and the save time', async () => {
    const bytes = fixture('web-page.mhtml');
    expect(detectFormat(input('page.eml', bytes))).toBe('web-page');
    const parsed = await parseExport(input('web-page.mhtml', bytes));
    expect(parsed.format).toBe('web-page');
    const [page] = parsed.records;
    expect(page).toMatchObject({
      locator: 'page',
      channel: 'web-page',
      at: '2026-07-01T22:05:30+01:00',
      timeSource: 'export',
      sender: 'www.example.org',
      url: 'https://www.example.org/forum/posts/4412?ref=share',
      text: 'Sam — the truth | Example Forum',
      subject: 'Sam — the truth | Example Forum',
    });
    expect(guessBehaviours(page!)).toEqual(['publishing']);
  });

  it('reads an .html: the "saved from url" comment, the title, and the file date labelled weaker', async () => {
    const bytes = fixture('web-page.html');
    expect(detectFormat(input('page.txt', bytes))).toBe('web-page');
    const parsed = await parseExport(input('web-page.html', bytes));
    expect(parsed.records[0]).toMatchObject({
      url: 'https://www.example.org/forum/posts/4412?p=2#c9',
      text: 'Sam — the truth & more | Example Forum',
      timeSource: 'file-modified',
      at: '2026-07-02T10:00:00+01:00',
    });
    expect(parsed.warnings.join(' ')).toMatch(/weaker evidence/);
    const canonicalOnly = Buffer.from(
      fixture('web-page.html')
        .toString()
        .replace(/<!-- saved from[^>]*>/, ''),
    );
    expect((await parseExport(input('p.html', canonicalOnly))).records[0]!.url).toBe('https://www.example.org/forum/posts/4412');
  });

  it('refuses a file with no HTML when told it is a page', async () => {
    const error = await parseExport(input('p.html', Buffer.from('just words')), { format: 'web-page' }).catch((e: unknown) => e);
    expect((error as ImportError).problem).toBe('not-this-format');
  });
});

describe('HTML as text', () => {
  it('keeps words, links and line breaks; drops scripts, styles, comments, the head and every tag', () => {
    const html =
      '<html><head><title>t</title><style>p{}</style></head><body><!-- c --><script>var x = "<p>";</script>' +
      '<p>One &amp; <b>two</b></p><p>Three<br>four &#x1F600; &unknown;</p><a href="https://e.org/x">link</a><a href="javascript:alert(1)">bad</a><ul><li>a</li></ul></body></html>';
    expect(htmlToText(html)).toBe('One & two\n\nThree\nfour 😀 &unknown;\nlink (https://e.org/x)bad\n\n* a');
  });

  it('reads hostile input in one pass (many scripts, then a tag that never closes)', () => {
    // A quadratic reader would run past the test's time limit here.
    expect(htmlToText(`<p>a</p>${'<script>x</script>'.repeat(20_000)}<a href="${'x'.repeat(200_000)}`)).toBe('a');
  });
});
