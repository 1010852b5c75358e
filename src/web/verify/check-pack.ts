// Reads the chosen ZIP within bounds, asks Casebook's published log (same origin) for what check 10 needs, and
// runs the verifier library — the same code as `npm run verify`. The pack's bytes stay in this function: the
// only requests are the two GETs in fetchPublishedLog, which carry the pack's tree size and nothing else.

import type { VerificationReport, VerifyOptions } from '../../crypto/evidence-pack/index.ts';
import { fetchPublishedLog, PackFormatError, verifyEvidencePack } from '../../crypto/evidence-pack/index.ts';
import { megabytes, pageLanguage, t } from './wording.ts';

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
  if (file.size === 0) return unusable(t('empty'));
  if (file.size > limits.maxZipBytes) {
    return unusable(t('tooBig', { size: megabytes(file.size), max: megabytes(limits.maxZipBytes) }));
  }
  stage(t('reading'));
  let zip: Uint8Array;
  try {
    zip = new Uint8Array(await file.arrayBuffer());
  } catch {
    return unusable(t('unreadableFile'));
  }
  if (startsWith(zip, PDF_MAGIC)) return unusable(t('isPdf'));
  if (!startsWith(zip, ZIP_MAGIC)) return unusable(t('notZip'));

  performance.mark('verify:read');
  stage(t('fetchingLog'));
  const published = await fetchPublishedLog(zip, location.origin, { timeoutMs: 10_000 });
  const options: VerifyOptions = {
    // The pack unpacks in memory beside the ZIP: a bound keeps a zip bomb from taking the tab down with it.
    maxUnpackedBytes: Math.min(limits.maxZipBytes * 1.5, 1.5 * 2 ** 30),
    language: pageLanguage(),
    ...(published.status === 'fetched' ? published.options : {}),
  };
  performance.mark('verify:log');
  stage(t('checking'));
  try {
    const report = await verifyEvidencePack(zip, options);
    // Marks for bench/verify-browser.ts, which reports where the time goes; they hold nothing about the pack.
    performance.mark('verify:checked');
    return {
      kind: 'report',
      fileName: file.name,
      report,
      online: published.status === 'fetched' ? { checked: true } : { checked: false, reason: published.reason },
    };
  } catch (error) {
    if (error instanceof PackFormatError) return unusable(error.message);
    if (error instanceof RangeError) return unusable(t('outOfMemory'));
    throw error;
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
