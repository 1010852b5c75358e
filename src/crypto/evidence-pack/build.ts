// Makes the evidence pack ZIP (format 1, docs/evidence-pack.md) from entries the browser has decrypted. Runs
// in the browser and in Node; the server never sees a pack. The same input always gives the same bytes, so
// the pack's own SHA-256 is a stable name for it (printed in the PDF and recorded when it is handed over).
import { canonicalize } from '../canonical-json.ts';
import { COMMITMENT_SALT_BYTES, commit } from '../commitment.ts';
import { base64urlEncode, constantTimeEqual, utf8Encode } from '../encoding.ts';
import { leafHash } from '../merkle.ts';
import type { Receipt, SignedTreeHead } from '../signing.ts';
import { attachmentRefsOf, namesHash } from './attachment-refs.ts';
import { sha256Hex } from './digest.ts';
import type { InclusionProofFile, LogKeysFile, Manifest, PackAttachment, PackIndex } from './format.ts';
import {
  attachmentPath,
  entryPath,
  FORMAT,
  FORMAT_VERSION,
  isPackId,
  MANIFEST_PATH,
  PACK_PATH,
  PUBLIC_KEY_PATH,
  proofPath,
  README_PATH,
  receiptPath,
  saltPath,
  TREE_HEAD_PATH,
} from './format.ts';
import { compareEntries, entrySortKey } from './order.ts';
import type { PackLanguage } from './readme.ts';
import { readmeFor } from './readme.ts';
import { summarise } from './summary.ts';
import type { ZipFile } from './zip.ts';
import { deterministicZip, shouldStore } from './zip.ts';

export interface EntryVersionInput {
  readonly version: number;
  /** The decrypted value exactly as it was committed. */
  readonly content: unknown;
  readonly salt: Uint8Array;
  /** When given, checked against salt and content before anything is written. */
  readonly commitment?: Uint8Array;
  readonly receipt: Receipt;
  /** The log's inclusion proof for receipt.leafIndex, to the pack's tree head. */
  readonly inclusionProof: {
    readonly leafIndex: number;
    readonly treeSize: number;
    readonly proof: readonly (string | Uint8Array)[];
  };
}

export interface EntryInput {
  /** The vault item id. */
  readonly id: string;
  /** Oldest first, numbered 1 … n: the whole history, so nothing is silently left out. */
  readonly versions: readonly EntryVersionInput[];
}

export interface AttachmentInput {
  /** The id the entries' content uses for the file. */
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly type: string;
}

export interface EvidencePackInput {
  /** The person's own title for the pack, e.g. "Record for PC Khan, March 2026". */
  readonly title: string;
  /** ms since the epoch. */
  readonly createdAt: number;
  readonly entries: readonly EntryInput[];
  readonly attachments?: readonly AttachmentInput[];
  /** The signed tree head every inclusion proof leads to. */
  readonly treeHead: SignedTreeHead;
  /** The log's keys, as /.well-known/casebook-log.json lists them. */
  readonly logKeys: LogKeysFile;
  /** The language of README.txt (en, cy, or both: Welsh then English). Default en. No other file depends on it. */
  readonly language?: PackLanguage;
}

/** The input cannot make a pack that would verify; the message says which entry and why. */
export class EvidencePackInputError extends Error {
  override readonly name = 'EvidencePackInputError';
}

const MAX_TITLE = 200;

