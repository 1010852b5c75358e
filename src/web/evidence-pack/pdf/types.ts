// What renderEvidencePdf needs: the same decrypted entries and receipts the pack's ZIP is built from, plus the
// ZIP's own SHA-256 (so the ZIP is built first) and the font files. Runs in the browser and in Node.
//
// Counts by behaviour and the legal-elements summary are NOT passed in: the renderer computes them from the
// entries' latest versions with the same domain code as pack.json's summary (src/crypto/evidence-pack/summary.ts)
// and the diary's legal panel (src/domain/legal-elements), so the PDF can never disagree with the ZIP.
//
// Fonts: the PDF embeds (subsetted) open-licence fonts so any name prints, not just WinAnsi. The bytes are passed
// in as `fonts`, never fetched from a third party:
// - in the browser, `loadEvidencePdfFonts()` (./fonts.ts) fetches them same-origin from the fingerprinted
//   assets that scripts/build-assets.ts copies into dist/public (see dist/public/manifest.json);
// - in Node (tests, bench), `readEvidencePdfFonts()` (./node-fonts.ts) reads the same files from node_modules.

import type { PackLanguage, ReportLanguage } from '../../../crypto/evidence-pack/index.ts';
import type { Receipt, SignedTreeHead } from '../../../crypto/signing.ts';
import type { Person, Place } from '../../../domain/incidents/index.ts';
import type { PdfLabels } from './labels.ts';

export interface EvidencePdfVersion {
  /** 1 … n, oldest first. */
  readonly version: number;
  /**
   * The decrypted content exactly as committed: a diary Incident (src/domain/incidents), or an older vault note
   * `{ type: 'note', text, writtenAt, attachments }`. Anything else is listed as an entry Casebook cannot show.
   */
  readonly content: unknown;
  /** The log's receipt for this version (its timestamp is the receipt time, its leafIndex the log position). */
  readonly receipt: Receipt;
}

export interface EvidencePdfEntry {
  /** The vault item id (as in the ZIP). */
  readonly id: string;
  /** The whole history, oldest first; the latest version is the one shown in full. */
  readonly versions: readonly EvidencePdfVersion[];
}

export interface EvidencePdfAttachment {
  /** The id entries use for the file. */
  readonly id: string;
  readonly name: string;
  /** MIME type, e.g. image/jpeg. */
  readonly type: string;
  /** Bytes. */
  readonly size: number;
  /** Lower-case hex SHA-256 of the original bytes (the name of the file in the ZIP). */
  readonly sha256: string;
  /** The original bytes, for JPEG and PNG images only, to embed them; other files are listed, not embedded. */
  readonly bytes?: Uint8Array;
}

export interface EvidencePdfFonts {
  /** TrueType/OpenType bytes of the body font (regular weight). */
  readonly regular: Uint8Array;
  /** The same family's bold weight. */
  readonly bold: Uint8Array;
  /** Further fonts tried, in order, for characters the body font lacks (other scripts). */
  readonly fallbacks?: readonly Uint8Array[];
}

export interface EvidencePdfInput {
  /** The person's own title for the pack, as in the ZIP's pack.json (e.g. "Record for PC Khan, March 2026"); shown on the cover. */
  readonly title?: string;
  /** The name the person typed for the cover ("Made by"); omitted or blank: not shown. */
  readonly madeBy?: string;
  /** When the pack was made, ms since the epoch (the same createdAt as the ZIP's pack.json). */
  readonly createdAt: number;
  /** The period the person chose, London dates 'YYYY-MM-DD'; an open end is omitted. */
  readonly period: { readonly from?: string; readonly to?: string };
  /** In pack order (as pack.json lists them); the renderer sorts them the same way if not. */
  readonly entries: readonly EvidencePdfEntry[];
  /** The people and places the entries refer to. */
  readonly people: readonly Person[];
  readonly places: readonly Place[];
  /** Every attachment in the pack. */
  readonly attachments: readonly EvidencePdfAttachment[];
  /** Lower-case hex SHA-256 of the ZIP: the pack id, printed on every page and in the PDF metadata. */
  readonly packSha256: string;
  /** The signed tree head the pack's proofs lead to. */
  readonly treeHead: SignedTreeHead;
  /** The log's public key (base64url raw Ed25519), as the ZIP's log/public-key.json gives it. */
  readonly logPublicKey: string;
  /** The verify page's full address, e.g. `${location.origin}/verify`; without it the PDF says "the /verify page". */
  readonly verifyUrl?: string;
  readonly fonts: EvidencePdfFonts;
  /**
   * The PDF's language: 'cy', 'en' (the default) or 'both' (the Welsh PDF, then the English one, in one file).
   * Only the printed words change: the pack id, the metadata keyword and the entries' own text do not.
   */
  readonly language?: PackLanguage;
  /** The diary's labels (behaviours, methods, roles …) in each language; without it the domain's English ones. */
  readonly labels?: (language: ReportLanguage) => PdfLabels;
  /** Called as entries are laid out (done of total), between short pauses that let the page repaint. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the work at the next pause (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
}

/** The PDF metadata keyword that ties a PDF to its ZIP: `casebook-pack:<sha256hex>`. */
export const PACK_ID_PREFIX = 'casebook-pack:';
