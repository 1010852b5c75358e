// The PDF half of the pack: the renderer (src/web/evidence-pack/pdf) and its fonts, fetched same-origin from
// the site's own assets when the first pack is made.
import { loadEvidencePdfFonts } from '../../evidence-pack/pdf/fonts.ts';
import { renderEvidencePdf } from '../../evidence-pack/pdf/index.ts';
import { HttpError } from '../../http/http-client.ts';
import type { PdfMaker } from './make-pack.ts';

export const pdfMaker: PdfMaker = {
  // A font that does not arrive is the network's fault, and worth trying again like any other fetch.
  loadFonts: () =>
    loadEvidencePdfFonts().catch(() => {
      throw HttpError.network('The PDF could not be made because its font did not download. Check your connection and try again.');
    }),
  render: (input) => renderEvidencePdf({ ...input, verifyUrl: `${location.origin}/verify` }),
};
