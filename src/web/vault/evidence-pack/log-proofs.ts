// The transparency log's side of a pack: its published keys, one signed tree head, and an inclusion proof for
// every entry version. Each is checked here before it goes in, so the pack the person hands over verifies —
// and a log that answered wrongly is caught now, on their device, not later in front of an officer.

import type { InclusionProofFile, LogDescription, LogKeysFile } from '../../../crypto/evidence-pack/index.ts';
import type { Receipt, SignedTreeHead } from '../../../crypto/index.ts';
import { base64urlDecode, importPublicKey, verifyInclusion, verifyReceipt, verifyTreeHead } from '../../../crypto/index.ts';
import { HttpError, httpFetch } from '../../http/http-client.ts';
import type { ApiClient } from '../api/client.ts';
import { VAULT_WORDS } from '../api/client.ts';

export interface LogKeys {
  /** As it goes into the pack (log/public-key.json). */
  readonly file: LogKeysFile;
  /** Every published key, by its logId. */
  readonly byLogId: ReadonlyMap<string, CryptoKey>;
}

/** Trouble with the log's answers themselves (not the network): the pack cannot be made to verify. */
export class LogProblem extends Error {
  override readonly name = 'LogProblem';
}

export async function fetchLogKeys(signal?: AbortSignal): Promise<LogKeys> {
  const init: RequestInit = { cache: 'no-store', credentials: 'omit', redirect: 'error', ...(signal ? { signal } : {}) };
  const response = await httpFetch('/.well-known/casebook-log.json', init, VAULT_WORDS).catch((error: unknown) => {
    if (!(error instanceof HttpError) || error.kind === 'network') throw error;
    throw new HttpError(
      error.status,
      error.code,
      `Casebook's time-receipt service did not answer (${error.status}). Try again in a moment.`,
      { ...error.body },
    );
  });
  return logKeysFrom((await response.json()) as LogDescription);
}

export async function logKeysFrom(description: LogDescription): Promise<LogKeys> {
  const byLogId = new Map<string, CryptoKey>();
  for (const key of [{ logId: description.logId, publicKey: description.publicKey }, ...description.keys]) {
    if (!byLogId.has(key.logId)) byLogId.set(key.logId, await importPublicKey(base64urlDecode(key.publicKey)));
  }
  const file: LogKeysFile = {
    logId: description.logId,
    publicKey: description.publicKey,
    keys: description.keys.map((k) => ({
      logId: k.logId,
      publicKey: k.publicKey,
      from: k.from,
      ...(k.until !== undefined ? { until: k.until } : {}),
    })),
  };
  return { file, byLogId };
}

export async function receiptSigned(receipt: Receipt, keys: LogKeys): Promise<boolean> {
  const key = keys.byLogId.get(receipt.logId);
  if (!key) return false;
  try {
    return await verifyReceipt(receipt, key);
  } catch {
    return false;
  }
}

/** The log's latest signed tree head, which covers every receipt issued before it was asked for. */
export async function fetchTreeHead(api: ApiClient, keys: LogKeys, signal?: AbortSignal): Promise<SignedTreeHead> {
  const head = await api.json<SignedTreeHead>('GET', '/log/tree-head', signal ? { signal } : {});
  const key = keys.byLogId.get(head.logId);
  if (!key || !(await verifyTreeHead(head, key).catch(() => false))) {
    throw new LogProblem(
      "Casebook's log sent a tree head that is not signed with its published key, so no pack can be made that would check. Try again later, and tell the helpline if it keeps happening.",
    );
  }
  return head;
}

/** As many leaves as the log answers for in one request (its MAX_PROOFS_PER_REQUEST). */
export const PROOFS_PER_REQUEST = 250;

/**
 * The log's proofs that these receipts' leaves are in the tree head, in the receipts' order (at most
 * PROOFS_PER_REQUEST); check each with proofLeadsToHead before use. One request per batch, because a pack
 * of a thousand entries needs over a thousand proofs.
 */
export async function fetchInclusionProofs(
  api: ApiClient,
  receipts: readonly Receipt[],
  treeHead: SignedTreeHead,
  signal?: AbortSignal,
): Promise<InclusionProofFile[]> {
  if (receipts.length === 0) return [];
  if (receipts.length > PROOFS_PER_REQUEST) throw new RangeError(`at most ${PROOFS_PER_REQUEST} proofs per request`);
  const query = new URLSearchParams({ treeSize: String(treeHead.treeSize), indices: receipts.map((r) => r.leafIndex).join(',') });
  const answer = await api.json<{ treeSize: number; proofs: { leafIndex: number; proof: string[] }[] }>(
    'GET',
    `/log/inclusion-proofs?${query}`,
    signal ? { signal } : {},
  );
  return receipts.map((_receipt, i) => {
    const found = answer.proofs[i];
    // A missing or mismatched answer becomes a proof that fails its check, so the entry is reported, not lost.
    return { leafIndex: found?.leafIndex ?? -1, treeSize: answer.treeSize, proof: found?.proof ?? [] };
  });
}

/** The proof is for this receipt's leaf in this tree head, and hashes up from the leaf to its signed root. */
export async function proofLeadsToHead(receipt: Receipt, proof: InclusionProofFile, treeHead: SignedTreeHead): Promise<boolean> {
  if (proof.leafIndex !== receipt.leafIndex || proof.treeSize !== treeHead.treeSize) return false;
  try {
    return await verifyInclusion(
      base64urlDecode(receipt.leafHash),
      receipt.leafIndex,
      treeHead.treeSize,
      proof.proof.map(base64urlDecode),
      base64urlDecode(treeHead.rootHash),
    );
  } catch {
    return false;
  }
}
