import type { Finding } from '../report-text/finding.ts';
import type { ReportLanguage } from '../report-text/render.ts';
import { say } from '../report-text/render.ts';

/** The file is not a pack this verifier can read at all (not a ZIP, no manifest, unknown format). */
export class PackFormatError extends Error {
  override readonly name = 'PackFormatError';
  readonly finding: Finding;

  constructor(found: Finding, language: ReportLanguage = 'en') {
    super(say(found, language));
    this.finding = found;
  }

  /** The same refusal, said in another language. */
  in(language: ReportLanguage): PackFormatError {
    return new PackFormatError(this.finding, language);
  }
}
