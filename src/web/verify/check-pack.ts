// Reads the chosen ZIP within bounds, asks Casebook's published log (same origin) for what check 10 needs, and
// runs the verifier library — the same code as `npm run verify`. The pack's bytes stay in this function: the
// only requests are the two GETs in fetchPublishedLog, which carry the pack's tree size and nothing else.
import { fetchPublishedLog, PackFormatError, verifyEvidencePack } from '../../crypto/evidence-pack/index.ts';
import type { VerificationReport, VerifyOptions } from '../../crypto/evidence-pack/index.ts';
import { megabytes } from './wording.ts';

export interface Limits {
  readonly maxZipBytes: number;
  readonly maxPdfBytes: number;
}

export type OnlineCheck = { readonly checked: true } | { readonly checked: false; readonly reason: string };

export type PackOutcome =
  | { readonly kind: 'unusable'; readonly fileName: string; readonly message: string }
  | { readonly kind: 'report'; readonly fileName: string; readonly report: VerificationReport; readonly online: OnlineCheck };

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // "%PDF"

export async function checkPack(file: File, limits: Limits, stage: (text: string) => void): Promise<PackOutcome> {
  const unusable = (message: string): PackOutcome => ({ kind: 'unusable', fileName: file.name, message });
  if (file.size === 0) return unusable('This file is empty (0 bytes), so it is not an evidence pack.');
  if (file.size > limits.maxZipBytes) {
    return unusable(
      `This file is ${megabytes(file.size)}, more than this page can check in a browser (${megabytes(limits.maxZipBytes)}). ` +
        'Check it on a computer with Casebook’s verifier instead (npm run verify -- pack.zip), which reads packs up to 2 GB.',
    );
  }
  stage('Reading the pack…');
  let zip: Uint8Array;
  try {
    zip = new Uint8Array(await file.arrayBuffer());
  } catch {
    return unusable('This file could not be read. It may have been moved or deleted since you chose it: choose it again.');
  }
  if (startsWith(zip, PDF_MAGIC)) return unusable('This is a PDF, not the pack’s ZIP file. Choose the .zip file that came with it here; you can add the PDF in the second box.');
  if (!startsWith(zip, ZIP_MAGIC)) return unusable('This file is not a ZIP file, so it is not a Casebook evidence pack. A pack is a .zip file that comes with the PDF.');

  performance.mark('verify:read');
  stage('Fetching Casebook’s published log…');
  const published = await fetchPublishedLog(zip, location.origin, { timeoutMs: 10_000 });
  const options: VerifyOptions = {
    // The pack unpacks in memory beside the ZIP: a bound keeps a zip bomb from taking the tab down with it.
    maxUnpackedBytes: Math.min(limits.maxZipBytes * 1.5, 1.5 * 2 ** 30),
    ...(published.status === 'fetched' ? published.options : {}),
  };
  performance.mark('verify:log');
  stage('Checking every entry, receipt and file…');
  try {
    const report = await verifyEvidencePack(zip, options);
    // Marks for bench/verify-browser.ts, which reports where the time goes; they hold nothing about the pack.
    performance.mark('verify:checked');
    return { kind: 'report', fileName: file.name, report, online: published.status === 'fetched' ? { checked: true } : { checked: false, reason: published.reason } };
  } catch (error) {
    if (error instanceof PackFormatError) return unusable(error.message);
    if (error instanceof RangeError) return unusable('This browser ran out of memory checking this pack. Close other tabs and try again, or use Casebook’s verifier on a computer (npm run verify -- pack.zip).');
    throw error;
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
