// Makes the evidence pack's PDF: cover, chronological log, entries in full, how to check it. The counts and the
// legal guidance are computed here from the entries' latest versions with the same domain code as the ZIP's
// summary and the diary's legal panel, so the PDF cannot disagree with the ZIP.
import { PDFDocument } from 'pdf-lib';
import { summarise } from '../../../crypto/evidence-pack/summary.ts';
import { drawCover } from './cover.ts';
import type { ImageCache } from './entries.ts';
import { drawEntries } from './entries.ts';
import type { FooterPart } from './flow.ts';
import { drawFooters, startFlow } from './flow.ts';
import { NO_LAYOUT, paddedFontkit } from './fontkit.ts';
import { finishInk } from './ink.ts';
import { ENGLISH_LABELS } from './labels.ts';
import { drawLog } from './log-table.ts';
import { modelOf } from './model.ts';
import type { OutlineItem } from './outline.ts';
import { addOutline, outlineItem } from './outline.ts';
import { drawPeopleAndPlaces } from './people.ts';
import type { PdfLanguage } from './text/index.ts';
import { wordsFor } from './text/index.ts';
import type { EvidencePdfFonts, EvidencePdfInput } from './types.ts';
import { PACK_ID_PREFIX } from './types.ts';
import type { Faces } from './typeset.ts';
import { faceOf } from './typeset.ts';
import { drawVerifyPage } from './verify-page.ts';

export class EvidencePdfInputError extends Error {
  override readonly name = 'EvidencePdfInputError';
}

export async function renderEvidencePdf(input: EvidencePdfInput): Promise<Uint8Array> {
  if (!/^[0-9a-f]{64}$/.test(input.packSha256)) throw new EvidencePdfInputError('packSha256 must be 64 lower-case hex digits');
  if (!Number.isFinite(input.createdAt)) throw new EvidencePdfInputError('createdAt must be a time in ms');
  const packId = `${PACK_ID_PREFIX}${input.packSha256}`;
  input.signal?.throwIfAborted();

  const doc = await PDFDocument.create();
  doc.registerFontkit(paddedFontkit);
  const faces = await embedFonts(doc, input.fonts);
  const model = modelOf(input);
  const summary = summarise({
    entries: input.entries.map((entry) => entry.versions.map((v) => v.content)),
    attachments: input.attachments.length,
  });
  const uncovered = uncoveredCount(input, faces);
  const languages: readonly PdfLanguage[] = input.language === 'both' ? ['cy', 'en'] : [input.language ?? 'en'];

  // "Both" is the whole PDF twice in one file, Welsh first; the fonts and photos are embedded once.
  const images: ImageCache = new Map();
  const parts: FooterPart[] = [];
  const outlines: OutlineItem[][] = [];
  for (const [index, language] of languages.entries()) {
    const words = wordsFor(language, input.labels?.(language) ?? ENGLISH_LABELS);
    parts.push({ words, firstPage: doc.getPageCount() });
    const flow = startFlow(doc, faces, words);
    const legal = words.labels.analyseLegal({ incidents: model.incidents, people: [...model.people.values()], now: input.createdAt });
    flow.outline.push(outlineItem(words.say('cover.outline'), flow.page, flow.y));
    drawCover(flow, input, model, summary, legal, uncovered);
    drawLog(flow, model);
    drawPeopleAndPlaces(flow, model);
    const done = index * model.entries.length;
    const total = languages.length * model.entries.length;
    await drawEntries(flow, model, images, {
      onProgress: input.onProgress && ((n) => input.onProgress!(done + n, total)),
      signal: input.signal,
    });
    input.signal?.throwIfAborted();
    drawVerifyPage(flow, input);
    outlines.push(flow.outline);
  }
  drawFooters(doc, faces, parts, packId);
  finishInk(doc);
  // One language: its sections. Both: a bookmark per language, its sections under it.
  addOutline(
    doc,
    parts.length === 1
      ? outlines[0]!
      : parts.map((part, i) => ({ ...outlineItem(part.words.say('doc.part'), doc.getPage(part.firstPage), 800), children: outlines[i]! })),
  );

  const made = new Date(input.createdAt);
  const madeBy = input.madeBy?.trim();
  const first = parts[0]!.words;
  doc.setTitle(first.say('doc.title', { packId }), { showInWindowTitleBar: true });
  doc.setSubject(parts.map((part) => part.words.say('doc.subject', { packId })).join(' '));
  // The pack id is the first keyword in every language: /verify finds it there (src/web/verify/pdf-pack-id.ts).
  doc.setKeywords([packId, 'Casebook', ...parts.map((part) => part.words.say('doc.keyword'))]);
  if (madeBy) doc.setAuthor(madeBy);
  doc.setCreator('Casebook');
  doc.setProducer('Casebook (pdf-lib)');
  doc.setLanguage(first.language === 'cy' ? 'cy' : 'en-GB');
  doc.setCreationDate(made);
  doc.setModificationDate(made);
  // pdf-lib yields to the event loop every 50 objects by default; a browser clamps each yield to 4 ms, which
  // adds seconds to a 1,000-entry pack. The pack maker runs this while showing progress, not per keystroke.
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}

/** How many entries, people and places hold a character no embedded font can draw (it prints as an empty box). */
function uncoveredCount(input: EvidencePdfInput, faces: Faces): number {
  const covered = (code: number) => code < 0x80 || faces.regular.some((face) => face.covers.has(code));
  const lacks = (value: unknown) => {
    for (const char of JSON.stringify(value) ?? '') {
      const code = char.codePointAt(0)!;
      // Spacing, joiners and marks that are dropped or normalised away before drawing do not count.
      if (!covered(code) && !/[\s\u200b-\u200f\u2028-\u202f\ufeff]/.test(char) && !covered(char.normalize('NFC').codePointAt(0)!))
        return true;
    }
    return false;
  };
  const latest = input.entries.map((entry) => entry.versions[entry.versions.length - 1]?.content);
  return [...latest, ...input.people, ...input.places].filter(lacks).length;
}

async function embedFonts(doc: PDFDocument, fonts: EvidencePdfFonts): Promise<Faces> {
  // The body fonts are drawn glyph by glyph, without OpenType layout (./fontkit.ts says why). Text is
  // NFC-normalised first, so accented letters (ị, ễ …) use the font's precomposed glyphs
  // and stay whole when the PDF's text is copied or searched. Fallback fonts keep layout: other scripts need it
  // to join letters and place marks.
  const body = { subset: true, features: NO_LAYOUT };
  const [regular, bold, ...fallbacks] = await Promise.all([
    doc.embedFont(fonts.regular, body),
    doc.embedFont(fonts.bold, body),
    ...(fonts.fallbacks ?? []).map((bytes) => doc.embedFont(bytes, { subset: true })),
  ]);
  const fallbackFaces = fallbacks.map(faceOf);
  return { regular: [faceOf(regular!), ...fallbackFaces], bold: [faceOf(bold!), ...fallbackFaces] };
}
