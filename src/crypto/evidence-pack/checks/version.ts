// One version of one entry, in four steps: its file is canonical JSON; its receipt is signed by the log; the salted
// text is the leaf the receipt signs; the leaf is in the log under the signed tree head, no later than that head.
import { canonicalize } from '../../canonical-json.ts';
import { base64urlDecode, concatBytes, constantTimeEqual, utf8Decode } from '../../encoding.ts';
import { leafHash, verifyInclusion } from '../../merkle.ts';
import type { Receipt } from '../../signing.ts';
import { verifyReceipt } from '../../signing.ts';
import { sha256 } from '../digest.ts';
import type { InclusionProofFile } from '../format.ts';
import { entryPath, proofPath, receiptPath, saltPath } from '../format.ts';
import type { Finding } from '../report-text/finding.ts';
import { finding, list, time, versionPlace } from '../report-text/finding.ts';
import { decodeAll, isObject, isSignedStatement, parseJson } from './json.ts';
import type { Keys, TreeHeadCheck } from './keys.ts';
import { keyFor, refused } from './keys.ts';
import type { CheckStatus, VersionReport } from './report.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type VersionResult = Mutable<VersionReport<Finding>> & { problems: Finding[] };

export interface VersionFiles {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Paths the manifest check found missing, changed or unlisted. */
  readonly badPaths: ReadonlySet<string>;
}

export async function checkVersion(
  pack: VersionFiles,
  id: string,
  version: number,
  entryNumber: number,
  keys: Keys,
  treeHead: TreeHeadCheck | null,
): Promise<VersionReport<Finding>> {
  const { files, badPaths } = pack;
  const place = versionPlace(entryNumber, version);
  const paths = [entryPath, saltPath, receiptPath, proofPath].map((p) => p(id, version));
  const result: VersionResult = {
    version,
    leafIndex: null,
    receiptTime: null,
    content: 'not-checked',
    commitment: 'not-checked',
    signature: 'not-checked',
    inclusion: 'not-checked',
    files: paths.some((p) => badPaths.has(p) || !files.has(p)) ? 'failed' : 'passed',
    problems: [],
  };
  const missing = paths.filter((p) => !files.has(p));
  if (missing.length > 0) {
    const code = missing.length === 1 ? 'version.missingOne' : missing.length === 4 ? 'version.missingAll' : 'version.missingSome';
    result.problems.push(finding(code, { place, paths: list(missing) }));
    return result;
  }
  const contentBytes = files.get(entryPath(id, version))!;
  result.content = checkCanonical(contentBytes, place, entryPath(id, version), result.problems);

  const receipt = parseJson(files.get(receiptPath(id, version)));
  if (!isSignedStatement(receipt, 'leafIndex', 'leafHash')) {
    result.problems.push(finding('version.receiptUnreadable', { place, path: receiptPath(id, version) }));
    return result;
  }
  result.leafIndex = receipt.leafIndex;
  result.receiptTime = receipt.timestamp;
  result.signature = await checkReceiptSignature(receipt, keys, place, result.problems);
  // Said only for a problem: formatting times for every version of a large pack adds up.
  const when = finding(result.signature === 'passed' ? 'version.whenSigned' : 'version.whenClaimed', { time: time(receipt.timestamp) });

  let receiptLeaf: Uint8Array | undefined;
  try {
    receiptLeaf = base64urlDecode(receipt.leafHash);
  } catch {
    receiptLeaf = undefined;
  }
  const salt = files.get(saltPath(id, version))!;
  result.commitment = await checkCommitment(
    salt,
    contentBytes,
    receiptLeaf,
    { place, when, saltPath: saltPath(id, version) },
    result.problems,
  );

  if (!treeHead) return result;
  const proof = parseJson(files.get(proofPath(id, version))) as Partial<InclusionProofFile> | undefined;
  result.inclusion = await checkInclusion(
    proof,
    receipt,
    receiptLeaf,
    treeHead,
    { place, proofPath: proofPath(id, version) },
    result.problems,
  );
  return result;
}

