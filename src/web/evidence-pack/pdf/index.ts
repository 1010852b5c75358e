// The evidence pack's PDF (issue 7): renderEvidencePdf(input) → PDF bytes. Runs in the browser and in Node; the
// browser gets the font bytes from ./fonts.ts (loadEvidencePdfFonts), Node reads FONT_FILES itself.

export { FONT_FILES } from './font-files.ts';
export { EvidencePdfInputError, renderEvidencePdf } from './render.ts';
export type { EvidencePdfAttachment, EvidencePdfEntry, EvidencePdfFonts, EvidencePdfInput, EvidencePdfVersion } from './types.ts';
export { PACK_ID_PREFIX } from './types.ts';