export async function buildEvidencePack(input: EvidencePackInput): Promise<Uint8Array> {
  const title = input.title.trim();
  if (title === '' || title.length > MAX_TITLE || /[\u0000-\u001f\u007f]/.test(title)) {
    throw new EvidencePackInputError(`The title must be one line of 1 to ${MAX_TITLE} characters`);
  }
  if (!Number.isSafeInteger(input.createdAt) || input.createdAt < 0) throw new EvidencePackInputError('createdAt must be a time in ms');

  const entries = await Promise.all(input.entries.map((entry) => checkEntry(entry, input.treeHead)));
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new EvidencePackInputError(`Entry ${entry.id} is listed twice`);
    seen.add(entry.id);
  }
  entries.sort(compareEntries);

  const files: ZipFile[] = [];
  for (const entry of entries) {
    for (const v of entry.versions) {
      files.push(
        { path: entryPath(entry.id, v.version), bytes: v.canonical },
        { path: saltPath(entry.id, v.version), bytes: v.salt, store: true },
        { path: receiptPath(entry.id, v.version), bytes: jsonFile(receiptFile(v.receipt)) },
        { path: proofPath(entry.id, v.version), bytes: jsonFile(proofFile(v.inclusionProof)) },
      );
    }
  }

  const attachments = await attachmentIndex(input.attachments ?? [], entries);
  const stored = new Set<string>();
  for (const { entry, bytes } of attachments) {
    if (stored.has(entry.sha256)) continue; // the same bytes attached twice are stored once
    stored.add(entry.sha256);
    files.push({ path: attachmentPath(entry.sha256), bytes, store: shouldStore(entry.type) });
  }

  const summary = summarise({ entries: entries.map((e) => e.versions.map((v) => v.content)), attachments: attachments.length });
  const index: PackIndex = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    title,
    createdAt: new Date(input.createdAt).toISOString(),
    entries: entries.map((e) => ({ id: e.id, versions: e.versions.map((v) => v.version) })),
    attachments: attachments.map((a) => a.entry),
    summary,
  };
  files.push(
    { path: PACK_PATH, bytes: jsonFile(index) },
    { path: TREE_HEAD_PATH, bytes: jsonFile(treeHeadFile(input.treeHead)) },
    { path: PUBLIC_KEY_PATH, bytes: jsonFile(logKeysFile(input.logKeys)) },
    { path: README_PATH, bytes: utf8Encode(readmeFor({ index, treeHead: input.treeHead, logKeys: input.logKeys }, input.language)) },
  );

  const hashes = await Promise.all(files.map(async (file) => [file.path, await sha256Hex(file.bytes)] as const));
  hashes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const manifest: Manifest = { format: FORMAT, formatVersion: FORMAT_VERSION, algorithm: 'SHA-256', files: Object.fromEntries(hashes) };
  files.push({ path: MANIFEST_PATH, bytes: jsonFile(manifest) });
  return deterministicZip(files);
}

interface CheckedVersion extends EntryVersionInput {
  readonly canonical: Uint8Array;
}

interface CheckedEntry {
  readonly id: string;
  readonly versions: readonly CheckedVersion[];
  readonly sortKey: number;
  readonly firstLeafIndex: number;
}

async function checkEntry(entry: EntryInput, treeHead: SignedTreeHead): Promise<CheckedEntry> {
  if (!isPackId(entry.id)) throw new EvidencePackInputError(`Entry id ${JSON.stringify(entry.id)} is not a usable id`);
  if (entry.versions.length === 0) throw new EvidencePackInputError(`Entry ${entry.id} has no versions`);
  const versions = await Promise.all(
    entry.versions.map(async (v, i): Promise<CheckedVersion> => {
      const where = `Entry ${entry.id}, version ${v.version}`;
      if (v.version !== i + 1)
        throw new EvidencePackInputError(
          `Entry ${entry.id}: versions must be 1 to ${entry.versions.length} in order, found ${v.version} in place ${i + 1}`,
        );
      if (v.salt.length !== COMMITMENT_SALT_BYTES)
        throw new EvidencePackInputError(`${where}: the salt must be ${COMMITMENT_SALT_BYTES} bytes`);
      const canonical = utf8Encode(canonicalize(v.content));
      const { commitment } = await commit(v.content, v.salt);
      if (v.commitment && !constantTimeEqual(commitment, v.commitment)) {
        throw new EvidencePackInputError(`${where}: the content and salt do not give the commitment`);
      }
      if (v.receipt.leafHash !== base64urlEncode(await leafHash(commitment))) {
        throw new EvidencePackInputError(`${where}: the receipt is for a different commitment`);
      }
      if (v.inclusionProof.leafIndex !== v.receipt.leafIndex || v.inclusionProof.treeSize !== treeHead.treeSize) {
        throw new EvidencePackInputError(`${where}: the inclusion proof is not for this receipt's leaf in the pack's tree head`);
      }
      return { ...v, canonical };
    }),
  );
  const sortKey = entrySortKey(versions[versions.length - 1]!.content, versions[0]!.receipt.timestamp);
  return { id: entry.id, versions, sortKey, firstLeafIndex: versions[0]!.receipt.leafIndex };
}

