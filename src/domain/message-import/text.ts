// Turning an export's bytes into text, refusing what is not text.
import { ImportError } from './model.ts';

/** Longest line any parser accepts: a WhatsApp message is at most 65,536 characters, so anything past this is not a chat. */
export const MAX_LINE_CHARS = 100_000;

/**
 * UTF-8 (with or without a byte order mark) or UTF-16 with its mark, as WhatsApp writes on some phones and
 * Windows tools re-save. Invalid UTF-8 is refused, not guessed at: the text must be what the export said.
 */
export function decodeText(bytes: Uint8Array, what: string): string {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) (encoding = 'utf-16le'), (start = 2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) (encoding = 'utf-16be'), (start = 2);
  else encoding = utf16WithoutMark(bytes) ?? encoding;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    throw new ImportError(
      'wrong-encoding',
      `This ${what} is not readable text (it is not UTF-8 or UTF-16). Export it again from the app without changing it.`,
    );
  }
  if (looksBinary(text))
    throw new ImportError('wrong-encoding', `This ${what} holds binary data, not text. Choose the export file itself.`);
  return text;
}

/** UTF-16 saved without its mark, told by the zero bytes of its ASCII characters (digits and punctuation start every export). */
export function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 8 || bytes.length % 2) return undefined;
  let le = 0;
  let be = 0;
  const pairs = Math.min(64, bytes.length / 2);
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] !== 0 && bytes[2 * i + 1] === 0) le++;
    if (bytes[2 * i] === 0 && bytes[2 * i + 1] !== 0) be++;
  }
  return le === pairs ? 'utf-16le' : be === pairs ? 'utf-16be' : undefined;
}

/** NUL or many other control characters in the first few kilobytes: a binary file that happens to be valid UTF-8. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > sample.length / 100 + 2;
}

/** Refuses a text whose longest line is over the bound (a hostile "100 MB line" never reaches a regex). */
export function assertLineLengths(text: string, what: string, max = MAX_LINE_CHARS): void {
  let from = 0;
  while (from <= text.length) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    if (end - from > max) {
      throw new ImportError(
        'too-large',
        `This ${what} has a line longer than ${max.toLocaleString('en-GB')} characters, which no real export has. It may be damaged or not an export.`,
      );
    }
    from = end + 1;
  }
}

/** Latin-1 view of bytes (one character per byte), for formats whose structure is ASCII (MIME, mbox). */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  return out;
}