/** 1. The file is canonical JSON, byte for byte as committed. */
function checkCanonical(bytes: Uint8Array, place: Finding, path: string, problems: Finding[]): CheckStatus {
  const content = parseJson(bytes);
  if (content === undefined) {
    problems.push(finding('version.notJson', { place, path }));
    return 'failed';
  }
  let canonical: string | undefined;
  try {
    canonical = canonicalize(content);
  } catch {
    canonical = undefined;
  }
  if (canonical !== undefined && canonical === utf8Decode(bytes)) return 'passed';
  problems.push(finding('version.notCanonical', { place, path }));
  return 'failed';
}

/** 2. The receipt is signed by a log key the verifier may use. */
async function checkReceiptSignature(receipt: Receipt, keys: Keys, place: Finding, problems: Finding[]): Promise<CheckStatus> {
  const found = keyFor(keys, receipt.logId);
  if ('refusal' in found) {
    problems.push(refused('version', found, { place, time: time(receipt.timestamp) }));
    return 'failed';
  }
  if (await verifyReceipt(receipt, found.key)) return 'passed';
  problems.push(finding('version.badSignature', { place, time: time(receipt.timestamp) }));
  return 'failed';
}

/** 3. SHA-256(salt || content) is the leaf the receipt speaks for. */
async function checkCommitment(
  salt: Uint8Array,
  content: Uint8Array,
  receiptLeaf: Uint8Array | undefined,
  at: { place: Finding; when: Finding; saltPath: string },
  problems: Finding[],
): Promise<CheckStatus> {
  if (salt.length !== 32) {
    problems.push(finding('version.saltLength', { place: at.place, path: at.saltPath, bytes: salt.length, when: at.when }));
    return 'failed';
  }
  const leaf = await leafHash(await sha256(concatBytes(salt, content)));
  if (receiptLeaf !== undefined && constantTimeEqual(leaf, receiptLeaf)) return 'passed';
  problems.push(finding('version.textChanged', { place: at.place, when: at.when }));
  return 'failed';
}

/** 4. The leaf is in the log, under the signed tree head, and the receipt is no later than that head. */
async function checkInclusion(
  proof: Partial<InclusionProofFile> | undefined,
  receipt: Receipt,
  receiptLeaf: Uint8Array | undefined,
  treeHead: TreeHeadCheck,
  at: { place: Finding; proofPath: string },
  problems: Finding[],
): Promise<CheckStatus> {
  const { place } = at;
  const size = treeHead.head.treeSize;
  const proofHashes = isObject(proof) && Array.isArray(proof.proof) ? decodeAll(proof.proof) : undefined;
  let status: CheckStatus;
  if (!isObject(proof) || proofHashes === undefined) {
    status = 'failed';
    problems.push(finding('version.proofUnreadable', { place, path: at.proofPath }));
  } else if (proof.leafIndex !== receipt.leafIndex || proof.treeSize !== size) {
    status = 'failed';
    problems.push(
      finding('version.proofForOther', {
        place,
        proofLeaf: String(proof.leafIndex),
        proofSize: String(proof.treeSize),
        leaf: receipt.leafIndex,
        size,
      }),
    );
  } else if (receipt.leafIndex >= size) {
    status = 'failed';
    problems.push(finding('version.beyondLog', { place, leaf: receipt.leafIndex, size }));
  } else {
    const included =
      receiptLeaf !== undefined && (await verifyInclusion(receiptLeaf, receipt.leafIndex, size, proofHashes, treeHead.rootHash));
    status = included && treeHead.signature === 'passed' ? 'passed' : 'failed';
    if (!included) problems.push(finding('version.notInLog', { place }));
  }
  if (receipt.timestamp > treeHead.head.timestamp) {
    status = 'failed';
    problems.push(finding('version.afterTreeHead', { place, time: time(receipt.timestamp), headTime: time(treeHead.head.timestamp) }));
  }
  return status;
}
