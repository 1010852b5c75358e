// Checks an evidence pack (format 1, docs/evidence-pack.md) without trusting Casebook or the person who made
// it: everything is recomputed from the bytes in the ZIP and the log's signatures. Runs in the browser (the
// /verify page) and in Node (scripts/verify-pack.ts). Every failure is a sentence an officer can read and a
// forensics examiner can act on; "ok" is true only when nothing failed.
import { canonicalize } from '../canonical-json.ts';
import { base64urlDecode, concatBytes, constantTimeEqual, utf8Decode } from '../encoding.ts';
import { leafHash, verifyConsistency, verifyInclusion } from '../merkle.ts';
import { importPublicKey, logIdOf, verifyReceipt, verifyTreeHead } from '../signing.ts';
import type { Receipt, SignedTreeHead } from '../signing.ts';
import { attachmentRefsOf, namesHash } from './attachment-refs.ts';
import { sha256, sha256Hex } from './digest.ts';
import {
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_PATH,
  PACK_PATH,
  PUBLIC_KEY_PATH,
  README_PATH,
  TREE_HEAD_PATH,
  attachmentPath,
  entryPath,
  isPackId,
  isSha256Hex,
  proofPath,
  receiptPath,
  saltPath,
} from './format.ts';
import type { InclusionProofFile, Manifest, PackAttachment, PackEntry, PackIndex } from './format.ts';
import { checkImportedMessages } from './imported.ts';
import type { ImportReport } from './imported.ts';
import { compareEntries, entrySortKey } from './order.ts';
import type { OrderFacts } from './order.ts';
import { summarise } from './summary.ts';
import { plural, ukTime, ukTimeBare } from './wording.ts';
import { readZip, UnreadableZipError } from './zip.ts';

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
}

export type CheckStatus = 'passed' | 'failed' | 'not-checked';

export interface VersionReport {
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
  readonly problems: readonly string[];
}

export interface EntryReport {
  /** "Entry 1" is the first entry in pack.json, which the PDF numbers the same way. */
  readonly number: number;
  readonly id: string;
  readonly verified: boolean;
  readonly versions: readonly VersionReport[];
  readonly problems: readonly string[];
}

export interface AttachmentReport {
  readonly number: number;
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  /** The file is present and is the one the pack names. */
  readonly verified: boolean;
  /** An entry's committed content names this file's SHA-256, so its receipt time covers the file too. */
  readonly timestamped: boolean;
  readonly problems: readonly string[];
}

export interface KeyReport {
  readonly logId: string;
  readonly publicKey: string;
  /** One of the keys passed in publicKeys. */
  readonly trusted: boolean;
}

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
  readonly treeHead: { readonly treeSize: number; readonly timestamp: number; readonly rootHash: string; readonly signature: CheckStatus } | null;
  readonly consistency:
    | { readonly checked: false }
    | { readonly checked: true; readonly ok: boolean; readonly treeSize: number; readonly timestamp: number };
  readonly entries: readonly EntryReport[];
  readonly attachments: readonly AttachmentReport[];
  /** Check 12: entries brought in from a message export, each message found unchanged in the original file. */
  readonly imports: readonly ImportReport[];
  /** Every failure, as a sentence. Empty when ok. */
  readonly problems: readonly string[];
  /** What the checks do not cover here, worth knowing; not failures. */
  readonly notices: readonly string[];
  /** A few sentences for a non-technical reader. */
  readonly summary: string;
}

/** The file is not a pack this verifier can read at all (not a ZIP, no manifest, unknown format). */
export class PackFormatError extends Error {
  override readonly name = 'PackFormatError';
}

const DEFAULT_MAX_UNPACKED = 4 * 2 ** 30;

