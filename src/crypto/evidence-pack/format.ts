// Evidence pack format 1: the names and shapes of the files inside the ZIP. docs/evidence-pack.md is the
// specification a forensics team reads; this file and that one change together, and a change that an older
// verifier would misread gets a new FORMAT_VERSION.
import type { SignedTreeHead } from '../signing.ts';
import type { PackSummary } from './summary.ts';

export const FORMAT = 'casebook-evidence-pack';
export const FORMAT_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
export const PACK_PATH = 'pack.json';
export const README_PATH = 'README.txt';
export const TREE_HEAD_PATH = 'log/tree-head.json';
export const PUBLIC_KEY_PATH = 'log/public-key.json';

// Ids become path segments, so they are held to the characters that are safe in a file name everywhere
// (UUIDs, and the domain's idSchema, fit).
const ID = /^[A-Za-z0-9_-]{1,100}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isPackId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

export const entryPath = (id: string, version: number) => `entries/${id}/v${version}.json`;
export const saltPath = (id: string, version: number) => `entries/${id}/v${version}.salt`;
export const receiptPath = (id: string, version: number) => `receipts/${id}/v${version}.json`;
export const proofPath = (id: string, version: number) => `proofs/${id}/v${version}.json`;
export const attachmentPath = (sha256: string) => `attachments/${sha256}`;

/** manifest.json: the SHA-256 (lower-case hex) of every other file in the ZIP, by path. */
export interface Manifest {
  readonly format: typeof FORMAT;
  readonly formatVersion: number;
  readonly algorithm: 'SHA-256';
  readonly files: Readonly<Record<string, string>>;
}

/** pack.json: what is in the pack, in the order the PDF and the verifier number it ("Entry 1" is first). */
export interface PackIndex {
  readonly format: typeof FORMAT;
  readonly formatVersion: number;
  readonly title: string;
  /** ISO 8601 UTC; when the person made the pack (their device's clock, so not evidence of anything). */
  readonly createdAt: string;
  readonly entries: readonly PackEntry[];
  readonly attachments: readonly PackAttachment[];
  /** Computed from the entries' latest versions; the verifier recomputes it. */
  readonly summary: PackSummary;
}

export interface PackEntry {
  /** The vault item id. */
  readonly id: string;
  /** Every version in the pack, 1, 2, … n with none missing. */
  readonly versions: readonly number[];
}

export interface PackAttachment {
  /** The id entries use to refer to the file. */
  readonly id: string;
  readonly sha256: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** The entry versions whose content refers to this attachment id. */
  readonly usedBy: readonly { readonly entry: string; readonly version: number }[];
}

/** proofs/<id>/v<n>.json: the log's answer to GET /api/v1/log/inclusion. */
export interface InclusionProofFile {
  readonly leafIndex: number;
  readonly treeSize: number;
  /** base64url hashes, bottom-up (RFC 9162 §2.1.3). */
  readonly proof: readonly string[];
}

/** One key of the log, as /.well-known/casebook-log.json lists it. */
export interface PublishedLogKey {
  readonly logId: string;
  /** base64url raw 32-byte Ed25519 public key */
  readonly publicKey: string;
  readonly from: number;
  readonly until?: number;
}

/** log/public-key.json: /.well-known/casebook-log.json without its tree head. */
export interface LogKeysFile {
  /** The key signing when the pack was made. */
  readonly logId: string;
  readonly publicKey: string;
  /** Every key the log has used, oldest first, so receipts signed before a rotation verify. */
  readonly keys: readonly PublishedLogKey[];
}

/** /.well-known/casebook-log.json as the service publishes it. */
export interface LogDescription extends LogKeysFile {
  readonly treeHead: SignedTreeHead;
}
