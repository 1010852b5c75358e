// Reading rendered HTML in the unit tests without a DOM: the markup is ours and regular, so a few patterns do.

import type { FunctionComponent } from 'preact';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function render<P>(component: FunctionComponent<P>, props: P): string {
  return renderToString(h(component as FunctionComponent<object>, props as object));
}

/** The text of some HTML: tags dropped, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each outermost element with the tag whose opening tag matches `attribute` (not nested in one another). */
export function elements(html: string, tag: string, attribute: RegExp = /.*/): string[] {
  const found: string[] = [];
  const open = new RegExp(`<${tag}\\b[^>]*>`, 'g');
  let match: RegExpExecArray | null;
  while ((match = open.exec(html))) {
    if (!attribute.test(match[0])) continue;
    // Find the matching close, counting nested elements of the same tag.
    let depth = 0;
    const any = new RegExp(`<${tag}\\b[^>]*>|</${tag}>`, 'g');
    any.lastIndex = match.index;
    let end: RegExpExecArray | null;
    while ((end = any.exec(html))) {
      depth += end[0].startsWith('</') ? -1 : 1;
      if (depth === 0) break;
    }
    const stop = end ? end.index + end[0].length : html.length;
    found.push(html.slice(match.index, stop));
    open.lastIndex = stop;
  }
  return found;
}

/** The one element that matches, or a failure that says what was there. */
export function element(html: string, tag: string, attribute: RegExp): string {
  const found = elements(html, tag, attribute);
  if (found.length !== 1) throw new Error(`expected one <${tag}> matching ${attribute}, found ${found.length}`);
  return found[0]!;
}

/** A rendered govuk table as rows of cell texts, caption first. */
export function tableOf(html: string): { caption: string; columns: string[]; rows: string[][] } {
  const table = element(html, 'table', /govuk-table/);
  return {
    caption: textOf(element(table, 'caption', /./)),
    columns: elements(element(table, 'thead', /./), 'th').map(textOf),
    rows: elements(element(table, 'tbody', /./), 'tr').map((row) =>
      [...row.matchAll(/<(th|td)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((cell) => textOf(cell[2]!)),
    ),
  };
}

/** The attribute's value in an opening tag. */
export function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}
