// The chronological log in the layout officers know from a harassment diary: date and time, location, what
// happened, witnesses, evidence, reported to / reference. Rows wrap; a tall row splits across pages and the
// header repeats on each page.

import type { Flow } from './flow.ts';
import { CONTENT_WIDTH, gap, INK, leadingOf, MARGIN, need, newPage, paragraph, RULE, room, SHADE, SMALL, section } from './flow.ts';
import { box, line } from './ink.ts';
import type { Model, NumberedEntry } from './model.ts';
import { attachmentIdsOf } from './model.ts';
import type { PdfKey } from './text/index.ts';
import type { Style } from './typeset.ts';
import { clip, drawLine, wrap } from './typeset.ts';
import { logWhen, peopleWithRole, reportsShort, stamp, whereInWords } from './words.ts';

const CELL: Style = { size: 7.5 };
const HEAD: Style = { size: 7.5, bold: true };
const PAD = 3;
// What happened is cut to this many lines, so a page holds a dozen or so rows; the full entry has every word.
const SHORT_LINES = 6;

interface Column {
  readonly title: PdfKey;
  readonly width: number;
}

const COLUMNS: readonly Column[] = [
  { title: 'log.columns.number', width: 24 },
  { title: 'log.columns.when', width: 64 },
  { title: 'log.columns.where', width: 70 },
  { title: 'log.columns.what', width: 0 }, // takes what is left
  { title: 'log.columns.witnesses', width: 62 },
  { title: 'log.columns.evidence', width: 70 },
  { title: 'log.columns.reported', width: 70 },
];
const fixed = COLUMNS.reduce((sum, c) => sum + c.width, 0);
const WIDTHS = COLUMNS.map((c) => (c.width === 0 ? CONTENT_WIDTH - fixed : c.width));

export function drawLog(flow: Flow, model: Model): void {
  const w = flow.words;
  section(flow, w.say('log.heading'));
  paragraph(flow, w.say('log.intro'), SMALL);
  gap(flow, 6);
  if (model.entries.length === 0) {
    paragraph(flow, w.say('log.empty'));
    return;
  }
  const titles = COLUMNS.map((c) => w.say(c.title));
  drawHeader(flow, titles, WIDTHS);
  flow.onNewPage = () => drawHeader(flow, titles, WIDTHS);
  for (const entry of model.entries) drawRow(flow, cellsOf(entry, model, flow), WIDTHS);
  flow.onNewPage = undefined;
}

function cellsOf(entry: NumberedEntry, model: Model, flow: Flow): string[][] {
  const width = (i: number) => WIDTHS[i]! - 2 * PAD;
  const cell = (i: number, text: string) => wrap(flow.faces, text, width(i), CELL);
  const w = flow.words;
  const files = attachmentIdsOf(entry.shown).map((id) => model.attachments.get(id)?.name ?? w.say('log.fileMissing'));
  const number = [String(entry.number)];
  if (entry.shown.kind === 'incident') {
    const incident = entry.shown.incident;
    const by = peopleWithRole(w, incident, model, 'stalker');
    const text = incident.whatHappened.replace(/\s+/g, ' ').trim();
    const what = by.length > 0 ? w.say('log.by', { names: by.join(', '), text }) : text;
    return [
      number,
      cell(1, logWhen(w, incident)),
      cell(2, whereInWords(incident, model)),
      clip(flow.faces, what, width(3), CELL, SHORT_LINES),
      cell(4, peopleWithRole(w, incident, model, 'witness').join('\n')),
      cell(5, files.join('\n')),
      cell(6, reportsShort(w, incident)),
    ];
  }
  const receipt = entry.versions[0]?.receipt.timestamp;
  const written = entry.shown.kind === 'note' ? (entry.shown.note.writtenAt ?? receipt) : receipt;
  const text =
    entry.shown.kind === 'note' ? w.say('log.note', { text: entry.shown.note.text.replace(/\s+/g, ' ').trim() }) : w.say('log.cannotShow');
  return [
    number,
    cell(1, written === undefined ? '' : w.say('when.written', { when: stamp(written) })),
    [],
    clip(flow.faces, text, width(3), CELL, SHORT_LINES),
    [],
    cell(5, files.join('\n')),
    [],
  ];
}

/** A table's header row (shaded), across columns of the given widths; call it again from flow.onNewPage. */
export function drawHeader(flow: Flow, titles: readonly string[], widths: readonly number[]): void {
  const lead = leadingOf(HEAD);
  const lines = titles.map((title, i) => wrap(flow.faces, title, widths[i]! - 2 * PAD, HEAD));
  const height = Math.max(...lines.map((l) => l.length)) * lead + 2 * PAD;
  need(flow, height + 3 * leadingOf(CELL));
  const top = flow.y;
  box(flow.page, MARGIN, top - height, CONTENT_WIDTH, height, { fill: SHADE, stroke: INK, lineWidth: 0.6 });
  let x = MARGIN;
  lines.forEach((cellLines, i) => {
    cellLines.forEach((line, j) => drawLine(flow.page, flow.faces, line, x + PAD, top - PAD - (j + 1) * lead + lead * 0.24, HEAD));
    x += widths[i]!;
  });
  flow.y = top - height;
}

/** One row of already-wrapped cells (lines of CELL text); a tall row carries on under the next page's header. */
export function drawRow(flow: Flow, cells: readonly (readonly string[])[], widths: readonly number[]): void {
  const lead = leadingOf(CELL);
  let from = 0;
  const total = Math.max(1, ...cells.map((c) => c.length));
  // A short row is kept whole; a long one fills the page and carries on under the next page's header.
  if (total * lead + 2 * PAD > room(flow) && total <= 12) newPage(flow);
  while (from < total) {
    const fits = Math.floor((room(flow) - 2 * PAD) / lead);
    if (fits < 2 && from === 0) {
      newPage(flow);
      continue;
    }
    const take = Math.max(1, Math.min(total - from, fits));
    const height = take * lead + 2 * PAD;
    const top = flow.y;
    let x = MARGIN;
    cells.forEach((cellLines, i) => {
      for (let j = 0; j < take; j++) {
        const line = cellLines[from + j];
        if (line) drawLine(flow.page, flow.faces, line, x + PAD, top - PAD - (j + 1) * lead + lead * 0.24, CELL);
      }
      x += widths[i]!;
    });
    drawGrid(flow, top, height, widths);
    flow.y = top - height;
    from += take;
    if (from < total) newPage(flow);
  }
}

function drawGrid(flow: Flow, top: number, height: number, widths: readonly number[]): void {
  const page = flow.page;
  const bottom = top - height;
  line(page, MARGIN, bottom, MARGIN + CONTENT_WIDTH, bottom, 0.5, RULE);
  let x = MARGIN;
  for (let i = 0; i <= widths.length; i++) {
    line(page, x, top, x, bottom, i === 0 || i === widths.length ? 0.6 : 0.4, i === 0 || i === widths.length ? INK : RULE);
    x += widths[i] ?? 0;
  }
}

/** Text in a table cell of the given width, wrapped. */
export function cellLines(flow: Flow, text: string, width: number): string[] {
  return wrap(flow.faces, text, width - 2 * PAD, CELL);
}