export async function verifyEvidencePack(zip: Uint8Array, options: VerifyOptions = {}): Promise<VerificationReport> {
  const packSha256 = await sha256Hex(zip);
  let unzipped;
  try {
    unzipped = readZip(zip, options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED);
  } catch (error) {
    if (error instanceof UnreadableZipError) throw new PackFormatError(error.message);
    throw error;
  }
  const files = unzipped.files;
  const manifest = readManifest(files.get(MANIFEST_PATH));
  const index = readIndex(files.get(PACK_PATH));

  const problems: string[] = [];
  const notices: string[] = [];
  for (const path of unzipped.duplicates) {
    problems.push(`The ZIP holds more than one file named ${path}: different tools would show different files.`);
  }
  const manifestCheck = await checkManifest(files, manifest);
  problems.push(...manifestCheck.problems);
  problems.push(...checkExpectedFiles(files, index));

  const keys = await loadKeys(files, options.publicKeys ?? [], problems);
  const treeHead = await checkTreeHead(files, keys, problems);
  const usedLeaves = new Map<number, string>();
  const entries = await Promise.all(index.entries.map((entry, i) => checkEntry(files, entry, i + 1, keys, treeHead, manifestCheck.badPaths)));
  for (const entry of entries) {
    for (const v of entry.versions) {
      if (v.leafIndex === null) continue;
      const other = usedLeaves.get(v.leafIndex);
      const here = `Entry ${entry.number}, version ${v.version}`;
      if (other) problems.push(`${here} has the same log position (${v.leafIndex}) as ${other}: one receipt is being presented for two versions.`);
      else usedLeaves.set(v.leafIndex, here);
    }
  }
  for (const entry of entries) problems.push(...entry.problems, ...entry.versions.flatMap((v) => v.problems));

  const contents = new Map<string, unknown[]>();
  for (const entry of index.entries) contents.set(entry.id, entry.versions.map((v) => parseJson(files.get(entryPath(entry.id, v)))));
  problems.push(...checkEntryOrder(entries, contents));
  const attachments = await checkAttachments(files, index, contents, entries);
  problems.push(...attachments.flatMap((a) => a.problems));
  const imported = await checkImportedMessages(files, index, contents, new Map(entries.map((e) => [e.id, e.number])));
  problems.push(...imported.reports.flatMap((r) => r.problems));
  notices.push(...imported.notices);

  // With an entry file missing or unreadable (already reported) the recount would differ for that reason alone.
  const allReadable = [...contents.values()].every((versions) => versions.every((content) => content !== undefined));
  const summary = allReadable ? summarise({ entries: [...contents.values()], attachments: index.attachments.length }) : index.summary;
  if (!sameJson(summary, index.summary)) {
    problems.push('pack.json: the summary figures (counts by behaviour, dates) do not match the entries in the pack — they have been edited.');
  }

  const consistency = await checkConsistency(treeHead, keys, options, problems);

  const untimed = attachments.filter((a) => a.verified && !a.timestamped);
  if (untimed.length > 0) {
    notices.push(
      `${plural(untimed.length, 'attached file')} ${untimed.length === 1 ? 'is' : 'are'} not named by SHA-256 in the entry that refers to ${untimed.length === 1 ? 'it' : 'them'} (${untimed.map((a) => a.name).join(', ')}): ` +
        'the files match this pack, but the receipts do not show when they existed — only that they have not changed since the pack was made.',
    );
  }
  if (keys.trust === 'pack-only') {
    notices.push(
      `The signatures were checked with the log key inside the pack (key id ${keys.report.map((k) => k.logId).join(', ')}). ` +
        'That shows the pack is consistent with itself. To rule out a pack forged as a whole, check that key id against the one Casebook publishes at /.well-known/casebook-log.json, or verify again giving that key.',
    );
  }
  if (!consistency.checked) {
    notices.push("The pack's tree head was not compared with Casebook's current published log, so this check does not show that the log was never rewritten after the pack's tree head.");
  }
  const ok = problems.length === 0;
  return {
    ok,
    packSha256,
    formatVersion: manifest.formatVersion,
    title: index.title,
    createdAt: index.createdAt,
    keyTrust: keys.trust,
    keys: keys.report,
    treeHead: treeHead ? { treeSize: treeHead.head.treeSize, timestamp: treeHead.head.timestamp, rootHash: treeHead.head.rootHash, signature: treeHead.signature } : null,
    consistency,
    entries,
    attachments,
    imports: imported.reports,
    problems,
    notices,
    summary: officerSummary(entries, attachments, problems, keys.trust, consistency, imported.reports),
  };
}

