// Encrypted items, whatever they hold (notes now; diary entries, people and places later). Each version is
// sealed with the vault key, its id and version bound as associated data, and committed to with a salted
// SHA-256 that the server timestamps (T6). The salt travels inside the ciphertext, so only someone who can
// decrypt the item can later prove what the commitment covered.
import { base64urlDecode, base64urlEncode, commit, decryptItem, encryptItem } from '../../../crypto/index.ts';
import type { Receipt } from '../../../crypto/index.ts';
import type { ChangesResponse, ItemChange, ItemVersionResponse } from '../api/types.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { ReceiptChecker } from './receipts.ts';

/** What is inside an item's envelope. `content` is what the commitment covers. */
interface SealedItem<T> {
  readonly content: T;
  /** base64url, 32 bytes */
  readonly commitmentSalt: string;
}

export interface StoredItem<T = unknown> {
  readonly id: string;
  readonly version: number;
  readonly content: T;
  readonly receipt: Receipt;
  /** true when the receipt's signature and leaf were checked here against the decrypted content */
  readonly receiptChecked: boolean;
}

export function newItemId(): string {
  return crypto.randomUUID();
}

/** Writes version expectedVersion + 1 (0 = a new item). A concurrent edit elsewhere answers 409. */
export async function putItem<T>(vault: UnlockedVault, id: string, expectedVersion: number, content: T, checker?: ReceiptChecker): Promise<StoredItem<T>> {
  const version = expectedVersion + 1;
  const { salt, commitment } = await commit(content);
  const sealed: SealedItem<T> = { content, commitmentSalt: base64urlEncode(salt) };
  const envelope = await encryptItem(vault.vaultKey, id, version, sealed);
  const answer = await vault.api.json<ItemVersionResponse>('PUT', `/items/${encodeURIComponent(id)}`, {
    json: { expectedVersion, envelope, commitment: base64urlEncode(commitment) },
  });
  if (answer.id !== id || answer.version !== version) throw new Error('The server stored a different item version than the one sent');
  const receiptChecked = checker ? await checker.check(answer.receipt, commitment) : false;
  return { id, version, content, receipt: answer.receipt, receiptChecked };
}

/** Every live item's latest version, decrypted in memory. Items this device cannot open are reported, not hidden. */
export async function loadItems(vault: UnlockedVault, checker?: ReceiptChecker): Promise<{ items: StoredItem[]; unreadable: string[] }> {
  const latest = new Map<string, ItemChange>();
  let cursor: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '500' });
    if (cursor !== undefined) query.set('since', cursor);
    const page = await vault.api.json<ChangesResponse>('GET', `/items/changes?${query}`);
    for (const change of page.changes) latest.set(change.id, change);
    cursor = page.cursor;
    if (!page.more || page.changes.length === 0) break;
  }
  const items: StoredItem[] = [];
  const unreadable: string[] = [];
  for (const change of latest.values()) {
    if (change.deleted || change.envelope === null) continue;
    try {
      items.push(await openItem(vault, change, checker));
    } catch {
      unreadable.push(change.id);
    }
  }
  return { items, unreadable };
}

async function openItem(vault: UnlockedVault, change: ItemChange, checker?: ReceiptChecker): Promise<StoredItem> {
  if (change.envelope === null) throw new Error('deleted');
  const sealed = await decryptItem<SealedItem<unknown>>(vault.vaultKey, change.id, change.version, change.envelope);
  let receiptChecked = false;
  if (checker) {
    const { commitment } = await commit(sealed.content, base64urlDecode(sealed.commitmentSalt));
    receiptChecked = await checker.check(change.receipt, commitment);
  }
  return { id: change.id, version: change.version, content: sealed.content, receipt: change.receipt, receiptChecked };
}
