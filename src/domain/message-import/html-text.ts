// HTML read as plain text, for email bodies and saved pages. The result is only ever shown as text (never put
// back into a page as HTML), so this only has to keep the words and drop everything else: scripts, styles,
// comments, tags and the head. One pass over the string, no backtracking regexes.

const SKIP_CONTENT = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'object', 'iframe']);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'table',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'pre',
  'form',
  'address',
  'figure',
  'figcaption',
  'main',
  'nav',
  'aside',
]);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  oacute: 'ó',
  uacute: 'ú',
  iacute: 'í',
  ccedil: 'ç',
  ntilde: 'ñ',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  szlig: 'ß',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  copy: '©',
  reg: '®',
  trade: '™',
  pound: '£',
  euro: '€',
  bull: '•',
  middot: '·',
  deg: '°',
  times: '×',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  shy: '',
};

/** Character references decoded: &amp; &#39; &#x1F600; and the common named ones; unknown names are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** The end of a tag that starts at `from` ('<'), stepping over quoted attribute values; -1 when it never closes. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

export function attributeOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  let href: string | undefined;
  let linkStart = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) out += decodeEntities(html.slice(i, textEnd)).replace(/\s+/g, ' ');
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const end = tagEnd(html, lt);
    if (end < 0) break;
    const tag = html.slice(lt, end + 1);
    i = end + 1;
    const m = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    const closing = tag[1] === '/';
    if (!closing && SKIP_CONTENT.has(name) && !tag.endsWith('/>')) {
      const close = lower.indexOf(`</${name}`, i);
      i = close < 0 ? html.length : tagEnd(html, close) + 1 || html.length;
      continue;
    }
    if (name === 'a') {
      if (!closing) {
        const link = attributeOf(tag, 'href');
        href = link && /^(?:https?:|mailto:)/i.test(link) ? link : undefined;
        linkStart = out.length;
      } else if (href) {
        if (!out.slice(linkStart).includes(href)) out += ` (${href})`;
        href = undefined;
      }
    } else if (name === 'li' && !closing) out += '\n* ';
    else if (name === 'td' || name === 'th') out += ' ';
    else if (name === 'img' && !closing) {
      const alt = attributeOf(tag, 'alt');
      if (alt) out += ` [${alt}] `;
    } else if (BLOCK.has(name)) out += '\n';
  }
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
