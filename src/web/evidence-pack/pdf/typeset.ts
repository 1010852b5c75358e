// Measures, wraps and draws text with the embedded fonts. A character the body font lacks is drawn with the first
// fallback font that has it, so a name in another script prints instead of turning into empty boxes. Widths are
// cached per word: a 1,000-entry pack measures the same words many times.

import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { fontName, num, writeText } from './ink.ts';

const BLACK = rgb(0, 0, 0);

export interface Face {
  readonly font: PDFFont;
  readonly covers: ReadonlySet<number>;
  readonly widths: Map<string, number>;
}

export interface Faces {
  readonly regular: readonly Face[];
  readonly bold: readonly Face[];
}

export interface Style {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: RGB;
}

export function faceOf(font: PDFFont): Face {
  return { font, covers: new Set(font.getCharacterSet()), widths: new Map() };
}

interface Run {
  readonly face: Face;
  readonly text: string;
}

// Tabs and other spacing become plain spaces; line breaks are handled by the caller.
const SPACING = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

/** Splits text into runs that one font can draw each. */
function runsOf(text: string, faces: readonly Face[]): Run[] {
  const first = faces[0]!;
  const runs: Run[] = [];
  let current = first;
  let start = 0;
  let index = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const face = first.covers.has(code) ? first : (faces.find((f) => f.covers.has(code)) ?? first);
    if (face !== current) {
      if (index > start) runs.push({ face: current, text: text.slice(start, index) });
      current = face;
      start = index;
    }
    index += char.length;
  }
  if (index > start) runs.push({ face: current, text: text.slice(start, index) });
  return runs;
}

function facesFor(faces: Faces, style: Style): readonly Face[] {
  return style.bold ? faces.bold : faces.regular;
}

function runWidth(run: Run): number {
  let width = run.face.widths.get(run.text);
  if (width === undefined) {
    width = run.face.font.widthOfTextAtSize(run.text, 1);
    run.face.widths.set(run.text, width);
  }
  return width;
}

export function widthOf(faces: Faces, text: string, style: Style): number {
  let width = 0;
  for (const run of runsOf(text, facesFor(faces, style))) width += runWidth(run);
  return width * style.size;
}

/** Cleans one line of text for drawing: no control characters, spacing as plain spaces. */
export function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(SPACING, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, '');
}

/**
 * Wraps text to a width: line breaks in the text are kept, words move to the next line, and a word (or URL)
 * longer than the line is broken between characters. Empty text gives no lines.
 */
export function wrap(faces: Faces, text: string, width: number, style: Style): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const words = clean(paragraph).split(/(\s+)/);
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      if (word === '') continue;
      const isSpace = /^\s+$/.test(word);
      const token = isSpace ? ' ' : word;
      const tokenWidth = widthOf(faces, token, style);
      if (lineWidth + tokenWidth <= width) {
        if (!(isSpace && line === '')) {
          line += token;
          lineWidth += tokenWidth;
        }
        continue;
      }
      if (isSpace) {
        lines.push(line);
        line = '';
        lineWidth = 0;
        continue;
      }
      if (line.trim() !== '') lines.push(line.trimEnd());
      line = '';
      lineWidth = 0;
      if (tokenWidth <= width) {
        line = token;
        lineWidth = tokenWidth;
        continue;
      }
      // A word longer than the line: break it between characters.
      for (const char of token) {
        const charWidth = widthOf(faces, char, style);
        if (lineWidth + charWidth > width && line !== '') {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += char;
        lineWidth += charWidth;
      }
    }
    lines.push(line.trimEnd());
  }
  // Trailing blank lines add nothing.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Labels, dates and numbers repeat on every entry: their encoded glyphs are reused.
const encodings = new WeakMap<PDFFont, Map<string, string>>();

function encode(font: PDFFont, text: string): string {
  if (text.length > 40) return font.encodeText(text).toString();
  let cache = encodings.get(font);
  if (!cache) {
    cache = new Map();
    encodings.set(font, cache);
  }
  let encoded = cache.get(text);
  if (encoded === undefined) {
    encoded = font.encodeText(text).toString();
    cache.set(text, encoded);
  }
  return encoded;
}

/** Draws one line (no wrapping) with its baseline at y. */
export function drawLine(page: PDFPage, faces: Faces, text: string, x: number, y: number, style: Style): void {
  // A text object starts at the origin, so the first Td places the line and each later run moves on from it.
  let body = '';
  let dx = x;
  let dy = y;
  for (const run of runsOf(clean(text), facesFor(faces, style))) {
    body += ` ${fontName(page, run.face.font)} ${num(style.size)} Tf ${num(dx)} ${num(dy)} Td ${encode(run.face.font, run.text)} Tj`;
    dx = runWidth(run) * style.size;
    dy = 0;
  }
  writeText(page, style.color ?? BLACK, body);
}

/** Shortens text to a number of lines at a width, ending with an ellipsis when cut. */
export function clip(faces: Faces, text: string, width: number, style: Style, maxLines: number): string[] {
  const lines = wrap(faces, text, width, style);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 0 && widthOf(faces, `${last}…`, style) > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}
