// The evidence pack's PDF (issue 7): renderEvidencePdf(input) → PDF bytes. Runs in the browser and in Node; the
// browser gets the font bytes from ./fonts.ts (loadEvidencePdfFonts), Node reads FONT_FILES itself. Its words are
// in ./text (English and Welsh); the diary's labels come in as input.labels (PdfLabels, default ENGLISH_LABELS).

export { FONT_FILES } from './font-files.ts';
export type { PdfLabels } from './labels.ts';
export { ENGLISH_LABELS } from './labels.ts';
export { EvidencePdfInputError, renderEvidencePdf } from './render.ts';
export type { EvidencePdfAttachment, EvidencePdfEntry, EvidencePdfFonts, EvidencePdfInput, EvidencePdfVersion } from './types.ts';
export { PACK_ID_PREFIX } from './types.ts';
