// Each entry in full: every field in plain words, its version history with receipt times and log positions,
// photos embedded, other files listed with their SHA-256.
import type { PDFImage } from 'pdf-lib';
import type { Flow } from './flow.ts';
import {
  BODY,
  CONTENT_WIDTH,
  field,
  gap,
  H3,
  heading,
  INK,
  LABEL,
  leadingOf,
  MARGIN,
  MUTED,
  need,
  paragraph,
  RULE,
  rule,
  SMALL,
  section,
} from './flow.ts';
import { box } from './ink.ts';
import { drawImportedMessages } from './messages-table.ts';
import type { Model, NumberedEntry } from './model.ts';
import { attachmentIdsOf } from './model.ts';
import type { OutlineItem } from './outline.ts';
import { outlineItem } from './outline.ts';
import type { EvidencePdfAttachment } from './types.ts';
import type { Style } from './typeset.ts';
import { clip, drawLine, wrap } from './typeset.ts';
import {
  behavioursInWords,
  bytesInWords,
  effectsInWords,
  methodInWords,
  personLine,
  reportInWords,
  whenInWords,
  whereInWords,
} from './words.ts';

/** Embedded images by SHA-256, so a photo used by two entries is stored once. */
export type ImageCache = Map<string, Promise<PDFImage | null>>;

/** Entries laid out between pauses: a 1,000-entry pack would otherwise hold the page still for seconds. */
const ENTRIES_PER_PAUSE = 50;

