// Reading exports into the diary: the entry point the import flow (src/web/vault/import/) and the evidence pack
// verifier use. Everything here is pure and runs in the browser; nothing is sent or stored.
import { detectFormat } from './detect.ts';
import { parseEmail } from './email.ts';
import { parseImage } from './image.ts';
import { parseMetaMessages } from './meta-messages.ts';
import { ImportError, type ImportedRecord, type ImportFormat, type ImportInput, type ParsedExport, type ParseProgress } from './model.ts';
import { parseSmsBackup } from './sms-backup.ts';
import { parseWebPage } from './web-page.ts';
import { parseWhatsApp } from './whatsapp.ts';
import { isZip, listZip } from './zip.ts';

export {
  type ContactCounts,
  contactCounts,
  type DayCount,
  type GroupOptions,
  groupRecords,
  guessBehaviours,
  isAtNight,
  messagesPerDay,
  NIGHT,
  type RecordGroup,
  recordKey,
  recordKeys,
} from './analysis.ts';
export { detectFormat } from './detect.ts';
export { dateDayNumber, londonDate, londonDayNumber } from './london-time.ts';
export * from './model.ts';

/** Largest file any format reads: the browser holds it and what is read from it in memory. */
export const MAX_IMPORT_BYTES = 500 * 1024 * 1024;

export interface ParseOptions {
  onProgress?: ParseProgress;
  /** The format to read the file as, when the person has chosen it; otherwise detected from the bytes. */
  format?: ImportFormat;
}

const FORMAT_NAMES: Record<ImportFormat, string> = {
  whatsapp: 'a WhatsApp chat export',
  'sms-backup': 'an SMS Backup & Restore file',
  email: 'an email (.eml or .mbox)',
  instagram: 'an Instagram message download',
  facebook: 'a Facebook message download',
  image: 'a photo or screenshot',
  'web-page': 'a saved web page',
};

const parsers: Partial<Record<ImportFormat, (input: ImportInput, onProgress?: ParseProgress) => Promise<ParsedExport>>> = {
  whatsapp: parseWhatsApp,
  'sms-backup': parseSmsBackup,
  email: parseEmail,
  facebook: (input, onProgress) => parseMetaMessages(input, 'facebook', onProgress),
  instagram: (input, onProgress) => parseMetaMessages(input, 'instagram', onProgress),
  image: (input) => parseImage(input),
  'web-page': (input) => parseWebPage(input),
};

/** Reads an export into records. Throws ImportError (with a message for the person) when it cannot. */
export async function parseExport(input: ImportInput, options: ParseOptions = {}): Promise<ParsedExport> {
  if (input.bytes.length === 0) throw new ImportError('empty', 'This file is empty.');
  if (input.bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'too-large',
      `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, more than Casebook can read in the browser. Export a shorter date range.`,
    );
  }
  const format = options.format ?? detectFormat(input);
  if (!format) {
    // A ZIP that is damaged or hostile says so, rather than "unknown".
    if (isZip(input.bytes)) listZip(input.bytes);
    throw new ImportError(
      'unknown-format',
      'Casebook cannot tell what this file is. It takes WhatsApp chat exports, SMS Backup & Restore files, emails (.eml, .mbox), Facebook and Instagram message downloads, photos and screenshots, and saved web pages.',
    );
  }
  const parser = parsers[format];
  if (!parser) throw new ImportError('unknown-format', `Casebook cannot read ${FORMAT_NAMES[format]} yet.`);
  return parser(input, options.onProgress);
}

const lastParse = new WeakMap<Uint8Array, Map<ImportFormat, Promise<ParsedExport>>>();

/**
 * The record at `locator` read again from the original file, for the evidence pack verifier to compare with what
 * the diary holds. The same bytes always give the same record; undefined when the locator names nothing.
 */
export async function rereadRecord(input: ImportInput, format: ImportFormat, locator: string): Promise<ImportedRecord | undefined> {
  let byFormat = lastParse.get(input.bytes);
  if (!byFormat) lastParse.set(input.bytes, (byFormat = new Map()));
  let parsed = byFormat.get(format);
  if (!parsed) {
    parsed = parseExport(input, { format });
    byFormat.set(format, parsed);
  }
  const { records } = await parsed;
  return records.find((record) => record.locator === locator);
}