/** The pack's signed tree head, read without verifying anything: what to ask the log for a consistency proof. */
export function packTreeHead(zip: Uint8Array): SignedTreeHead | undefined {
  try {
    const head = parseJson(readZip(zip, DEFAULT_MAX_UNPACKED, (name) => name === TREE_HEAD_PATH).files.get(TREE_HEAD_PATH));
    return isSignedStatement(head, 'treeSize', 'rootHash') ? head : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The two files that say what the pack is. Without them there is nothing to verify against: exit code 2.

function readManifest(bytes: Uint8Array | undefined): Manifest {
  if (!bytes) throw new PackFormatError('This ZIP has no manifest.json, so it is not a Casebook evidence pack.');
  const value = parseJson(bytes) as Partial<Manifest> | undefined;
  if (!isObject(value) || value.format !== FORMAT) throw new PackFormatError('manifest.json is not the manifest of a Casebook evidence pack.');
  if (value.formatVersion !== FORMAT_VERSION) {
    throw new PackFormatError(`This pack is in format ${String(value.formatVersion)}; this verifier reads format ${FORMAT_VERSION}. Use a newer verifier.`);
  }
  if (!isObject(value.files) || !Object.values(value.files).every((h) => typeof h === 'string')) {
    throw new PackFormatError('manifest.json has no readable list of files.');
  }
  return value as Manifest;
}

function readIndex(bytes: Uint8Array | undefined): PackIndex {
  if (!bytes) throw new PackFormatError('This ZIP has no pack.json, so it cannot be read as a Casebook evidence pack.');
  const value = parseJson(bytes) as Partial<PackIndex> | undefined;
  const readable =
    isObject(value) &&
    value.format === FORMAT &&
    typeof value.title === 'string' &&
    typeof value.createdAt === 'string' &&
    Array.isArray(value.entries) &&
    value.entries.every(isPackEntry) &&
    Array.isArray(value.attachments) &&
    value.attachments.every(isPackAttachment);
  if (!readable) throw new PackFormatError('pack.json cannot be read: it is not in the layout of evidence pack format 1.');
  return value as PackIndex;
}

// ---------------------------------------------------------------------------------------------------------
// Files: the manifest covers every file, and every file is one the format expects.

/** Every problem with the manifest, and the paths that are missing, changed or unlisted. */
async function checkManifest(files: ReadonlyMap<string, Uint8Array>, manifest: Manifest): Promise<{ problems: string[]; badPaths: ReadonlySet<string> }> {
  const problems: string[] = [];
  const badPaths = new Set<string>();
  const listed = new Map(Object.entries(manifest.files));
  const checks = await Promise.all(
    [...files].filter(([path]) => path !== MANIFEST_PATH).map(async ([path, bytes]) => ({ path, actual: await sha256Hex(bytes) })),
  );
  for (const { path, actual } of checks.sort((a, b) => compare(a.path, b.path))) {
    const expected = listed.get(path);
    if (expected === undefined) problems.push(`${path} is in the pack but not in manifest.json: it was added after the pack was made.`);
    else if (expected.toLowerCase() !== actual) problems.push(`${path} has been changed since the pack was made: its SHA-256 is not the one manifest.json lists.`);
    else continue;
    badPaths.add(path);
  }
  for (const path of [...listed.keys()].sort(compare)) {
    if (path !== MANIFEST_PATH && !files.has(path)) {
      problems.push(`${path} is listed in manifest.json but is missing from the pack: it has been removed.`);
      badPaths.add(path);
    }
  }
  return { problems, badPaths };
}

function checkExpectedFiles(files: ReadonlyMap<string, Uint8Array>, index: PackIndex): string[] {
  const expected = new Set([MANIFEST_PATH, PACK_PATH, README_PATH, TREE_HEAD_PATH, PUBLIC_KEY_PATH]);
  for (const entry of index.entries) {
    for (const v of entry.versions) {
      for (const path of [entryPath, saltPath, receiptPath, proofPath]) expected.add(path(entry.id, v));
    }
  }
  for (const a of index.attachments) expected.add(attachmentPath(a.sha256));
  const problems: string[] = [];
  for (const path of [...files.keys()].sort(compare)) {
    if (!expected.has(path)) problems.push(`${path} does not belong to any entry or attachment listed in pack.json: it is an extra file.`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Keys and the tree head.

interface Keys {
  /** logId → key, from the pack and from the caller; trusted ones win. */
  readonly byLogId: ReadonlyMap<string, { key: CryptoKey; trusted: boolean }>;
  readonly anyTrusted: boolean;
  readonly trust: 'independent' | 'pack-only';
  readonly report: KeyReport[];
}

async function loadKeys(files: ReadonlyMap<string, Uint8Array>, trustedInput: readonly (string | Uint8Array)[], problems: string[]): Promise<Keys> {
  const byLogId = new Map<string, { key: CryptoKey; trusted: boolean }>();
  const report: KeyReport[] = [];
  for (const raw of trustedInput) {
    let key: CryptoKey;
    try {
      key = await importPublicKey(raw);
    } catch {
      throw new PackFormatError('One of the trusted public keys given is not a 32-byte Ed25519 key in base64url.');
    }
    byLogId.set(await logIdOf(key), { key, trusted: true });
  }
  const file = parseJson(files.get(PUBLIC_KEY_PATH)) as { logId?: unknown; publicKey?: unknown; keys?: unknown } | undefined;
  const listed: { logId?: unknown; publicKey?: unknown }[] = [];
  if (isObject(file)) {
    listed.push({ logId: file.logId, publicKey: file.publicKey });
    if (Array.isArray(file.keys)) listed.push(...(file.keys as { logId?: unknown; publicKey?: unknown }[]).filter(isObject));
  } else {
    problems.push(`${PUBLIC_KEY_PATH} is missing or unreadable: the pack does not say which key signed it.`);
  }
  const seen = new Set<string>();
  for (const entry of listed) {
    if (typeof entry.publicKey !== 'string' || seen.has(entry.publicKey)) continue;
    seen.add(entry.publicKey);
    let key: CryptoKey;
    try {
      key = await importPublicKey(entry.publicKey);
    } catch {
      problems.push(`${PUBLIC_KEY_PATH}: ${JSON.stringify(entry.publicKey).slice(0, 60)} is not an Ed25519 public key.`);
      continue;
    }
    const logId = await logIdOf(key);
    if (entry.logId !== logId) problems.push(`${PUBLIC_KEY_PATH}: the key id ${String(entry.logId)} is not the SHA-256 of its public key (${logId}).`);
    const trusted = byLogId.get(logId)?.trusted ?? false;
    if (!trusted) byLogId.set(logId, { key, trusted: false });
    report.push({ logId, publicKey: entry.publicKey, trusted });
  }
  const anyTrusted = trustedInput.length > 0;
  return { byLogId, anyTrusted, trust: anyTrusted ? 'independent' : 'pack-only', report };
}

/** The key for a statement's logId, or a sentence saying why there is none the verifier may use. */
function keyFor(keys: Keys, logId: unknown): { key: CryptoKey } | { refusal: string } {
  const found = typeof logId === 'string' ? keys.byLogId.get(logId) : undefined;
  if (!found) {
    return { refusal: "was signed by a key that is not Casebook's log key (it is neither in the pack's key file nor among the keys you trust)" };
  }
  if (keys.anyTrusted && !found.trusted) {
    return { refusal: `was signed by key ${String(logId)}, which is in the pack but is not one of the Casebook keys you trust` };
  }
  return { key: found.key };
}

interface TreeHeadCheck {
  readonly head: SignedTreeHead;
  readonly rootHash: Uint8Array;
  readonly signature: CheckStatus;
}

async function checkTreeHead(files: ReadonlyMap<string, Uint8Array>, keys: Keys, problems: string[]): Promise<TreeHeadCheck | null> {
  const head = parseJson(files.get(TREE_HEAD_PATH));
  if (!isSignedStatement(head, 'treeSize', 'rootHash')) {
    problems.push(`${TREE_HEAD_PATH} is missing or unreadable: no entry can be shown to be in Casebook's log.`);
    return null;
  }
  let rootHash: Uint8Array;
  try {
    rootHash = base64urlDecode(head.rootHash);
  } catch {
    rootHash = new Uint8Array();
  }
  const found = keyFor(keys, head.logId);
  if ('refusal' in found) {
    problems.push(`The log's tree head ${found.refusal}.`);
    return { head, rootHash, signature: 'failed' };
  }
  if (!(await verifyTreeHead(head, found.key))) {
    problems.push(`The log's tree head (${head.treeSize} entries, ${ukTime(head.timestamp)}) has an invalid signature: it has been altered or was not signed by Casebook.`);
    return { head, rootHash, signature: 'failed' };
  }
  return { head, rootHash, signature: 'passed' };
}

// ---------------------------------------------------------------------------------------------------------
// Entries, version by version.

async function checkEntry(
  files: ReadonlyMap<string, Uint8Array>,
  entry: PackEntry,
  number: number,
  keys: Keys,
  treeHead: TreeHeadCheck | null,
  badPaths: ReadonlySet<string>,
): Promise<EntryReport> {
  const problems: string[] = [];
  if (entry.versions.length === 0) problems.push(`Entry ${number}: pack.json lists no versions of it — it has been emptied.`);
  if (entry.versions.some((v, i) => v !== i + 1)) {
    const held = new Set(entry.versions);
    const missing = range(1, Math.min(Math.max(...entry.versions), entry.versions.length + 20)).filter((v) => !held.has(v));
    problems.push(
      `Entry ${number}: the versions are not 1 to ${entry.versions.length} in order (the pack holds ${entry.versions.join(', ')}` +
        `${missing.length ? `; missing ${missing.join(', ')}` : ''}) — a version has been removed or the versions reordered.`,
    );
  }
  const versions = await Promise.all(entry.versions.map((v) => checkVersion(files, entry.id, v, `Entry ${number}, version ${v}`, keys, treeHead, badPaths)));
  // Edits are appended to the log, so a later version must sit later in the log.
  for (let i = 1; i < versions.length; i++) {
    const earlier = versions[i - 1]!;
    const later = versions[i]!;
    if (earlier.leafIndex === null || later.leafIndex === null || earlier.receiptTime === null || later.receiptTime === null) continue;
    if (later.leafIndex <= earlier.leafIndex || later.receiptTime < earlier.receiptTime) {
      problems.push(
        `Entry ${number}: version ${later.version} was logged before version ${earlier.version} ` +
          `(${ukTime(later.receiptTime)}, log position ${later.leafIndex}, against ${ukTime(earlier.receiptTime)}, position ${earlier.leafIndex}) — the versions have been swapped or reordered.`,
      );
    }
  }
  const verified = problems.length === 0 && versions.every((v) => v.problems.length === 0);
  return { number, id: entry.id, verified, versions, problems };
}

async function checkVersion(
  files: ReadonlyMap<string, Uint8Array>,
  id: string,
  version: number,
  where: string,
  keys: Keys,
  treeHead: TreeHeadCheck | null,
  badPaths: ReadonlySet<string>,
): Promise<VersionReport> {
  const problems: string[] = [];
  const paths = [entryPath, saltPath, receiptPath, proofPath].map((p) => p(id, version));
  const result = {
    version,
    leafIndex: null as number | null,
    receiptTime: null as number | null,
    content: 'not-checked' as CheckStatus,
    commitment: 'not-checked' as CheckStatus,
    signature: 'not-checked' as CheckStatus,
    inclusion: 'not-checked' as CheckStatus,
    files: (paths.some((p) => badPaths.has(p) || !files.has(p)) ? 'failed' : 'passed') as CheckStatus,
    problems,
  };
  const missing = paths.filter((p) => !files.has(p));
  if (missing.length > 0) {
    problems.push(`${where}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing, so this version cannot be checked — ${missing.length === 4 ? 'it has been removed from the pack' : 'part of it has been removed'}.`);
    return result;
  }
  const contentBytes = files.get(entryPath(id, version))!;
  const salt = files.get(saltPath(id, version))!;
  const receipt = parseJson(files.get(receiptPath(id, version)));
  const proof = parseJson(files.get(proofPath(id, version)));

  // 1. The file is canonical JSON, byte for byte as committed.
  const content = parseJson(contentBytes);
  if (content === undefined) {
    result.content = 'failed';
    problems.push(`${where}: ${entryPath(id, version)} is not readable JSON — it has been damaged or edited.`);
  } else {
    let canonical: string | undefined;
    try {
      canonical = canonicalize(content);
    } catch {
      canonical = undefined;
    }
    const same = canonical !== undefined && canonical === utf8Decode(contentBytes);
    result.content = same ? 'passed' : 'failed';
    if (!same) problems.push(`${where}: ${entryPath(id, version)} is not in the canonical form (RFC 8785) it was committed in — it has been re-written or edited.`);
  }

  // 2. The receipt: readable, and signed by the log.
  if (!isSignedStatement(receipt, 'leafIndex', 'leafHash')) {
    problems.push(`${where}: the receipt ${receiptPath(id, version)} is unreadable, so nothing shows when this version was logged.`);
    return result;
  }
  result.leafIndex = receipt.leafIndex;
  result.receiptTime = receipt.timestamp;
  const found = keyFor(keys, receipt.logId);
  if ('refusal' in found) {
    result.signature = 'failed';
    problems.push(`${where}: the receipt (dated ${ukTime(receipt.timestamp)}) ${found.refusal}.`);
  } else if (await verifyReceipt(receipt, found.key)) {
    result.signature = 'passed';
  } else {
    result.signature = 'failed';
    problems.push(
      `${where}: the receipt's signature does not verify — its time, log position or fingerprint has been altered since Casebook signed it (it now claims ${ukTime(receipt.timestamp)}).`,
    );
  }
  // Formatted only for a problem: Intl formatting for every version of a large pack adds up.
  const when = () => (result.signature === 'passed' ? `on ${ukTime(receipt.timestamp)}` : `in the receipt dated ${ukTime(receipt.timestamp)}`);

  // 3. SHA-256(salt || content) is the leaf the receipt speaks for.
  let receiptLeaf: Uint8Array | undefined;
  try {
    receiptLeaf = base64urlDecode(receipt.leafHash);
  } catch {
    receiptLeaf = undefined;
  }
  if (salt.length !== 32) {
    result.commitment = 'failed';
    problems.push(`${where}: the salt ${saltPath(id, version)} is ${salt.length} bytes, not 32 — it has been changed, so the text cannot be matched to what was committed ${when()}.`);
  } else {
    const commitment = await sha256(concatBytes(salt, contentBytes));
    const leaf = await leafHash(commitment);
    const matches = receiptLeaf !== undefined && constantTimeEqual(leaf, receiptLeaf);
    result.commitment = matches ? 'passed' : 'failed';
    if (!matches) {
      problems.push(`${where}: the text does not match what was committed ${when()} — it has been changed since (or its salt has).`);
    }
  }

  // 4. The leaf is in the log, under the signed tree head, no later than that head.
  if (!treeHead) return result;
  const p = proof as Partial<InclusionProofFile> | undefined;
  const proofHashes = isObject(p) && Array.isArray(p.proof) ? decodeAll(p.proof) : undefined;
  if (!isObject(p) || proofHashes === undefined) {
    result.inclusion = 'failed';
    problems.push(`${where}: the inclusion proof ${proofPath(id, version)} is unreadable, so this version cannot be shown to be in Casebook's log.`);
  } else if (p.leafIndex !== receipt.leafIndex || p.treeSize !== treeHead.head.treeSize) {
    result.inclusion = 'failed';
    problems.push(`${where}: the inclusion proof is for log position ${String(p.leafIndex)} of ${String(p.treeSize)}, not this receipt's position ${receipt.leafIndex} in the pack's tree head of ${treeHead.head.treeSize} — it has been altered or swapped.`);
  } else if (receipt.leafIndex >= treeHead.head.treeSize) {
    result.inclusion = 'failed';
    problems.push(`${where}: the receipt's log position ${receipt.leafIndex} is beyond the end of the log's tree head (${treeHead.head.treeSize} entries) — it cannot be in that log.`);
  } else {
    const included = receiptLeaf !== undefined && (await verifyInclusion(receiptLeaf, receipt.leafIndex, treeHead.head.treeSize, proofHashes, treeHead.rootHash));
    result.inclusion = included && treeHead.signature === 'passed' ? 'passed' : 'failed';
    if (!included) {
      problems.push(`${where}: the proof that this version is in Casebook's log does not lead to the log's signed tree head — the proof or the receipt has been altered, or the version was never logged.`);
    }
  }
  if (receipt.timestamp > treeHead.head.timestamp) {
    result.inclusion = 'failed';
    problems.push(`${where}: the receipt is dated ${ukTime(receipt.timestamp)}, after the tree head (${ukTime(treeHead.head.timestamp)}) that is meant to contain it — its time has been altered.`);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Attachments: the file is the one named, and the entries that use it say so.

async function checkAttachments(
  files: ReadonlyMap<string, Uint8Array>,
  index: PackIndex,
  contents: ReadonlyMap<string, unknown[]>,
  entries: readonly EntryReport[],
): Promise<AttachmentReport[]> {
  const numberOf = new Map(entries.map((e) => [e.id, e.number]));
  return Promise.all(
    index.attachments.map(async (a, i): Promise<AttachmentReport> => {
      const problems: string[] = [];
      const label = `Attachment ${JSON.stringify(a.name)}`;
      const first = a.usedBy[0];
      const owner = first ? ` (entry ${numberOf.get(first.entry) ?? '?'})` : '';
      const bytes = files.get(attachmentPath(a.sha256));
      let present = false;
      if (!bytes) {
        problems.push(`${label}${owner}: the file ${attachmentPath(a.sha256)} is missing from the pack.`);
      } else if ((await sha256Hex(bytes)) !== a.sha256) {
        problems.push(`${label}${owner}: the file has been replaced or changed — its SHA-256 is not the one the pack names it by.`);
      } else {
        present = true;
        if (a.size !== bytes.length) problems.push(`${label}${owner}: pack.json gives its size as ${a.size} bytes, but the file is ${bytes.length}.`);
      }
      // Which entry versions actually refer to it, from their (committed) content.
      const referring: { entry: string; version: number }[] = [];
      let timestamped = false;
      for (const entry of index.entries) {
        entry.versions.forEach((version, vi) => {
          const ref = attachmentRefsOf(contents.get(entry.id)?.[vi]).find((r) => r.id === a.id);
          if (!ref) return;
          referring.push({ entry: entry.id, version });
          const where = `Entry ${numberOf.get(entry.id)}, version ${version}`;
          if (namesHash(ref)) {
            if (ref.sha256 === a.sha256) timestamped = present && entryVerified(entries, entry.id);
            else problems.push(`${label}: ${where} committed to a file with a different SHA-256 — the photo or file has been replaced.`);
          }
          if (ref.name !== undefined && ref.name !== a.name) problems.push(`${label}: ${where} names this file ${JSON.stringify(ref.name)}, not ${JSON.stringify(a.name)}.`);
        });
      }
      // An entry version whose file is missing or unreadable is already reported; it can neither confirm nor deny the link.
      const unreadable = a.usedBy.filter((u) => {
        const entry = index.entries.find((e) => e.id === u.entry);
        return entry !== undefined && entry.versions.includes(u.version) && contents.get(u.entry)?.[entry.versions.indexOf(u.version)] === undefined;
      });
      for (const u of unreadable) {
        problems.push(`${label}: entry ${numberOf.get(u.entry)}, version ${u.version}, which it belongs to, is missing or unreadable, so the file cannot be matched to it.`);
      }
      referring.push(...unreadable);
      const listed = a.usedBy.map((u) => `${u.entry}/${u.version}`).sort();
      const actual = referring.map((u) => `${u.entry}/${u.version}`).sort();
      if (referring.length === 0) problems.push(`${label}: no entry in the pack refers to this file, though pack.json says it belongs to one.`);
      else if (listed.join() !== actual.join()) problems.push(`${label}: pack.json does not list the entries that refer to this file correctly — it has been edited.`);
      return { number: i + 1, id: a.id, name: a.name, sha256: a.sha256, verified: problems.length === 0, timestamped: timestamped && problems.length === 0, problems };
    }),
  );
}

/**
 * Entries are numbered in the order they happened (then were first logged), as the PDF numbers them; a pack.json
 * in another order means the numbers on paper no longer point at the same entries.
 */
function checkEntryOrder(entries: readonly EntryReport[], contents: ReadonlyMap<string, unknown[]>): string[] {
  const facts = entries.map((entry): OrderFacts | undefined => {
    const first = entry.versions[0];
    const latest = contents.get(entry.id)?.at(-1);
    if (!first || first.receiptTime === null || first.leafIndex === null || latest === undefined) return undefined;
    return { id: entry.id, sortKey: entrySortKey(latest, first.receiptTime), firstLeafIndex: first.leafIndex };
  });
  const problems: string[] = [];
  for (let i = 1; i < facts.length; i++) {
    const before = facts[i - 1];
    const after = facts[i];
    if (before && after && compareEntries(before, after) > 0) {
      problems.push(
        `Entry ${i + 1} comes after entry ${i} in pack.json, but it happened (or was first logged) earlier — the entries have been reordered, so the entry numbers may not match the PDF's.`,
      );
    }
  }
  return problems;
}

function entryVerified(entries: readonly EntryReport[], id: string): boolean {
  return entries.find((e) => e.id === id)?.verified ?? false;
}

// ---------------------------------------------------------------------------------------------------------
// The log since: the pack's tree head is a prefix of a newer published one.

async function checkConsistency(
  treeHead: TreeHeadCheck | null,
  keys: Keys,
  options: VerifyOptions,
  problems: string[],
): Promise<VerificationReport['consistency']> {
  const current = options.currentTreeHead;
  if (!current) return { checked: false };
  const fail = (message: string) => {
    problems.push(message);
    return { checked: true as const, ok: false, treeSize: current.treeSize, timestamp: current.timestamp };
  };
  if (!treeHead || treeHead.signature !== 'passed') return fail("The log's current tree head could not be compared: the pack's own tree head did not verify.");
  const found = keyFor(keys, current.logId);
  if ('refusal' in found) return fail(`The current tree head you gave ${found.refusal}.`);
  if (!(await verifyTreeHead(current, found.key))) return fail('The current tree head you gave has an invalid signature.');
  const proof = decodeAll(options.consistencyProof ?? []);
  const [older, newer] = current.treeSize >= treeHead.head.treeSize ? [treeHead.head, current] : [current, treeHead.head];
  let consistent = false;
  if (proof) {
    try {
      consistent = await verifyConsistency(older.treeSize, newer.treeSize, base64urlDecode(older.rootHash), base64urlDecode(newer.rootHash), proof);
    } catch {
      consistent = false;
    }
  }
  if (!consistent) {
    return fail(
      `Casebook's log as published now (${current.treeSize} entries, ${ukTime(current.timestamp)}) is not an extension of the log in this pack (${treeHead.head.treeSize} entries): ` +
        'either the consistency proof is wrong or the log has been rewritten since the pack was made.',
    );
  }
  return { checked: true, ok: true, treeSize: current.treeSize, timestamp: current.timestamp };
}

// ---------------------------------------------------------------------------------------------------------

function officerSummary(
  entries: readonly EntryReport[],
  attachments: readonly AttachmentReport[],
  problems: readonly string[],
  trust: 'independent' | 'pack-only',
  consistency: VerificationReport['consistency'],
  imports: readonly ImportReport[],
): string {
  const verified = entries.filter((e) => e.verified).length;
  const files = attachments.filter((a) => a.verified).length;
  const sentences: string[] = [];
  if (problems.length === 0) {
    const times = entries.flatMap((e) => e.versions.map((v) => v.receiptTime ?? NaN)).filter(Number.isFinite);
    const earliest = Math.min(...times);
    const latest = Math.max(...times);
    if (entries.length === 1) {
      sentences.push(
        earliest === latest
          ? `The entry checks out: it existed no later than ${ukTime(earliest)} and has not been changed since.`
          : `The entry checks out: it existed no later than ${ukTime(earliest)}, each later version no later than the time shown beside it (the last ${ukTime(latest)}), and none has been changed since.`,
      );
    } else if (entries.length > 1) {
      sentences.push(
        `All ${plural(entries.length, 'entry', 'entries')} check out: each existed no later than the time shown beside it ` +
          `(${ukTimeBare(earliest) === ukTimeBare(latest) ? `all ${ukTimeBare(earliest)}` : `the earliest ${ukTimeBare(earliest)}, the latest ${ukTimeBare(latest)}`}, UK time) and has not been changed since.`,
      );
    } else {
      sentences.push('The pack holds no entries.');
    }
    if (attachments.length === 1) sentences.push('The attached file matches the pack.');
    else if (attachments.length === 2) sentences.push('Both attached files match the pack.');
    else if (attachments.length > 2) sentences.push(`All ${plural(attachments.length, 'attached file')} match the pack.`);
  } else {
    const failed = entries.filter((e) => !e.verified);
    sentences.push(`Verification FAILED: ${plural(problems.length, 'problem')} found.`);
    if (failed.length > 0) {
      const names = failed.slice(0, 10).map((e) => e.number).join(', ');
      sentences.push(
        `${plural(failed.length, 'entry', 'entries')} could not be verified (${failed.length > 10 ? `entries ${names} and more` : `entr${failed.length === 1 ? 'y' : 'ies'} ${names}`}); do not rely on ${failed.length === 1 ? 'it' : 'them'} without further checks.`,
      );
      if (verified === 1) sentences.push('The other entry checks out.');
      else if (verified > 1) sentences.push(`The other ${plural(verified, 'entry', 'entries')} check out.`);
    } else {
      const logOnly = consistency.checked && !consistency.ok && problems.length === 1;
      sentences.push(
        logOnly
          ? "Each entry passed its own checks, but Casebook's log as published now does not contain the pack's log unchanged."
          : 'Each entry passed its own checks, but the pack as a whole did not: see the problems listed.',
      );
    }
    if (files < attachments.length) sentences.push(`${plural(attachments.length - files, 'attached file')} did not match.`);
    const changed = imports.reduce((n, r) => n + r.problems.length, 0);
    if (changed > 0) sentences.push(`${plural(changed, 'message')} brought in from an export ${changed === 1 ? 'does' : 'do'} not match the original file.`);
  }
  const checkedMessages = imports.reduce((n, r) => n + r.messages, 0);
  if (problems.length === 0 && checkedMessages > 0) {
    sentences.push(`All ${plural(checkedMessages, 'message')} brought in from exports ${checkedMessages === 1 ? 'is' : 'are'} word for word what the original ${imports.length === 1 ? 'file says' : 'files say'}.`);
  }
  if (trust === 'pack-only') sentences.push("The signatures were checked with the key inside the pack; compare it with Casebook's published key to rule out a forgery of the whole pack.");
  if (consistency.checked && consistency.ok) sentences.push("Casebook's log as published now still contains this pack's log unchanged.");
  return sentences.join(' ');
}

export function isSignedStatement<K1 extends string, K2 extends string>(
  value: unknown,
  numberKey: K1,
  hashKey: K2,
): value is Receipt & SignedTreeHead & Record<K1, number> & Record<K2, string> {
  if (!isObject(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.logId === 'string' &&
    Number.isSafeInteger(v[numberKey]) &&
    (v[numberKey] as number) >= 0 &&
    typeof v[hashKey] === 'string' &&
    Number.isSafeInteger(v.timestamp) &&
    typeof v.signature === 'string'
  );
}

function isPackEntry(value: unknown): value is PackEntry {
  if (!isObject(value) || !isPackId(value.id) || !Array.isArray(value.versions)) return false;
  return value.versions.every((v: unknown) => Number.isSafeInteger(v) && (v as number) > 0);
}

function isPackAttachment(value: unknown): value is PackAttachment {
  if (!isObject(value) || typeof value.id !== 'string' || !isSha256Hex(value.sha256) || typeof value.name !== 'string') return false;
  if (typeof value.type !== 'string' || !Number.isSafeInteger(value.size) || !Array.isArray(value.usedBy)) return false;
  return value.usedBy.every((u: unknown) => isObject(u) && typeof u.entry === 'string' && Number.isSafeInteger(u.version));
}

function decodeAll(hashes: readonly unknown[]): Uint8Array[] | undefined {
  try {
    return hashes.map((h) => {
      if (h instanceof Uint8Array) return h;
      if (typeof h === 'string') return base64urlDecode(h);
      throw new TypeError('not a hash');
    });
  } catch {
    return undefined;
  }
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(utf8Decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalize(a) === canonicalize(b);
  } catch {
    return false;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