export interface Pacing {
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function drawEntries(flow: Flow, model: Model, images: ImageCache, pacing: Pacing = {}): Promise<void> {
  const entriesItem = section(flow, flow.words.say('entries.heading'));
  paragraph(flow, flow.words.say('entries.intro'), SMALL);
  gap(flow, 8);
  const total = model.entries.length;
  for (const [index, entry] of model.entries.entries()) {
    if (index % ENTRIES_PER_PAUSE === 0) {
      pacing.onProgress?.(index, total);
      await pause();
      pacing.signal?.throwIfAborted();
    }
    await drawEntry(flow, entry, model, images, entriesItem);
  }
  pacing.onProgress?.(total, total);
}

async function drawEntry(flow: Flow, entry: NumberedEntry, model: Model, images: ImageCache, parent: OutlineItem): Promise<void> {
  need(flow, 120);
  const top = flow.y;
  rule(flow, 1);
  gap(flow, 4);
  const w = flow.words;
  const shown = entry.shown;
  const when = shown.kind === 'incident' ? whenInWords(w, shown.incident) : '';
  const title =
    shown.kind === 'incident'
      ? when
      : shown.kind === 'note'
        ? shown.note.writtenAt
          ? w.say('entries.noteWritten', { when: w.time(shown.note.writtenAt) })
          : w.say('entries.note')
        : w.say('entries.cannotShow');
  const headingText = w.say('entries.outline', { number: entry.number, title });
  heading(flow, headingText, H3, 3, 60);
  parent.children.push(outlineItem(headingText, flow.page, top));

  if (shown.kind === 'incident') {
    const incident = shown.incident;
    if (incident.quickNote) paragraph(flow, w.say('entries.quickNote'), { size: 8.5, bold: true, color: INK });
    field(flow, w.say('entries.when'), when);
    field(flow, w.say('entries.where'), whereInWords(incident, model));
    field(flow, w.say('entries.what'), incident.whatHappened);
    field(flow, w.say('entries.behaviours'), behavioursInWords(w, incident));
    field(flow, w.say('entries.how'), incident.methods.map((method) => methodInWords(w, method)).join('\n'));
    field(
      flow,
      w.say('entries.people'),
      incident.people.map((link) => personLine(w, model.people.get(link.personId), link.role)).join('\n'),
    );
    field(flow, w.say('entries.effects'), effectsInWords(w, incident));
    field(flow, w.say('entries.reported'), incident.reports.map((report) => reportInWords(w, report)).join('\n'));
  } else if (shown.kind === 'note') {
    field(flow, w.say('entries.text'), shown.note.text);
  } else {
    paragraph(flow, w.say('entries.cannotShowText'));
  }
  field(flow, w.say('entries.id'), entry.id);

  const files = attachmentIdsOf(shown).map((id) => ({ id, file: model.attachments.get(id) }));
  if (files.length > 0) {
    field(
      flow,
      w.say('entries.files'),
      files
        .map(({ id, file }) =>
          file
            ? w.say('entries.file', { name: file.name, type: file.type, size: bytesInWords(w, file.size), sha256: file.sha256 })
            : w.say('entries.fileMissing', { id }),
        )
        .join('\n'),
    );
  }
  versionTable(flow, entry);
  if (shown.kind === 'incident') drawImportedMessages(flow, shown.incident, model, entry.number);
  const pictures = files.flatMap(({ file }) => (file && isEmbeddable(file) ? [file] : []));
  if (pictures.length > 0) await drawImages(flow, entry.number, pictures, images);
  gap(flow, 10);
}

export function isEmbeddable(file: EvidencePdfAttachment): boolean {
  return file.bytes !== undefined && /^image\/(jpeg|png)$/i.test(file.type.split(';')[0]!.trim());
}

const SMALL_INK: Style = { size: 8 };

function versionTable(flow: Flow, entry: NumberedEntry): void {
  const lead = leadingOf(SMALL_INK);
  const cols = [MARGIN + 118, MARGIN + 170, MARGIN + 330];
  need(flow, lead * (Math.min(entry.versions.length, 3) + 2));
  flow.y -= lead;
  const w = flow.words;
  drawLine(flow.page, flow.faces, w.say('entries.versions'), MARGIN, flow.y + lead * 0.24, LABEL);
  const header = [w.say('entries.version'), w.say('entries.receiptTime'), w.say('entries.leaf')];
  header.forEach((text, i) =>
    drawLine(flow.page, flow.faces, text, cols[i]!, flow.y + lead * 0.24, { size: 7.5, bold: true, color: MUTED }),
  );
  for (const version of entry.versions) {
    need(flow, lead);
    flow.y -= lead;
    const baseline = flow.y + lead * 0.24;
    const latest = version === entry.versions[entry.versions.length - 1];
    drawLine(
      flow.page,
      flow.faces,
      latest ? w.say('entries.shown', { version: version.version }) : String(version.version),
      cols[0]!,
      baseline,
      SMALL_INK,
    );
    drawLine(flow.page, flow.faces, w.time(version.receipt.timestamp), cols[1]!, baseline, SMALL_INK);
    drawLine(flow.page, flow.faces, w.count(version.receipt.leafIndex), cols[2]!, baseline, SMALL_INK);
  }
  flow.y -= 4;
}

const GUTTER = 12;
const BOX_HEIGHT = 210;
const CAPTION: Style = { size: 7, color: MUTED };
// Small enough that a whole SHA-256 fits under a photo on one line.
const HASH: Style = { size: 5.9, color: MUTED };

/** Photos two to a row, each scaled to fit its box and never enlarged past its own size. */
async function drawImages(flow: Flow, entryNumber: number, files: readonly EvidencePdfAttachment[], images: ImageCache): Promise<void> {
  const boxWidth = (CONTENT_WIDTH - GUTTER) / 2;
  const captionHeight = 3 * leadingOf(CAPTION) + 2;
  const label = (continued: boolean) => flow.words.say(continued ? 'entries.photosContinued' : 'entries.photos', { number: entryNumber });
  for (let i = 0; i < files.length; i += 2) {
    const row = files.slice(i, i + 2);
    const embedded = await Promise.all(row.map((file) => embed(flow, file, images)));
    const sizes = embedded.map((image) =>
      image ? image.scale(Math.min(1, boxWidth / image.width, BOX_HEIGHT / image.height)) : { width: boxWidth, height: 30 },
    );
    const height = Math.max(...sizes.map((s) => s.height)) + captionHeight + 8;
    need(flow, height + leadingOf(LABEL));
    // Each row says whose photos they are, in case it starts a new page.
    flow.y -= leadingOf(LABEL);
    drawLine(flow.page, flow.faces, label(i > 0), MARGIN, flow.y + leadingOf(LABEL) * 0.24, LABEL);
    const top = flow.y - 4;
    row.forEach((file, j) => {
      const x = MARGIN + j * (boxWidth + GUTTER);
      const size = sizes[j]!;
      const image = embedded[j];
      if (image) {
        flow.page.drawImage(image, { x, y: top - size.height, width: size.width, height: size.height });
        box(flow.page, x, top - size.height, size.width, size.height, { stroke: RULE, lineWidth: 0.5 });
      } else {
        paragraphAt(flow, flow.words.say('entries.unreadableImage'), x, top - 12, boxWidth, BODY);
      }
      const caption = [...clip(flow.faces, file.name, boxWidth, CAPTION, 2), ...wrap(flow.faces, `SHA-256 ${file.sha256}`, boxWidth, HASH)];
      caption
        .slice(0, 3)
        .forEach((line, k) =>
          drawLine(
            flow.page,
            flow.faces,
            line,
            x,
            top - size.height - (k + 1) * leadingOf(CAPTION),
            line.startsWith('SHA-256 ') ? HASH : CAPTION,
          ),
        );
    });
    flow.y = top - height + 6;
  }
}

function paragraphAt(flow: Flow, text: string, x: number, y: number, width: number, style: Style): void {
  wrap(flow.faces, text, width, style).forEach((line, i) => drawLine(flow.page, flow.faces, line, x, y - i * leadingOf(style), style));
}

function embed(flow: Flow, file: EvidencePdfAttachment, images: ImageCache): Promise<PDFImage | null> {
  let image = images.get(file.sha256);
  if (!image) {
    const bytes = file.bytes!;
    const png = bytes[0] === 0x89 && bytes[1] === 0x50;
    image = (png ? flow.doc.embedPng(bytes) : flow.doc.embedJpg(bytes)).catch(() => null);
    images.set(file.sha256, image);
  }
  return image;
}
