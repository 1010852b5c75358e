// Does the PDF belong to this ZIP? The PDF's builder writes the pack's id — the SHA-256 of the ZIP's bytes — into
// the PDF's metadata Keywords as `casebook-pack:<hex>`. pdf-lib is loaded only when a PDF is given. The PDF's
// pages are not checked against the entries: the ZIP is the evidence, the PDF its readable copy.
import { megabytes, t } from './wording.ts';

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
  if (file.size === 0) return unusable(t('pdfEmpty'));
  if (file.size > maxBytes) return unusable(t('pdfTooBig', { size: megabytes(file.size), max: megabytes(maxBytes) }));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return unusable(t('unreadableFile'));
  }
  const result = await readPackId(bytes);
  if (result.kind === 'not-pdf') {
    return unusable(bytes[0] === 0x50 && bytes[1] === 0x4b ? t('pdfIsZip') : t('notPdf'));
  }
  if (result.kind === 'unreadable') return unusable(t('pdfDamaged'));
  if (result.kind === 'reader-unavailable') return unusable(t('pdfReaderUnavailable'));
  if (result.kind !== 'found') return { kind: 'no-pack-id', fileName };
  return result.packId === packSha256 ? { kind: 'matches', fileName } : { kind: 'other-pack', fileName, packId: result.packId };
}

export type PackIdResult =
  | { readonly kind: 'found'; readonly packId: string }
  | { readonly kind: 'none' | 'not-pdf' | 'unreadable' | 'reader-unavailable' };

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
