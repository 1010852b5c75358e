// A web page the person saved: Chrome's and Edge's "Webpage, single file" (.mhtml, a MIME message whose headers
// carry the address and the save time) or "Webpage, HTML only" (.html, which carries the address only in the
// "saved from url" comment browsers write, or in its canonical link). The flow keeps the file itself; this reads
// what the diary shows: the address, the title and when it was saved.
import PostalMime, { type Email } from 'postal-mime';
import { attributeOf, decodeEntities } from './html-text.ts';
import { londonInstant } from './london-time.ts';
import { parseMailDate } from './mail-date.ts';
import { ImportError, type ImportedRecord, type ImportInput, type ParsedExport } from './model.ts';
import { looksBinary } from './text.ts';

const HEAD_CHARS = 1024 * 1024;

/** The page's <title>, its canonical link and the "saved from url" comment, from the first megabyte of HTML. */
export function pageFacts(html: string): { title?: string; canonical?: string; savedFrom?: string } {
  const head = html.slice(0, HEAD_CHARS);
  const facts: { title?: string; canonical?: string; savedFrom?: string } = {};
  const saved = /<!--\s*saved from url=\(\d{1,5}\)(\S{1,4000}?)\s*-->/i.exec(head);
  if (saved) facts.savedFrom = saved[1];
  const titleStart = head.search(/<title[\s>]/i);
  if (titleStart >= 0) {
    const open = head.indexOf('>', titleStart);
    const close = head.toLowerCase().indexOf('</title', open);
    if (open >= 0 && close > open)
      facts.title = decodeEntities(head.slice(open + 1, close))
        .replace(/\s+/g, ' ')
        .trim();
  }
  for (const m of head.matchAll(/<link\b[^>]{0,2000}>/gi)) {
    const rel = attributeOf(m[0], 'rel');
    if (rel && /(?:^|\s)canonical(?:\s|$)/i.test(rel)) {
      facts.canonical = attributeOf(m[0], 'href');
      break;
    }
  }
  return facts;
}

const hostOf = (url: string | undefined) => {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

function pageRecord(
  at: number,
  timeSource: ImportedRecord['timeSource'],
  url: string | undefined,
  title: string | undefined,
  name: string,
): ImportedRecord {
  const record: ImportedRecord = {
    locator: 'page',
    channel: 'web-page',
    at: londonInstant(at),
    timeSource,
    sender: hostOf(url),
    direction: 'unknown',
    text: title ?? '',
    attachments: [{ name, type: timeSource === 'export' ? 'multipart/related' : 'text/html' }],
    system: false,
  };
  if (url) record.url = url;
  if (title) record.subject = title;
  return record;
}

function decodeHtml(bytes: Uint8Array, warnings: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older pages are saved in Windows-1252; the original file is kept either way.
    warnings.push('This page is not saved as UTF-8, so it was read as Windows-1252 (Western European).');
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function parseWebPage(input: ImportInput): Promise<ParsedExport> {
  const warnings: string[] = [];
  const head = String.fromCharCode(...input.bytes.subarray(0, 4096));
  const blank = head.search(/\r?\n\r?\n/);
  const headers = /^[\x21-\x39\x3b-\x7e]+:/.test(head) ? head.slice(0, blank < 0 ? head.length : blank) : '';
  const isMhtml = /^Content-Type:\s*multipart\/related/im.test(headers);
  let record: ImportedRecord;
  if (isMhtml) {
    let email: Email;
    try {
      email = await PostalMime.parse(input.bytes, {
        maxNestingDepth: 10,
        maxPartCount: 20_000,
        maxHeadersSize: 1024 * 1024,
        maxRfc822NestingDepth: 0,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'EMAXNESTINGDEPTH')
        throw new ImportError('too-deep', 'This saved page has parts nested more than 10 deep, which no browser writes. It was not read.');
      throw new ImportError('not-this-format', 'This saved page (.mhtml) is damaged and could not be read.');
    }
    const header = (key: string) => email.headers.find((h) => h.key === key)?.value.trim();
    const url = header('snapshot-content-location') ?? undefined;
    const facts = email.html ? pageFacts(email.html) : {};
    const saved = parseMailDate(header('date'));
    const at = saved ? saved.ms : input.lastModified;
    if (!saved) warnings.push('This saved page has no save time in it, so the date the file was saved is used, which is weaker evidence.');
    record = pageRecord(at, saved ? 'export' : 'file-modified', url ?? facts.canonical, facts.title ?? email.subject, input.name);
  } else {
    const html = decodeHtml(input.bytes, warnings);
    if (looksBinary(html) || !/<(?:!doctype html|html|head|body|title)[\s>]/i.test(html.slice(0, HEAD_CHARS))) {
      throw new ImportError('not-this-format', 'This is not a saved web page: it has no HTML in it.');
    }
    const facts = pageFacts(html);
    const url = facts.savedFrom ?? facts.canonical;
    if (!url) warnings.push('This page does not say which address it was saved from. Note the address in the entry.');
    warnings.push('A page saved as HTML only holds no save time, so the date the file was saved is used, which is weaker evidence.');
    record = pageRecord(input.lastModified, 'file-modified', url, facts.title, input.name);
  }
  return { format: 'web-page', records: [record], participants: [], warnings };
}
