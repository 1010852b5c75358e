// Which log keys may verify the pack's signatures: those the verifier was given, else the pack's own.
import { base64urlDecode } from '../../encoding.ts';
import type { SignedTreeHead } from '../../signing.ts';
import { importPublicKey, logIdOf, verifyTreeHead } from '../../signing.ts';
import { PUBLIC_KEY_PATH, TREE_HEAD_PATH } from '../format.ts';
import type { Finding, Param } from '../report-text/finding.ts';
import { finding, time } from '../report-text/finding.ts';
import { isObject, isSignedStatement, parseJson } from './json.ts';
import { PackFormatError } from './pack-format-error.ts';
import type { CheckStatus, KeyReport } from './report.ts';

export interface Keys {
  /** logId → key, from the pack and from the caller; trusted ones win. */
  readonly byLogId: ReadonlyMap<string, { key: CryptoKey; trusted: boolean }>;
  readonly anyTrusted: boolean;
  readonly trust: 'independent' | 'pack-only';
  readonly report: KeyReport[];
}

export async function loadKeys(
  files: ReadonlyMap<string, Uint8Array>,
  trustedInput: readonly (string | Uint8Array)[],
  problems: Finding[],
): Promise<Keys> {
  const byLogId = new Map<string, { key: CryptoKey; trusted: boolean }>();
  const report: KeyReport[] = [];
  for (const raw of trustedInput) {
    let key: CryptoKey;
    try {
      key = await importPublicKey(raw);
    } catch {
      throw new PackFormatError(finding('format.badTrustedKey'));
    }
    byLogId.set(await logIdOf(key), { key, trusted: true });
  }
  const file = parseJson(files.get(PUBLIC_KEY_PATH)) as { logId?: unknown; publicKey?: unknown; keys?: unknown } | undefined;
  const listed: { logId?: unknown; publicKey?: unknown }[] = [];
  if (isObject(file)) {
    listed.push({ logId: file.logId, publicKey: file.publicKey });
    if (Array.isArray(file.keys)) listed.push(...(file.keys as { logId?: unknown; publicKey?: unknown }[]).filter(isObject));
  } else {
    problems.push(finding('keys.fileMissing', { path: PUBLIC_KEY_PATH }));
  }
  const seen = new Set<string>();
  for (const entry of listed) {
    if (typeof entry.publicKey !== 'string' || seen.has(entry.publicKey)) continue;
    seen.add(entry.publicKey);
    let key: CryptoKey;
    try {
      key = await importPublicKey(entry.publicKey);
    } catch {
      problems.push(finding('keys.notAKey', { path: PUBLIC_KEY_PATH, value: JSON.stringify(entry.publicKey).slice(0, 60) }));
      continue;
    }
    const logId = await logIdOf(key);
    if (entry.logId !== logId) problems.push(finding('keys.wrongId', { path: PUBLIC_KEY_PATH, given: String(entry.logId), logId }));
    const trusted = byLogId.get(logId)?.trusted ?? false;
    if (!trusted) byLogId.set(logId, { key, trusted: false });
    report.push({ logId, publicKey: entry.publicKey, trusted });
  }
  const anyTrusted = trustedInput.length > 0;
  return { byLogId, anyTrusted, trust: anyTrusted ? 'independent' : 'pack-only', report };
}

/** Why a statement's key may not be used: not known at all, or in the pack but not among the trusted keys. */
export type Refusal = { readonly refusal: 'unknownKey' } | { readonly refusal: 'untrustedKey'; readonly logId: string };

/** The key for a statement's logId, or why there is none the verifier may use. */
export function keyFor(keys: Keys, logId: unknown): { key: CryptoKey } | Refusal {
  const found = typeof logId === 'string' ? keys.byLogId.get(logId) : undefined;
  if (!found) return { refusal: 'unknownKey' };
  if (keys.anyTrusted && !found.trusted) return { refusal: 'untrustedKey', logId: String(logId) };
  return { key: found.key };
}

/** The refusal as a finding of the statement's area ("treeHead", "version", "consistency"). */
export function refused(area: string, refusal: Refusal, params: Readonly<Record<string, Param>> = {}): Finding {
  return refusal.refusal === 'unknownKey'
    ? finding(`${area}.unknownKey`, params)
    : finding(`${area}.untrustedKey`, { ...params, logId: refusal.logId });
}

export interface TreeHeadCheck {
  readonly head: SignedTreeHead;
  readonly rootHash: Uint8Array;
  readonly signature: CheckStatus;
}

export async function checkTreeHead(
  files: ReadonlyMap<string, Uint8Array>,
  keys: Keys,
  problems: Finding[],
): Promise<TreeHeadCheck | null> {
  const head = parseJson(files.get(TREE_HEAD_PATH));
  if (!isSignedStatement(head, 'treeSize', 'rootHash')) {
    problems.push(finding('treeHead.missing', { path: TREE_HEAD_PATH }));
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
    problems.push(refused('treeHead', found));
    return { head, rootHash, signature: 'failed' };
  }
  if (!(await verifyTreeHead(head, found.key))) {
    problems.push(finding('treeHead.badSignature', { size: head.treeSize, time: time(head.timestamp) }));
    return { head, rootHash, signature: 'failed' };
  }
  return { head, rootHash, signature: 'passed' };
}
