// Encrypted items, whatever they hold (notes now; diary entries, people and places later). Each version is
// sealed with the vault key, its id and version bound as associated data, and committed to with a salted
// SHA-256 that the server timestamps (T6). The salt travels inside the ciphertext, so only someone who can
// decrypt the item can later prove what the commitment covered.

import type { Receipt } from '../../../crypto/index.ts';
import { base64urlDecode, base64urlEncode, commit, decryptItem, encryptItem } from '../../../crypto/index.ts';
import type { ChangesResponse, ItemChange, ItemVersionResponse, VersionsResponse } from '../api/types.ts';
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
export async function putItem<T>(
  vault: UnlockedVault,
  id: string,
  expectedVersion: number,
  content: T,
  checker?: ReceiptChecker,
): Promise<StoredItem<T>> {
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

/**
 * Every live item's latest version, decrypted in memory. Items this device cannot open are reported, not hidden.
 * Decryption runs for all items at once (WebCrypto queues the work), which with thousands of items is several
 * times faster than one after another. Without a checker, receipts are left for checkReceipts to do later,
 * so a long record shows at once.
 */
export async function loadItems(vault: UnlockedVault, checker?: ReceiptChecker): Promise<{ items: StoredItem[]; unreadable: string[] }> {
  const items: StoredItem[] = [];
  const unreadable: string[] = [];
  for (const result of await openLatestItems(vault, (change) => openItem(vault, change, checker).catch(() => change.id))) {
    if (typeof result === 'string') unreadable.push(result);
    else items.push(result);
  }
  return { items, unreadable };
}

/**
 * Every live item's latest change, each handed to `open` as soon as its page arrives, so decrypting one page
 * overlaps fetching the next. A later page may hold a newer version of an item (it replaces the earlier one)
 * or its deletion (it removes it). `open` should not throw: return a marker for an item it cannot open.
 */
export async function openLatestItems<R>(vault: UnlockedVault, open: (change: ItemChange) => Promise<R>): Promise<R[]> {
  const opening = new Map<string, Promise<R>>();
  for await (const changes of changePages(vault)) {
    for (const change of changes) {
      if (change.deleted || change.envelope === null) opening.delete(change.id);
      else opening.set(change.id, open(change));
    }
  }
  return Promise.all(opening.values());
}

/**
 * The item changes feed, a page at a time, oldest change first. The next page is asked for as soon as a page
 * arrives, before the caller works on it, so the server prepares one while the browser decrypts the other.
 */
export async function* changePages(vault: UnlockedVault): AsyncGenerator<readonly ItemChange[]> {
  const fetchPage = (cursor: string | undefined) => {
    const query = new URLSearchParams({ limit: '1000' });
    if (cursor !== undefined) query.set('since', cursor);
    const page = vault.api.json<ChangesResponse>('GET', `/items/changes?${query}`);
    // Awaited below; until then a failure must not count as unhandled (the caller may stop early).
    page.catch(() => undefined);
    return page;
  };
  let next = fetchPage(undefined);
  for (;;) {
    const page = await next;
    const more = page.more && page.changes.length > 0;
    if (more) next = fetchPage(page.cursor);
    yield page.changes;
    if (!more) return;
  }
}

/**
 * Checks the receipts of items loaded without a checker, a batch at a time so the page stays responsive, and
 * reports the ids whose receipts checked out. Stops when `signal` aborts (the vault locked).
 */
export async function checkReceipts(
  items: readonly StoredItem[],
  checker: ReceiptChecker,
  onChecked: (ids: readonly string[]) => void,
  signal?: AbortSignal,
): Promise<void> {
  const BATCH = 100;
  for (let start = 0; start < items.length; start += BATCH) {
    if (signal?.aborted) return;
    const batch = items.slice(start, start + BATCH);
    const results = await Promise.all(
      batch.map(async (item) => {
        const sealedSalt = saltOf.get(item);
        if (sealedSalt === undefined) return item.receiptChecked ? item.id : undefined;
        const { commitment } = await commit(item.content, base64urlDecode(sealedSalt));
        return (await checker.check(item.receipt, commitment)) ? item.id : undefined;
      }),
    );
    if (signal?.aborted) return;
    onChecked(results.filter((id): id is string => id !== undefined));
    // Let input and painting in between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

// Each loaded item's commitment salt, kept beside (not inside) the item so it never reaches the screen's data
// and goes when the item does.
const saltOf = new WeakMap<StoredItem, string>();

/** One item's latest version, decrypted (and its receipt checked, with a checker). Throws when it cannot be opened. */
export async function openItem(vault: UnlockedVault, change: ItemChange, checker?: ReceiptChecker): Promise<StoredItem> {
  if (change.envelope === null) throw new Error('deleted');
  const sealed = await decryptItem<SealedItem<unknown>>(vault.vaultKey, change.id, change.version, change.envelope);
  let receiptChecked = false;
  if (checker) {
    const { commitment } = await commit(sealed.content, base64urlDecode(sealed.commitmentSalt));
    receiptChecked = await checker.check(change.receipt, commitment);
  }
  const item: StoredItem = { id: change.id, version: change.version, content: sealed.content, receipt: change.receipt, receiptChecked };
  saltOf.set(item, sealed.commitmentSalt);
  return item;
}

/** One version of an item, as GET /items/:id/versions lists them, decrypted. */
export interface OpenedVersion<T = unknown> {
  readonly version: number;
  readonly deleted: boolean;
  readonly content: T | undefined;
  readonly receipt: Receipt;
}

/** Every version of one item, oldest first, each decrypted with its own id and version bound in. */
export async function loadVersions(vault: UnlockedVault, id: string): Promise<OpenedVersion[]> {
  const { versions } = await vault.api.json<VersionsResponse>('GET', `/items/${encodeURIComponent(id)}/versions`);
  const opened = await Promise.all(
    versions.map(async (v) => ({
      version: v.version,
      deleted: v.deleted,
      content:
        v.envelope === null ? undefined : (await decryptItem<SealedItem<unknown>>(vault.vaultKey, id, v.version, v.envelope)).content,
      receipt: v.receipt,
    })),
  );
  return opened.sort((a, b) => a.version - b.version);
}