async function attachmentIndex(
  attachments: readonly AttachmentInput[],
  entries: readonly CheckedEntry[],
): Promise<{ entry: PackAttachment; bytes: Uint8Array }[]> {
  const ids = new Set<string>();
  const out = await Promise.all(
    attachments.map(async (a) => {
      if (ids.has(a.id)) throw new EvidencePackInputError(`Attachment ${a.id} is listed twice`);
      ids.add(a.id);
      if (a.name.length > 1000 || a.type.length > 200) throw new EvidencePackInputError(`Attachment ${a.id}: name or type too long`);
      const sha256 = await sha256Hex(a.bytes);
      const usedBy: { entry: string; version: number }[] = [];
      for (const entry of entries) {
        for (const v of entry.versions) {
          const ref = attachmentRefsOf(v.content).find((r) => r.id === a.id);
          if (!ref) continue;
          if (namesHash(ref) && ref.sha256 !== sha256) {
            throw new EvidencePackInputError(
              `Attachment ${a.id} (${a.name}) is not the file entry ${entry.id}, version ${v.version} committed to`,
            );
          }
          usedBy.push({ entry: entry.id, version: v.version });
        }
      }
      if (usedBy.length === 0)
        throw new EvidencePackInputError(`Attachment ${a.id} (${a.name}) belongs to none of the entries in the pack`);
      return { entry: { id: a.id, sha256, name: a.name, type: a.type, size: a.bytes.length, usedBy }, bytes: a.bytes };
    }),
  );
  // In the order of the entries that first use them, so the list reads like the pack.
  const position = new Map(entries.map((e, i) => [e.id, i]));
  return out.sort(
    (x, y) =>
      (position.get(x.entry.usedBy[0]!.entry) ?? 0) - (position.get(y.entry.usedBy[0]!.entry) ?? 0) ||
      x.entry.usedBy[0]!.version - y.entry.usedBy[0]!.version ||
      (x.entry.id < y.entry.id ? -1 : x.entry.id > y.entry.id ? 1 : 0),
  );
}

// Explicit field order, so the files read the same whatever object the caller passed in.
function receiptFile(r: Receipt): Receipt {
  return { v: r.v, logId: r.logId, leafIndex: r.leafIndex, leafHash: r.leafHash, timestamp: r.timestamp, signature: r.signature };
}

function treeHeadFile(t: SignedTreeHead): SignedTreeHead {
  return { v: t.v, logId: t.logId, treeSize: t.treeSize, rootHash: t.rootHash, timestamp: t.timestamp, signature: t.signature };
}

function proofFile(p: EntryVersionInput['inclusionProof']): InclusionProofFile {
  return {
    leafIndex: p.leafIndex,
    treeSize: p.treeSize,
    proof: p.proof.map((hash) => (typeof hash === 'string' ? hash : base64urlEncode(hash))),
  };
}

function logKeysFile(k: LogKeysFile): LogKeysFile {
  return {
    logId: k.logId,
    publicKey: k.publicKey,
    keys: k.keys.map((key) => ({
      logId: key.logId,
      publicKey: key.publicKey,
      from: key.from,
      ...(key.until !== undefined ? { until: key.until } : {}),
    })),
  };
}

function jsonFile(value: unknown): Uint8Array {
  return utf8Encode(`${JSON.stringify(value, null, 2)}\n`);
}
