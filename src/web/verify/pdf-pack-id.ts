// Does the PDF belong to this ZIP? The PDF's builder writes the pack's id — the SHA-256 of the ZIP's bytes — into
// the PDF's metadata Keywords as `casebook-pack:<hex>`. pdf-lib is loaded only when a PDF is given. The PDF's
// pages are not checked against the entries: the ZIP is the evidence, the PDF its readable copy.
import { megabytes } from './wording.ts';

export type PdfCheck =
  | { readonly kind: 'matches'; readonly fileName: string }
  | { readonly kind: 'other-pack'; readonly fileName: string; readonly packId: string }
  | { readonly kind: 'no-pack-id'; readonly fileName: string }
  | { readonly kind: 'unusable'; readonly fileName: string; readonly message: string };

const PACK_ID = /(?:^|[\s,;])casebook-pack:([0-9a-fA-F]{64})(?=$|[\s,;])/;

export function packIdFromKeywords(keywords: string | undefined): string | undefined {
  return keywords === undefined ? undefined : PACK_ID.exec(keywords)?.[1]?.toLowerCase();
}

export async function checkPdf(file: File, packSha256: string, maxBytes: number): Promise<PdfCheck> {
  const fileName = file.name;
  const unusable = (message: string): PdfCheck => ({ kind: 'unusable', fileName, message });
  if (file.size === 0) return unusable('This file is empty (0 bytes), so it is not a PDF.');
  if (file.size > maxBytes) return unusable(`This file is ${megabytes(file.size)}, more than this page reads as a PDF (${megabytes(maxBytes)}).`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return unusable('This file could not be read. It may have been moved or deleted since you chose it: choose it again.');
  }
  const result = await readPackId(bytes);
  if (result.kind === 'not-pdf') {
    return unusable(bytes[0] === 0x50 && bytes[1] === 0x4b ? 'This is a ZIP file, not a PDF. Choose the pack’s .zip file in the first box, and its PDF here.' : 'This file is not a PDF.');
  }
  if (result.kind === 'unreadable') return unusable('This file starts like a PDF but could not be read: it may be damaged or incomplete.');
  if (result.kind === 'reader-unavailable') return unusable('The PDF reader could not be loaded, so the PDF was not checked. Reload this page while you are online and choose the PDF again.');
  if (result.kind !== 'found') return { kind: 'no-pack-id', fileName };
  return result.packId === packSha256 ? { kind: 'matches', fileName } : { kind: 'other-pack', fileName, packId: result.packId };
}

export type PackIdResult = { readonly kind: 'found'; readonly packId: string } | { readonly kind: 'none' | 'not-pdf' | 'unreadable' | 'reader-unavailable' };

/** The pack id a PDF's metadata names, if any. */
export async function readPackId(bytes: Uint8Array): Promise<PackIdResult> {
  // "%PDF-" must come within the first 1024 bytes (ISO 32000-1, annex H.3 tolerates leading junk there).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) return { kind: 'not-pdf' };
  let PDFDocument: typeof import('pdf-lib').PDFDocument;
  try {
    ({ PDFDocument } = await import('pdf-lib'));
  } catch {
    return { kind: 'reader-unavailable' };
  }
  let keywords: string | undefined;
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
    keywords = pdf.getKeywords();
  } catch {
    return { kind: 'unreadable' };
  }
  const packId = packIdFromKeywords(keywords);
  return packId ? { kind: 'found', packId } : { kind: 'none' };
}
