// What the verifier reports. P is how a problem is given: a Finding (a code and its parameters) while the
// checks run, a sentence in the reader's language in the report (render.ts makes one from the other).
import type { SignedTreeHead } from '../../signing.ts';
import type { Finding } from '../report-text/finding.ts';
import type { ReportLanguage } from '../report-text/render.ts';

export interface VerifyOptions {
  /**
   * Log public keys the verifier trusts independently of the pack (base64url or raw 32 bytes), e.g. from
   * Casebook's /.well-known/casebook-log.json fetched or saved separately. Without them, signatures are
   * checked with the key inside the pack, and the report says so.
   */
  readonly publicKeys?: readonly (string | Uint8Array)[];
  /** A newer tree head the log has published, to show the log was not rewritten since the pack's. */
  readonly currentTreeHead?: SignedTreeHead;
  /** The log's consistency proof between the pack's tree size and the current one (base64url or bytes). */
  readonly consistencyProof?: readonly (string | Uint8Array)[];
  /** Bound on what the ZIP may unpack to. Default 4 GiB. */
  readonly maxUnpackedBytes?: number;
  /** The language of the report's sentences (problems, notices, summary). Default English. The checks are the same. */
  readonly language?: ReportLanguage;
}

export type CheckStatus = 'passed' | 'failed' | 'not-checked';

export interface VersionReport<P = string> {
  readonly version: number;
  readonly leafIndex: number | null;
  /** The receipt's time (ms), or null when the receipt could not be read. Trust it only when signature passed. */
  readonly receiptTime: number | null;
  /** The file is the canonical JSON of its content. */
  readonly content: CheckStatus;
  /** SHA-256(salt || content) is the leaf the receipt signs. */
  readonly commitment: CheckStatus;
  readonly signature: CheckStatus;
  /** The inclusion proof leads from the leaf to the signed tree head, which is no older than the receipt. */
  readonly inclusion: CheckStatus;
  /** The version's four files (content, salt, receipt, proof) are present and match manifest.json. */
  readonly files: CheckStatus;
  readonly problems: readonly P[];
}

export interface EntryReport<P = string> {
  /** "Entry 1" is the first entry in pack.json, which the PDF numbers the same way. */
  readonly number: number;
  readonly id: string;
  readonly verified: boolean;
  readonly versions: readonly VersionReport<P>[];
  readonly problems: readonly P[];
}

export interface AttachmentReport<P = string> {
  readonly number: number;
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  /** The file is present and is the one the pack names. */
  readonly verified: boolean;
  /** An entry's committed content names this file's SHA-256, so its receipt time covers the file too. */
  readonly timestamped: boolean;
  readonly problems: readonly P[];
}

export interface ImportReport<P = string> {
  /** The entry ("Entry 3") whose messages were checked. */
  readonly entry: number;
  readonly version: number;
  /** The original export's name as the pack lists it, and its SHA-256. */
  readonly file: string;
  readonly sha256: string;
  readonly messages: number;
  /** Every message was found unchanged at its place in the file. */
  readonly verified: boolean;
  readonly problems: readonly P[];
}

export interface KeyReport {
  readonly logId: string;
  readonly publicKey: string;
  /** One of the keys passed in publicKeys. */
  readonly trusted: boolean;
}

export type ConsistencyReport =
  | { readonly checked: false }
  | { readonly checked: true; readonly ok: boolean; readonly treeSize: number; readonly timestamp: number };

export interface VerificationReport {
  readonly ok: boolean;
  /** SHA-256 of the ZIP itself: record it when the pack is handed over. */
  readonly packSha256: string;
  readonly formatVersion: number;
  readonly title: string;
  readonly createdAt: string;
  /**
   * independent: every signature was checked with a key the verifier was given separately.
   * pack-only: with the key inside the pack, which shows the pack is self-consistent, not that Casebook signed it.
   */
  readonly keyTrust: 'independent' | 'pack-only';
  readonly keys: readonly KeyReport[];
  readonly treeHead: {
    readonly treeSize: number;
    readonly timestamp: number;
    readonly rootHash: string;
    readonly signature: CheckStatus;
  } | null;
  readonly consistency: ConsistencyReport;
  readonly entries: readonly EntryReport[];
  readonly attachments: readonly AttachmentReport[];
  /** Check 12: entries brought in from a message export, each message found unchanged in the original file. */
  readonly imports: readonly ImportReport[];
  /** The language the sentences below are in. */
  readonly language: ReportLanguage;
  /** Every failure, as a sentence. Empty when ok. */
  readonly problems: readonly string[];
  /** What the checks do not cover here, worth knowing; not failures. */
  readonly notices: readonly string[];
  /** A few sentences for a non-technical reader. */
  readonly summary: string;
  /** The same problems, notices and summary as codes with parameters, to say again in another language (say()). */
  readonly findings: { readonly problems: readonly Finding[]; readonly notices: readonly Finding[]; readonly summary: readonly Finding[] };
}
