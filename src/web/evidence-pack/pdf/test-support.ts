// For tests and the benchmark: the PDF's input from the same input the ZIP was built from, the way the pack
// maker does it (ZIP first, then its SHA-256 goes into the PDF).

import type { AttachmentInput, EvidencePackInput } from '../../../crypto/evidence-pack/index.ts';
import { buildEvidencePack } from '../../../crypto/evidence-pack/index.ts';
import type { Person, Place } from '../../../domain/incidents/index.ts';
import type { EvidencePdfFonts, EvidencePdfInput } from './types.ts';

export interface PdfExtras {
  readonly fonts: EvidencePdfFonts;
  readonly people?: readonly Person[];
  readonly places?: readonly Place[];
  readonly madeBy?: string;
  readonly period?: { from?: string; to?: string };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Builds the ZIP, then the PDF's input naming it. */
export async function pdfInputFor(pack: EvidencePackInput, extras: PdfExtras): Promise<{ zip: Uint8Array; input: EvidencePdfInput }> {
  const zip = await buildEvidencePack(pack);
  const attachments = await Promise.all(
    (pack.attachments ?? []).map(async (a: AttachmentInput) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      size: a.bytes.length,
      sha256: await sha256Hex(a.bytes),
      ...(/^image\/(jpeg|png)$/.test(a.type) ? { bytes: a.bytes } : {}),
    })),
  );
  return {
    zip,
    input: {
      ...(extras.madeBy !== undefined ? { madeBy: extras.madeBy } : {}),
      title: pack.title,
      createdAt: pack.createdAt,
      period: extras.period ?? {},
      entries: pack.entries.map((entry) => ({
        id: entry.id,
        versions: entry.versions.map((v) => ({ version: v.version, content: v.content, receipt: v.receipt })),
      })),
      people: extras.people ?? [],
      places: extras.places ?? [],
      attachments,
      packSha256: await sha256Hex(zip),
      treeHead: pack.treeHead,
      logPublicKey: pack.logKeys.publicKey,
      fonts: extras.fonts,
    },
  };
}
