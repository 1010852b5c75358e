// The PDF half of the pack: the renderer (src/web/evidence-pack/pdf) and its fonts, fetched same-origin from
// the site's own assets when the first pack is made.

import type { ReportLanguage } from '../../../crypto/evidence-pack/index.ts';
import { loadEvidencePdfFonts } from '../../evidence-pack/pdf/fonts.ts';
import { ENGLISH_LABELS, type PdfLabels, renderEvidencePdf } from '../../evidence-pack/pdf/index.ts';
import { HttpError } from '../../http/http-client.ts';
import { behaviourLabel, dailyLifeLabel, methodLabel, reportTargetLabel, roleLabel } from '../i18n/vocabulary.ts';
import type { PdfMaker } from './make-pack.ts';

/**
 * The diary's own labels in the PDF's language, from the diary's catalogue. Message channels, the time-source notes
 * and the legal-elements guidance are not in the Welsh catalogue yet, so a Welsh PDF gives those in English.
 */
const labelsIn = (language: ReportLanguage): PdfLabels =>
  language === 'en'
    ? ENGLISH_LABELS
    : {
        ...ENGLISH_LABELS,
        behaviour: (id) => behaviourLabel(id, language),
        method: (kind) => methodLabel(kind, language),
        role: (role) => roleLabel(role, language),
        dailyLife: (change) => dailyLifeLabel(change, language),
        reportTarget: (target) => reportTargetLabel(target, language),
      };

export const pdfMaker: PdfMaker = {
  // A font that does not arrive is the network's fault, and worth trying again like any other fetch.
  loadFonts: () =>
    loadEvidencePdfFonts().catch(() => {
      throw HttpError.network('The PDF could not be made because its font did not download. Check your connection and try again.');
    }),
  render: (input) => renderEvidencePdf({ labels: labelsIn, ...input, verifyUrl: `${location.origin}/verify` }),
};
