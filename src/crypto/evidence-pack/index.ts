// Evidence pack format 1 (docs/evidence-pack.md): build a pack from decrypted entries and their receipts, and
// verify one offline. Pure: runs in the browser and in Node, no I/O.

export type { AttachmentRef } from './attachment-refs.ts';
export { attachmentRefsOf } from './attachment-refs.ts';
export type { AttachmentInput, EntryInput, EntryVersionInput, EvidencePackInput } from './build.ts';
export { buildEvidencePack, EvidencePackInputError } from './build.ts';
export type {
  InclusionProofFile,
  LogDescription,
  LogKeysFile,
  Manifest,
  PackAttachment,
  PackEntry,
  PackIndex,
  PublishedLogKey,
} from './format.ts';
export { FORMAT, FORMAT_VERSION } from './format.ts';
export type { ImportReport } from './imported.ts';
export type { FetchLike, PublishedLog } from './published-log.ts';
export { CONSISTENCY_PATH, fetchPublishedLog, LOG_DESCRIPTION_PATH } from './published-log.ts';
export type { PackLanguage } from './readme.ts';
export { PACK_LANGUAGES } from './readme.ts';
export type { Finding, Param } from './report-text/finding.ts';
export type { PluralForms } from './report-text/plural.ts';
export type { ReportLanguage } from './report-text/render.ts';
export { fill, formatCount, isReportLanguage, messageIn, REPORT_CATALOGUES, REPORT_LANGUAGES, say, ukDay } from './report-text/render.ts';
export type { PackSummary } from './summary.ts';
export type { AttachmentReport, CheckStatus, EntryReport, KeyReport, VerificationReport, VerifyOptions, VersionReport } from './verify.ts';
export { PackFormatError, packTreeHead, verifyEvidencePack } from './verify.ts';
export { ukTime, ukTimeBare } from './wording.ts';
