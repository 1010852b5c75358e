// A4 pages filled top to bottom: a cursor that starts a new page when the next block does not fit. Footers
// (page n of N, pack id) are drawn once every page exists.

import type { PDFDocument, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { line } from './ink.ts';
import type { OutlineItem } from './outline.ts';
import { outlineItem } from './outline.ts';
import type { Words } from './text/index.ts';
import type { Faces, Style } from './typeset.ts';
import { drawLine, widthOf, wrap } from './typeset.ts';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 44;
const TOP = 50;
const BOTTOM = 52;
export const CONTENT_WIDTH = A4[0] - 2 * MARGIN;

// Pure black for text and dark greys for rules: prints cleanly on a black-and-white printer.
export const INK = rgb(0, 0, 0);
export const MUTED = rgb(0.27, 0.27, 0.27);
export const RULE = rgb(0.55, 0.55, 0.55);
export const SHADE = rgb(0.9, 0.9, 0.9);

export const BODY: Style = { size: 9.5 };
export const SMALL: Style = { size: 8, color: MUTED };
export const LABEL: Style = { size: 8.5, bold: true };
export const H1: Style = { size: 20, bold: true };
export const H2: Style = { size: 14, bold: true };
export const H3: Style = { size: 11, bold: true };

export function leadingOf(style: Style): number {
  return style.size * 1.32;
}

export interface Flow {
  readonly doc: PDFDocument;
  readonly faces: Faces;
  /** The words of the language this part of the PDF is in. */
  readonly words: Words;
  page: PDFPage;
  /** The top of the space left on the page (PDF y grows upwards). */
  y: number;
  /** Called on each new page after the first of a section, e.g. to repeat a table header. */
  onNewPage?: (() => void) | undefined;
  /** Bookmarks, in order. */
  readonly outline: OutlineItem[];
}

export function startFlow(doc: PDFDocument, faces: Faces, words: Words): Flow {
  const flow: Flow = { doc, faces, words, page: doc.addPage(A4), y: A4[1] - TOP, outline: [] };
  return flow;
}

export function newPage(flow: Flow): void {
  flow.page = flow.doc.addPage(A4);
  flow.y = A4[1] - TOP;
  flow.onNewPage?.();
}

/** The height left above the bottom margin. */
export function room(flow: Flow): number {
  return flow.y - BOTTOM;
}

/** Makes sure a block of this height fits, starting a new page if not (a block taller than a page still starts at the top). */
export function need(flow: Flow, height: number): void {
  if (height > room(flow) && flow.y < A4[1] - TOP) newPage(flow);
}

export function gap(flow: Flow, height: number): void {
  flow.y -= height;
}

/** Wrapped text that may continue over pages. */
export function paragraph(flow: Flow, text: string, style: Style = BODY, x = MARGIN, width = CONTENT_WIDTH): void {
  const lead = leadingOf(style);
  for (const line of wrap(flow.faces, text, width, style)) {
    need(flow, lead);
    flow.y -= lead;
    drawLine(flow.page, flow.faces, line, x, flow.y + lead * 0.24, style);
  }
}

/** Starts a section on a new page, with its bookmark. */
export function section(flow: Flow, title: string): OutlineItem {
  newPage(flow);
  const item = outlineItem(title, flow.page, flow.y);
  flow.outline.push(item);
  heading(flow, title, H2, 2);
  return item;
}

export function heading(flow: Flow, text: string, style: Style, spaceAfter = 4, keepWith = 40): void {
  const lines = wrap(flow.faces, text, CONTENT_WIDTH, style);
  need(flow, lines.length * leadingOf(style) + keepWith);
  paragraph(flow, text, style);
  flow.y -= spaceAfter;
}

export function rule(flow: Flow, weight = 0.6): void {
  line(flow.page, MARGIN, flow.y, A4[0] - MARGIN, flow.y, weight, RULE);
}

/** A label in bold on the left and wrapped text beside it; the pair moves to the next page if the label would be orphaned. */
export function field(flow: Flow, label: string, value: string, labelWidth = 118): void {
  const lead = leadingOf(BODY);
  const valueWidth = CONTENT_WIDTH - labelWidth;
  const labels = wrap(flow.faces, label, labelWidth - 8, LABEL);
  const values = wrap(flow.faces, value === '' ? '—' : value, valueWidth, BODY);
  need(flow, Math.min(Math.max(labels.length, values.length), 3) * lead);
  const rows = Math.max(labels.length, values.length);
  for (let i = 0; i < rows; i++) {
    need(flow, lead);
    flow.y -= lead;
    const baseline = flow.y + lead * 0.24;
    if (labels[i] !== undefined) drawLine(flow.page, flow.faces, labels[i]!, MARGIN, baseline, LABEL);
    if (values[i] !== undefined) drawLine(flow.page, flow.faces, values[i]!, MARGIN + labelWidth, baseline, BODY);
  }
  flow.y -= 3;
}

/** Each part of the file (one per language) and its first page: its footers are in its language. */
export interface FooterPart {
  readonly words: Words;
  readonly firstPage: number;
}

/** "Page n of N" (numbered through the whole file) and the pack id on every page. */
export function drawFooters(doc: PDFDocument, faces: Faces, parts: readonly FooterPart[], packId: string): void {
  const pages = doc.getPages();
  const style: Style = { size: 7, color: MUTED };
  pages.forEach((page, index) => {
    const words = [...parts].reverse().find((part) => part.firstPage <= index)!.words;
    const y = 26;
    line(page, MARGIN, y + 10, A4[0] - MARGIN, y + 10, 0.4, RULE);
    const number = words.say('doc.page', { page: words.count(index + 1), pages: words.count(pages.length) });
    const left = words.say('doc.footer', { packId });
    const numberWidth = widthOf(faces, number, { ...style, bold: true });
    drawLine(page, faces, left, MARGIN, y, style);
    drawLine(page, faces, number, A4[0] - MARGIN - numberWidth, y, { ...style, bold: true, color: INK });
  });
}
