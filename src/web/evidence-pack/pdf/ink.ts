// Everything on a page except photos is written straight into one extra content stream per page, as PDF
// operators in a string. Going through pdf-lib's drawing calls made a 1,000-entry pack spend most of its time
// building, checking and garbage-collecting operator objects. The stream is added after pdf-lib's own (which
// holds only the photos), and is compressed with fflate, which is several times faster than pdf-lib's pako.
import { zlibSync } from 'fflate';
import type { PDFDocument, PDFPage, RGB } from 'pdf-lib';
import { PDFName } from 'pdf-lib';

interface PageInk {
  readonly chunks: string[];
  fill: string;
  stroke: string;
  width: string;
}

const inks = new WeakMap<PDFPage, PageInk>();

function inkOf(page: PDFPage): PageInk {
  let ink = inks.get(page);
  if (!ink) {
    ink = { chunks: [], fill: '0 0 0 rg', stroke: '0 0 0 RG', width: '1 w' };
    inks.set(page, ink);
  }
  return ink;
}

/** A number as a PDF writes it: at most 2 decimals (1/7200 inch), never an exponent. */
export const num = (value: number) => (Math.round(value * 100) / 100).toString();

function rgbText(color: RGB): string {
  return `${num(color.red)} ${num(color.green)} ${num(color.blue)}`;
}

function setFill(ink: PageInk, color: RGB): void {
  const op = `${rgbText(color)} rg`;
  if (op !== ink.fill) {
    ink.chunks.push(op, '\n');
    ink.fill = op;
  }
}

function setStroke(ink: PageInk, color: RGB, width: number): void {
  const op = `${rgbText(color)} RG`;
  if (op !== ink.stroke) {
    ink.chunks.push(op, '\n');
    ink.stroke = op;
  }
  const w = `${num(width)} w`;
  if (w !== ink.width) {
    ink.chunks.push(w, '\n');
    ink.width = w;
  }
}

/** Appends a text object (BT … ET body) in a fill colour. */
export function writeText(page: PDFPage, color: RGB, body: string): void {
  const ink = inkOf(page);
  setFill(ink, color);
  ink.chunks.push('BT', body, ' ET\n');
}

export function line(page: PDFPage, x1: number, y1: number, x2: number, y2: number, width: number, color: RGB): void {
  const ink = inkOf(page);
  setStroke(ink, color, width);
  ink.chunks.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S\n`);
}

export function box(
  page: PDFPage,
  x: number,
  y: number,
  width: number,
  height: number,
  style: { fill?: RGB; stroke?: RGB; lineWidth?: number },
): void {
  const ink = inkOf(page);
  if (style.fill) setFill(ink, style.fill);
  if (style.stroke) setStroke(ink, style.stroke, style.lineWidth ?? 1);
  const op = style.fill && style.stroke ? 'B' : style.fill ? 'f' : 'S';
  ink.chunks.push(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re ${op}\n`);
}

const fontNames = new WeakMap<object, PDFName>();
const pageFonts = new WeakMap<PDFPage, Set<object>>();

/** The font's resource name on this page, added to the page's resources the first time it is used there. */
export function fontName(page: PDFPage, font: { readonly ref: Parameters<PDFPage['node']['setFontDictionary']>[1] }): string {
  let name = fontNames.get(font);
  if (!name) {
    name = PDFName.of(`CB${font.ref.objectNumber}`);
    fontNames.set(font, name);
  }
  let used = pageFonts.get(page);
  if (!used) {
    used = new Set();
    pageFonts.set(page, used);
  }
  if (!used.has(font)) {
    page.node.setFontDictionary(name, font.ref);
    used.add(font);
  }
  return name.asString();
}

/** Adds each page's stream to it; call once, after everything is drawn. */
export function finishInk(doc: PDFDocument): void {
  const encoder = new TextEncoder();
  for (const page of doc.getPages()) {
    const ink = inks.get(page);
    if (!ink) continue;
    // Only ASCII is written (text is hex-encoded glyph ids), so UTF-8 is the bytes as written.
    // Level 2: most of level 6's saving on this repetitive text, at a third of the time.
    const bytes = zlibSync(encoder.encode(ink.chunks.join('')), { level: 2 });
    const stream = doc.context.stream(bytes, { Filter: 'FlateDecode', Length: bytes.length });
    page.node.addContentStream(doc.context.register(stream));
    inks.delete(page);
  }
}
