// Every version of one vault item, decrypted and checked the way a verifier will check it: the content and its
// salt give the commitment the server recorded, that commitment is the leaf the receipt signs, and the receipt
// is signed by the log's published key. A version that fails is a reason to leave the entry out, in words the
// person can pass on; a pack must never hold an entry that would fail in front of an officer.

import type { Envelope, Receipt } from '../../../crypto/index.ts';
import {
  base64urlDecode,
  base64urlEncode,
  COMMITMENT_SALT_BYTES,
  commit,
  constantTimeEqual,
  decryptItem,
  leafHash,
} from '../../../crypto/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { ChangesResponse } from '../api/types.ts';
import type { LogKeys } from './log-proofs.ts';
import { receiptSigned } from './log-proofs.ts';

/** One element of GET /api/v1/items/:id/versions, or an item's latest version from GET /api/v1/items/changes. */
export interface VersionRecord {
  readonly version: number;
  readonly deleted: boolean;
  readonly envelope: Envelope | null;
  /**
   * base64url, what the browser sent when it saved this version (the versions list has it, the changes feed
   * does not). The signed receipt's leaf hash is checked either way, and that is what a verifier checks.
   */
  readonly commitment?: string;
  readonly receipt: Receipt;
}

export interface OpenedVersion {
  readonly version: number;
  readonly content: unknown;
  readonly salt: Uint8Array;
  readonly commitment: Uint8Array;
  readonly receipt: Receipt;
}

export type OpenedHistory =
  | { readonly ok: true; readonly id: string; readonly versions: readonly OpenedVersion[] }
  | { readonly ok: false; readonly id: string; readonly reason: string };

/**
 * The latest version of every item, a page of 1,000 at a time. An entry whose latest version is 1 has no other
 * versions, so its whole history is here: most of a record is never edited, and this saves a request for each.
 */
export async function fetchLatestVersions(api: ApiClient, signal?: AbortSignal): Promise<Map<string, VersionRecord>> {
  const latest = new Map<string, VersionRecord>();
  let cursor: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000' });
    if (cursor !== undefined) query.set('since', cursor);
    const page = await api.json<ChangesResponse>('GET', `/items/changes?${query}`, signal ? { signal } : {});
    for (const { id, version, deleted, envelope, receipt } of page.changes) latest.set(id, { version, deleted, envelope, receipt });
    cursor = page.cursor;
    if (!page.more || page.changes.length === 0) return latest;
  }
}

/** Every version of an item, oldest first: from the changes feed when it has only one, else from its versions list. */
export async function fetchHistory(
  api: ApiClient,
  id: string,
  signal?: AbortSignal,
  latest?: VersionRecord,
): Promise<readonly VersionRecord[]> {
  if (latest?.version === 1) return [latest];
  const answer = await api.json<{ versions: VersionRecord[] }>(
    'GET',
    `/items/${encodeURIComponent(id)}/versions`,
    signal ? { signal } : {},
  );
  return answer.versions;
}

/** Decrypts and checks a whole history (oldest first). */
export async function openHistory(
  vaultKey: CryptoKey,
  id: string,
  records: readonly VersionRecord[],
  keys: LogKeys,
): Promise<OpenedHistory> {
  const fail = (reason: string): OpenedHistory => ({ ok: false, id, reason });
  if (records.length === 0) return fail('Casebook has no saved versions of it.');
  const versions: OpenedVersion[] = [];
  let previous: Receipt | undefined;
  for (const [index, record] of records.entries()) {
    const n = index + 1;
    if (record.version !== n) return fail(`Its history is incomplete: version ${n} is missing.`);
    if (record.deleted || record.envelope === null) return fail(`Version ${n} was deleted, so the history cannot be shown in full.`);
    let sealed: { content?: unknown; commitmentSalt?: unknown };
    try {
      sealed = await decryptItem<{ content?: unknown; commitmentSalt?: unknown }>(vaultKey, id, n, record.envelope);
    } catch {
      return fail(`Version ${n} could not be opened with your key: it may be damaged, or not the version it claims to be.`);
    }
    const salt = typeof sealed.commitmentSalt === 'string' ? safeDecode(sealed.commitmentSalt) : undefined;
    if (!salt || salt.length !== COMMITMENT_SALT_BYTES || !('content' in sealed))
      return fail(`Version ${n} has no commitment salt, so it cannot be checked.`);
    const { commitment } = await commit(sealed.content, salt);
    const recorded = record.commitment === undefined ? commitment : safeDecode(record.commitment);
    if (!recorded || !constantTimeEqual(commitment, recorded) || record.receipt.leafHash !== base64urlEncode(await leafHash(commitment))) {
      return fail(`Version ${n} does not match what Casebook's log received when it was saved.`);
    }
    if (!(await receiptSigned(record.receipt, keys)))
      return fail(`The time receipt for version ${n} is not signed with Casebook's published key.`);
    if (previous && (record.receipt.leafIndex <= previous.leafIndex || record.receipt.timestamp < previous.timestamp)) {
      return fail(`The time receipts of versions ${n - 1} and ${n} are out of order.`);
    }
    previous = record.receipt;
    versions.push({ version: n, content: sealed.content, salt, commitment, receipt: record.receipt });
  }
  return { ok: true, id, versions };
}

function safeDecode(text: string): Uint8Array | undefined {
  try {
    return base64urlDecode(text);
  } catch {
    return undefined;
  }
}
